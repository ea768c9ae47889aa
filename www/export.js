// Export of a result table (CSV, XLSX) and printing. The files are written by
// the package's spreadsheet module; the page only offers them for download.
import { h, button, download } from './dom.js';
import { t } from './i18n.js';
import { writeCsv, writeXlsx } from './spreadsheet.js';

/** Export buttons for one table: CSV, XLSX and print. */
export function exportButtons(name, headers, rows) {
  const grid = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))];
  return h('div', { class: 'actions export', role: 'group', 'aria-label': name },
    button('exportCsv', () => download(`${name}.csv`, writeCsv(grid), 'text/csv;charset=utf-8'), { class: 'export-csv' }),
    button('exportXlsx', async () => download(`${name}.xlsx`, await writeXlsx(grid, name),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), { class: 'export-xlsx' }),
    button('print', () => window.print(), { class: 'print-button' }));
}
