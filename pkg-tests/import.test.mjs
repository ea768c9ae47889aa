// The example court's spreadsheets through the package: CSV and XLSX read
// into the same grids, imported inputs give the engines' results of the JSON
// examples, a bad cell is named by row and column, exports are the same
// bytes every time and read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import { readSpreadsheet, importFile, exportFile, writeCsv, writeXlsx, parseCsv, decodeText } from '../pkg/import.mjs';

const require = createRequire(import.meta.url);
const shenguan = require('../pkg/node/shenguan.js');
const json = (file) => JSON.parse(readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8'));
const sheet = (name) => readFileSync(new URL(`../examples/court/spreadsheets/${name}`, import.meta.url));

const court = json('court/judges.json');
const intake = json('court/cases.json');
const closed = json('court/closed-last-year.json');
const config = json('court/standard-config.json');
const ruleSet = json('rulesets/demo-court.json');
const drand = json('court/beacon.json');
const departments = court.departments;
const trial = (c) => c.category !== 'enforcement';
const pick = (object, keys) => Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, object[k]]));
const assignmentCase = (c) => pick(c, ['id', 'caseType', 'department', 'hard', 'leaderExcluded', 'recuse', 'panelSize', 'filedOn']);
const standardCase = (c) => pick(c, ['id', 'caseType', 'category', 'judge', 'department', 'procedure', 'complexity', 'pages', 'filedOn', 'closedOn']);
const context = { config, departments, judges: court.judges };

async function imported(name, kind, extra = {}) {
  return importFile(shenguan, sheet(name), name, { kind, ...context, ...extra });
}

test('each example sheet reads the same as CSV and as XLSX', async () => {
  for (const name of ['judges', 'cases', 'closed-cases', 'evaluations']) {
    const csv = await readSpreadsheet(sheet(`${name}.csv`), `${name}.csv`);
    const xlsx = await readSpreadsheet(sheet(`${name}.xlsx`), `${name}.xlsx`);
    assert.deepEqual(xlsx, csv, name);
    assert.ok(csv.length > 20, `${name}: ${csv.length} rows`);
  }
  const gb = await readSpreadsheet(sheet('judges-gb18030.csv'), 'judges-gb18030.csv');
  assert.deepEqual(gb, await readSpreadsheet(sheet('judges.csv'), 'judges.csv'), 'GB18030 CSV reads as the UTF-8 one');
  assert.equal(gb[0][0], '法官编号');
});

test('the example files are what the generator writes (reproducible)', () => {
  const judges = shenguan.exportTable({ kind: 'judges', data: court.judges, config, departments });
  assert.deepEqual(Buffer.from(writeCsv(judges)), sheet('judges.csv'));
  assert.deepEqual(Buffer.from(writeXlsx(judges, { sheetName: '法官名册' })), sheet('judges.xlsx'));
  const closedTable = shenguan.exportTable({ kind: 'closedCases', data: closed.filter(trial).map(standardCase), config, departments });
  assert.deepEqual(Buffer.from(writeXlsx(closedTable, { sheetName: '已结案件' })), sheet('closed-cases.xlsx'));
});

test('judges and cases from XLSX give the JSON example\'s commitment and ledger', async () => {
  const judges = (await imported('judges.xlsx', 'judges')).judges;
  const cases = (await imported('cases.xlsx', 'cases')).cases;
  assert.deepEqual(judges, court.judges);
  assert.deepEqual(cases, intake.map(assignmentCase));
  const run = (j, c) => {
    const input = { court: court.court, judges: j, cases: c, seed: 'ab'.repeat(32), beacon: { kind: 'drand', network: 'quicknet', round: drand.round }, committedAt: drand.committedAt };
    input.commitment = shenguan.commitRun(input).commitment;
    input.beaconValue = { round: drand.round, signature: drand.signature };
    return shenguan.assign(input);
  };
  const fromSheets = run(judges, cases);
  assert.equal(fromSheets, run(court.judges, intake.map(assignmentCase)));
  assert.equal(fromSheets.trimEnd().split('\n').length, 1 + intake.length);
});

