import ExcelJS from 'exceljs';
import { centsToDecimalString } from '../../lib/format.js';
import { csvField } from '../../lib/tabular.js';
import type {
  AttributedCount,
  AuthorityReport,
  PublicStats,
  PublishedCount,
  SupplierReport,
} from './reports.schemas.js';
import { WITHHELD_MARKER } from './suppression.js';

/**
 * Every report as tables, written to CSV or XLSX, with the same published (rounded)
 * figures as the JSON. A withheld figure is written as `x`; a figure with withheld
 * counts left out says so in its "complete" column.
 */

type Value = string | number | null;
export interface Table {
  name: string;
  columns: string[];
  rows: Value[][];
}
export interface ReportTables {
  meta: [string, string][];
  tables: Table[];
}

const euros = (cents: number) => Number(centsToDecimalString(cents));
const yesNo = (complete: boolean) => (complete ? 'yes' : 'no');

function counted(cell: PublishedCount): Value {
  return cell.value === null ? WITHHELD_MARKER : cell.value;
}
function attributed(cell: AttributedCount): Value {
  return cell.value === null ? WITHHELD_MARKER : cell.value;
}

function meta(
  report: AuthorityReport | SupplierReport | PublicStats,
  subject: [string, string][],
): [string, string][] {
  return [
    ['report', report.kind],
    ...subject,
    ['period from', report.period.from ?? '(start)'],
    ['period to', report.period.to],
    ['generated at', report.generatedAt],
    ['data as of', report.dataAsOf ?? '(summaries not yet refreshed)'],
    ['disclosure threshold', String(report.disclosureThreshold)],
    [
      'disclosure control',
      `counts of people are randomly rounded to a multiple of ${report.disclosureControl.base} per report before anything is added up (${report.disclosureControl.method}); ${WITHHELD_MARKER} marks a figure withheld for privacy`,
    ],
    ['methodology', report.methodology],
  ];
}

type Block = AuthorityReport['projects'][number] | SupplierReport['projects'][number];

function outcomeTables(projects: Block[], summary: AuthorityReport['attributed']): Table[] {
  const perProject: Table = {
    name: 'Outcomes by project',
    columns: [
      'project',
      'dimension',
      'category',
      'expected',
      'realised',
      'realised complete',
      'share',
      'attributed',
      'attributed exact',
      'attributed complete',
    ],
    rows: projects.flatMap((p) => [
      ...p.outcomes.map((l) => [
        p.title,
        'outcomes',
        l.outcomeType,
        l.expected,
        counted(l.realised),
        yesNo(l.realised.complete),
        p.share.exact,
        attributed(l.attributed),
        l.attributed.exact,
        yesNo(l.attributed.complete),
      ]),
      ...p.participants.map((l) => [
        p.title,
        'participants',
        l.targetGroup,
        l.expected,
        counted(l.realised),
        yesNo(l.realised.complete),
        p.share.exact,
        attributed(l.attributed),
        l.attributed.exact,
        yesNo(l.attributed.complete),
      ]),
      ...p.banenafspraak.map((l) => [
        p.title,
        'banenafspraak',
        l.outcomeType,
        null,
        counted(l.realised),
        yesNo(l.realised.complete),
        p.share.exact,
        attributed(l.attributed),
        l.attributed.exact,
        yesNo(l.attributed.complete),
      ]),
      ...(['participants', 'outcomes', 'banenafspraak'] as const).map(
        (d) =>
          [
            p.title,
            d,
            'total',
            null,
            counted(p.totals[d].realised),
            yesNo(p.totals[d].realised.complete),
            p.share.exact,
            attributed(p.totals[d].attributed),
            p.totals[d].attributed.exact,
            yesNo(p.totals[d].attributed.complete),
          ] as Value[],
      ),
    ]),
  };
  const attributedTable: Table = {
    name: 'Attributed outcomes',
    columns: [
      'dimension',
      'category',
      'expected (attributed)',
      'attributed',
      'attributed exact',
      'complete',
    ],
    rows: [
      ...summary.outcomes.map((l) => [
        'outcomes',
        l.outcomeType,
        l.expected,
        attributed(l.attributed),
        l.attributed.exact,
        yesNo(l.attributed.complete),
      ]),
      ...summary.participants.map((l) => [
        'participants',
        l.targetGroup,
        null,
        attributed(l.attributed),
        l.attributed.exact,
        yesNo(l.attributed.complete),
      ]),
      ...summary.banenafspraak.map((l) => [
        'banenafspraak',
        l.outcomeType,
        null,
        attributed(l.attributed),
        l.attributed.exact,
        yesNo(l.attributed.complete),
      ]),
      ...(['participants', 'outcomes', 'banenafspraak'] as const).map(
        (d) =>
          [
            d,
            'total',
            null,
            attributed(summary.totals[d]),
            summary.totals[d].exact,
            yesNo(summary.totals[d].complete),
          ] as Value[],
      ),
    ],
  };
  return [attributedTable, perProject];
}

