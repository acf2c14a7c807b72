import type { Kysely } from 'kysely';
import type { DB, OrderRow } from '../../db/types.js';
import { conflict, unprocessable } from '../../lib/errors.js';
import type { PaymentGateway } from '../payments/payment-gateway.js';
import { documentYear, formatDocumentNumber, type OrderCtx, recordRefund, type RefundResult, type RefundSource } from './fulfilment.js';
import { certificateClaimed, providerUnavailable } from './order-errors.js';
import { ordersRepository as repo } from './orders.repository.js';

/**
 * Giving a payment back (DESIGN §4: paid → refunded): the money moves first (a Stripe
 * refund through the gateway, or a credit note for a bank transfer), then recordRefund
 * books it exactly once. Used by the admin refund route and the automatic refund of a
 * payment that arrived after its reservation lapsed.
 */

export interface RefundDeps {
  db: Kysely<DB>;
  payments?: PaymentGateway | undefined;
}

/**
 * One Stripe refund per order, ever: the admin route and the automatic refund use the same
 * key, and Stripe answers a repeat with the refund it made. Stripe refuses a reused key with
 * other parameters, so nothing that varies between callers goes into the request.
 */
export const stripeRefundKey = (orderId: string) => `refund-order-${orderId}`;

/** Whether the order holds money that can go back: a paid order, or a lapsed one whose late payment was booked. */
async function holdsPayment(db: Kysely<DB>, order: OrderRow): Promise<boolean> {
  if (order.status === 'paid') return true;
  if (order.status !== 'expired' && order.status !== 'cancelled') return false;
  const payment = await db
    .selectFrom('money_ledger')
    .select('id')
    .where('order_id', '=', order.id)
    .where('entry_type', '=', 'payment_received')
    .executeTakeFirst();
  return payment !== undefined;
}

export async function refundOrder(
  deps: RefundDeps,
  ctx: OrderCtx,
  order: OrderRow,
  options: { source: RefundSource; reason: string },
): Promise<RefundResult> {
  const { db, payments } = deps;
  if (order.status === 'refunded') return { outcome: 'already_refunded', order };
  if (!(await holdsPayment(db, order))) {
    throw conflict('ORDER.NOT_REFUNDABLE', `An order in status ${order.status} has no payment to refund`);
  }
  // Refused before any money moves.
  const certificate = order.status === 'paid' ? await repo.findCertificateByOrder(db, order.id) : undefined;
  if (certificate && (await repo.certificateHasApprovedClaim(db, certificate.id))) throw certificateClaimed();

  let result: RefundResult;
  if (order.payment_method === 'stripe') {
    if (!payments) throw unprocessable('ORDER.PAYMENT_METHOD_UNAVAILABLE', 'Stripe is not configured here, so a card or iDEAL payment cannot be refunded');
    if (!order.stripe_payment_intent_id) throw conflict('ORDER.PAYMENT_NOT_FOUND', 'No Stripe payment is recorded for this order');
    let refundId: string;
    try {
      ({ refundId } = await payments.refund({
        paymentIntentId: order.stripe_payment_intent_id,
        amountCents: Number(order.amount_cents),
        idempotencyKey: stripeRefundKey(order.id),
        reason: `Impactbeurs order ${order.id}`,
        orderId: order.id,
      }));
    } catch {
      throw providerUnavailable('Nothing was refunded; try again.');
    }
    result = await db.transaction().execute((trx) =>
      recordRefund(trx, ctx, { orderId: order.id, amountCents: Number(order.amount_cents), externalReference: refundId, source: options.source, reason: options.reason }),
    );
  } else {
    result = await db.transaction().execute(async (trx) => {
      const locked = await repo.lockOrder(trx, order.id);
      if (!locked) return { outcome: 'not_found', orderId: order.id } as const;
      if (locked.status === 'refunded') return { outcome: 'already_refunded', order: locked } as const;
      // The credit note is the invoice's reversal; its gapless number is taken in this transaction.
      const year = documentYear(ctx.now);
      const number = formatDocumentNumber('CN', year, await repo.nextDocumentNumber(trx, 'credit_note', year));
      await repo.insertCreditNote(trx, {
        number,
        orderId: order.id,
        amountCents: Number(locked.amount_cents),
        reason: options.reason,
        issuedBy: ctx.actor?.userId ?? null,
        at: ctx.now,
      });
      const recorded = await recordRefund(trx, ctx, {
        orderId: order.id,
        amountCents: Number(locked.amount_cents),
        externalReference: number,
        source: options.source,
        reason: options.reason,
      });
      // Undo the credit note with everything else.
      if (recorded.outcome === 'certificate_claimed') throw certificateClaimed();
      return recorded;
    });
  }
  if (result.outcome === 'certificate_claimed') throw certificateClaimed();
  return result;
}

/**
 * Job 'orders.refund-payment': gives back a Stripe payment that arrived after its
 * reservation lapsed and found the credits gone (fulfilOrder answered 'refund_required').
 * Safe to run twice: the refund key and recordRefund each act once.
 */
export async function refundLatePayment(deps: RefundDeps, ctx: OrderCtx, orderId: string): Promise<void> {
  const order = await repo.findOrder(deps.db, orderId);
  if (!order || order.status === 'refunded' || order.status === 'paid' || order.status === 'reserved') return;
  if (order.payment_method !== 'stripe') return; // a bank transfer goes back by hand: the order stays flagged
  if (!(await holdsPayment(deps.db, order))) return;
  await refundOrder(deps, ctx, order, { source: 'late_payment', reason: 'the payment arrived after the reservation lapsed and the credits were sold' });
}
