import type { BankEntryRow, StatementWithCounts } from './banking.repository.js';
import type { BankEntry, BankStatement } from './banking.schemas.js';

/** The API's view of a statement and its entries (platform admins only). */
export function toBankStatement(row: StatementWithCounts): BankStatement {
  return {
    id: row.id,
    messageType: row.message_type,
    accountIban: row.account_iban,
    statementId: row.statement_id,
    createdAtBank: row.created_at_bank?.toISOString() ?? null,
    periodFrom: row.period_from?.toISOString() ?? null,
    periodTo: row.period_to?.toISOString() ?? null,
    currency: row.currency,
    openingBalanceCents:
      row.opening_balance_cents === null ? null : Number(row.opening_balance_cents),
    closingBalanceCents:
      row.closing_balance_cents === null ? null : Number(row.closing_balance_cents),
    fileSha256: row.file_sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at.toISOString(),
    counts: row.counts,
  };
}

export function toBankEntry(row: BankEntryRow): BankEntry {
  return {
    id: row.id,
    statementId: row.statement_id,
    entryIndex: row.entry_index,
    transactionIndex: row.transaction_index,
    batchSize: row.batch_size,
    bookingDate: row.booking_date,
    valueDate: row.value_date,
    amountCents: Number(row.amount_cents),
    currency: row.currency,
    direction: row.direction,
    reversal: row.reversal,
    counterparty: { name: row.counterparty_name, iban: row.counterparty_iban },
    remittance: {
      structured: row.remittance_structured,
      unstructured: row.remittance_unstructured,
    },
    endToEndId: row.end_to_end_id,
    accountServicerReference: row.account_servicer_reference,
    duplicateOf: row.duplicate_of,
    match: {
      status: row.match_status,
      detail: row.match_detail,
      orderId: row.order_id,
      payoutId: row.payout_id,
      matchedAt: row.matched_at?.toISOString() ?? null,
    },
    exception:
      row.match_status === 'exception'
        ? {
            reason: row.exception_reason ?? 'unknown',
            resolution: row.resolution,
            note: row.resolution_note,
            resolvedBy: row.resolved_by,
            resolvedAt: row.resolved_at?.toISOString() ?? null,
          }
        : null,
  };
}
