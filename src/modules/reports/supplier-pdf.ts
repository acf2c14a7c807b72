import { formatDate, formatInteger, formatMoney, type Lang } from '../../lib/format.js';
import { A4, clip, COLOR, createDocument, FONT, pdfText } from '../certificates/pdf-common.js';
import { OUTCOME_TYPE_LABELS, PROJECT_STATUS_LABELS, TARGET_GROUP_LABELS } from './labels.js';
import type { AttributedCount, SupplierReport } from './reports.schemas.js';

/**
 * The supplier's impact report for its annual report: per project it funded, what it paid,
 * its credits and share, the outcomes attributed to it and the stories published. Dutch by
 * default, English on request; tagged A4 pages like the certificate and the invoice
 * (pdf-common.ts), as many as the projects need.
 */

const LEFT = 50;
const WIDTH = A4.width - 2 * LEFT;
const BOTTOM = A4.height - 60;

interface Texts {
  title: string;
  supplier: string;
  period(from: string | null, to: string): string;
  generated(at: string): string;
  summaryHeading: string;
  paid: string;
  credits: string;
  projects: string;
  statusLabel: string;
  shareLabel: string;
  outcomesHeading: string;
  participantsHeading: string;
  noOutcomes: string;
  storiesHeading: string;
  noStories: string;
  withheld: string;
  privacy(base: number, threshold: number): string;
  method: string;
  noProjects: string;
  page(n: number): string;
}

const TEXTS: Record<Lang, Texts> = {
  nl: {
    title: 'Impactrapportage',
    supplier: 'Opdrachtnemer',
    period: (from, to) =>
      from ? `Periode: ${from} tot en met ${to}` : `Periode: tot en met ${to}`,
    generated: (at) => `Gemaakt op ${at}`,
    summaryHeading: 'Samenvatting',
    paid: 'Betaald voor credits',
    credits: 'Credits',
    projects: 'Projecten gefinancierd',
    statusLabel: 'Status',
    shareLabel: 'Uw aandeel in het project',
    outcomesHeading: 'Resultaten die aan u zijn toegerekend',
    participantsHeading: 'Deelnemers die aan u zijn toegerekend',
    noOutcomes: 'Nog geen geaccepteerde resultaten in deze periode.',
    storiesHeading: 'Gepubliceerde verhalen',
    noStories: 'Nog geen gepubliceerde verhalen.',
    withheld: 'niet getoond (privacy)',
    privacy: (base, threshold) =>
      `Aantallen personen zijn per rapportage willekeurig afgerond op een veelvoud van ${base}, zodat een klein aantal (<${threshold}) nooit tot personen te herleiden is.`,
    method:
      'Toegerekend: uw aandeel (uw credits gedeeld door de verkochte credits van het project) maal de gepubliceerde aantallen, afgerond op één decimaal.',
    noProjects: 'U heeft in deze periode geen projecten gefinancierd.',
    page: (n) => `Pagina ${n}`,
  },
  en: {
    title: 'Impact report',
    supplier: 'Supplier',
    period: (from, to) => (from ? `Period: ${from} to ${to} inclusive` : `Period: up to ${to}`),
    generated: (at) => `Generated on ${at}`,
    summaryHeading: 'Summary',
    paid: 'Paid for credits',
    credits: 'Credits',
    projects: 'Projects funded',
    statusLabel: 'Status',
    shareLabel: 'Your share of the project',
    outcomesHeading: 'Outcomes attributed to you',
    participantsHeading: 'Participants attributed to you',
    noOutcomes: 'No accepted outcomes in this period yet.',
    storiesHeading: 'Published stories',
    noStories: 'No published stories yet.',
    withheld: 'withheld (privacy)',
    privacy: (base, threshold) =>
      `Counts of people are randomly rounded per report to a multiple of ${base}, so a small count (<${threshold}) can never be traced back to people.`,
    method:
      'Attributed: your share (your credits divided by the project’s sold credits) times the published counts, rounded to one decimal.',
    noProjects: 'You funded no projects in this period.',
    page: (n) => `Page ${n}`,
  },
};

function decimal(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 1,
  }).format(value);
}

function percent(value: number, lang: Lang): string {
  return `${new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 2,
  }).format(value)}%`;
}

const day = (date: string, lang: Lang) => formatDate(new Date(`${date}T12:00:00Z`), lang);

