/**
 * Size limits of the reader (issue 8: bounded whatever the input). A part streamed row by row (a
 * worksheet, inflated chunk by chunk) may inflate to `maxPartBytes`; a part that must be held whole
 * (sharedStrings.xml, workbook.xml, styles.xml, a worksheet the command patches) to a sixteenth of it.
 * The command line raises both with --max-part-mb.
 */
export interface XlsxLimits {
  readonly maxPartBytes: number;
}

export const DEFAULT_MAX_PART_MB = 4096;
export const DEFAULT_LIMITS: XlsxLimits = { maxPartBytes: DEFAULT_MAX_PART_MB * (1 << 20) };

/** Limit of a part held whole in memory. */
export const wholePartLimit = (limits: XlsxLimits): number => Math.floor(limits.maxPartBytes / 16);

/** Limit of one row (or cell) held while a worksheet is streamed. */
export const rowLimit = (limits: XlsxLimits): number => Math.floor(limits.maxPartBytes / 64);

/**
 * Most cells with a value that the workbook port holds for the sheets it reads (values, formulas, formats):
 * 256 per MB of --max-part-mb, 1,048,576 by default — a thousand times a real assessment workbook (77 units,
 * 37 departments, registers of a few thousand rows), and about 500 MB of memory at most.
 */
export const snapshotCellLimit = (limits: XlsxLimits): number => Math.floor(limits.maxPartBytes / 4096);

export const limitsOfMb = (mb: number): XlsxLimits => ({ maxPartBytes: Math.floor(mb * (1 << 20)) });

/**
 * Compressed bytes given to an inflater at a time (fflate in ./zip, DecompressionStream in ./stream-inflate,
 * which also waits for the reader before the next). DEFLATE expands at most about 1032:1, so one slice yields
 * at most ~4 MB: a part of a gigabyte of whitespace (a megabyte on disk) passes through in small pieces instead
 * of a single push of a 1 MB read inflating it whole. Measured in Chromium on such a part (test/e2e/web-limits):
 * renderer peak 785 MB with 16 KB slices through fflate, 609 MB with 4 KB; reading ordinary sheets is as fast
 * within noise.
 */
export const INFLATE_SLICE = 1 << 12;
