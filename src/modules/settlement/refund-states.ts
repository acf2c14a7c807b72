import type { Transaction } from 'kysely';
import type { DB, OrderRow, StripeRefundStatus } from '../../db/types.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordEvent } from '../events/events.js';
import { settleClaimsForCertificateStatus } from './certificate-claims.js';
import { type OrderCtx, recordRefund, type RefundResult, type RefundSource } from './fulfilment.js';
import { settlementRepository as repo } from './settlement.repository.js';

/**
 * The one place where a Stripe refund's outcome moves an order (issue 17). A refund is
 * requested (refunds.ts) → pending at Stripe → succeeded, or failed. Stripe reports it by
 * the API's answer to the request and by the events refund.created, refund.updated,
 * refund.failed and charge.refund.updated, in any order and any number of times; each
 * report goes through applyStripeRefund, which keeps the refund's latest status in
 * stripe_refunds and acts on a change only:
 *
 * - pending (or requires_action): the order's refund is pending (the request stands, so no
 *   claim is made or approved) and its certificate suspended until the outcome;
 * - succeeded: booked as any refund (recordRefund): the order refunded, the credits back,
 *   the certificate revoked, the ledgers, and the credit note, now that the money has left;
 * - failed or canceled: nothing left escrow. The order stays paid, the request is cleared
 *   (refund_state 'failed'), the certificate is active again (the buyer's payment stands;
 *   unless a dispute keeps it suspended), and the order is flagged for the platform team.
 *   A refund that fails after it was booked (Stripe reverses a succeeded refund, or a
 *   charge.refunded booked it before its outcome was known) only flags the order: the
 *   money is back at the platform's Stripe balance and a person decides.
 *
 * Statuses only move forward (nextStripeRefundStatus; the trigger stripe_refunds_forward_only
 * enforces the same), so a stale event or a replayed API answer changes nothing. Locks:
 * the order, then its certificate (docs/architecture.md); the refund's own row after.
 */

export interface StripeRefundReport {
  refundId: string;
  orderId: string;
  amountCents: number;
  status: StripeRefundStatus;
  failureReason: string | null;
  /** Who reports it: the API's answer to the platform's request, or one of Stripe's events. */
  reportedBy: 'api' | 'webhook';
  /** For the booking of a refund that succeeded. */
  source: RefundSource;
  reason?: string;
}

export type StripeRefundOutcome =
  | RefundResult
  | { outcome: 'refund_pending'; order: OrderRow }
  | { outcome: 'refund_failed'; order: OrderRow }
  | { outcome: 'refund_failed_after_booking'; order: OrderRow }
  /** A repeated or stale report: the refund's status is known already (or further on). */
  | { outcome: 'unchanged'; order: OrderRow };

const isOpen = (status: StripeRefundStatus) => status === 'pending' || status === 'requires_action';

/** The transition rule: open statuses move anywhere; failed and canceled are final; succeeded can only still fail. */
export function nextStripeRefundStatus(
  current: StripeRefundStatus | undefined,
  reported: StripeRefundStatus,
): StripeRefundStatus {
  if (current === undefined || isOpen(current)) return reported;
  if (current === 'succeeded' && reported === 'failed') return 'failed';
  return current;
}

