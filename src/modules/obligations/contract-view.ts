import type { Contract, Obligation } from './contracts.schemas.js';
import type { ClaimTotals, ContractView } from './contracts.repository.js';
import { creditCapCents, filledShareBp } from './obligation-math.js';

const NO_CLAIMS: ClaimTotals = { approvedCents: 0, pendingCents: 0 };

/** How far an obligation is filled by approved claims, and whether it is overdue on `today` (YYYY-MM-DD). */
export function progressOf(
  row: ContractView,
  totals: ClaimTotals | undefined,
  today: string,
): Contract['progress'] {
  const { approvedCents, pendingCents } = totals ?? NO_CLAIMS;
  const required = Number(row.obligation_cents);
  const remainingCents = Math.max(0, required - approvedCents);
  return {
    requiredCents: required,
    approvedCents,
    pendingCents,
    remainingCents,
    creditCapCents: row.accepts_credits ? creditCapCents(required, row.credit_share_cap_bp) : 0,
    filledShareBp: filledShareBp(approvedCents, required),
    overdue: row.status === 'open' && row.ends_on < today && remainingCents > 0,
  };
}

export function toContract(
  row: ContractView,
  totals: ClaimTotals | undefined,
  today: string,
): Contract {
  return {
    id: row.id,
    authority: {
      id: row.authority_id,
      name: row.authority_name,
      kvkNumber: row.authority_kvk_number,
    },
    supplier: {
      id: row.supplier_id,
      name: row.supplier_name,
      kvkNumber: row.supplier_kvk_number,
      status: row.supplier_status,
    },
    reference: row.reference,
    title: row.title,
    valueCents: Number(row.value_cents),
    currency: 'EUR',
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    obligation: {
      basis: row.obligation_basis,
      percentageBp: row.percentage_bp,
      wageSumCents: row.wage_sum_cents === null ? null : Number(row.wage_sum_cents),
      obligationCents: Number(row.obligation_cents),
    },
    valuation: {
      acceptsCredits: row.accepts_credits,
      creditFactorBp: row.credit_factor_bp,
      creditShareCapBp: row.credit_share_cap_bp,
    },
    tenderNed:
      row.tenderned_reference !== null && row.tenderned_url !== null
        ? { reference: row.tenderned_reference, url: row.tenderned_url }
        : null,
    progress: progressOf(row, totals, today),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: row.closed_at ? row.closed_at.toISOString() : null,
  };
}

export function toObligation(
  row: ContractView,
  totals: ClaimTotals | undefined,
  today: string,
): Obligation {
  return {
    contractId: row.id,
    authority: { id: row.authority_id, name: row.authority_name },
    reference: row.reference,
    title: row.title,
    contractStatus: row.status,
    endsOn: row.ends_on,
    acceptsCredits: row.accepts_credits,
    creditFactorBp: row.credit_factor_bp,
    progress: progressOf(row, totals, today),
  };
}
