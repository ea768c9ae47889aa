// XLSX (Office Open XML workbook) reading and writing, with no dependency:
// the ZIP container is walked here and its deflated parts inflated by the
// platform's DecompressionStream('deflate-raw') (every current browser,
// Node 20); written workbooks are stored uncompressed with fixed times, so
// the same table always gives the same bytes. Only what a table needs is
// read: the first sheet (or one by name), shared and inline strings,
// numbers and booleans. Dates arrive as the day numbers the sheet stores,
// which the core's import format reads as dates.

const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8');

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function fail(message, messageZh) {
  const error = new Error(message);
  error.name = 'ShenguanError';
  Object.assign(error, { code: 'INVALID_INPUT', path: 'file', messageZh, details: null, more: [], moreOmitted: 0 });
  return error;
}

// ---- ZIP --------------------------------------------------------------------

/** The entries of a ZIP archive: name → { method, data (still compressed) }. */
function zipEntries(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) throw fail('not an XLSX file (no ZIP directory)', '不是 XLSX 文件（找不到 ZIP 目录）');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw fail('damaged XLSX file (ZIP directory)', 'XLSX 文件已损坏（ZIP 目录）');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (local + 30 > bytes.length) throw fail('damaged XLSX file (ZIP entry)', 'XLSX 文件已损坏（ZIP 条目）');
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    entries.set(name, { method, data: bytes.subarray(start, start + size) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function inflate(entry) {
  if (entry.method === 0) return entry.data;
  if (entry.method !== 8) throw fail(`unsupported ZIP compression ${entry.method}`, `不支持的 ZIP 压缩方式 ${entry.method}`);
  const stream = new Blob([entry.data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A ZIP archive of `files` ([{ name, bytes }]), stored, dated 1980-01-01 00:00. */
function zipStored(files) {
  const parts = [];
  const directory = [];
  let offset = 0;
  for (const { name, bytes } of files) {
    const nameBytes = encoder.encode(name);
    const crc = crc32(bytes);
    const header = (signature, extra) => {
      const h = new DataView(new ArrayBuffer(extra ? 46 : 30));
      h.setUint32(0, signature, true);
      let p = 4;
      if (extra) { h.setUint16(p, 20, true); p += 2; }
      h.setUint16(p, 20, true); // version needed
      h.setUint16(p + 2, 0x0800, true); // UTF-8 names
      h.setUint16(p + 4, 0, true); // stored
      h.setUint16(p + 6, 0, true); // time 00:00
      h.setUint16(p + 8, 0x21, true); // date 1980-01-01
      h.setUint32(p + 10, crc, true);
      h.setUint32(p + 14, bytes.length, true);
      h.setUint32(p + 18, bytes.length, true);
      h.setUint16(p + 22, nameBytes.length, true);
      if (extra) h.setUint32(42, offset, true);
      return new Uint8Array(h.buffer);
    };
    const local = header(0x04034b50, false);
    parts.push(local, nameBytes, bytes);
    directory.push(header(0x02014b50, true), nameBytes);
    offset += local.length + nameBytes.length + bytes.length;
  }
  const directorySize = directory.reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...directory, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, b) => n + b.length, 0));
  let p = 0;
  for (const b of all) { out.set(b, p); p += b.length; }
  return out;
}

// ---- XML --------------------------------------------------------------------

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(text) {
  return text
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e) => (e[0] === '#'
      ? String.fromCodePoint(parseInt(e[1] === 'x' ? e.slice(2) : e.slice(1), e[1] === 'x' ? 16 : 10))
      : ENTITIES[e] ?? m))
    // OOXML writes characters XML cannot hold as _xHHHH_.
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

function escapeXml(text) {
  return text
    .replace(/_x([0-9a-fA-F]{4})_/g, '_x005F_x$1_')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
}

const attribute = (attributes, name) => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? unescapeXml(m[2] ?? m[3]) : null;
};

/** The text of every <t> in a fragment, phonetic runs left out. */
const texts = (xml) => unescapeXml([...xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '')
  .matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((m) => m[1]).join(''));

