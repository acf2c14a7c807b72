import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { recordEvent } from '../events/events.js';
import { recordAudit } from '../audit/audit.service.js';
import { settlementRepository as repo } from './settlement.repository.js';

/**
 * Payouts from escrow to the initiative (DESIGN §4 Money): due → approved → paid, with four
 * eyes. The admin who approves is not the one who accepted the final report (tranche 2);
 * the admin who records the transfer is neither. The database holds the same rules as CHECKs,
 * and its ledger trigger refuses a payout beyond the project's escrow.
 */

const fourEyes = (message: string) => forbidden('PAYOUT.FOUR_EYES', message);

/**
 * Refuses a payout that needs money Stripe holds for an open dispute (issue 17): the escrow
 * would cover it, but not without the held part. A plain shortage is INSUFFICIENT_ESCROW.
 */
async function refuseIfHeldByDispute(
  db: Kysely<DB>,
  projectId: string,
  amountCents: number,
): Promise<{ escrowCents: number; heldCents: number }> {
  const totals = await repo.ledgerTotals(db, projectId);
  const heldCents = totals.heldByDisputesCents ?? 0;
  if (totals.escrowCents >= amountCents && totals.escrowCents - heldCents < amountCents)
    throw conflict(
      'PAYOUT.FUNDS_HELD_BY_DISPUTE',
      `${heldCents} cents of the project's escrow (${totals.escrowCents} cents) are held for open payment disputes; the payout (${amountCents} cents) needs them`,
    );
  return { escrowCents: totals.escrowCents, heldCents };
}

export async function approvePayout(
  db: Kysely<DB>,
  ctx: Ctx,
  actor: Actor,
  payoutId: string,
  now: Date,
): Promise<void> {
  if (!isUuid(payoutId)) throw notFound('Payout');
  await db.transaction().execute(async (trx) => {
    const payout = await repo.lockPayout(trx, payoutId);
    if (!payout) throw notFound('Payout');
    if (payout.status !== 'due') {
      if (payout.approved_by === actor.userId) return; // a repeat of this admin's approval
      throw conflict(
        'PAYOUT.INVALID_STATE',
        `Only a due payout can be approved; this one is ${payout.status}`,
      );
    }
    if (payout.report_accepted_by === actor.userId)
      throw fourEyes('The admin who accepted the final outcome report cannot approve its payout');
    await refuseIfHeldByDispute(trx, payout.project_id, Number(payout.amount_cents));
    await repo.updatePayout(trx, payoutId, {
      status: 'approved',
      approved_by: actor.userId,
      approved_at: now,
    });
    await recordEvent(trx, { type: 'payout.approved', objectId: payoutId, occurredAt: now });
    await recordAudit(trx, ctx, {
      action: 'payout.approved',
      subjectType: 'payout',
      subjectId: payoutId,
      summary: {
        projectId: payout.project_id,
        tranche: payout.tranche,
        amountCents: Number(payout.amount_cents),
      },
    });
  });
}

export async function markPayoutPaid(
  db: Kysely<DB>,
  ctx: Ctx,
  actor: Actor,
  payoutId: string,
  bankReference: string,
  now: Date,
): Promise<void> {
  if (!isUuid(payoutId)) throw notFound('Payout');
  await db.transaction().execute(async (trx) => {
    await payPayout(trx, ctx, actor, { payoutId, bankReference, now });
  });
}

/** What a payout's transfer is booked on: the admin's word, or a bank statement's entry. */
export interface PayoutPayment {
  payoutId: string;
  bankReference: string;
  now: Date;
  /**
   * The transfer as the bank reported it (a statement entry). With its amount, that must be
   * the payout's; without, a person decided to book the payout on it whatever it says.
   */
  bankEntry?: { id: string; amountCents?: number };
}

/**
 * Records a payout's transfer inside the caller's transaction: the admin's mark-paid and a
 * matched bank statement debit (src/modules/banking) take this one path, with the same four
 * eyes (the actor records the payment; neither the approver nor the report's acceptor may).
 * Throws the AppError that refuses it; a repeat of the same payment is a no-op.
 */
