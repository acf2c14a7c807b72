import type { PayoutStatus } from '../../db/types.js';
import type { Column } from '../../lib/tabular.js';
import { payoutTransferReference } from '../settlement/payouts.js';
import type { PayoutView } from './funding.repository.js';
import type { Payout } from './funding.schemas.js';

/** How payouts are shown (settlement/payouts.ts moves them): the API view, the filter, the export. */

export function toPayout(row: PayoutView): Payout {
  return {
    id: row.id,
    project: { id: row.project_id, title: row.project_title },
    initiative: { id: row.initiative_id, name: row.initiative_name },
    tranche: row.tranche,
    amountCents: Number(row.amount_cents),
    currency: 'EUR',
    status: row.status,
    dueAt: row.due_at.toISOString(),
    dueReason: row.due_reason,
    reportAcceptedBy: row.report_accepted_by,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at?.toISOString() ?? null,
    paidBy: row.paid_by,
    paidAt: row.paid_at?.toISOString() ?? null,
    bankReference: row.bank_reference,
    transferReference: payoutTransferReference(row.id),
  };
}

export const statusesOf = (
  status: 'due' | 'approved' | 'paid' | 'open' | undefined,
): readonly PayoutStatus[] | undefined =>
  status === 'open' ? ['due', 'approved'] : status ? [status] : undefined;

export const PAYOUT_COLUMNS: Column<Payout>[] = [
  { header: 'Payout', value: (p) => p.id, width: 38 },
  { header: 'Project', value: (p) => p.project.title, width: 40 },
  { header: 'Initiative', value: (p) => p.initiative.name, width: 30 },
  { header: 'Tranche', value: (p) => p.tranche, kind: 'integer' },
  { header: 'Amount (EUR)', value: (p) => p.amountCents, kind: 'euro' },
  { header: 'Status', value: (p) => p.status },
  { header: 'Due since', value: (p) => p.dueAt },
  { header: 'Reason', value: (p) => p.dueReason, width: 40 },
  { header: 'Approved at', value: (p) => p.approvedAt },
  { header: 'Paid at', value: (p) => p.paidAt },
  { header: 'Transfer reference', value: (p) => p.transferReference },
  { header: 'Bank reference', value: (p) => p.bankReference },
];
