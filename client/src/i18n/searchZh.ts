/** 案件检索与导出。 */
export const searchZh = {
  export: '导出 CSV',
  exporting: '正在导出…',
  exportFailed: '导出失败，请重试。',
} as const;