export async function renderSupplierReportPdf(
  report: SupplierReport,
  lang: Lang = 'nl',
): Promise<Buffer> {
  const t = TEXTS[lang];
  const generatedAt = new Date(report.generatedAt);
  const { doc, tag, bytes } = createDocument({
    title: `${t.title} ${pdfText(report.supplier.name)}`,
    author: 'Impactbeurs',
    subject: `${t.title} \u2013 ${pdfText(report.supplier.name)}`,
    date: generatedAt,
    lang,
  });
  let page = 1;
  const footer = () =>
    tag.artifact(() =>
      doc
        .font(FONT.regular)
        .fontSize(8)
        .fillColor(COLOR.muted)
        .text(t.page(page), LEFT, A4.height - 40, {
          width: WIDTH,
          align: 'right',
          lineBreak: false,
        }),
    );
  /** Starts a new page when fewer than `room` points are left on this one. */
  const ensure = (room: number) => {
    if (doc.y + room <= BOTTOM) return;
    footer();
    doc.addPage();
    page++;
    doc.y = 50;
  };
  const paragraph = (
    text: string,
    options: { size?: number; color?: string; bold?: boolean } = {},
  ) => {
    ensure(30);
    const y = doc.y;
    tag.add('P', () =>
      doc
        .font(options.bold ? FONT.bold : FONT.regular)
        .fontSize(options.size ?? 10)
        .fillColor(options.color ?? COLOR.text)
        .text(pdfText(text), LEFT, y, { width: WIDTH, lineGap: 1 }),
    );
    doc.y += 4;
  };
  const heading = (type: 'H2' | 'H3', text: string) => {
    ensure(type === 'H2' ? 90 : 50);
    const y = doc.y + (type === 'H2' ? 10 : 4);
    tag.add(type, () =>
      doc
        .font(FONT.bold)
        .fontSize(type === 'H2' ? 14 : 11)
        .fillColor(type === 'H2' ? COLOR.accent : COLOR.text)
        .text(pdfText(clip(text, 160)), LEFT, y, { width: WIDTH }),
    );
    doc.y += 4;
  };
  /** A list of "label: value" lines, tagged as a list. */
  const list = (items: [string, string][]) => {
    tag.group('L', (l) => {
      for (const [label, value] of items) {
        ensure(16);
        const y = doc.y;
        l.add('LI', () =>
          doc
            .font(FONT.regular)
            .fontSize(10)
            .fillColor(COLOR.text)
            .text(pdfText(`${label}: ${value}`), LEFT + 10, y, { width: WIDTH - 10 }),
        );
        doc.y += 2;
      }
    });
  };
  const attributed = (cell: AttributedCount) =>
    cell.value === null ? t.withheld : decimal(cell.value, lang);

  tag.artifact(() => doc.rect(0, 0, A4.width, 8).fill(COLOR.accent));
  tag.add('P', () =>
    doc
      .font(FONT.bold)
      .fontSize(10)
      .fillColor(COLOR.accent)
      .text('IMPACTBEURS', LEFT, 36, { lineBreak: false }),
  );
  tag.add('H1', () =>
    doc
      .font(FONT.bold)
      .fontSize(22)
      .fillColor(COLOR.text)
      .text(t.title, LEFT, 70, { width: WIDTH }),
  );
  doc.y += 6;
  paragraph(`${t.supplier}: ${report.supplier.name}`, { bold: true, size: 12 });
  paragraph(
    t.period(
      report.period.from ? day(report.period.from, lang) : null,
      day(report.period.to, lang),
    ),
  );
  paragraph(t.generated(formatDate(generatedAt, lang)), { color: COLOR.muted, size: 9 });

  const paidCents = report.projects.reduce((total, p) => total + p.amountCents, 0);
  const credits = report.projects.reduce((total, p) => total + p.share.credits, 0);
  heading('H2', t.summaryHeading);
  list([
    [t.paid, formatMoney(paidCents, lang)],
    [t.credits, formatInteger(credits, lang)],
    [t.projects, formatInteger(report.projects.length, lang)],
  ]);
  const outcomes = report.attributed.outcomes.filter((o) => o.attributed.value !== 0);
  if (outcomes.length > 0) {
    heading('H3', t.outcomesHeading);
    list(outcomes.map((o) => [OUTCOME_TYPE_LABELS[lang][o.outcomeType], attributed(o.attributed)]));
  }
  if (report.projects.length === 0) paragraph(t.noProjects);

  for (const project of report.projects) {
    heading('H2', project.title);
    list([
      [t.statusLabel, PROJECT_STATUS_LABELS[lang][project.status]],
      [t.paid, formatMoney(project.amountCents, lang)],
      [t.credits, formatInteger(project.share.credits, lang)],
      [t.shareLabel, percent(project.share.percent, lang)],
    ]);
    const lines = project.outcomes.filter((o) => o.realised.value !== 0);
    heading('H3', t.outcomesHeading);
    if (lines.length === 0) paragraph(t.noOutcomes, { color: COLOR.muted });
    else
      list(lines.map((o) => [OUTCOME_TYPE_LABELS[lang][o.outcomeType], attributed(o.attributed)]));
    const participants = project.participants.filter((p) => p.realised.value !== 0);
    if (participants.length > 0) {
      heading('H3', t.participantsHeading);
      list(
        participants.map((p) => [
          TARGET_GROUP_LABELS[lang][p.targetGroup],
          attributed(p.attributed),
        ]),
      );
    }
    heading('H3', t.storiesHeading);
    if (project.stories.length === 0) paragraph(t.noStories, { color: COLOR.muted });
    for (const story of project.stories) {
      paragraph(story.title, { bold: true });
      paragraph(clip(story.text, 1200), { size: 9 });
    }
  }

  doc.y += 10;
  paragraph(t.privacy(report.disclosureControl.base, report.disclosureThreshold), {
    size: 8,
    color: COLOR.muted,
  });
  paragraph(t.method, { size: 8, color: COLOR.muted });
  footer();
  doc.end();
  return bytes;
}
