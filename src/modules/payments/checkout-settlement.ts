import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import { isUuid } from '../../lib/ids.js';
import { type PayerDetails, toRefundStatus } from '../../lib/payment-gateway.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  type FulfilResult,
  fulfilOrder,
  type OrderCtx,
  recordRefund,
  releaseOrder,
} from '../settlement/fulfilment.js';
import { applyPurchaseRefund, type PurchaseRefundReport } from '../settlement/purchase-refunds.js';
import { fulfilPurchase, lockPurchase, releasePurchase } from '../settlement/purchases.js';
import { settlementRepository } from '../settlement/settlement.repository.js';
import { stripeEventsRepository as repo } from './stripe-events.repository.js';
import { linkEarlyDisputes } from './disputes.js';

/**
 * What a Checkout Session means for its order, shared by the webhook and reconciliation
 * so both decide the same way. Every function runs inside the caller's transaction and
 * goes through the settlement module's fulfilOrder / releaseOrder / recordRefund.
 */

export interface CheckoutSessionFacts {
  sessionId: string;
  metadataOrderId: string | null;
  clientReferenceId: string | null;
  amountTotalCents: number | null;
  currency: string | null;
  paymentIntentId: string | null;
  /** A purchase's session names the purchase in metadata.purchase_id (and client_reference_id). */
  metadataPurchaseId?: string | null;
  /** Who paid, as far as bookkeeping needs it (customer_details, cut down). */
  payer?: PayerDetails | null;
}

export interface SettlementOutcome {
  /** Recorded as the stripe_events outcome: what happened to the order. */
  outcome: string;
  /** The order concerned, when it exists (stripe_events.order_id). */
  orderId: string | null;
  /** For after commit: queueFulfilFollowUps (the refund of a late payment). */
  fulfilment?: FulfilResult;
  /** A purchase's session: every line's fulfilment, for queueFulfilFollowUps each. */
  fulfilments?: FulfilResult[];
}

/** The purchase a session is for: metadata.purchase_id and client_reference_id agree. */
function purchaseOf(
  facts: Pick<CheckoutSessionFacts, 'metadataPurchaseId' | 'clientReferenceId'>,
): string | null {
  const id = facts.metadataPurchaseId;
  return id && isUuid(id) && id === facts.clientReferenceId ? id : null;
}

/** A purchase's paid session: every line fulfilled once (fulfilPurchase checks the total). */
async function settlePaidPurchaseSession(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  facts: CheckoutSessionFacts,
  purchaseId: string,
): Promise<SettlementOutcome> {
  if (facts.paymentIntentId) await repo.lockPaymentIntent(trx, facts.paymentIntentId);
  const result = await fulfilPurchase(trx, ctx, {
    purchaseId,
    amountCents: facts.amountTotalCents ?? Number.NaN,
    currency: facts.currency ?? '',
    method: 'stripe',
    externalReference: facts.sessionId,
    stripePaymentIntentId: facts.paymentIntentId,
  });
  if (result.outcome === 'not_found') return { outcome: 'not_found', orderId: null };
  if (result.outcome === 'fulfilled' && facts.paymentIntentId) {
    // Refunds Stripe reported before the payment: applied to their lines now that they are
    // paid, before the disputes (Stripe disputes the charge less what was refunded).
    await linkEarlyPurchaseRefunds(trx, ctx, purchaseId, facts.paymentIntentId);
    // Disputes Stripe reported before the payment: split over the lines now that they are paid.
    await linkEarlyDisputes(trx, ctx, { kind: 'purchase', id: purchaseId }, facts.paymentIntentId);
  }
  const lines = result.outcome === 'mismatch' ? [] : result.lines;
  return {
    outcome: `purchase_${result.outcome}`,
    orderId: lines[0]?.orderId ?? null,
    fulfilments: lines,
  };
}

