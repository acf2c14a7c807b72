import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Ctx } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { settlementRepository as repo } from './settlement.repository.js';

/** A dispute as far as escrow cares: its amount and whether Stripe holds the money. */
export interface DisputeFunds {
  id: string;
  orderId: string | null;
  amountCents: number;
  status: string;
  fundsWithdrawnAt?: Date | null;
  fundsReinstatedAt?: Date | null;
  closedAt: Date | null;
}

/**
 * Stripe holds a dispute's money from `funds_withdrawn` until `funds_reinstated`, or until
 * the dispute closes: won, the money comes back; lost, it leaves escrow as the refund the
 * lost dispute books. The answer depends only on facts that, once set, stay set, so the
 * events of one dispute reach the same hold in any order and however often they repeat.
 */
export function disputeHoldsFunds(dispute: DisputeFunds): boolean {
  return (
    (dispute.fundsWithdrawnAt ?? null) !== null &&
    (dispute.fundsReinstatedAt ?? null) === null &&
    dispute.closedAt === null
  );
}

const releaseReason = (dispute: DisputeFunds): string =>
  dispute.closedAt !== null
    ? `dispute ${dispute.status}: ${dispute.id}`
    : `funds reinstated: ${dispute.id}`;

/**
 * Holds a dispute's amount out of its project's escrow while Stripe holds the money, and
 * releases it once (issue 17). A hold is opened only while the order is paid (a refunded
 * order's money has left escrow already) and never reopened once released. Called in the
 * webhook's transaction after the order's and the certificate's locks; takes the project's
 * row last (docs/architecture.md, "Lock order"), so a payout of the project queues behind it
 * and the ledger trigger counts the hold.
 */
export async function applyDisputeToEscrow(
  trx: Transaction<DB>,
  ctx: Ctx & { now: Date },
  dispute: DisputeFunds,
): Promise<'held' | 'released' | 'unchanged'> {
  if (dispute.orderId === null) return 'unchanged';
  const existing = await repo.findEscrowHold(trx, dispute.id, dispute.orderId);
  if (disputeHoldsFunds(dispute)) {
    if (existing) return 'unchanged';
    const order = await repo.findOrder(trx, dispute.orderId);
    if (!order || order.status !== 'paid') return 'unchanged';
    await repo.lockProject(trx, order.project_id);
    const amountCents = Math.min(dispute.amountCents, Number(order.amount_cents));
    if (amountCents <= 0) return 'unchanged';
    if (
      !(await repo.insertEscrowHold(trx, {
        disputeId: dispute.id,
        orderId: order.id,
        projectId: order.project_id,
        amountCents,
        at: ctx.now,
      }))
    )
      return 'unchanged';
    await recordAudit(trx, ctx, {
      action: 'escrow.held_for_dispute',
      subjectType: 'order',
      subjectId: order.id,
      summary: { disputeId: dispute.id, projectId: order.project_id, amountCents },
    });
    return 'held';
  }
  if (!existing || existing.releasedAt !== null) return 'unchanged';
  await repo.lockProject(trx, existing.projectId);
  const reason = releaseReason(dispute);
  if (!(await repo.releaseEscrowHold(trx, dispute.id, existing.orderId, reason, ctx.now)))
    return 'unchanged';
  await recordAudit(trx, ctx, {
    action: 'escrow.released_from_dispute',
    subjectType: 'order',
    subjectId: existing.orderId,
    summary: {
      disputeId: dispute.id,
      projectId: existing.projectId,
      amountCents: existing.amountCents,
      reason,
    },
  });
  return 'released';
}
