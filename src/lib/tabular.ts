import ExcelJS from 'exceljs';

/**
 * Tables a person opens in a spreadsheet: CSV (RFC 4180) and XLSX, from one description
 * of the columns. Cells are strings, integers or null; amounts go out as euro decimals
 * computed from cents without floats.
 */

export type Cell = string | number | null;

export interface Column<Row> {
  header: string;
  value: (row: Row) => Cell;
  /** 'euro': an integer number of cents shown as euros with two decimals. */
  kind?: 'text' | 'integer' | 'euro';
  width?: number;
}

export interface Table<Row> {
  sheetName: string;
  columns: Column<Row>[];
  rows: Row[];
  /** Lines printed above the table in the XLSX (title, period, generation time). */
  preamble?: string[];
}

function euros(cents: number): string {
  const negative = cents < 0;
  const abs = BigInt(Math.abs(cents));
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** What a spreadsheet takes for the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = '[=+\\-@\\t\\r]';
/**
 * Where a spreadsheet may start a cell: the start of the text, and after any separator a
 * reader might split on (Dutch Excel splits on `;` whatever the file says, and a reader
 * that misreads the quoting splits on anything), spaces allowed in between.
 */
const CELL_START = new RegExp(`(^|[,;\\t\\r\\n])(?=[ ]*${FORMULA_START})`, 'g');

/**
 * Makes text inert in a spreadsheet: an apostrophe before every place a cell could start
 * with a formula character, so "=HYPERLINK(…)" typed by someone else, or "Sec;=1+1;x" read
 * by a spreadsheet that splits on `;`, stays text.
 */
export function defuseCell(text: string): string {
  return text.replace(CELL_START, "$1'");
}

/**
 * One CSV field. Text is always defused and always quoted, so no reader takes a separator
 * or a line end inside it for the end of the cell; numbers go out bare, as numbers.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return `"${defuseCell(value).replace(/"/g, '""')}"`;
}

function csvCell<Row>(column: Column<Row>, row: Row): string {
  const value = column.value(row);
  // An amount is a number, not text: bare, so spreadsheets add it up.
  if (typeof value === 'number' && column.kind === 'euro') return euros(value);
  return csvField(value);
}

/** CSV with a header row and CRLF line ends; a UTF-8 BOM so spreadsheet programs read ë and € right. */
export function toCsv<Row>(table: Table<Row>): Buffer {
  const lines = [table.columns.map((column) => csvField(column.header)).join(',')];
  for (const row of table.rows)
    lines.push(table.columns.map((column) => csvCell(column, row)).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx<Row>(table: Table<Row>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Impactbeurs';
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31));
  for (const line of table.preamble ?? []) sheet.addRow([line]);
  if (table.preamble?.length) sheet.addRow([]);
  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      table.columns.map((column) => {
        const value = column.value(row);
        if (value === null) return null;
        if (typeof value === 'number') return column.kind === 'euro' ? Number(euros(value)) : value;
        return value;
      }),
    );
  }
  table.columns.forEach((column, index) => {
    const col = sheet.getColumn(index + 1);
    col.width = column.width ?? Math.min(50, Math.max(12, column.header.length + 2));
    if (column.kind === 'euro') col.numFmt = '#,##0.00';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