test('closed cases from CSV give the JSON example\'s baseline, standard cases and weights', async () => {
  const fromCsv = await imported('closed-cases.csv', 'closedCases');
  assert.deepEqual(fromCsv.cases, closed.filter(trial).map(standardCase));
  const baseline = (cases) => shenguan.computeBaseline({ year: 2025, scope: 'perCategory', config, cases });
  const b = baseline(fromCsv.cases);
  assert.equal(b.digest, baseline(closed.filter(trial).map(standardCase)).digest);
  const judgesTotals = (cases) => shenguan.standardCases({ config, baseline: b, cases }).judges;
  assert.deepEqual(judgesTotals(fromCsv.cases), judgesTotals(closed.filter(trial).map(standardCase)));
  // This year's intake sheet, read as closed cases, gives the assignment weights.
  const intakeAsStandard = await imported('cases.xlsx', 'closedCases');
  assert.deepEqual(intakeAsStandard.ignoredColumns, ['重大疑难', '院庭长不参与', '回避法官', '合议庭人数']);
  assert.deepEqual(intakeAsStandard.cases, intake.map(standardCase));
  const weights = (cases) => shenguan.standardCaseWeights({ config, baseline: b, cases }).weights;
  assert.deepEqual(weights(intakeAsStandard.cases.filter(trial)), weights(intake.filter(trial).map(standardCase)));
});

test('evaluation values from XLSX score as the JSON example', async () => {
  const forms = json('court/evaluations.json');
  const fromXlsx = await imported('evaluations.xlsx', 'evaluations', { ruleSet });
  assert.deepEqual(fromXlsx.judges, forms.judges);
  assert.deepEqual(shenguan.score({ ruleSet, judges: fromXlsx.judges }), shenguan.score({ ruleSet, judges: forms.judges }));
  assert.deepEqual(fromXlsx.columns.slice(3).map((c) => c.field), ['values.standardCases', 'values.averageTrialDays', 'values.timelyRate']);
});

test('the bad spreadsheet is refused at row 12, 卷宗页数, in CSV and XLSX, and the engine keeps working', async () => {
  for (const name of ['closed-cases-bad.csv', 'closed-cases-bad.xlsx']) {
    await assert.rejects(imported(name, 'closedCases'), (err) => {
      assert.equal(err.code, 'INVALID_CELL');
      assert.equal(err.messageZh, '第 12 行「卷宗页数」不是数字');
      assert.equal(err.message, 'row 12, column 卷宗页数: not a number');
      assert.equal(err.path, 'rows[11][7]');
      assert.deepEqual(err.details, { row: 12, column: '卷宗页数', columnNumber: 8 });
      assert.equal(err.more.length, 0);
      return true;
    }, name);
  }
  assert.equal((await imported('closed-cases.csv', 'closedCases')).cases.length, closed.filter(trial).length);
});

