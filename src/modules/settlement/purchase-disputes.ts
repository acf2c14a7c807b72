import type { Transaction } from 'kysely';
import type { DB, OrderRow } from '../../db/types.js';
import { recordAudit } from '../audit/audit.service.js';
import { applyDisputeToCertificateStatus } from './certificate-status.js';
import { applyDisputeToEscrow } from './dispute-holds.js';
import { type OrderCtx, recordRefund } from './fulfilment.js';
import { lockLines, lockPurchase } from './purchases.js';
import { settlementRepository as repo } from './settlement.repository.js';

/**
 * What a card dispute (chargeback) does to the orders it concerns (issue 17), for a single
 * order's payment and for a purchase's one payment alike.
 *
 * A purchase (issue 19) is paid by one Stripe payment, a line (its own order, certificate
 * and escrow) per project, so a dispute of that payment names no order. It is split over
 * the lines once, the first time it is applied to the paid purchase (payment_dispute_lines,
 * never changed after): the lines still paid then, in the order of their ids, each take
 * the dispute's amount up to the line's amount until it is used up. Stripe disputes the
 * whole charge (less what was refunded), so in practice every line still paid takes its
 * whole amount. From then on each share is what a dispute of that line alone would be:
 * the line's certificate suspended while open, active again when the funds are reinstated
 * or the dispute is won, revoked when lost; the share held out of the line's project's
 * escrow while Stripe holds the money; a lost dispute refunds the share (recordRefund,
 * once). Every event of the dispute re-applies the same shares, so any order of events,
 * repeated, converges.
 */

export interface AppliedDispute {
  id: string;
  orderId: string | null;
  purchaseId?: string | null;
  amountCents: number;
  status: string;
  closedAt: Date | null;
  fundsWithdrawnAt?: Date | null;
  fundsReinstatedAt?: Date | null;
}

/**
 * One order's dispute (or one line's share): certificate, refund when lost, escrow hold.
 * The caller holds the order's row; the certificate is taken next and the project's row
 * last (docs/architecture.md, "Lock order").
 */
export async function applyDisputeToOrder(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  dispute: AppliedDispute & { orderId: string },
): Promise<void> {
  await applyDisputeToCertificateStatus(trx, ctx, dispute);
  // A lost dispute is a refund the card network made: the money has left escrow, so the
  // order is refunded (once) and its credits return, as any refund's would. Its certificate
  // is already revoked and its claims settled above, so no approved claim can hold it up.
  if (dispute.closedAt !== null && dispute.status === 'lost') {
    await recordRefund(trx, ctx, {
      orderId: dispute.orderId,
      amountCents: dispute.amountCents,
      externalReference: dispute.id,
      source: 'dispute_lost',
      reason: `dispute lost: ${dispute.id}`,
    });
  }
  await applyDisputeToEscrow(trx, ctx, dispute);
}

/**
 * Locks a purchase and its lines (in that order, as fulfilPurchase does) before a dispute
 * of its payment is stored; answers the lines, or undefined when there is no such purchase.
 */
export async function lockPurchaseForDispute(
  trx: Transaction<DB>,
  purchaseId: string,
): Promise<OrderRow[] | undefined> {
  const purchase = await lockPurchase(trx, purchaseId);
  if (!purchase) return undefined;
  return lockLines(trx, purchase.id);
}

/** The split rule (see the top of this file): lines still paid, by id, each up to its amount. */
export function splitDispute(
  amountCents: number,
  lines: Pick<OrderRow, 'id' | 'status' | 'amount_cents'>[],
): { orderId: string; amountCents: number }[] {
  let left = amountCents;
  const shares: { orderId: string; amountCents: number }[] = [];
  for (const line of [...lines].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (left <= 0) break;
    if (line.status !== 'paid') continue;
    const share = Math.min(left, Number(line.amount_cents));
    shares.push({ orderId: line.id, amountCents: share });
    left -= share;
  }
  return shares;
}

/**
 * Applies a dispute of a purchase's payment to each of its lines. Nothing happens before
 * the purchase is paid (an early dispute is applied when the payment is recorded).
 */
export async function applyDisputeToPurchase(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  dispute: AppliedDispute & { purchaseId: string },
): Promise<{ orderId: string; amountCents: number }[]> {
  const purchase = await lockPurchase(trx, dispute.purchaseId);
  if (!purchase || purchase.paid_at === null) return [];
  const lines = await lockLines(trx, purchase.id);
  let shares = await repo.findDisputeLines(trx, dispute.id);
  if (shares.length === 0) {
    shares = splitDispute(dispute.amountCents, lines);
    if (shares.length === 0) return [];
    await repo.insertDisputeLines(trx, dispute.id, shares);
    await recordAudit(trx, ctx, {
      action: 'purchase.dispute_split',
      subjectType: 'purchase',
      subjectId: purchase.id,
      summary: { disputeId: dispute.id, amountCents: dispute.amountCents, lines: shares },
    });
  }
  // Each line's certificate, then (last) its project's row: in the order of the projects'
  // ids, as the purchase's fulfilment takes the balances.
  const projectOf = new Map(lines.map((line) => [line.id, line.project_id]));
  const ordered = [...shares].sort((a, b) => {
    const pa = projectOf.get(a.orderId) ?? '';
    const pb = projectOf.get(b.orderId) ?? '';
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  });
  for (const share of ordered)
    await applyDisputeToOrder(trx, ctx, {
      ...dispute,
      orderId: share.orderId,
      amountCents: share.amountCents,
    });
  return shares;
}
