import type { Kysely } from 'kysely';
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
    const payout = await repo.lockPayout(trx, payoutId);
    if (!payout) throw notFound('Payout');
    if (payout.status === 'paid') {
      if (payout.paid_by === actor.userId && payout.bank_reference === bankReference) return; // a repeat
      throw conflict('PAYOUT.INVALID_STATE', 'This payout is already paid');
    }
    if (payout.status !== 'approved')
      throw conflict(
        'PAYOUT.NOT_APPROVED',
        'A payout is paid only after a first admin approved it',
      );
    if (payout.approved_by === actor.userId)
      throw fourEyes('A second admin, not the one who approved it, records the payment');
    if (payout.report_accepted_by === actor.userId)
      throw fourEyes('The admin who accepted the final outcome report cannot pay its payout');
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
      },
    });
  });
}