/** Column index of a cell reference: "C7" → 2. */
function columnIndex(reference) {
  let n = 0;
  for (const ch of reference) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function columnName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A number cell as text: as stored when plain, else the shortest form of the double. */
function numberText(v) {
  if (/^-?\d+(\.\d+)?$/.test(v) && v.replace(/[-.]/g, '').replace(/^0+/, '').length <= 15) return v;
  const n = Number(v);
  return Number.isFinite(n) ? String(n) : v;
}

/**
 * The cells of one sheet of an XLSX file as rows of text.
 * @param {Uint8Array} bytes
 * @param {{ sheet?: string }} [options] the sheet's name (default: the first)
 * @returns {Promise<string[][]>}
 */
export async function readXlsx(bytes, { sheet } = {}) {
  const entries = zipEntries(bytes);
  const part = async (name) => {
    const entry = entries.get(name);
    return entry ? utf8.decode(await inflate(entry)) : null;
  };
  const workbook = await part('xl/workbook.xml');
  if (workbook === null) throw fail('not an XLSX workbook (no xl/workbook.xml)', '不是 XLSX 工作簿（缺少 xl/workbook.xml）');
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)].map((m) => ({
    name: attribute(m[1], 'name'), rel: attribute(m[1], '[\\w]+:id'),
  }));
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
  if (!chosen) throw fail(`no sheet named ${sheet}`, `找不到名为「${sheet}」的工作表`);
  const rels = (await part('xl/_rels/workbook.xml.rels')) ?? '';
  const rel = [...rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => m[1]).find((a) => attribute(a, 'Id') === chosen.rel);
  const target = rel ? attribute(rel, 'Target') : 'worksheets/sheet1.xml';
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const xml = await part(path);
  if (xml === null) throw fail(`the sheet ${chosen.name} is missing`, `工作表「${chosen.name}」缺失`);
  const sharedXml = (await part('xl/sharedStrings.xml')) ?? '';
  const shared = [...sharedXml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) => texts(m[1]));

  const rows = [];
  let nextRow = 0;
  for (const row of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = attribute(row[1], 'r');
    const index = r ? Number(r) - 1 : nextRow;
    nextRow = index + 1;
    const cells = [];
    let nextColumn = 0;
    for (const c of (row[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const reference = attribute(c[1], 'r');
      const column = reference ? columnIndex(reference) : nextColumn;
      nextColumn = column + 1;
      const body = c[2] ?? '';
      const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body);
      const raw = v ? unescapeXml(v[1]) : '';
      const type = attribute(c[1], 't') ?? 'n';
      let text;
      if (type === 's') text = shared[Number(raw)] ?? '';
      else if (type === 'inlineStr') text = texts(body);
      else if (type === 'b') text = raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
      else if (type === 'n' && raw !== '') text = numberText(raw);
      else text = raw;
      while (cells.length < column) cells.push('');
      cells[column] = text;
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    while (rows.length < index) rows.push([]);
    rows[index] = cells;
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** Display width of a text in a sheet: CJK characters count two. */
const width = (text) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/**
 * An XLSX workbook of one sheet: the header row in bold and frozen, then the
 * rows. A cell that is a plain decimal of at most 15 digits, without a
 * leading zero, is written as a number; any other as text.
 * @param {{ columns: string[], rows: string[][] }} table
 * @param {{ sheetName?: string }} [options]
 * @returns {Uint8Array}
 */
export function writeXlsx({ columns, rows }, { sheetName = 'Sheet1' } = {}) {
  const all = [columns, ...rows];
  const cell = (text, r, c, header) => {
    const ref = `${columnName(c)}${r + 1}`;
    const style = header ? ' s="1"' : '';
    if (text === '' || text === null || text === undefined) return '';
    const s = String(text);
    if (!header && /^-?(0|[1-9]\d*)(\.\d+)?$/.test(s) && s.replace(/[-.]/g, '').length <= 15) return `<c r="${ref}"${style}><v>${s}</v></c>`;
    return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(s)}</t></is></c>`;
  };
  const widths = columns.map((_, c) => Math.min(60, Math.max(...all.map((row) => width(String(row[c] ?? '')))) + 2));
  const sheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    + (widths.length ? `<cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '')
    + `<sheetData>${all.map((row, r) => `<row r="${r + 1}">${row.map((text, c) => cell(text, r, c, r === 0)).join('')}</row>`).join('')}</sheetData>`
    + '</worksheet>';
  const xml = (body) => encoder.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
  return zipStored([
    { name: '[Content_Types].xml', bytes: xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>') },
    { name: '_rels/.rels', bytes: xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: 'xl/workbook.xml', bytes: xml(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', bytes: xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>') },
    { name: 'xl/styles.xml', bytes: xml('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>') },
    { name: 'xl/worksheets/sheet1.xml', bytes: encoder.encode(sheet) },
  ]);
}