/** What a refund object (refund.* and charge.refund.updated events) says; null if it is not usable. */
export function refundFacts(
  object: Record<string, unknown>,
): (Omit<PurchaseRefundReport, 'purchaseId'> & { paymentIntentId: string }) | null {
  const paymentIntentId = idOf(object['payment_intent']);
  const refundId = text(object['id']);
  const amountCents = object['amount'];
  if (
    !paymentIntentId ||
    !refundId ||
    typeof amountCents !== 'number' ||
    !Number.isSafeInteger(amountCents) ||
    amountCents <= 0
  )
    return null;
  const metadata = (object['metadata'] ?? {}) as Record<string, unknown>;
  return {
    paymentIntentId,
    refundId,
    amountCents,
    status: toRefundStatus(text(object['status'])),
    failureReason: text(object['failure_reason']),
    metadataOrderId: text(metadata['order_id']),
  };
}

/**
 * Refunds of a purchase's payment that Stripe reported before the payment was recorded
 * (a refund made in Stripe's dashboard while the checkout.session.completed webhook was
 * late): stored then with no order, and applied here, in the transaction that fulfils the
 * purchase, event by event in the order Stripe sent them, through the same rule as a refund
 * reported after the payment (applyPurchaseRefund). A refund's status only moves forward,
 * so the line ends as if the events had come after the payment, booked once.
 */
export async function linkEarlyPurchaseRefunds(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  purchaseId: string,
  paymentIntentId: string,
): Promise<void> {
  for (const event of await repo.findUnlinkedRefundEvents(trx, paymentIntentId)) {
    const facts = refundFacts(event.object);
    if (!facts || facts.paymentIntentId !== paymentIntentId) continue;
    const applied = await applyPurchaseRefund(trx, ctx, { purchaseId, ...facts });
    await recordAudit(trx, ctx, {
      action: 'payment.refund_linked',
      subjectType: 'purchase',
      subjectId: purchaseId,
      summary: {
        eventId: event.id,
        refundId: facts.refundId,
        status: facts.status,
        amountCents: facts.amountCents,
        orderId: applied.lineId,
        outcome: applied.outcome,
      },
    });
  }
}

const idOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string') return id;
  }
  return null;
};
const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

type OrderReference =
  { kind: 'order'; orderId: string } | { kind: 'none' } | { kind: 'conflict'; ids: string[] };

/**
 * The platform puts the order id in both `metadata.order_id` and `client_reference_id`;
 * a session acts on an order only when both are there and agree.
 */
export function orderReference(
  facts: Pick<CheckoutSessionFacts, 'metadataOrderId' | 'clientReferenceId'>,
): OrderReference {
  const ids = [facts.metadataOrderId, facts.clientReferenceId].filter(
    (id): id is string => typeof id === 'string' && id !== '',
  );
  if (ids.length === 0) return { kind: 'none' };
  if (ids.length === 2 && ids[0] === ids[1]) return { kind: 'order', orderId: ids[0]! };
  return { kind: 'conflict', ids: [...new Set(ids)] };
}

/** The order a session names, if it exists (for recording an event that changes nothing). */
export async function referencedOrderId(
  trx: Transaction<DB>,
  facts: Pick<CheckoutSessionFacts, 'metadataOrderId' | 'clientReferenceId'>,
): Promise<string | null> {
  const reference = orderReference(facts);
  if (reference.kind !== 'order') return null;
  return (await settlementRepository.findOrder(trx, reference.orderId))?.id ?? null;
}

/**
 * A paid session: fulfil its order (amount, currency and method are checked there). A
 * refund Stripe reported before this payment was known (charge.refunded first) is applied
 * first, so the order ends refunded and no certificate is issued.
 */