export function authorityTables(report: AuthorityReport): ReportTables {
  return {
    meta: meta(report, [['authority', report.authority.name]]),
    tables: [
      {
        name: 'SR value',
        columns: ['contract reference', 'contract', 'supplier', 'claims', 'credits', 'value (EUR)'],
        rows: [
          ...report.srValue.contracts.map((c) => [
            c.reference,
            c.title,
            c.supplierName,
            c.claims,
            c.credits,
            euros(c.valueCents),
          ]),
          [
            'total',
            null,
            null,
            report.srValue.claims,
            report.srValue.credits,
            euros(report.srValue.valueCents),
          ],
        ],
      },
      {
        name: 'Projects',
        columns: [
          'project',
          'status',
          'approved credits',
          'sold credits',
          'share',
          'share (%)',
          'SR value in period (EUR)',
        ],
        rows: report.projects.map((p) => [
          p.title,
          p.status,
          p.share.credits,
          p.share.soldCredits,
          p.share.exact,
          p.share.percent,
          euros(p.srValueCents),
        ]),
      },
      ...outcomeTables(report.projects, report.attributed),
    ],
  };
}

export function supplierTables(report: SupplierReport): ReportTables {
  return {
    meta: meta(report, [['supplier', report.supplier.name]]),
    tables: [
      {
        name: 'Certificates',
        columns: ['number', 'project', 'credits', 'value (EUR)', 'status', 'issued at'],
        rows: report.certificates.map((c) => [
          c.number,
          c.projectTitle,
          c.credits,
          euros(c.valueCents),
          c.status,
          c.issuedAt,
        ]),
      },
      {
        name: 'Where the money went',
        columns: [
          'project',
          'budget line',
          'category',
          'planned (EUR)',
          'your payment pro rata (EUR)',
          'spent in period (EUR)',
          'your share of spending (EUR)',
        ],
        rows: report.projects.flatMap((p) =>
          p.budgetLines.map((l) => [
            p.title,
            l.description,
            l.category,
            euros(l.plannedCents),
            euros(l.plannedShareCents),
            euros(l.spentCents),
            euros(l.attributedSpentCents),
          ]),
        ),
      },
      ...outcomeTables(report.projects, report.attributed),
      {
        name: 'Stories',
        columns: ['project', 'title', 'story', 'published at'],
        rows: report.projects.flatMap((p) =>
          p.stories.map((s) => [p.title, s.title, s.text, s.publishedAt]),
        ),
      },
    ],
  };
}

export function publicTables(report: PublicStats): ReportTables {
  return {
    meta: meta(report, []),
    tables: [
      {
        name: 'Platform',
        columns: ['figure', 'value'],
        rows: [
          ['credits sold', report.creditsSold],
          ['paid (EUR)', euros(report.amountCents)],
          ['projects listed', report.projects.listed],
          ['projects funded', report.projects.funded],
          ['projects completed', report.projects.completed],
        ],
      },
      {
        name: 'Outcomes',
        columns: ['dimension', 'category', 'realised', 'complete'],
        rows: [
          ...report.outcomes.map((l) => [
            'outcomes',
            l.outcomeType,
            counted(l.realised),
            yesNo(l.realised.complete),
          ]),
          ...report.participants.map((l) => [
            'participants',
            l.targetGroup,
            counted(l.realised),
            yesNo(l.realised.complete),
          ]),
          ...report.banenafspraak.map((l) => [
            'banenafspraak',
            l.outcomeType,
            counted(l.realised),
            yesNo(l.realised.complete),
          ]),
          ...(['participants', 'outcomes', 'banenafspraak'] as const).map(
            (d) =>
              [d, 'total', counted(report.totals[d]), yesNo(report.totals[d].complete)] as Value[],
          ),
        ],
      },
    ],
  };
}

/**
 * A text cell of the workbook that looks like a formula is prefixed with an apostrophe. An
 * XLSX cell is typed (a string is never run), so this is only for a person who copies it
 * out; the CSV, which has no types, is defused in full by csvField (lib/tabular.ts).
 */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 CSV with a BOM (so spreadsheets read UTF-8): the metadata, then each table under its name. */
export function toCsv(report: ReportTables): string {
  const lines: string[] = [];
  const row = (values: Value[]) => lines.push(values.map(csvField).join(','));
  for (const [k, v] of report.meta) row([k, v]);
  for (const table of report.tables) {
    lines.push('');
    row([table.name]);
    row(table.columns);
    for (const r of table.rows) row(r);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An Excel workbook: an "About" sheet with the metadata, then one sheet per table. */
export async function toXlsx(report: ReportTables): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Impactbeurs';
  const about = workbook.addWorksheet('About');
  about.columns = [{ width: 22 }, { width: 100 }];
  for (const [k, v] of report.meta) about.addRow([k, safeText(v)]);
  for (const table of report.tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    const header = sheet.addRow(table.columns);
    header.font = { bold: true };
    for (const r of table.rows)
      sheet.addRow(r.map((v) => (typeof v === 'string' ? safeText(v) : v)));
    sheet.columns.forEach((column, index) => {
      column.width = Math.min(60, Math.max(10, table.columns[index]!.length + 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
