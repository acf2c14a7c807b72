import ExcelJS from 'exceljs';

/**
 * Tables a person opens in a spreadsheet: CSV (RFC 4180, or as Dutch Excel reads it) and
 * XLSX, from one description of the columns. Cells are strings, integers or null; amounts
 * go out as euro decimals computed from cents without floats, percentages from basis
 * points, dates and times in Dutch time.
 */

export type Cell = string | number | null;

export interface Column<Row> {
  header: string;
  value: (row: Row) => Cell;
  /**
   * 'euro': an integer number of cents shown as euros with two decimals; 'percent': basis
   * points shown as a percentage; 'date': a calendar date (YYYY-MM-DD); 'datetime': an
   * instant (ISO 8601), shown in Dutch time (Europe/Amsterdam); 'decimal': a number with
   * one decimal (a decimal comma in Dutch CSV).
   */
  kind?: 'text' | 'integer' | 'decimal' | 'euro' | 'percent' | 'date' | 'datetime';
  width?: number;
}

export interface Table<Row> {
  sheetName: string;
  columns: Column<Row>[];
  rows: Row[];
  /** Lines about the table (title, generation time, what a mark means): in the XLSX on a sheet of their own. */
  preamble?: string[];
  /** The name of the XLSX sheet with the preamble. */
  preambleSheetName?: string;
}

/**
 * 'standard': RFC 4180 (comma, decimal point, ISO dates); 'nl': as Dutch Excel opens a
 * file by double-click (semicolon, decimal comma, dates as dd-mm-jjjj).
 */
export type CsvDialect = 'standard' | 'nl';

