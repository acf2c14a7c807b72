import type { Lang } from '../../lib/format.js';
import {
  type Cell,
  type Column,
  type CsvDialect,
  type NoteLine,
  type Table,
  type TableSet,
  toCsvSet,
  toXlsxSet,
} from '../../lib/tabular.js';
import {
  BUDGET_CATEGORY_LABELS,
  CERTIFICATE_STATUS_LABELS,
  type Dimension,
  DIMENSION_LABELS,
  OUTCOME_TYPE_LABELS,
  PROJECT_STATUS_LABELS,
  TARGET_GROUP_LABELS,
  TOTAL_LABEL,
  YES_NO,
} from './labels.js';
import type {
  AttributedCount,
  AuthorityReport,
  PublicStats,
  PublishedCount,
  SupplierReport,
} from './reports.schemas.js';
import { WITHHELD_MARKER } from './suppression.js';

/**
 * Every report as tables, with the same published (rounded) figures as the JSON, written by
 * the service's one spreadsheet writer (lib/tabular.ts, as the contract and claim exports):
 * Dutch by default, English on request; labels instead of codes; amounts as euro numbers,
 * shares as percentages, dates as dates in Dutch time; in XLSX a sheet "Toelichting"
 * (About) first, then a sheet per table with a frozen, filtered header row. A withheld
 * figure is written as `x`; a figure with withheld counts left out says so in its
 * "complete" column.
 */

export type ReportFormat = 'csv' | 'csv-nl' | 'xlsx';

type Row = Cell[];
/** A report as the tables and notes its files hold. */
export type ReportTables = TableSet<Row>;
type ColumnSpec = Pick<Column<Row>, 'header' | 'kind' | 'width'>;

function table(sheetName: string, columns: ColumnSpec[], rows: Row[]): Table<Row> {
  return {
    sheetName,
    columns: columns.map((column, index) => ({
      ...column,
      value: (row: Row) => row[index] ?? null,
    })),
    rows,
  };
}

/** Writes a report's tables as the format asks. */
export async function writeReport(set: TableSet<Row>, format: ReportFormat): Promise<Buffer> {
  if (format === 'xlsx') return toXlsxSet(set);
  const dialect: CsvDialect = format === 'csv-nl' ? 'nl' : 'standard';
  return toCsvSet(set, dialect);
}

const counted = (cell: PublishedCount): Cell => cell.value ?? WITHHELD_MARKER;
const attributed = (cell: AttributedCount): Cell => cell.value ?? WITHHELD_MARKER;
/** A share rounded to two decimals (55.5) as basis points, which the writer shows as a percentage. */
const basisPoints = (percent: number) => Math.round(percent * 100);

const METHODOLOGY: Record<Lang, string> = {
  nl:
    'Resultaten worden naar rato toegerekend. Het aandeel van een opdrachtnemer in een project is het aantal credits dat hij betaalde (niet terugbetaald) gedeeld door de verkochte credits van het project; ' +
    'het aandeel van een opdrachtgever is het aantal credits van de claims die hij goedkeurde op certificaten van dat project, gedeeld door de verkochte credits. ' +
    'Toegerekende aantallen zijn dat aandeel maal de gepubliceerde aantallen uit geaccepteerde resultaatrapportages; ze worden als exacte breuk berekend (kolom „exact”) en alleen voor de weergave afgerond op één decimaal.',
  en:
    'Outcomes are attributed pro rata. A supplier’s share of a project is its paid (not refunded) credits divided by the project’s sold credits; ' +
    'an authority’s share is the credits of the claims it approved on that project’s certificates divided by the project’s sold credits. ' +
    'Attributed figures are that share times the project’s published counts from accepted outcome reports; they are computed as exact fractions ("exact" column) and rounded to one decimal only for display.',
};