export async function applyStripeRefund(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  report: StripeRefundReport,
): Promise<StripeRefundOutcome> {
  const order = await repo.lockOrder(trx, report.orderId);
  if (!order) return { outcome: 'not_found', orderId: report.orderId };
  const stored = await repo.lockStripeRefund(trx, report.refundId);
  // A refund id names one payment's refund; one reported for another order is not this order's.
  if (stored && stored.order_id !== order.id) return { outcome: 'unchanged', order };
  const next = nextStripeRefundStatus(stored?.status, report.status);
  if (stored && next === stored.status) return { outcome: 'unchanged', order };
  const previous = stored?.status ?? null;
  if (stored) await repo.updateStripeRefund(trx, stored.id, next, report.failureReason, ctx.now);
  else
    await repo.insertStripeRefund(trx, {
      id: report.refundId,
      orderId: order.id,
      amountCents: report.amountCents,
      status: next,
      failureReason: report.failureReason,
      at: ctx.now,
    });
  const amountCents = stored ? Number(stored.amount_cents) : report.amountCents;
  const facts = { ...report, amountCents, status: next, previous };

  if (isOpen(next)) return markPending(trx, ctx, order, facts);
  if (next === 'succeeded')
    return recordRefund(trx, ctx, {
      orderId: order.id,
      amountCents,
      externalReference: report.refundId,
      source: report.source,
      reason: report.reason ?? 'refunded through Stripe',
    });
  return markFailed(trx, ctx, order, facts);
}

type Facts = StripeRefundReport & { previous: StripeRefundStatus | null };

/** Holds payment that a refund can give back: paid, or lapsed with its late payment booked. */
const holdsPayment = (order: OrderRow) =>
  order.status === 'paid' || order.status === 'expired' || order.status === 'cancelled';

async function markPending(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  order: OrderRow,
  refund: Facts,
): Promise<StripeRefundOutcome> {
  if (order.status === 'refunded') return { outcome: 'already_refunded', order };
  // A part of the amount refunds nothing (recordRefund flags it once it succeeds).
  if (!holdsPayment(order) || refund.amountCents !== Number(order.amount_cents))
    return { outcome: 'unchanged', order };
  if (order.refund_state === 'pending') return { outcome: 'refund_pending', order };

  const updated = await repo.updateOrder(trx, order.id, {
    refund_state: 'pending',
    // A refund made at Stripe (its dashboard) without a request of the platform's: recorded as one.
    ...(order.refund_requested_at === null
      ? {
          refund_requested_at: ctx.now,
          refund_requested_by: null,
          refund_request_source: 'stripe' as const,
          refund_request_reason: `refund ${refund.refundId} made at Stripe`,
        }
      : {}),
    updated_at: ctx.now,
  });
  const certificate =
    order.status === 'paid' ? await repo.findCertificateByOrderForUpdate(trx, order.id) : undefined;
  if (certificate && certificate.status === 'active') {
    const reason = `refund pending: ${refund.refundId}`;
    await repo.setCertificateStatus(trx, certificate.id, 'suspended', reason, ctx.now);
    await settleClaimsForCertificateStatus(trx, ctx, certificate.id, 'suspended', reason);
    await recordAudit(trx, ctx, {
      action: 'certificate.suspended',
      subjectType: 'certificate',
      subjectId: certificate.id,
      summary: { orderId: order.id, refundId: refund.refundId, from: 'active', to: 'suspended' },
    });
    await recordEvent(trx, {
      type: 'certificate.suspended',
      objectId: certificate.id,
      occurredAt: ctx.now,
    });
  }
  await recordAudit(trx, ctx, {
    action: 'order.refund_pending',
    subjectType: 'order',
    subjectId: order.id,
    summary: {
      refundId: refund.refundId,
      status: refund.status,
      amountCents: refund.amountCents,
      reportedBy: refund.reportedBy,
      requestSource: updated.refund_request_source,
      certificateId: certificate?.id ?? null,
    },
  });
  return { outcome: 'refund_pending', order: updated };
}

