/**
 * Excel date serials (1900 date system): days since 1899-12-30, so 1970-01-01 is 25569 (Excel's fictitious
 * 1900-02-29 is why the count starts a day early). Times are the fraction of the day, wall-clock as written.
 */

/** The serial of 1970-01-01 00:00. */
export const EXCEL_UNIX_EPOCH = 25569;
/** A serial in the 1904 date system plus this is the same day in the 1900 system. */
export const DATE1904_OFFSET = 1462;
export const MS_PER_DAY = 86_400_000;

/** The serial of a time given as milliseconds since 1970-01-01 00:00 (UTC read as wall-clock time). */
export const serialOfUnixMs = (ms: number): number => EXCEL_UNIX_EPOCH + ms / MS_PER_DAY;

/** Milliseconds since 1970-01-01 00:00 of a serial (unrounded). */
export const unixMsOfSerial = (serial: number): number => (serial - EXCEL_UNIX_EPOCH) * MS_PER_DAY;
