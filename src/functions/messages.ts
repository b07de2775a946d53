/** Messages of the ASSESS.* functions about the host, beyond the engine's catalogue. `field` names the argument. */

const WORKAROUND = "若该比率确为0，可在单元格中写成文本“0%”，热线比率也可改用件数形式（如退单数与工单总量）";

export const HOST_MSG = {
  /** The host gives no parameter addresses (CustomFunctionsRuntime < 1.3, or not Excel). */
  zeroNoAddress: (field: string) =>
    `${field}收到0，但当前 Excel 不提供参数所在的单元格（需 CustomFunctionsRuntime 1.3），无法区分空白单元格与0：` +
    `桌面版 Excel 把空白单元格作为0传入。请升级 Excel；${WORKAROUND}。`,
  /** The address is known, but the cell could not be read (no Excel API, or the read failed). */
  zeroUnreadable: (field: string, address: string) =>
    `${field}收到0，但无法读取单元格 ${address} 以确认它是空白还是0：请按 Ctrl+Alt+F9 重新计算；${WORKAROUND}。`,
} as const;
