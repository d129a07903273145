/** Case search and export. */
export const searchEn = {
  export: 'Export CSV',
  exporting: 'Exporting…',
  exportFailed: 'The export failed. Please try again.',
} as const;