export async function settlePaidSession(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  facts: CheckoutSessionFacts,
): Promise<SettlementOutcome> {
  const purchaseId = purchaseOf(facts);
  if (purchaseId) return settlePaidPurchaseSession(trx, ctx, facts, purchaseId);
  const reference = orderReference(facts);
  if (reference.kind === 'none') return { outcome: 'no_order_reference', orderId: null };
  if (reference.kind === 'conflict') return flagReferenceConflict(trx, ctx, facts, reference.ids);
  const { orderId } = reference;

  let refundedFirst = false;
  if (facts.paymentIntentId) {
    await repo.lockPaymentIntent(trx, facts.paymentIntentId);
    const [earlier] = await repo.findUnmatchedRefunds(trx, facts.paymentIntentId);
    if (earlier && earlier.amountRefunded > 0) {
      const refund = await recordRefund(trx, ctx, {
        orderId,
        amountCents: earlier.amountRefunded,
        externalReference: earlier.chargeId || null,
        source: 'stripe_webhook',
        reason: 'refunded at Stripe before the payment was recorded',
      });
      refundedFirst = refund.outcome === 'refunded';
    }
  }

  const fulfilment = await fulfilOrder(trx, ctx, {
    orderId,
    // A session without a total cannot match any order: fulfilOrder flags it.
    amountCents: facts.amountTotalCents ?? Number.NaN,
    currency: facts.currency ?? '',
    method: 'stripe',
    externalReference: facts.sessionId,
    stripePaymentIntentId: facts.paymentIntentId,
    payer: facts.payer ?? null,
  });
  const exists = fulfilment.outcome !== 'not_found';
  if (exists && facts.paymentIntentId)
    await linkEarlyDisputes(trx, ctx, { kind: 'order', id: orderId }, facts.paymentIntentId);
  return {
    outcome: refundedFirst ? 'refunded_before_payment' : fulfilment.outcome,
    orderId: exists ? orderId : null,
    fulfilment,
  };
}

/** Whether the order or purchase has another session now than this one. */
const movedOn = (row: { stripe_checkout_session_id: string | null }, sessionId: string) =>
  row.stripe_checkout_session_id !== null && row.stripe_checkout_session_id !== sessionId;

/**
 * An expired session, or one whose asynchronous payment failed: the reservation ends.
 * Only the order's current session can end it (a session the order has moved on from
 * says nothing about the order any more).
 */
export async function settleClosedSession(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  facts: Pick<
    CheckoutSessionFacts,
    'sessionId' | 'metadataOrderId' | 'clientReferenceId' | 'metadataPurchaseId'
  >,
  reason: 'expired' | 'payment_failed',
): Promise<SettlementOutcome> {
  const purchaseId = purchaseOf(facts);
  if (purchaseId) {
    // Only the purchase's own session ends its reservations; lines already paid stay paid.
    const purchase = await lockPurchase(trx, purchaseId);
    if (!purchase) return { outcome: 'not_found', orderId: null };
    if (movedOn(purchase, facts.sessionId)) return { outcome: 'stale_session', orderId: null };
    const released = await releasePurchase(trx, ctx, purchaseId, reason);
    const first = released.lines[0];
    return {
      outcome: `purchase_${released.outcome}`,
      orderId: first && first.outcome !== 'not_found' ? first.order.id : null,
    };
  }
  const reference = orderReference(facts);
  if (reference.kind === 'none') return { outcome: 'no_order_reference', orderId: null };
  if (reference.kind === 'conflict') return flagReferenceConflict(trx, ctx, facts, reference.ids);
  const order = await settlementRepository.lockOrder(trx, reference.orderId);
  if (!order) return { outcome: 'not_found', orderId: null };
  if (movedOn(order, facts.sessionId)) return { outcome: 'stale_session', orderId: order.id };
  const released = await releaseOrder(trx, ctx, order.id, reason);
  return { outcome: released.outcome, orderId: order.id };
}

/**
 * metadata.order_id and client_reference_id name different orders (or only one is set):
 * nothing is fulfilled or released; every order named that exists is flagged for an admin.
 */
async function flagReferenceConflict(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  facts: Pick<CheckoutSessionFacts, 'sessionId' | 'metadataOrderId' | 'clientReferenceId'>,
  ids: string[],
): Promise<SettlementOutcome> {
  const reason = `order reference mismatch: session ${facts.sessionId} has metadata.order_id ${facts.metadataOrderId ?? '(none)'} and client_reference_id ${facts.clientReferenceId ?? '(none)'}`;
  let firstExisting: string | null = null;
  for (const id of [...ids].sort()) {
    if (!isUuid(id)) continue;
    const order = await settlementRepository.lockOrder(trx, id);
    if (!order) continue;
    firstExisting ??= order.id;
    await settlementRepository.flagOrder(trx, order.id, `payment_mismatch: ${reason}`, ctx.now);
    await recordAudit(trx, ctx, {
      action: 'order.payment_mismatch',
      subjectType: 'order',
      subjectId: order.id,
      summary: { status: order.status, reason, sessionId: facts.sessionId },
    });
  }
  return { outcome: 'mismatch', orderId: firstExisting };
}
