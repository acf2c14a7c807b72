import type { Lang } from '../../lib/format.js';
import { type Column, type CsvDialect, toCsv, toXlsx } from '../../lib/tabular.js';
import type { Claim } from './claims.schemas.js';
import type { Contract } from './contracts.schemas.js';

/**
 * The authority's own contracts and claims as spreadsheets, as coordinators export them from
 * a monitoring system today: Dutch by default (English on request), names and labels
 * instead of codes, amounts in euros, percentages as percentages, dates in Dutch time.
 */

export type ExportFormat = 'csv' | 'csv-nl' | 'xlsx';

type Labels<T extends string> = Record<Lang, Record<T, string>>;

const CONTRACT_STATUS: Labels<Contract['status']> = {
  nl: { open: 'lopend', closed: 'afgesloten' },
  en: { open: 'open', closed: 'closed' },
};
const BASIS: Labels<Contract['obligation']['basis']> = {
  nl: { contract_value: 'contractwaarde', wage_sum: 'loonsom', fixed: 'vast bedrag' },
  en: { contract_value: 'contract value', wage_sum: 'wage sum', fixed: 'fixed amount' },
};
const CLAIM_STATUS: Labels<Claim['status']> = {
  nl: {
    pending: 'wacht op beoordeling',
    approved: 'goedgekeurd',
    rejected: 'afgewezen',
    withdrawn: 'goedkeuring ingetrokken',
    invalidated: 'vervallen',
  },
  en: {
    pending: 'awaiting decision',
    approved: 'approved',
    rejected: 'rejected',
    withdrawn: 'approval withdrawn',
    invalidated: 'invalidated',
  },
};
const CERTIFICATE_STATUS: Labels<Claim['certificate']['status']> = {
  nl: { active: 'geldig', suspended: 'opgeschort', revoked: 'ingetrokken' },
  en: { active: 'valid', suspended: 'suspended', revoked: 'revoked' },
};
const YES_NO: Record<Lang, [string, string]> = { nl: ['ja', 'nee'], en: ['yes', 'no'] };

function contractColumns(lang: Lang): Column<Contract>[] {
  const nl = lang === 'nl';
  const yesNo = (value: boolean) => YES_NO[lang][value ? 0 : 1];
  return [
    { header: nl ? 'Contractkenmerk' : 'Contract reference', value: (c) => c.reference, width: 20 },
    { header: nl ? 'Omschrijving' : 'Title', value: (c) => c.title, width: 40 },
    { header: nl ? 'Opdrachtnemer' : 'Supplier', value: (c) => c.supplier.name, width: 30 },
    {
      header: nl ? 'KvK-nummer opdrachtnemer' : 'Supplier KvK',
      value: (c) => c.supplier.kvkNumber,
    },
    { header: 'Status', value: (c) => CONTRACT_STATUS[lang][c.status] },
    {
      header: nl ? 'TenderNed-kenmerk' : 'TenderNed reference',
      value: (c) => c.tenderNed?.reference ?? null,
    },
    {
      header: nl ? 'TenderNed-publicatie' : 'TenderNed publication',
      value: (c) => c.tenderNed?.url ?? null,
      width: 50,
    },
    { header: nl ? 'Begindatum' : 'Starts on', value: (c) => c.startsOn, kind: 'date' },
    { header: nl ? 'Einddatum' : 'Ends on', value: (c) => c.endsOn, kind: 'date' },
    {
      header: nl ? 'Contractwaarde (€)' : 'Contract value (€)',
      value: (c) => c.valueCents,
      kind: 'euro',
      width: 18,
    },
    { header: nl ? 'Grondslag' : 'Basis', value: (c) => BASIS[lang][c.obligation.basis] },
    {
      header: nl ? 'Percentage' : 'Percentage',
      value: (c) => c.obligation.percentageBp,
      kind: 'percent',
    },
    {
      header: nl ? 'Loonsom (€)' : 'Wage sum (€)',
      value: (c) => c.obligation.wageSumCents,
      kind: 'euro',
    },
    {
      header: nl ? 'Verplichting (€)' : 'Obligation (€)',
      value: (c) => c.progress.requiredCents,
      kind: 'euro',
      width: 16,
    },
    {
      header: nl ? 'Goedgekeurd (€)' : 'Approved (€)',
      value: (c) => c.progress.approvedCents,
      kind: 'euro',
      width: 16,
    },
    {
      header: nl ? 'In behandeling (€)' : 'Pending (€)',
      value: (c) => c.progress.pendingCents,
      kind: 'euro',
      width: 16,
    },
    {
      header: nl ? 'Nog te doen (€)' : 'Remaining (€)',
      value: (c) => c.progress.remainingCents,
      kind: 'euro',
      width: 16,
    },
    {
      header: nl ? 'Ingevuld' : 'Filled',
      value: (c) => c.progress.filledShareBp,
      kind: 'percent',
    },
    {
      header: nl ? 'Credits tellen mee' : 'Accepts credits',
      value: (c) => yesNo(c.valuation.acceptsCredits),
    },
    {
      header: nl ? 'Waarderingsfactor credits' : 'Credit factor',
      value: (c) => c.valuation.creditFactorBp,
      kind: 'percent',
    },
    {
      header: nl ? 'Maximaal aandeel credits' : 'Credit share cap',
      value: (c) => c.valuation.creditShareCapBp,
      kind: 'percent',
    },
    { header: nl ? 'Te laat' : 'Overdue', value: (c) => yesNo(c.progress.overdue) },
  ];
}