async function markFailed(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  order: OrderRow,
  refund: Facts,
): Promise<StripeRefundOutcome> {
  const detail = `${refund.refundId}${refund.failureReason ? ` (${refund.failureReason})` : ''}`;
  const summary = {
    refundId: refund.refundId,
    status: refund.status,
    previousStatus: refund.previous,
    failureReason: refund.failureReason,
    amountCents: refund.amountCents,
    reportedBy: refund.reportedBy,
  };
  if (order.status === 'refunded') {
    // Booked already (a succeeded refund Stripe reversed, or a charge.refunded that came
    // first): the money is back at the platform's Stripe balance; a person decides.
    const flagged = await repo.flagOrder(
      trx,
      order.id,
      `refund_failed_after_booking: ${detail}`,
      ctx.now,
    );
    await recordAudit(trx, ctx, {
      action: 'order.refund_failed',
      subjectType: 'order',
      subjectId: order.id,
      summary: { ...summary, orderStatus: order.status, booked: true },
    });
    return { outcome: 'refund_failed_after_booking', order: flagged };
  }
  if (!holdsPayment(order) || refund.amountCents !== Number(order.amount_cents)) {
    await recordAudit(trx, ctx, {
      action: 'order.refund_failed',
      subjectType: 'order',
      subjectId: order.id,
      summary: { ...summary, orderStatus: order.status, booked: false },
    });
    return { outcome: 'unchanged', order };
  }

  await repo.updateOrder(trx, order.id, {
    refund_state: 'failed',
    refund_requested_at: null,
    refund_requested_by: null,
    refund_request_source: null,
    refund_request_reason: null,
    updated_at: ctx.now,
  });
  const updated = await repo.flagOrder(trx, order.id, `refund_failed: ${detail}`, ctx.now);
  // The buyer's payment stands, so the certificate they paid for is valid again, unless
  // an open dispute keeps it suspended.
  const certificate =
    order.status === 'paid' ? await repo.findCertificateByOrderForUpdate(trx, order.id) : undefined;
  let reinstated = false;
  if (
    certificate &&
    certificate.status === 'suspended' &&
    !(await repo.hasOpenDispute(trx, order.id))
  ) {
    await repo.setCertificateStatus(
      trx,
      certificate.id,
      'active',
      `refund failed: ${refund.refundId}; the payment stands`,
      ctx.now,
    );
    await recordAudit(trx, ctx, {
      action: 'certificate.reinstated',
      subjectType: 'certificate',
      subjectId: certificate.id,
      summary: { orderId: order.id, refundId: refund.refundId, from: 'suspended', to: 'active' },
    });
    await recordEvent(trx, {
      type: 'certificate.reinstated',
      objectId: certificate.id,
      occurredAt: ctx.now,
    });
    reinstated = true;
  }
  await recordAudit(trx, ctx, {
    action: 'order.refund_failed',
    subjectType: 'order',
    subjectId: order.id,
    summary: {
      ...summary,
      orderStatus: order.status,
      booked: false,
      requestedAt: order.refund_requested_at?.toISOString() ?? null,
      requestedBy: order.refund_requested_by,
      requestSource: order.refund_request_source,
      certificateId: certificate?.id ?? null,
      certificateReinstated: reinstated,
    },
  });
  return { outcome: 'refund_failed', order: updated };
}

/**
 * Stripe's charge.refunded says that some refund of the charge exists, not whether the
 * money has left (a pending iDEAL or SEPA refund counts in `amount_refunded` too). When
 * the platform knows the order's refunds (stripe_refunds), their own statuses decide and
 * this changes nothing. When it knows none (a refund whose answer and events have not
 * arrived: made at Stripe, or the answer lost), it is booked as before, and a refund that
 * then fails is flagged (refund_failed_after_booking).
 */
export async function refundReportedByCharge(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  charge: { orderId: string; amountRefundedCents: number; chargeId: string | null },
): Promise<RefundResult | { outcome: 'refund_awaiting_outcome'; order: OrderRow }> {
  const order = await repo.lockOrder(trx, charge.orderId);
  if (!order) return { outcome: 'not_found', orderId: charge.orderId };
  const known = await repo.findStripeRefunds(trx, order.id);
  if (known.length > 0) {
    if (order.status === 'refunded') return { outcome: 'already_refunded', order };
    return { outcome: 'refund_awaiting_outcome', order };
  }
  return recordRefund(trx, ctx, {
    orderId: order.id,
    amountCents: charge.amountRefundedCents,
    externalReference: charge.chargeId,
    source: 'stripe_webhook',
    reason: 'refunded at Stripe',
  });
}