test('exports are the same bytes every time, and read back to the same table', async () => {
  const input = { court: court.court, judges: court.judges, cases: intake.slice(0, 200).map(assignmentCase), seed: 'cd'.repeat(32), beacon: { kind: 'none' }, committedAt: '2026-01-01T00:00:00Z' };
  input.commitment = shenguan.commitRun(input).commitment;
  const ledger = shenguan.assign(input);
  const audit = shenguan.auditLedger({ inputs: input, ledger });
  const b = shenguan.computeBaseline({ year: 2025, scope: 'perCategory', config, cases: closed.filter(trial).map(standardCase) });
  const standard = shenguan.standardCases({ config, baseline: b, cases: closed.filter(trial).map(standardCase) });
  const trialJudges = court.judges.filter((j) => j.department !== 'enforcement');
  const targets = shenguan.standardTargets({
    year: 2026, lastYear: { totalStandard: standard.total, judges: trialJudges.length, intake: standard.count }, expectedIntake: 1500,
    departments: departments.filter((d) => d.id !== 'enforcement').map((d) => ({ id: d.id, judges: trialJudges.filter((j) => j.department === d.id).map((j) => j.id) })),
    progress: { throughMonth: 6, actual: Object.fromEntries(standard.judges.map((j) => [j.judge, j.standard])) },
  });
  const scores = shenguan.scoreTable({ ruleSet, judges: json('court/evaluations.json').judges });
  const exports = [
    { kind: 'ledger', data: ledger, rows: 200 },
    { kind: 'audit', data: audit, departments, rows: audit.judges.length },
    { kind: 'standardCases', data: standard, config, departments, rows: standard.cases.length },
    { kind: 'standardJudges', data: standard, rows: standard.judges.length },
    { kind: 'targets', data: targets, departments, rows: targets.judges.length },
    { kind: 'scoreTable', data: scores, ruleSet, rows: scores.table.rows.length },
  ];
  for (const { rows, ...request } of exports) {
    const table = shenguan.exportTable(request);
    assert.equal(table.rows.length, rows, request.kind);
    for (const format of ['csv', 'xlsx']) {
      const bytes = exportFile(shenguan, request, format);
      assert.deepEqual(exportFile(shenguan, request, format), bytes, `${request.kind}.${format}: same bytes`);
      const back = await readSpreadsheet(bytes, `x.${format}`);
      // A number cell reads back as written; an empty trailing cell is not stored.
      assert.deepEqual(back, [table.columns, ...table.rows].map((r) => { const c = [...r]; while (c.length && c[c.length - 1] === '') c.pop(); return format === 'csv' ? r : c; }), `${request.kind}.${format}`);
    }
  }
  const ledgerTable = shenguan.exportTable({ kind: 'ledger', data: ledger });
  assert.equal(ledgerTable.columns[1], '操作');
  assert.equal(ledgerTable.rows[0][1], '随机分案');
  const scoreHeaders = shenguan.exportTable({ kind: 'scoreTable', data: scores, ruleSet }).columns;
  assert.ok(scoreHeaders.includes('总分') && scoreHeaders.includes('办案数量得分'), scoreHeaders.join(','));
});