const TIME_ZONE = 'Europe/Amsterdam';
const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Dutch wall-clock time of an instant, as numbers. */
function amsterdam(iso: string): {
  y: number;
  m: number;
  d: number;
  h: number;
  min: number;
  s: number;
} {
  const parts = Object.fromEntries(
    wallClock.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  return {
    y: Number(parts.year),
    m: Number(parts.month),
    d: Number(parts.day),
    h: Number(parts.hour),
    min: Number(parts.minute),
    s: Number(parts.second),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

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

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Basis points as a percentage: 525 → 5.25%, 500 → 5%. */
function percent(basisPoints: number, decimal: string): string {
  const abs = Math.abs(basisPoints);
  const fraction = abs % 100;
  return `${basisPoints < 0 ? '-' : ''}${Math.trunc(abs / 100)}${fraction ? decimal + pad(fraction) : ''}%`;
}

function csvCell<Row>(column: Column<Row>, row: Row, dialect: CsvDialect): string {
  const value = column.value(row);
  const nl = dialect === 'nl';
  // Amounts, percentages and dates go out bare, so spreadsheets read them as such.
  if (typeof value === 'number') {
    if (column.kind === 'euro') return nl ? euros(value).replace('.', ',') : euros(value);
    if (column.kind === 'percent') return percent(value, nl ? ',' : '.');
    return nl ? String(value).replace('.', ',') : String(value);
  }
  if (typeof value === 'string' && column.kind === 'date') {
    const match = DATE.exec(value);
    if (match) return nl ? `${match[3]}-${match[2]}-${match[1]}` : value;
  }
  if (typeof value === 'string' && column.kind === 'datetime' && !Number.isNaN(Date.parse(value))) {
    const t = amsterdam(value);
    return nl
      ? `${pad(t.d)}-${pad(t.m)}-${t.y} ${pad(t.h)}:${pad(t.min)}`
      : `${t.y}-${pad(t.m)}-${pad(t.d)} ${pad(t.h)}:${pad(t.min)}:${pad(t.s)}`;
  }
  return csvField(value);
}

/**
 * CSV with a header row and CRLF line ends; a UTF-8 BOM so spreadsheet programs read ë and
 * €. Dates and times are Dutch time (Europe/Amsterdam).
 */
export function toCsv<Row>(table: Table<Row>, dialect: CsvDialect = 'standard'): Buffer {
  const separator = dialect === 'nl' ? ';' : ',';
  const lines = [table.columns.map((column) => csvField(column.header)).join(separator)];
  for (const row of table.rows)
    lines.push(table.columns.map((column) => csvCell(column, row, dialect)).join(separator));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Number formats of the XLSX cells; a spreadsheet shows them with its own separators. */
export const XLSX_FORMATS = {
  euro: '"€" #,##0.00',
  decimal: '#,##0.0',
  percent: '0.00%',
  date: 'dd-mm-yyyy',
  datetime: 'dd-mm-yyyy hh:mm',
} as const;

function xlsxValue<Row>(column: Column<Row>, row: Row): string | number | Date | null {
  const value = column.value(row);
  if (value === null) return null;
  if (typeof value === 'number') {
    if (column.kind === 'euro') return Number(euros(value));
    if (column.kind === 'percent') return value / 10_000;
    return value;
  }
  if (column.kind === 'date') {
    const match = DATE.exec(value);
    if (match) return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  }
  if (column.kind === 'datetime' && !Number.isNaN(Date.parse(value))) {
    // A spreadsheet date has no zone: the Dutch wall-clock time, written as if it were UTC.
    const t = amsterdam(value);
    return new Date(Date.UTC(t.y, t.m - 1, t.d, t.h, t.min, t.s));
  }
  return value;
}

function addTableSheet<Row>(workbook: ExcelJS.Workbook, table: Table<Row>): void {
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((column) => xlsxValue(column, row)));
  table.columns.forEach((column, index) => {
    const col = sheet.getColumn(index + 1);
    col.width = column.width ?? Math.min(50, Math.max(12, column.header.length + 2));
    const format =
      column.kind === 'euro' ||
      column.kind === 'decimal' ||
      column.kind === 'percent' ||
      column.kind === 'date' ||
      column.kind === 'datetime'
        ? XLSX_FORMATS[column.kind]
        : undefined;
    if (format) col.numFmt = format;
  });
  // The header cells keep the general format.
  header.eachCell((cell) => {
    cell.numFmt = 'General';
  });
  if (table.columns.length > 0)
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1 + table.rows.length, column: table.columns.length },
    };
}

/** A value in the notes that is a date or an instant: a typed cell in XLSX, a date in the CSV dialect. */
export interface NoteDate {
  kind: 'date' | 'datetime';
  value: string;
}

/** Lines about a workbook: a sentence, or a label and its value (two cells). */
export type NoteLine = string | [string, string | NoteDate];

/** A note's value as one column of one row, so it is written as table cells are. */
const noteColumn = (value: string | NoteDate): Column<null> =>
  typeof value === 'string'
    ? { header: '', value: () => value }
    : { header: '', value: () => value.value, kind: value.kind };

function addNotesSheet(workbook: ExcelJS.Workbook, name: string, lines: NoteLine[]): void {
  const notes = workbook.addWorksheet(name.slice(0, 31));
  const pairs = lines.some((line) => Array.isArray(line));
  if (pairs) {
    notes.getColumn(1).width = 28;
    notes.getColumn(2).width = 110;
  } else notes.getColumn(1).width = 110;
  // An XLSX cell is typed (a string is never run); the apostrophe is for a person who copies it out.
  const safe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
  for (const line of lines) {
    if (!Array.isArray(line)) {
      notes.addRow([safe(line)]);
      continue;
    }
    const [label, value] = line;
    const column = noteColumn(value);
    const cell = xlsxValue(column, null);
    const row = notes.addRow([safe(label), typeof cell === 'string' ? safe(cell) : cell]);
    if (column.kind === 'date' || column.kind === 'datetime') {
      row.getCell(2).numFmt = XLSX_FORMATS[column.kind];
      row.getCell(2).alignment = { horizontal: 'left' };
    }
  }
}

/**
 * A workbook with the table on its first sheet: a bold header row that stays in view
 * (frozen) and carries an autofilter; amounts, percentages and dates as typed cells with a
 * number format; the preamble on a sheet of its own.
 */
export async function toXlsx<Row>(table: Table<Row>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Impactbeurs';
  addTableSheet(workbook, table);
  if (table.preamble?.length)
    addNotesSheet(workbook, table.preambleSheetName ?? 'About', table.preamble);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Several tables and the notes that explain them (reports: what, for whom, which period, what a mark means). */
export interface TableSet<Row> {
  notesSheetName: string;
  notes: NoteLine[];
  tables: Table<Row>[];
}

/**
 * A workbook of several tables: the notes sheet first (what the file is and how to read
 * it), then a sheet per table, each typed, frozen and filtered as in toXlsx.
 */
export async function toXlsxSet<Row>(set: TableSet<Row>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Impactbeurs';
  addNotesSheet(workbook, set.notesSheetName, set.notes);
  for (const table of set.tables) addTableSheet(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Several tables as one CSV: the notes as rows first, then each table under its name,
 * separated by an empty line; cells as in toCsv, in either dialect.
 */
export function toCsvSet<Row>(set: TableSet<Row>, dialect: CsvDialect = 'standard'): Buffer {
  const separator = dialect === 'nl' ? ';' : ',';
  const lines: string[] = [];
  for (const line of set.notes)
    lines.push(
      Array.isArray(line)
        ? [csvField(line[0]), csvCell(noteColumn(line[1]), null, dialect)].join(separator)
        : csvField(line),
    );
  for (const table of set.tables) {
    lines.push('');
    lines.push(csvField(table.sheetName));
    lines.push(table.columns.map((column) => csvField(column.header)).join(separator));
    for (const row of table.rows)
      lines.push(table.columns.map((column) => csvCell(column, row, dialect)).join(separator));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