function notes(
  report: AuthorityReport | SupplierReport | PublicStats,
  lang: Lang,
  title: string,
  subject: NoteLine[],
): NoteLine[] {
  const nl = lang === 'nl';
  const base = report.disclosureControl.base;
  return [
    [nl ? 'Rapport' : 'Report', title],
    ...subject,
    [
      nl ? 'Periode van' : 'Period from',
      report.period.from === null
        ? nl
          ? 'het begin'
          : 'the start'
        : { kind: 'date', value: report.period.from },
    ],
    [
      nl ? 'Periode tot en met' : 'Period to (inclusive)',
      { kind: 'date', value: report.period.to },
    ],
    [
      nl ? 'Gemaakt op (Nederlandse tijd)' : 'Generated (Dutch time)',
      { kind: 'datetime', value: report.generatedAt },
    ],
    [
      nl ? 'Gegevens bijgewerkt op' : 'Data as of',
      report.dataAsOf
        ? { kind: 'datetime', value: report.dataAsOf }
        : nl
          ? 'nog niet bijgewerkt'
          : 'summaries not yet refreshed',
    ],
    [
      nl ? 'Privacy' : 'Privacy',
      nl
        ? `Aantallen personen zijn per geaccepteerde rapportage één keer willekeurig afgerond op een veelvoud van ${base}; elk cijfer is een som van die afgeronde aantallen. Zo is een klein aantal (<${report.disclosureThreshold}) nooit te herleiden tot personen.`
        : `Counts of people are randomly rounded once per accepted report to a multiple of ${base}; every figure is a sum of those rounded counts. So a small count (<${report.disclosureThreshold}) can never be traced back to people.`,
    ],
    [
      WITHHELD_MARKER,
      nl
        ? `Aantal niet getoond ter bescherming van de privacy (te klein aantal, <${report.disclosureThreshold}).`
        : `Count withheld to protect privacy (too small a number, <${report.disclosureThreshold}).`,
    ],
    [
      nl ? 'Volledig: nee' : 'Complete: no',
      nl
        ? 'Een of meer niet getoonde aantallen zijn weggelaten uit dit cijfer.'
        : 'One or more withheld counts are left out of this figure.',
    ],
    [
      nl ? 'Bedragen en aandelen' : 'Amounts and shares',
      nl
        ? 'Bedragen in euro’s, aandelen als percentage, datums en tijden in Nederlandse tijd.'
        : 'Amounts in euros, shares as percentages, dates and times in Dutch time.',
    ],
    [nl ? 'Methode' : 'Methodology', METHODOLOGY[lang]],
  ];
}

type Block = AuthorityReport['projects'][number] | SupplierReport['projects'][number];

function outcomeTables(
  projects: Block[],
  summary: AuthorityReport['attributed'],
  lang: Lang,
): Table<Row>[] {
  const nl = lang === 'nl';
  const yesNo = (value: boolean) => YES_NO[lang][value ? 0 : 1];
  const dim = (d: Dimension) => DIMENSION_LABELS[lang][d];
  const outcome = (o: keyof (typeof OUTCOME_TYPE_LABELS)['nl']) => OUTCOME_TYPE_LABELS[lang][o];
  const group = (g: keyof (typeof TARGET_GROUP_LABELS)['nl']) => TARGET_GROUP_LABELS[lang][g];
  const total = TOTAL_LABEL[lang];
  const lineOf = (
    p: Block,
    dimension: Dimension,
    category: string,
    expected: number | null,
    l: { realised: PublishedCount; attributed: AttributedCount },
  ): Row => [
    p.title,
    dim(dimension),
    category,
    expected,
    counted(l.realised),
    yesNo(l.realised.complete),
    basisPoints(p.share.percent),
    attributed(l.attributed),
    l.attributed.exact,
    yesNo(l.attributed.complete),
  ];
  const perProject = table(
    nl ? 'Resultaten per project' : 'Outcomes by project',
    [
      { header: 'Project', width: 36 },
      { header: nl ? 'Soort' : 'Dimension', width: 24 },
      { header: nl ? 'Categorie' : 'Category', width: 34 },
      { header: nl ? 'Verwacht' : 'Expected', kind: 'integer' },
      { header: nl ? 'Gerealiseerd' : 'Realised', kind: 'integer' },
      { header: nl ? 'Gerealiseerd volledig' : 'Realised complete' },
      { header: nl ? 'Aandeel' : 'Share', kind: 'percent' },
      { header: nl ? 'Toegerekend' : 'Attributed', kind: 'decimal' },
      { header: nl ? 'Toegerekend exact' : 'Attributed exact' },
      { header: nl ? 'Toegerekend volledig' : 'Attributed complete' },
    ],
    projects.flatMap((p) => [
      ...p.outcomes.map((l) => lineOf(p, 'outcomes', outcome(l.outcomeType), l.expected, l)),
      ...p.participants.map((l) => lineOf(p, 'participants', group(l.targetGroup), l.expected, l)),
      ...p.banenafspraak.map((l) => lineOf(p, 'banenafspraak', outcome(l.outcomeType), null, l)),
      ...(['participants', 'outcomes', 'banenafspraak'] as const).map((d) =>
        lineOf(p, d, total, null, p.totals[d]),
      ),
    ]),
  );
  const summaryLine = (
    dimension: Dimension,
    category: string,
    expected: number | null,
    a: AttributedCount,
  ): Row => [dim(dimension), category, expected, attributed(a), a.exact, yesNo(a.complete)];
  const attributedTable = table(
    nl ? 'Toegerekende resultaten' : 'Attributed outcomes',
    [
      { header: nl ? 'Soort' : 'Dimension', width: 24 },
      { header: nl ? 'Categorie' : 'Category', width: 34 },
      { header: nl ? 'Verwacht (toegerekend)' : 'Expected (attributed)', kind: 'decimal' },
      { header: nl ? 'Toegerekend' : 'Attributed', kind: 'decimal' },
      { header: nl ? 'Toegerekend exact' : 'Attributed exact' },
      { header: nl ? 'Volledig' : 'Complete' },
    ],
    [
      ...summary.outcomes.map((l) =>
        summaryLine('outcomes', outcome(l.outcomeType), l.expected, l.attributed),
      ),
      ...summary.participants.map((l) =>
        summaryLine('participants', group(l.targetGroup), null, l.attributed),
      ),
      ...summary.banenafspraak.map((l) =>
        summaryLine('banenafspraak', outcome(l.outcomeType), null, l.attributed),
      ),
      ...(['participants', 'outcomes', 'banenafspraak'] as const).map((d) =>
        summaryLine(d, total, null, summary.totals[d]),
      ),
    ],
  );
  return [attributedTable, perProject];
}