function claimColumns(lang: Lang): Column<Claim>[] {
  const nl = lang === 'nl';
  return [
    {
      header: nl ? 'Contractkenmerk' : 'Contract reference',
      value: (c) => c.contract.reference,
      width: 20,
    },
    { header: nl ? 'Opdrachtnemer' : 'Supplier', value: (c) => c.supplier.name, width: 30 },
    {
      header: nl ? 'KvK-nummer opdrachtnemer' : 'Supplier KvK',
      value: (c) => c.supplier.kvkNumber,
    },
    { header: nl ? 'Certificaat' : 'Certificate', value: (c) => c.certificate.number, width: 16 },
    {
      header: nl ? 'Status certificaat' : 'Certificate status',
      value: (c) => CERTIFICATE_STATUS[lang][c.certificate.status],
    },
    { header: 'Project', value: (c) => c.certificate.projectTitle, width: 40 },
    { header: 'Credits', value: (c) => c.credits, kind: 'integer' },
    {
      header: nl ? 'Prijs per credit (€)' : 'Price per credit (€)',
      value: (c) => c.unitPriceCents,
      kind: 'euro',
    },
    {
      header: nl ? 'Waarderingsfactor' : 'Credit factor',
      value: (c) => c.creditFactorBp,
      kind: 'percent',
    },
    { header: nl ? 'Waarde (€)' : 'Value (€)', value: (c) => c.valueCents, kind: 'euro' },
    {
      header: nl ? 'Telt mee (€)' : 'Counts (€)',
      value: (c) => c.countedCents,
      kind: 'euro',
    },
    { header: 'Status', value: (c) => CLAIM_STATUS[lang][c.status], width: 22 },
    {
      header: nl ? 'Ingediend op' : 'Claimed at',
      value: (c) => c.createdAt,
      kind: 'datetime',
      width: 18,
    },
    {
      header: nl ? 'Besloten op' : 'Decided at',
      value: (c) => c.decidedAt,
      kind: 'datetime',
      width: 18,
    },
    {
      header: nl ? 'Reden' : 'Reason',
      value: (c) => c.withdrawalReason ?? c.invalidationReason ?? c.decisionReason,
      width: 40,
    },
    {
      header: nl ? 'Controle' : 'Verification',
      value: (c) => c.certificate.verificationUrl,
      width: 60,
    },
    { header: nl ? 'Claimnummer' : 'Claim id', value: (c) => c.id, width: 38 },
  ];
}

function generated(lang: Lang, at: Date): string {
  const stamp = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(at);
  return lang === 'nl'
    ? `Gemaakt op ${stamp} (Nederlandse tijd)`
    : `Generated ${stamp} (Dutch time)`;
}

async function write<Row>(
  table: {
    sheetName: string;
    columns: Column<Row>[];
    rows: Row[];
    preamble: string[];
    preambleSheetName: string;
  },
  format: ExportFormat,
): Promise<Buffer> {
  if (format === 'xlsx') return toXlsx(table);
  const dialect: CsvDialect = format === 'csv-nl' ? 'nl' : 'standard';
  return toCsv(table, dialect);
}

export async function exportContracts(
  contracts: Contract[],
  format: ExportFormat,
  generatedAt: Date,
  lang: Lang = 'nl',
): Promise<Buffer> {
  const nl = lang === 'nl';
  return write(
    {
      sheetName: nl ? 'Contracten' : 'Contracts',
      columns: contractColumns(lang),
      rows: contracts,
      preambleSheetName: nl ? 'Toelichting' : 'About',
      preamble: [
        nl
          ? 'Impactbeurs — contracten en voortgang van de social-returnverplichting'
          : 'Impactbeurs — contracts and social-return progress',
        generated(lang, generatedAt),
        nl
          ? 'Bedragen in euro’s; goedgekeurd en in behandeling tellen wat de claims meetellen (de laatste credit van een claim kan voor een deel meetellen).'
          : 'Amounts in euros; approved and pending add up what the claims count (the last credit of a claim may count in part).',
      ],
    },
    format,
  );
}

export async function exportClaims(
  claims: Claim[],
  format: ExportFormat,
  generatedAt: Date,
  lang: Lang = 'nl',
): Promise<Buffer> {
  const nl = lang === 'nl';
  return write(
    {
      sheetName: 'Claims',
      columns: claimColumns(lang),
      rows: claims,
      preambleSheetName: nl ? 'Toelichting' : 'About',
      preamble: [
        nl ? 'Impactbeurs — claims' : 'Impactbeurs — claims',
        generated(lang, generatedAt),
        nl
          ? '„Waarde” is wat de credits waard zijn; „Telt mee” wat de claim meetelt voor de verplichting.'
          : '“Value” is what the credits are worth; “Counts” what the claim counts toward the obligation.',
      ],
    },
    format,
  );
}
