import { type Column, toCsv, toXlsx } from '../../lib/tabular.js';
import type { Claim } from './claims.schemas.js';
import type { Contract } from './contracts.schemas.js';

/** The authority's own contracts and claims as spreadsheets, as coordinators export them from a monitoring system today. */

const CONTRACT_COLUMNS: Column<Contract>[] = [
  { header: 'Contract reference', value: (c) => c.reference, width: 20 },
  { header: 'Title', value: (c) => c.title, width: 40 },
  { header: 'Supplier', value: (c) => c.supplier.name, width: 30 },
  { header: 'Supplier KvK', value: (c) => c.supplier.kvkNumber },
  { header: 'Status', value: (c) => c.status },
  { header: 'Starts on', value: (c) => c.startsOn },
  { header: 'Ends on', value: (c) => c.endsOn },
  { header: 'Contract value (EUR)', value: (c) => c.valueCents, kind: 'euro' },
  { header: 'Basis', value: (c) => c.obligation.basis },
  { header: 'Percentage (bp)', value: (c) => c.obligation.percentageBp, kind: 'integer' },
  { header: 'Wage sum (EUR)', value: (c) => c.obligation.wageSumCents, kind: 'euro' },
  { header: 'Obligation (EUR)', value: (c) => c.progress.requiredCents, kind: 'euro' },
  { header: 'Approved (EUR)', value: (c) => c.progress.approvedCents, kind: 'euro' },
  { header: 'Pending (EUR)', value: (c) => c.progress.pendingCents, kind: 'euro' },
  { header: 'Remaining (EUR)', value: (c) => c.progress.remainingCents, kind: 'euro' },
  { header: 'Filled by credits (bp)', value: (c) => c.progress.filledShareBp, kind: 'integer' },
  { header: 'Accepts credits', value: (c) => (c.valuation.acceptsCredits ? 'yes' : 'no') },
  { header: 'Credit factor (bp)', value: (c) => c.valuation.creditFactorBp, kind: 'integer' },
  { header: 'Credit share cap (bp)', value: (c) => c.valuation.creditShareCapBp, kind: 'integer' },
  { header: 'Overdue', value: (c) => (c.progress.overdue ? 'yes' : 'no') },
];

const CLAIM_COLUMNS: Column<Claim>[] = [
  { header: 'Claim id', value: (c) => c.id, width: 38 },
  { header: 'Contract reference', value: (c) => c.contract.reference, width: 20 },
  { header: 'Supplier', value: (c) => c.supplier.name, width: 30 },
  { header: 'Supplier KvK', value: (c) => c.supplier.kvkNumber },
  { header: 'Certificate', value: (c) => c.certificate.number, width: 16 },
  { header: 'Certificate status', value: (c) => c.certificate.status },
  { header: 'Project', value: (c) => c.certificate.projectTitle, width: 40 },
  { header: 'Credits', value: (c) => c.credits, kind: 'integer' },
  { header: 'Price per credit (EUR)', value: (c) => c.unitPriceCents, kind: 'euro' },
  { header: 'Factor (bp)', value: (c) => c.creditFactorBp, kind: 'integer' },
  { header: 'Value (EUR)', value: (c) => c.valueCents, kind: 'euro' },
  { header: 'Status', value: (c) => c.status },
  { header: 'Claimed at', value: (c) => c.createdAt, width: 24 },
  { header: 'Decided at', value: (c) => c.decidedAt, width: 24 },
  {
    header: 'Reason',
    value: (c) => c.withdrawalReason ?? c.invalidationReason ?? c.decisionReason,
    width: 40,
  },
  { header: 'Verification', value: (c) => c.certificate.verificationUrl, width: 60 },
];

export async function exportContracts(
  contracts: Contract[],
  format: 'csv' | 'xlsx',
  generatedAt: Date,
): Promise<Buffer> {
  const table = {
    sheetName: 'Contracts',
    columns: CONTRACT_COLUMNS,
    rows: contracts,
    preamble: [
      'Impactbeurs — contracts and social-return progress',
      `Generated ${generatedAt.toISOString()}`,
    ],
  };
  return format === 'csv' ? toCsv(table) : toXlsx(table);
}

export async function exportClaims(
  claims: Claim[],
  format: 'csv' | 'xlsx',
  generatedAt: Date,
): Promise<Buffer> {
  const table = {
    sheetName: 'Claims',
    columns: CLAIM_COLUMNS,
    rows: claims,
    preamble: ['Impactbeurs — claims', `Generated ${generatedAt.toISOString()}`],
  };
  return format === 'csv' ? toCsv(table) : toXlsx(table);
}
