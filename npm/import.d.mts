// Declarations of import.mjs (docs/import.md).
import type { ExportTableInput, ExportTableOutput, ImportTableInput, ImportTableOutput } from './full/shenguan.js';

/** The loaded shenguan module (Node or web build): what import.mjs calls. */
export interface SpreadsheetEngine {
  importTable(input: ImportTableInput | string): ImportTableOutput;
  exportTable(input: ExportTableInput | string): ExportTableOutput;
}
export type FileBytes = Uint8Array | ArrayBuffer;

/** The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030. */
export function decodeText(bytes: FileBytes): string;
/** Rows of a CSV text (RFC 4180; tab-separated when the first line has tabs and no comma). */
export function parseCsv(text: string): string[][];
/** The cells of one sheet of an XLSX file (the first, or the one named). */
export function readXlsx(bytes: Uint8Array, options?: { sheet?: string }): Promise<string[][]>;
/** A CSV or XLSX file as rows of cell texts. */
export function readSpreadsheet(bytes: FileBytes, fileName?: string, options?: { sheet?: string }): Promise<string[][]>;
/** Read a file and map it to an engine input with the core's import format. */
export function importFile(
  engine: SpreadsheetEngine, bytes: FileBytes, fileName: string,
  options: Omit<ImportTableInput, 'rows'> & { sheet?: string },
): Promise<ImportTableOutput>;
/** CSV bytes: UTF-8 with BOM, CRLF. */
export function writeCsv(table: ExportTableOutput): Uint8Array;
/** XLSX bytes of one sheet; the same table always gives the same bytes. */
export function writeXlsx(table: ExportTableOutput, options?: { sheetName?: string }): Uint8Array;
/** exportTable's table written as CSV or XLSX. */
export function exportFile(engine: SpreadsheetEngine, input: ExportTableInput, format: 'csv' | 'xlsx', options?: { sheetName?: string }): Uint8Array;
