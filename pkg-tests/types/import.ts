// A typed use of the spreadsheet import and export; checked by `tsc --noEmit`.
import init, { importTable, exportTable, computeBaseline } from '../../pkg/web/shenguan.js';
import type { ImportTableOutput, ExportTableOutput, ShenguanErrorFields } from '../../pkg/web/shenguan.js';
import { importFile, exportFile, readSpreadsheet, writeCsv } from '../../pkg/import.mjs';

export async function closedCasesFromFile(file: File): Promise<ImportTableOutput> {
  await init();
  const engine = { importTable, exportTable };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const rows: string[][] = await readSpreadsheet(bytes, file.name);
  if (rows.length === 0) throw new Error('empty');
  try {
    const imported = await importFile(engine, bytes, file.name, { kind: 'closedCases', departments: [{ id: 'civil', name: '民事审判庭' }] });
    const ignored: string[] = imported.ignoredColumns;
    void ignored;
    return imported;
  } catch (err) {
    const e = err as ShenguanErrorFields;
    throw new Error(`${e.code}: ${e.messageZh}`);
  }
}

export function baselineSheet(cases: Array<Record<string, unknown>>): Uint8Array {
  const baseline = computeBaseline({ year: 2025, cases: cases as never });
  const table: ExportTableOutput = exportTable({ kind: 'closedCases', data: cases });
  void baseline;
  return table.rows.length > 0 ? writeCsv(table) : exportFile({ importTable, exportTable }, { kind: 'closedCases', data: [] }, 'xlsx');
}

export const grid: ImportTableOutput = importTable({ kind: 'judges', rows: [['法官编号', '部门', '案由', '职务', '办案比例'], ['J1', 'civil', 'loan', '法官', 1]] });
