// The court's spreadsheets in and out. Reading and writing CSV/XLSX files is
// the package's (pkg/import.mjs); the column mapping (Chinese headers to the
// engines' fields), every check of a row, and the layout of an exported
// table belong to the core's importTable and exportTable (docs/import.md).
// The page only hands files over and offers the bytes for download; both
// directions run in the background thread (a court's year of cases is more
// than the page's thread should parse at once).
import { worker, exampleUrl, fetchJson } from './core.js';

/** A spreadsheet File imported as `kind` (judges, cases, closedCases, evaluations); `context` as importTable takes it. */
export async function importFile(kind, file, context = {}) {
  return worker().importFile({ file, kind, ...context });
}

/** The bytes of an exported table: `input` is exportTable's ({ kind, data, ... }), `format` csv or xlsx. */
export async function exportBytes(input, format, sheetName) {
  return worker().exportFile({ input, format, sheetName });
}

/** One of the example court's spreadsheets (examples/court/spreadsheets/) as a File. */
export async function exampleFile(name) {
  const url = exampleUrl(`court/spreadsheets/${name}`);
  const response = await fetch(url);
  if (!response.ok) throw { code: 'NOT_FOUND', message: `${name} could not be read (${response.status})`, messageZh: `无法读取示例文件 ${name}（${response.status}）` };
  return new File([await response.blob()], name);
}

/**
 * The context a court's sheets are read in: the example court's departments
 * (names become ids) and standard configuration (case-type labels become keys).
 */
export async function courtContext() {
  const [court, config] = await Promise.all([fetchJson(exampleUrl('court/judges.json')), fetchJson(exampleUrl('court/standard-config.json'))]);
  return { court: court.court, departments: court.departments, config };
}

/** The example court: its name and departments (judges.json), its judges and cases from its spreadsheets. */
export async function loadExampleCourt() {
  const { court: name, departments, config } = await courtContext();
  const court = { court: name, departments };
  const context = { departments, config };
  const judges = (await importFile('judges', await exampleFile('judges.xlsx'), context)).judges;
  const cases = (await importFile('cases', await exampleFile('cases.xlsx'), context)).cases;
  return { court: court.court, departments: court.departments, judges, cases };
}

/**
 * The example court's standard-case data: its configuration, last year's
 * closed trial cases and this year's trial cases from its spreadsheets (this
 * year's taken as closed in the month they were filed), each case of this
 * year with the judge the court's own draw names; `draw(run)` runs that draw
 * (in the background thread) and returns its view (ledger-views.js drawView).
 */
export async function loadExampleStandard(draw) {
  const [config, court] = await Promise.all([fetchJson(exampleUrl('court/standard-config.json')), fetchJson(exampleUrl('court/judges.json'))]);
  const context = { config, departments: court.departments, judges: court.judges };
  const closed = (await importFile('closedCases', await exampleFile('closed-cases.xlsx'), context)).cases;
  const isTrial = (c) => c.category !== 'enforcement';
  const thisYear = (await importFile('closedCases', await exampleFile('cases.xlsx'), context)).cases.filter(isTrial);
  const { judges, cases } = await loadExampleCourt();
  const trialIds = new Set(thisYear.map((c) => c.id));
  const run = { court: court.court, judges, cases: cases.filter((c) => trialIds.has(c.id)), seed: '5f'.repeat(32), beacon: { kind: 'none' }, committedAt: '2026-01-01T00:00:00Z' };
  run.commitment = (await worker().commitRun(run)).commitment;
  const handling = new Map((await draw(run)).handling);
  const trialJudges = court.judges.filter((j) => j.department !== 'enforcement');
  return {
    court: court.court,
    year: 2026,
    config,
    courtDepartments: court.departments,
    closed: closed.filter(isTrial),
    current: thisYear.map((c) => ({ ...c, judge: handling.get(c.id), closedOn: c.closedOn ?? c.filedOn })),
    expectedIntake: thisYear.length,
    lastYearJudges: trialJudges.length,
    departments: court.departments.filter((d) => d.id !== 'enforcement')
      .map((d) => ({ id: d.id, judges: trialJudges.filter((j) => j.department === d.id).map((j) => j.id) })),
    departmentNames: Object.fromEntries(court.departments.map((d) => [d.id, d.name])),
  };
}