export async function payPayout(
  trx: Transaction<DB>,
  ctx: Ctx,
  actor: Actor,
  payment: PayoutPayment,
): Promise<'paid' | 'already_paid'> {
  const { payoutId, bankReference, now } = payment;
  if (!isUuid(payoutId)) throw notFound('Payout');
  const payout = await repo.lockPayout(trx, payoutId);
  if (!payout) throw notFound('Payout');
  if (payout.status === 'paid') {
    if (payout.paid_by === actor.userId && payout.bank_reference === bankReference)
      return 'already_paid'; // a repeat
    throw conflict('PAYOUT.INVALID_STATE', 'This payout is already paid');
  }
  if (payout.status !== 'approved')
    throw conflict('PAYOUT.NOT_APPROVED', 'A payout is paid only after a first admin approved it');
  if (payout.approved_by === actor.userId)
    throw fourEyes('A second admin, not the one who approved it, records the payment');
  if (payout.report_accepted_by === actor.userId)
    throw fourEyes('The admin who accepted the final outcome report cannot pay its payout');
  if (
    payment.bankEntry?.amountCents !== undefined &&
    payment.bankEntry.amountCents !== Number(payout.amount_cents)
  )
    throw conflict(
      'PAYOUT.INVALID_STATE',
      `The transfer (${payment.bankEntry.amountCents} cents) is not the payout's amount (${payout.amount_cents} cents)`,
    );
  // Project row after the payout row (docs/architecture.md); the ledger trigger takes it too.
  const project = await repo.lockProject(trx, payout.project_id);
  if (!project || project.status === 'failed')
    throw conflict(
      'PAYOUT.PROJECT_FAILED',
      'The project failed: its escrow goes back to the buyers',
    );
  // With the project's row held, no dispute can open a hold until this commits.
  const totals = await refuseIfHeldByDispute(trx, payout.project_id, Number(payout.amount_cents));
  if (totals.escrowCents < Number(payout.amount_cents)) {
    throw conflict(
      'PAYOUT.INSUFFICIENT_ESCROW',
      `The project's escrow (${totals.escrowCents} cents) is less than the payout (${payout.amount_cents} cents)`,
    );
  }
  await repo.insertPayoutLedgerEntry(trx, {
    projectId: payout.project_id,
    payoutId,
    amountCents: Number(payout.amount_cents),
    bankReference,
    actorUserId: actor.userId,
    at: now,
  });
  await repo.updatePayout(trx, payoutId, {
    status: 'paid',
    paid_by: actor.userId,
    paid_at: now,
    bank_reference: bankReference,
  });
  await recordEvent(trx, { type: 'payout.paid', objectId: payoutId, occurredAt: now });
  await recordAudit(trx, ctx, {
    action: 'payout.paid',
    subjectType: 'payout',
    subjectId: payoutId,
    summary: {
      projectId: payout.project_id,
      tranche: payout.tranche,
      amountCents: Number(payout.amount_cents),
      bankReference,
      escrowBeforeCents: totals.escrowCents,
      heldByDisputesCents: totals.heldCents,
      bankStatementEntryId: payment.bankEntry?.id ?? null,
    },
  });
  return 'paid';
}

/**
 * The reference an admin puts on a payout's bank transfer ("IBP-" and the first twelve hex
 * digits of its id), by which a bank statement's debit finds the payout again. Derived, so
 * every payout has one without a column; 48 bits do not collide among a platform's payouts,
 * and the full id is checked against the amount as well.
 */
export function payoutTransferReference(payoutId: string): string {
  return `IBP-${payoutId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}

/** Transfer references of payouts in a text (remittance information, end-to-end id). */
export function payoutReferencesIn(text: string): string[] {
  const found = text.toUpperCase().match(/IBP-?[0-9A-F]{12}\b/g) ?? [];
  return [...new Set(found.map((ref) => `IBP-${ref.replace(/^IBP-?/, '')}`))];
}
