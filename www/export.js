// Export of a result (CSV, XLSX) and printing. The table is laid out by the
// core's exportTable and written by the package's import.mjs; the page only
// offers the bytes for download.
import { h, button, download, showError } from './dom.js';
import { exportBytes } from './spreadsheet.js';

const TYPES = { csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** Export buttons for one result: `input()` gives exportTable's input ({ kind, data, ... }); errors show in `errors`. */
export function exportButtons(name, input, errors) {
  const save = (format) => async () => {
    try {
      download(`${name}.${format}`, await exportBytes(await input(), format, name), TYPES[format]);
    } catch (err) {
      showError(errors, err);
    }
  };
  return h('div', { class: 'actions export', role: 'group', 'aria-label': name },
    button('exportCsv', save('csv'), { class: 'export-csv' }),
    button('exportXlsx', save('xlsx'), { class: 'export-xlsx' }),
    button('print', () => window.print(), { class: 'print-button' }));
}