export function authorityTables(report: AuthorityReport, lang: Lang = 'nl'): TableSet<Row> {
  const nl = lang === 'nl';
  return {
    notesSheetName: nl ? 'Toelichting' : 'About',
    notes: notes(
      report,
      lang,
      nl
        ? 'Impactbeurs — resultatenrapportage opdrachtgever'
        : 'Impactbeurs — authority outcome report',
      [[nl ? 'Opdrachtgever' : 'Authority', report.authority.name]],
    ),
    tables: [
      table(
        nl ? 'SR-waarde' : 'SR value',
        [
          { header: nl ? 'Contractkenmerk' : 'Contract reference', width: 20 },
          { header: 'Contract', width: 36 },
          { header: nl ? 'Opdrachtnemer' : 'Supplier', width: 30 },
          { header: 'Claims', kind: 'integer' },
          { header: 'Credits', kind: 'integer' },
          { header: nl ? 'Waarde (€)' : 'Value (€)', kind: 'euro', width: 16 },
        ],
        [
          ...report.srValue.contracts.map((c) => [
            c.reference,
            c.title,
            c.supplierName,
            c.claims,
            c.credits,
            c.valueCents,
          ]),
          [
            TOTAL_LABEL[lang],
            null,
            null,
            report.srValue.claims,
            report.srValue.credits,
            report.srValue.valueCents,
          ],
        ],
      ),
      table(
        nl ? 'Projecten' : 'Projects',
        [
          { header: 'Project', width: 36 },
          { header: 'Status', width: 18 },
          { header: nl ? 'Goedgekeurde credits' : 'Approved credits', kind: 'integer' },
          { header: nl ? 'Verkochte credits' : 'Sold credits', kind: 'integer' },
          { header: nl ? 'Aandeel' : 'Share', kind: 'percent' },
          { header: nl ? 'Aandeel exact' : 'Share exact' },
          { header: nl ? 'SR-waarde in periode (€)' : 'SR value in period (€)', kind: 'euro' },
        ],
        report.projects.map((p) => [
          p.title,
          PROJECT_STATUS_LABELS[lang][p.status],
          p.share.credits,
          p.share.soldCredits,
          basisPoints(p.share.percent),
          p.share.exact,
          p.srValueCents,
        ]),
      ),
      ...outcomeTables(report.projects, report.attributed, lang),
    ],
  };
}

