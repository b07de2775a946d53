/** A1 addresses of 0-based (row, column) positions, as the 校验 sheet and messages show them (defined in src/sheet). */
export { cellAddress, columnLetter, parseAddress, qualified } from "../sheet/address";
