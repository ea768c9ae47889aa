// The court's spreadsheets in and out. Reading a CSV/XLSX file into a grid of
// cell strings and writing one back are the package's (pkg/import.js); the
// column mapping (Chinese headers to the engines' fields) and every check of
// a row belong to the core's importTable. The page only hands files over.
import { core, exampleUrl, fetchJson } from './core.js';

/** A file (File or Blob with a name) imported as `kind` (judges, cases, closedCases, values…). */
export async function importFile(kind, file) {
  const { readSpreadsheet } = await import('../pkg/import.js');
  const rows = await readSpreadsheet(new Uint8Array(await file.arrayBuffer()), file.name);
  return (await core()).importTable({ kind, rows });
}

/** CSV text of a grid (first row the headers), with a BOM so spreadsheet programs read it as UTF-8. */
export function writeCsv(grid) {
  const cell = (c) => (/[",\r\n]/.test(c) || /^\s|\s$/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return `\ufeff${grid.map((row) => row.map((c) => cell(String(c))).join(',')).join('\r\n')}\r\n`;
}

/** XLSX bytes of a grid. */
export async function writeXlsx(grid, sheetName) {
  const { writeXlsx: write } = await import('../pkg/import.js');
  return write(grid, sheetName);
}

/** The example court (examples/court/): its name, judges and this year's cases as the assignment takes them. */
export async function loadExampleCourt() {
  const [court, intake] = await Promise.all([fetchJson(exampleUrl('court/judges.json')), fetchJson(exampleUrl('court/cases.json'))]);
  const cases = intake.map((c) => ({
    id: c.id, caseType: c.caseType, department: c.department, hard: c.hard ?? false,
    leaderExcluded: c.leaderExcluded ?? false, recuse: c.recuse ?? [], panelSize: c.panelSize ?? 1, filedOn: c.filedOn,
  }));
  return { court: court.court, departments: court.departments, judges: court.judges, cases };
}

/**
 * The example court's standard-case data: its configuration, last year's
 * closed trial cases, and this year's trial cases (taken as closed in the
 * month they were filed), each with the judge the court's own draw names;
 * `draw(run)` runs that draw (in the background thread) and returns the ledger.
 */
export async function loadExampleStandard(draw) {
  const [config, closedAll, intake, court] = await Promise.all(['standard-config', 'closed-last-year', 'cases', 'judges']
    .map((name) => fetchJson(exampleUrl(`court/${name}.json`))));
  const isTrial = (c) => c.category !== 'enforcement';
  const asStandard = (c) => ({ id: c.id, caseType: c.caseType, category: c.category, procedure: c.procedure, complexity: c.complexity, pages: c.pages });
  const trial = intake.filter(isTrial);
  const { judges, cases } = await loadExampleCourt();
  const trialIds = new Set(trial.map((c) => c.id));
  const run = { court: court.court, judges, cases: cases.filter((c) => trialIds.has(c.id)), seed: '5f'.repeat(32), beacon: { kind: 'none' }, committedAt: '2026-01-01T00:00:00Z' };
  run.commitment = (await core()).commitRun(run).commitment;
  const ledger = await draw(run);
  const handling = new Map(ledger.trimEnd().split('\n').slice(1).map((line) => JSON.parse(line))
    .filter((e) => e.caseId !== null).map((e) => [e.caseId, e.judges[0]]));
  const trialJudges = court.judges.filter((j) => j.department !== 'enforcement');
  return {
    court: court.court,
    year: 2026,
    config,
    closed: closedAll.filter(isTrial).map(asStandard),
    current: trial.map((c) => ({ ...asStandard(c), judge: handling.get(c.id), department: c.department, closedOn: c.filedOn })),
    expectedIntake: trial.length,
    lastYearJudges: trialJudges.length,
    departments: court.departments.filter((d) => d.id !== 'enforcement')
      .map((d) => ({ id: d.id, judges: trialJudges.filter((j) => j.department === d.id).map((j) => j.id) })),
    departmentNames: Object.fromEntries(court.departments.map((d) => [d.id, d.name])),
  };
}
