/** Messages of the workbook side of the documents (reading 月度考核, the sheet 月度通报). */
export const DOCS_WMSG = {
  notNumber: (label: string, value: unknown) => `月度考核的“${label}”应为数字，实为“${String(value)}”：该单位本月按未计分处理。`,
  pendingNotNumber: (label: string, value: unknown) => `月度考核的“${label}”应为件数，实为“${String(value)}”：该单位本月的待定研判按0件列出，请重新导入工单明细。`,
  noType: "未分类",
  sheetTitle: (title: string) => title,
  sheetNote: "本表由“生成月度通报”写出（每次生成时整表重写），内容与通报文档（.docx）相同；A4纵向打印。",
  redHeading: "红榜",
  blackHeading: "黑榜",
  listLabels: ["榜单", "类别", "单位名称", "月度得分", "排名"] as const,
  noOrdersLabel: "本月无工单",
  sign: (issuer: string, date: string) => `${issuer}　${date}`,
} as const;
