// Writes the example court's spreadsheets (fictional) under
// examples/court/spreadsheets/, as a court's case management system would
// hand them over: judges, this year's cases, last year's closed cases with
// page counts and the judges' evaluation values, each as CSV (UTF-8 with a
// byte order mark) and XLSX, laid out by the core's export (docs/import.md).
// Also: the judges as GB18030 CSV (what Excel on a Chinese Windows saves),
// evaluations.json (the scoring input the evaluation sheet holds), and
// closed-cases-bad.csv/.xlsx, 30 closed cases with one bad cell (row 12, 卷宗页数). Run it
// again and every file comes out byte-identical.
// Usage (after `make pkg`): node examples/court/spreadsheets.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { writeCsv, writeXlsx } from '../../npm/import.mjs';

const require = createRequire(import.meta.url);
const shenguan = require('../../pkg/node/shenguan.js');
const load = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const out = new URL('./spreadsheets/', import.meta.url);
mkdirSync(out, { recursive: true });

const court = load('./judges.json');
const intake = load('./cases.json');
const closed = load('./closed-last-year.json');
const config = load('./standard-config.json');
const ruleSet = load('../rulesets/demo-court.json');
const departments = court.departments;
const trial = (c) => c.category !== 'enforcement';
const pick = (object, keys) => Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, object[k]]));

/** The cases of an assignment run (as examples/demo.mjs gives them, weights aside). */
export const assignmentCase = (c) => pick(c, ['id', 'caseType', 'department', 'hard', 'leaderExcluded', 'recuse', 'panelSize', 'filedOn']);
/** A case of the standard-case engine. */
export const standardCase = (c) => pick(c, ['id', 'caseType', 'category', 'judge', 'department', 'procedure', 'complexity', 'pages', 'filedOn', 'closedOn']);

/** Two tables of the same records side by side, each column once. */
function besides(left, right) {
  const extra = right.columns.map((c, j) => [c, j]).filter(([c]) => !left.columns.includes(c));
  return {
    columns: [...left.columns, ...extra.map(([c]) => c)],
    rows: left.rows.map((row, i) => [...row, ...extra.map(([, j]) => right.rows[i][j])]),
  };
}

/** The evaluation values of the judges scored in examples/demo.mjs: last year's standard cases, fictional quality figures. */
function evaluations() {
  const baseline = shenguan.computeBaseline({ year: 2025, scope: 'perCategory', config, cases: closed.filter(trial).map((c) => pick(c, ['id', 'caseType', 'category', 'procedure', 'complexity', 'pages'])) });
  const lastYear = shenguan.standardCases({ config, baseline, cases: closed.filter(trial).map((c) => pick(c, ['id', 'caseType', 'category', 'procedure', 'complexity', 'pages', 'judge', 'department'])) });
  const standard = Object.fromEntries(lastYear.judges.map((j) => [j.judge, j.standard]));
  const fictional = (id, salt, lo, hi) => lo + (createHash('sha256').update(id + salt).digest()[0] / 255) * (hi - lo);
  return court.judges
    .filter((j) => ['judge', 'divisionChief', 'deputyChief'].includes(j.role) && j.department !== 'enforcement')
    .map((j) => ({
      id: j.id, name: j.name, role: j.role,
      values: {
        standardCases: standard[j.id] ?? '0',
        averageTrialDays: String(Math.round(fictional(j.id, 'days', 45, 110))),
        timelyRate: fictional(j.id, 'rate', 0.92, 1).toFixed(3),
      },
    }));
}

const forms = evaluations();
const tables = {
  judges: shenguan.exportTable({ kind: 'judges', data: court.judges, config, departments }),
  cases: besides(
    shenguan.exportTable({ kind: 'cases', data: intake.map(assignmentCase), config, departments }),
    shenguan.exportTable({ kind: 'closedCases', data: intake.map(standardCase), config, departments }),
  ),
  'closed-cases': shenguan.exportTable({ kind: 'closedCases', data: closed.filter(trial).map(standardCase), config, departments }),
  evaluations: shenguan.exportTable({ kind: 'evaluations', data: forms, ruleSet }),
};
const sheetNames = { judges: '法官名册', cases: '待分案件', 'closed-cases': '已结案件', evaluations: '考核数据' };
const write = (name, bytes) => writeFileSync(new URL(name, out), bytes);
for (const [name, table] of Object.entries(tables)) {
  write(`${name}.csv`, writeCsv(table));
  write(`${name}.xlsx`, writeXlsx(table, { sheetName: sheetNames[name] }));
}
writeFileSync(new URL('./evaluations.json', import.meta.url), `${JSON.stringify({ judges: forms }, null, 1)}\n`);

// One bad cell: the 11th closed case's dossier pages, on spreadsheet row 12
// (of the first 30 closed cases, to keep the file small).
const bad = { columns: tables['closed-cases'].columns, rows: structuredClone(tables['closed-cases'].rows.slice(0, 30)) };
bad.rows[10][bad.columns.indexOf('卷宗页数')] = '十二';
write('closed-cases-bad.csv', writeCsv(bad));
write('closed-cases-bad.xlsx', writeXlsx(bad, { sheetName: sheetNames['closed-cases'] }));

// GB18030 (GBK for these characters): Node has a GB18030 decoder but no
// encoder, so each character's two bytes are found by decoding them all.
const gbk = new Map();
const decoder = new TextDecoder('gb18030');
for (let lead = 0x81; lead <= 0xfe; lead++) {
  for (let trail = 0x40; trail <= 0xfe; trail++) {
    if (trail === 0x7f) continue;
    const ch = decoder.decode(new Uint8Array([lead, trail]));
    if (ch.length === 1 && !gbk.has(ch)) gbk.set(ch, [lead, trail]);
  }
}
const csvText = new TextDecoder().decode(writeCsv(tables.judges)); // the decoder drops the byte order mark
const encoded = [...csvText].flatMap((ch) => {
  if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
  const bytes = gbk.get(ch);
  if (!bytes) throw new Error(`no GBK code for ${ch}`);
  return bytes;
});
write('judges-gb18030.csv', new Uint8Array(encoded));
console.log(Object.entries(tables).map(([name, t]) => `${name}: ${t.rows.length} rows × ${t.columns.length} columns`).join('; '));