/** The same archive with every part deflated, as Excel and WPS write it. */
function deflated(stored) {
  const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
  const files = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50;) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const name = stored.subarray(at + 30, at + 30 + nameLength);
    const data = stored.subarray(at + 30 + nameLength, at + 30 + nameLength + size);
    files.push({ name, data, crc: view.getUint32(at + 14, true) });
    at += 30 + nameLength + size;
  }
  const parts = [];
  const directory = [];
  let offset = 0;
  for (const f of files) {
    const packed = deflateRawSync(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(f.crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(f.data.length, 22); local.writeUInt16LE(f.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(f.crc, 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(f.name.length, 28); central.writeUInt32LE(offset, 42);
    parts.push(local, f.name, packed);
    directory.push(central, f.name);
    offset += 30 + f.name.length + packed.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(size, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

test('a deflated workbook with shared strings, rich text, booleans, gaps and dates reads', async () => {
  const original = sheet('judges.xlsx');
  const packed = deflated(original);
  assert.ok(packed.length < original.length / 3, `${packed.length} of ${original.length} bytes`);
  assert.deepEqual(await readSpreadsheet(packed, 'judges.xlsx'), await readSpreadsheet(original, 'judges.xlsx'));

  // A sheet as Excel writes it: shared strings (one in rich-text runs, one
  // with an escaped line break), a date cell's day number, a boolean, gaps.
  const sharedStrings = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">'
    + '<si><t>案号</t></si><si><r><rPr><b/></rPr><t>立案</t></r><r><t>日期</t></r></si><si><t>(2026)示0101民初1号 &amp; 附_x000D_</t></si><si><t>重大疑难</t></si></sst>';
  const sheetXml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>3</v></c></row>'
    + '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="C3" s="1"><v>46053</v></c><c r="D3" t="b"><v>1</v></c><c r="E3"/></row>'
    + '<row r="4"><c r="A4" t="str"><v>公式</v></c><c r="B4"><v>4.5999999999999996</v></c></row></sheetData></worksheet>';
  const workbook = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="其他" sheetId="1" r:id="rId9"/><sheet name="案件" sheetId="2" r:id="rId3"/></sheets></workbook>';
  const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="worksheet" Target="/xl/worksheets/cases.xml"/><Relationship Id="rId9" Type="worksheet" Target="worksheets/other.xml"/></Relationships>';
  const enc = (s) => new TextEncoder().encode(s);
  const files = [['xl/workbook.xml', workbook], ['xl/_rels/workbook.xml.rels', rels], ['xl/sharedStrings.xml', sharedStrings], ['xl/worksheets/cases.xml', sheetXml], ['xl/worksheets/other.xml', '<worksheet><sheetData/></worksheet>']];
  const stored = storedZip(files.map(([name, text]) => ({ name, bytes: enc(text) })));
  const rows = await readSpreadsheet(deflated(stored), 'book.xlsx', { sheet: '案件' });
  assert.deepEqual(rows, [['案号', '', '立案日期', '重大疑难'], [], ['(2026)示0101民初1号 & 附\r', '', '46053', 'TRUE'], ['公式', '4.6']]);
  assert.deepEqual(await readSpreadsheet(stored, 'book.xlsx'), [], 'the first sheet by default');
  await assert.rejects(readSpreadsheet(stored, 'book.xlsx', { sheet: '无' }), (e) => e.code === 'INVALID_INPUT' && e.messageZh === '找不到名为「无」的工作表');
  const out = shenguan.importTable({ kind: 'cases', rows: [['案号', '案由', '承办部门', '立案日期', '重大疑难'], ['C1', 't', 'd', rows[2][2], rows[2][3]]] });
  assert.deepEqual(out.cases[0], { id: 'C1', caseType: 't', department: 'd', filedOn: '2026-01-31', hard: true });
});

/** A stored ZIP of `files`, for hand-made workbooks. */
function storedZip(files) {
  const parts = [];
  const directory = [];
  let offset = 0;
  const crc32 = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) { c ^= b; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; }
    return (c ^ 0xffffffff) >>> 0;
  };
  for (const { name, bytes } of files) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt32LE(crc32(bytes), 14); local.writeUInt32LE(bytes.length, 18); local.writeUInt32LE(bytes.length, 22); local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt32LE(crc32(bytes), 16); central.writeUInt32LE(bytes.length, 20); central.writeUInt32LE(bytes.length, 24);
    central.writeUInt16LE(n.length, 28); central.writeUInt32LE(offset, 42);
    parts.push(local, n, Buffer.from(bytes));
    directory.push(central, n);
    offset += 30 + n.length + bytes.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.reduce((s, b) => s + b.length, 0), 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

test('CSV: RFC 4180 quoting, line ends, encodings', () => {
  assert.deepEqual(parseCsv('a,"b,c","d ""e""",\r\n"多\n行",2\n3'), [['a', 'b,c', 'd "e"', ''], ['多\n行', '2'], ['3']]);
  assert.deepEqual(parseCsv('a\tb\r1\t2\r'), [['a', 'b'], ['1', '2']]);
  assert.throws(() => parseCsv('a,b\n1,"2\n'), (e) => e.code === 'INVALID_INPUT' && e.messageZh === '第 2 行：引号未闭合');
  const text = '案号,卷宗页数';
  assert.equal(decodeText(new TextEncoder().encode(`\ufeff${text}`)), text);
  assert.equal(decodeText(new TextEncoder().encode(text)), text);
  assert.equal(decodeText(Buffer.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])), text);
  assert.equal(decodeText(Buffer.from([0xb0, 0xb8, 0xba, 0xc5])), '案号', 'GBK bytes');
  const bytes = writeCsv({ columns: ['案号', '说明'], rows: [['C1', 'a,b'], ['C2', '引号"'], ['C3', ' 空格']] });
  assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), '\ufeff案号,说明\r\nC1,"a,b"\r\nC2,"引号"""\r\nC3," 空格"\r\n');
  assert.deepEqual(parseCsv(decodeText(bytes)), [['案号', '说明'], ['C1', 'a,b'], ['C2', '引号"'], ['C3', ' 空格']]);
});

test('files that are not spreadsheets are refused with a coded error', async () => {
  await assert.rejects(readSpreadsheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'old.xls'), (e) => e.code === 'INVALID_INPUT' && /\.xls/.test(e.message));
  await assert.rejects(readSpreadsheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'x.xlsx'), (e) => e.code === 'INVALID_INPUT' && e.messageZh.includes('ZIP'));
  await assert.rejects(readSpreadsheet('text', 'x.csv'), (e) => e.code === 'INVALID_INPUT');
  assert.throws(() => exportFile(shenguan, { kind: 'judges', data: [] }, 'pdf'), (e) => e.code === 'INVALID_INPUT');
});
