/** Excel date serials (1900 system): 1970-01-01 is 25569, 1900-03-01 is 61; 1904 serials are 1462 days less. */
import { DATE1904_OFFSET, EXCEL_UNIX_EPOCH, serialOfUnixMs, unixMsOfSerial } from "../../src/sheet";

describe("date serials", () => {
  it("count days as Excel does", () => {
    expect(EXCEL_UNIX_EPOCH).toBe(25569);
    expect(serialOfUnixMs(0)).toBe(25569);
    expect(serialOfUnixMs(Date.UTC(1900, 2, 1))).toBe(61);
    expect(serialOfUnixMs(Date.UTC(2021, 11, 31, 12))).toBe(44561.5);
    expect(unixMsOfSerial(44561.5)).toBe(Date.UTC(2021, 11, 31, 12));
  });
  it("1904 system: 1904-01-01 is serial 0 there and 1462 in the 1900 system", () => {
    expect(DATE1904_OFFSET).toBe(1462);
    expect(serialOfUnixMs(Date.UTC(1904, 0, 1))).toBe(0 + DATE1904_OFFSET);
  });
});
