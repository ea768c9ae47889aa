// The court's spreadsheets in and out, the same in a browser and in Node:
// CSV and XLSX files to a grid of cell texts, which the core maps to an
// engine input (`importTable`, the format of docs/import.md); results laid
// out by the core (`exportTable`) written back as CSV or XLSX, the same
// bytes for the same table. `engine` is the loaded shenguan module (its
// Node or its web build).
import { readXlsx, writeXlsx } from './xlsx.mjs';

export { readXlsx, writeXlsx };

const asBytes = (bytes) => (bytes instanceof Uint8Array ? bytes
  : bytes instanceof ArrayBuffer ? new Uint8Array(bytes)
    : ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : null);

function badInput(path, message, messageZh) {
  const error = new Error(message);
  error.name = 'ShenguanError';
  Object.assign(error, { code: 'INVALID_INPUT', path, messageZh, details: null, more: [], moreOmitted: 0 });
  return error;
}

/**
 * The text of a CSV file: UTF-8 (with or without a byte order mark), UTF-16
 * with its mark, or else GB18030, the superset of GBK that Excel on a
 * Chinese Windows writes ("CSV (逗号分隔)").
 * @param {Uint8Array | ArrayBuffer} bytes
 */
export function decodeText(bytes) {
  const b = asBytes(bytes);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return new TextDecoder('gb18030').decode(b);
  }
}

/**
 * Rows of a CSV text (RFC 4180: fields in double quotes may hold commas,
 * line breaks and doubled quotes; CRLF, LF or CR ends a record). A first
 * line with tabs and no comma is read as tab-separated (Excel's "Unicode
 * text").
 * @param {string} text
 * @returns {string[][]}
 */
export function parseCsv(text) {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let startRow = 1;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === delimiter) { row.push(field); field = ''; i++; continue; }
    if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      startRow = rows.length + 1;
      continue;
    }
    field += c;
    i++;
  }
  if (quoted) throw badInput(`rows[${startRow - 1}]`, `row ${startRow}: a quoted field is not closed`, `第 ${startRow} 行：引号未闭合`);
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/**
 * A spreadsheet file as rows of cell texts: XLSX by its name or its ZIP
 * signature, CSV (or tab-separated text) otherwise.
 * @param {Uint8Array | ArrayBuffer} bytes
 * @param {string} [fileName]
 * @param {{ sheet?: string }} [options] for XLSX, the sheet's name (default: the first)
 * @returns {Promise<string[][]>}
 */
export async function readSpreadsheet(bytes, fileName = '', options = {}) {
  const b = asBytes(bytes);
  if (!b) throw badInput('file', 'expected the file as bytes (Uint8Array or ArrayBuffer)', '应以字节（Uint8Array 或 ArrayBuffer）传入文件');
  const zip = b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  if (/\.xls$/i.test(fileName) && !zip) {
    throw badInput('file', 'the old Excel format (.xls) is not read: save the sheet as .xlsx or CSV', '不支持旧版 Excel 格式（.xls），请另存为 .xlsx 或 CSV');
  }
  if (/\.xlsx$/i.test(fileName) || zip) return readXlsx(b, options);
  return parseCsv(decodeText(b));
}

/**
 * Read a spreadsheet file and map it to an engine input.
 * @param {{ importTable: Function }} engine the shenguan module
 * @param {Uint8Array | ArrayBuffer} bytes
 * @param {string} fileName
 * @param {object} options importTable's input without `rows` (kind, config, departments, judges, ruleSet), and `sheet`
 */
export async function importFile(engine, bytes, fileName, { sheet, ...options }) {
  const rows = await readSpreadsheet(bytes, fileName, { sheet });
  return engine.importTable({ ...options, rows });
}

const needsQuotes = /[",\r\n]|^\s|\s$/;

/**
 * CSV bytes of a table: UTF-8 with a byte order mark (so Excel shows the
 * Chinese headers), CRLF line ends, quotes only where needed.
 * @param {{ columns: string[], rows: string[][] }} table
 * @returns {Uint8Array}
 */
export function writeCsv({ columns, rows }) {
  const field = (v) => {
    const s = v === null || v === undefined ? '' : String(v);
    return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = [columns, ...rows].map((row) => row.map(field).join(',')).join('\r\n');
  return new TextEncoder().encode(`\ufeff${text}\r\n`);
}

/**
 * An input or result exported as a file: the core's table (exportTable) written as CSV or XLSX.
 * @param {{ exportTable: Function }} engine the shenguan module
 * @param {object} input exportTable's input (kind, data, config?, departments?, ruleSet?)
 * @param {'csv' | 'xlsx'} format
 * @param {{ sheetName?: string }} [options]
 * @returns {Uint8Array}
 */
export function exportFile(engine, input, format, options = {}) {
  const table = engine.exportTable(input);
  if (format === 'csv') return writeCsv(table);
  if (format === 'xlsx') return writeXlsx(table, options);
  throw badInput('format', `unknown format ${format} (csv or xlsx)`, `未知格式 ${format}（csv 或 xlsx）`);
}