export function supplierTables(report: SupplierReport, lang: Lang = 'nl'): TableSet<Row> {
  const nl = lang === 'nl';
  return {
    notesSheetName: nl ? 'Toelichting' : 'About',
    notes: notes(
      report,
      lang,
      nl ? 'Impactbeurs — impactrapportage opdrachtnemer' : 'Impactbeurs — supplier impact report',
      [[nl ? 'Opdrachtnemer' : 'Supplier', report.supplier.name]],
    ),
    tables: [
      table(
        nl ? 'Certificaten' : 'Certificates',
        [
          { header: nl ? 'Nummer' : 'Number', width: 18 },
          { header: 'Project', width: 36 },
          { header: 'Credits', kind: 'integer' },
          { header: nl ? 'Waarde (€)' : 'Value (€)', kind: 'euro' },
          { header: 'Status' },
          { header: nl ? 'Uitgegeven op' : 'Issued at', kind: 'datetime', width: 18 },
        ],
        report.certificates.map((c) => [
          c.number,
          c.projectTitle,
          c.credits,
          c.valueCents,
          CERTIFICATE_STATUS_LABELS[lang][c.status],
          c.issuedAt,
        ]),
      ),
      table(
        nl ? 'Projecten' : 'Projects',
        [
          { header: 'Project', width: 36 },
          { header: 'Status', width: 18 },
          { header: nl ? 'Uw credits' : 'Your credits', kind: 'integer' },
          { header: nl ? 'Verkochte credits' : 'Sold credits', kind: 'integer' },
          { header: nl ? 'Aandeel' : 'Share', kind: 'percent' },
          { header: nl ? 'Betaald (€)' : 'Paid (€)', kind: 'euro' },
          { header: nl ? 'Gepubliceerde verhalen' : 'Published stories', kind: 'integer' },
        ],
        report.projects.map((p) => [
          p.title,
          PROJECT_STATUS_LABELS[lang][p.status],
          p.share.credits,
          p.share.soldCredits,
          basisPoints(p.share.percent),
          p.amountCents,
          p.stories.length,
        ]),
      ),
      table(
        nl ? 'Besteding' : 'Where the money went',
        [
          { header: 'Project', width: 36 },
          { header: nl ? 'Begrotingspost' : 'Budget line', width: 30 },
          { header: nl ? 'Categorie' : 'Category' },
          { header: nl ? 'Begroot (€)' : 'Planned (€)', kind: 'euro' },
          { header: nl ? 'Uw bijdrage naar rato (€)' : 'Your payment pro rata (€)', kind: 'euro' },
          { header: nl ? 'Besteed in periode (€)' : 'Spent in period (€)', kind: 'euro' },
          {
            header: nl ? 'Uw deel van de besteding (€)' : 'Your share of spending (€)',
            kind: 'euro',
          },
        ],
        report.projects.flatMap((p) =>
          p.budgetLines.map((l) => [
            p.title,
            l.description,
            BUDGET_CATEGORY_LABELS[lang][l.category],
            l.plannedCents,
            l.plannedShareCents,
            l.spentCents,
            l.attributedSpentCents,
          ]),
        ),
      ),
      ...outcomeTables(report.projects, report.attributed, lang),
      table(
        nl ? 'Verhalen' : 'Stories',
        [
          { header: 'Project', width: 36 },
          { header: nl ? 'Titel' : 'Title', width: 36 },
          { header: nl ? 'Verhaal' : 'Story', width: 80 },
          { header: nl ? 'Gepubliceerd op' : 'Published at', kind: 'datetime', width: 18 },
        ],
        report.projects.flatMap((p) =>
          p.stories.map((s) => [p.title, s.title, s.text, s.publishedAt]),
        ),
      ),
    ],
  };
}

export function publicTables(report: PublicStats, lang: Lang = 'nl'): TableSet<Row> {
  const nl = lang === 'nl';
  const yesNo = (value: boolean) => YES_NO[lang][value ? 0 : 1];
  const dim = (d: Dimension) => DIMENSION_LABELS[lang][d];
  return {
    notesSheetName: nl ? 'Toelichting' : 'About',
    notes: notes(report, lang, nl ? 'Impactbeurs — cijfers' : 'Impactbeurs — statistics', []),
    tables: [
      table(
        'Platform',
        [
          { header: nl ? 'Verkochte credits' : 'Credits sold', kind: 'integer' },
          { header: nl ? 'Betaald (€)' : 'Paid (€)', kind: 'euro', width: 16 },
          { header: nl ? 'Projecten te koop' : 'Projects listed', kind: 'integer' },
          { header: nl ? 'Projecten gefinancierd' : 'Projects funded', kind: 'integer' },
          { header: nl ? 'Projecten afgerond' : 'Projects completed', kind: 'integer' },
        ],
        [
          [
            report.creditsSold,
            report.amountCents,
            report.projects.listed,
            report.projects.funded,
            report.projects.completed,
          ],
        ],
      ),
      table(
        nl ? 'Resultaten' : 'Outcomes',
        [
          { header: nl ? 'Soort' : 'Dimension', width: 24 },
          { header: nl ? 'Categorie' : 'Category', width: 34 },
          { header: nl ? 'Gerealiseerd' : 'Realised', kind: 'integer' },
          { header: nl ? 'Volledig' : 'Complete' },
        ],
        [
          ...report.outcomes.map((l) => [
            dim('outcomes'),
            OUTCOME_TYPE_LABELS[lang][l.outcomeType],
            counted(l.realised),
            yesNo(l.realised.complete),
          ]),
          ...report.participants.map((l) => [
            dim('participants'),
            TARGET_GROUP_LABELS[lang][l.targetGroup],
            counted(l.realised),
            yesNo(l.realised.complete),
          ]),
          ...report.banenafspraak.map((l) => [
            dim('banenafspraak'),
            OUTCOME_TYPE_LABELS[lang][l.outcomeType],
            counted(l.realised),
            yesNo(l.realised.complete),
          ]),
          ...(['participants', 'outcomes', 'banenafspraak'] as const).map((d) => [
            dim(d),
            TOTAL_LABEL[lang],
            counted(report.totals[d]),
            yesNo(report.totals[d].complete),
          ]),
        ],
      ),
    ],
  };
}
