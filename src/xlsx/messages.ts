/** Every user-facing text of the .xlsx reader and writer, in one place (Chinese, never library internals). */

/**
 * A size for people: MB to 2 decimals, KB below 1 MB, bytes below 1 KB. Sizes round up and limits down, so a size shown
 * beside its limit is always visibly greater (never "1 MB, over the limit of 1 MB").
 */
const size = (bytes: number, round: (x: number) => number): string => {
  const MB = 1 << 20;
  if (bytes >= MB) return `${round((bytes / MB) * 100) / 100} MB`;
  if (bytes < 1024) return `${bytes} 字节`;
  return `${round(bytes / 1024)} KB`;
};
const mb = (bytes: number): string => size(bytes, Math.ceil);
const limitMb = (bytes: number): string => size(bytes, Math.floor);

const raiseCells = "确属正常文件时，可用 --max-part-mb 提高上限（单元格上限随之按比例提高）";

export const XLSX_MSG = {
  notZip: "文件不是有效的 .xlsx 工作簿（无法读取压缩目录）",
  partWithoutRoot: (path: string) => `工作簿部件 ${path} 没有内容（缺少根元素），文件已损坏：请在 Excel 中打开并另存后再计算`,
  badLocalHeader: (path: string) => `工作簿部件 ${path} 的位置记录有误，文件可能已损坏`,
  badZip64: "文件的 ZIP64 目录记录有误，文件可能已损坏",
  entryMissing: (path: string) => `工作簿缺少部件 ${path}，文件可能已损坏`,
  unsupportedMethod: (path: string, method: number) => `工作簿部件 ${path} 使用了不支持的压缩方式（${method}）`,
  encrypted: "工作簿已加密，请先在 Excel 中取消密码后再使用",
  entryDamaged: (path: string) => `工作簿部件 ${path} 解压后长度与目录记载不符，文件可能已损坏或被截断`,
  crcMismatch: (path: string) => `工作簿部件 ${path} 的校验码（CRC-32）不符，文件已损坏`,
  inflateFailed: (path: string) => `工作簿部件 ${path} 无法解压，文件已损坏`,
  readFailed: "读取文件时出错：文件可能在选择后被移动、删除或正被其他程序占用，请重新选择文件",
  tooLarge: (path: string, size: number, limit: number) =>
    `工作簿部件 ${path} 解压后为 ${mb(size)}，超过上限 ${limitMb(limit)}；确属正常文件时，可用 --max-part-mb 提高上限`,
  rowTooLarge: (path: string, limit: number) =>
    `工作簿部件 ${path} 中有一行（或一个单元格）超过 ${limitMb(limit)}，无法读取；确属正常文件时，可用 --max-part-mb 提高上限`,
  tooManyCells: (sheet: string, limit: number) =>
    `工作表“${sheet}”的使用区域超过 ${limit} 个单元格（行数或列数超出 Excel 上限，或表中有大量空白行列），无法读取；${raiseCells}`,
  tooManyMerges: (where: string) => `“${where}”中的合并单元格过多或相互重叠（Excel 不允许重叠），无法读取：请在 Excel 中打开并另存后再计算；${raiseCells}`,
  tooMuchText: (sheet: string, limit: number) =>
    `工作表“${sheet}”中单元格的文字和公式（连同已读取的其他工作表）超过 ${limit} 个字符，远多于考核工作簿所需，无法读取：请删除表中与考核无关的长文字；${raiseCells}`,
  tooManyValues: (sheet: string, limit: number) =>
    `工作表“${sheet}”中有内容的单元格（连同已读取的其他工作表）超过 ${limit} 个，远多于考核工作簿所需，无法读取：请删除表中与考核无关的数据（如未使用列中的数字）；${raiseCells}`,
  noWorksheet: "工作簿中没有工作表",
  notSpreadsheet: "文件不是 Excel 工作簿（缺少工作簿部件）",
  tooBigToWrite: "结果文件将超过 4 GB，无法写出",
  cannotRead: (path: string, reason: string) => `无法读取“${path}”：${reason}`,
  badLimit: (value: string) => `--max-part-mb 应为正数（单位 MB），收到“${value}”。`,
  /**
   * The value of a cell whose shared-string index is not in the table: unreadable (it starts with U+FFFD),
   * so the cell is listed wherever its value counts, with this text quoted.
   */
  badSharedIndex: (index: string) => `\uFFFD（共享字符串索引“${index}”超出范围，文件可能已损坏）`,
  /** Appended to text cut to Excel's cell limit. */
  truncatedMark: "…（超出 Excel 单元格 32767 字符上限，已截断）",
} as const;

/** A file the reader cannot read (bad data, not a bug): shown to the user as is. */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxError";
  }
}
