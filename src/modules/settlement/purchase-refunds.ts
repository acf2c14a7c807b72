import type { Kysely, Transaction } from 'kysely';
import type { DB, OrderRow } from '../../db/types.js';
import type { ProviderRefundStatus } from '../../lib/payment-gateway.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrderCtx } from './fulfilment.js';
import { lockLines, lockPurchase } from './purchases.js';
import { applyStripeRefund, type StripeRefundOutcome } from './refund-states.js';
import { settlementRepository as repo } from './settlement.repository.js';

/**
 * Refunds of a purchase's one Stripe payment (issue 19), per line (issue 17).
 *
 * The platform refunds a line (POST /v1/orders/{id}/refund) by a partial refund of the
 * purchase's payment intent for the line's amount, under the line's own idempotency key
 * and with the line's id in the refund's metadata (refunds.ts). Stripe's events name only
 * the payment intent, so a refund of a purchase's payment is attributed to a line by:
 *
 * 1. the refund already known (stripe_refunds: the API answer, or an earlier event, named it);
 * 2. else its metadata.order_id, when that is a line of this purchase (a refund the
 *    platform made whose answer has not arrived yet);
 * 3. else (a refund made in Stripe's dashboard): the one line still paid, with no refund
 *    of its own under way, whose amount is exactly the refund's amount;
 * 4. else it cannot be attributed (part of a line, several lines at once, two lines of the
 *    same amount): nothing is booked, and every line still paid is flagged
 *    `purchase_refund_unattributed` with the refund's id, for the platform team to decide
 *    (refund the right line(s) by a credit note, or ask Stripe).
 *
 * An attributed refund then moves its line exactly as a single order's refund moves the
 * order (refund-states.ts): pending, succeeded or failed, whichever report comes first,
 * once. charge.refunded says only the charge's cumulative refunded amount over all lines,
 * so for a purchase it books nothing: the refund objects decide.
 */

export interface PurchaseRefundReport {
  purchaseId: string;
  refundId: string;
  amountCents: number;
  status: ProviderRefundStatus;
  failureReason: string | null;
  /** metadata.order_id of the refund, as Stripe reports it. */
  metadataOrderId: string | null;
}

export type PurchaseRefundOutcome =
  | (StripeRefundOutcome & { lineId: string })
  | { outcome: 'refund_unattributed'; lineId: null }
  | { outcome: 'not_found'; lineId: null };

/** The purchase's Stripe payment intent (recorded when it was paid), for a line's refund. */
export async function purchasePaymentIntent(
  db: Kysely<DB>,
  purchaseId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('purchases')
    .select('stripe_payment_intent_id')
    .where('id', '=', purchaseId)
    .executeTakeFirst();
  return row?.stripe_payment_intent_id ?? null;
}

/** Rules 1–3 above; null when the refund cannot be attributed. */
export function attributeRefund(
  lines: OrderRow[],
  known: { order_id: string } | undefined,
  refund: Pick<PurchaseRefundReport, 'amountCents' | 'metadataOrderId'>,
): OrderRow | null {
  if (known) return lines.find((line) => line.id === known.order_id) ?? null;
  const named = lines.find((line) => line.id === refund.metadataOrderId);
  if (named) return named;
  const candidates = lines.filter(
    (line) =>
      line.status === 'paid' &&
      line.refund_requested_at === null &&
      Number(line.amount_cents) === refund.amountCents,
  );
  return candidates.length === 1 ? candidates[0]! : null;
}

/** A refund event (refund.*, charge.refund.updated) of a purchase's payment. */
export async function applyPurchaseRefund(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  report: PurchaseRefundReport,
): Promise<PurchaseRefundOutcome> {
  const purchase = await lockPurchase(trx, report.purchaseId);
  if (!purchase) return { outcome: 'not_found', lineId: null };
  const lines = await lockLines(trx, purchase.id);
  const known = await repo.lockStripeRefund(trx, report.refundId);
  const line = attributeRefund(lines, known, report);
  if (line) {
    const result = await applyStripeRefund(trx, ctx, {
      refundId: report.refundId,
      orderId: line.id,
      amountCents: report.amountCents,
      status: report.status,
      failureReason: report.failureReason,
      reportedBy: 'webhook',
      source: 'stripe_webhook',
      reason: 'refunded through Stripe',
    });
    return { ...result, lineId: line.id };
  }
  // The same problem raised again while open is the same flag (flagOrder), so a refund's
  // later events add nothing to the list; each is in the audit trail.
  const flagged: string[] = [];
  for (const candidate of lines) {
    if (candidate.status !== 'paid') continue;
    await repo.flagOrder(
      trx,
      candidate.id,
      `purchase_refund_unattributed: ${report.refundId} of ${report.amountCents} cents`,
      ctx.now,
    );
    flagged.push(candidate.id);
  }
  await recordAudit(trx, ctx, {
    action: 'purchase.refund_unattributed',
    subjectType: 'purchase',
    subjectId: purchase.id,
    summary: {
      refundId: report.refundId,
      amountCents: report.amountCents,
      status: report.status,
      failureReason: report.failureReason,
      flaggedLines: flagged,
    },
  });
  return { outcome: 'refund_unattributed', lineId: null };
}
