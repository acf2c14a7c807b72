import type { Kysely, Transaction } from 'kysely';
import type { DB, OrderRow, RefundRequestSource } from '../../db/types.js';
import { conflict, unprocessable } from '../../lib/errors.js';
import {
  type PaymentGateway,
  PaymentRefusedError,
  type ProviderRefund,
} from '../../lib/payment-gateway.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  documentYear,
  formatDocumentNumber,
  type OrderCtx,
  recordRefund,
  type RefundResult,
} from './fulfilment.js';
import { purchasePaymentIntent } from './purchase-refunds.js';
import { applyStripeRefund } from './refund-states.js';
import { certificateClaimed, providerRefused, providerUnavailable } from './settlement-errors.js';
import { settlementRepository as repo } from './settlement.repository.js';

/**
 * Giving a payment back (DESIGN §4: paid → refunded). Used by the admin refund route, the
 * automatic refund of a payment that arrived after its reservation lapsed, and the refunds
 * of a project that failed.
 *
 * A bank transfer is reversed by a credit note: issued and booked in one transaction that
 * holds the order and certificate locks, so an approval either came first (and the refund
 * is refused) or waits and finds the certificate revoked.
 *
 * A Stripe refund moves the money outside any transaction, so it goes in three steps:
 * 1. requestRefund, one short transaction under the same locks: no approved claim stands,
 *    and the order records the refund as requested (who, when, why). From its commit on,
 *    claims on the certificate are neither approved nor made (CLAIM.REFUND_PENDING).
 * 2. The Stripe refund, with the order's one idempotency key.
 * 3. recordRefund books it exactly once and clears the request in the same transaction.
 * If Stripe refuses (it answered, nothing was refunded) the request is withdrawn and
 * approvals count again. If the outcome is unknown (no answer, a timeout, a 5xx) the
 * request stays, since the money may be back with the buyer: a retry settles it (Stripe
 * answers a repeated key with the refund it made), as does Stripe's charge.refunded, and
 * a request whose process died is resumed by the job 'orders.resume-refunds' once it is
 * older than REFUND_REQUEST_STALE_AFTER_SECONDS.
 */

export interface RefundDeps {
  db: Kysely<DB>;
  payments?: PaymentGateway | undefined;
  /** Where a provider's refusal is logged, with its request id. */
  log?: { error(details: object, message: string): void } | undefined;
}

/**
 * One Stripe refund per order at a time: the admin route and the automatic refund use the
 * same key, and Stripe answers a repeat with the refund it made. Stripe refuses a reused key
 * with other parameters, so nothing that varies between callers goes into the request. Only
 * a refund that failed (or was canceled) lets a new one be made, under the next key.
 */
export const stripeRefundKey = (orderId: string, failedBefore = 0) =>
  failedBefore === 0 ? `refund-order-${orderId}` : `refund-order-${orderId}-after-${failedBefore}`;

/**
 * When a refund request counts as left behind by a process that died before it finished:
 * far longer than one attempt can take (the Stripe SDK's 20 s timeout, three tries).
 */
export const REFUND_REQUEST_STALE_AFTER_SECONDS = 10 * 60;

export const RESUME_REFUNDS_JOB = 'orders.resume-refunds';
/** How often requests left behind are resumed (with Stripe configured). */
export const RESUME_REFUNDS_EVERY_SECONDS = 5 * 60;

export interface RefundOptions {
  source: RefundRequestSource;
  reason: string;
  /** Who asked, when it is not the acting user (the job that resumes a request keeps the original requester). */
  requestedBy?: string | null;
}

export type RefundRequestResult =
  | { outcome: 'requested'; order: OrderRow }
  /** Stripe holds a refund of the order already: its outcome comes by Stripe's events. */
  | { outcome: 'refund_pending'; order: OrderRow }
  | { outcome: 'already_refunded'; order: OrderRow }
  | { outcome: 'not_refundable'; order: OrderRow }
  | { outcome: 'certificate_claimed'; order: OrderRow }
  | { outcome: 'not_found'; orderId: string };

const notRefundable = (status: string) =>
  conflict('ORDER.NOT_REFUNDABLE', `An order in status ${status} has no payment to refund`);

/** Whether the order holds money that can go back: a paid order, or a lapsed one whose late payment was booked. */
async function holdsPayment(db: Kysely<DB>, order: OrderRow): Promise<boolean> {
  if (order.status === 'paid') return true;
  if (order.status !== 'expired' && order.status !== 'cancelled') return false;
  return repo.hasPayment(db, order.id);
}

/**
 * Step 1 of a Stripe refund, before any money moves: locks the order, then its certificate
 * (the locks recordRefund takes, in its order; approvals lock the same certificate), checks
 * again that there is money to give back and no approved claim, and records the request
 * with its audit event. A request that stands already (a retry, a second admin, the job
 * resuming it) is taken over: it stays one request, dated by its latest attempt.
 */
export async function requestRefund(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  orderId: string,
  options: RefundOptions,
): Promise<RefundRequestResult> {
  const order = await repo.lockOrder(trx, orderId);
  if (!order) return { outcome: 'not_found', orderId };
  if (order.status === 'refunded') return { outcome: 'already_refunded', order };
  if (order.refund_state === 'pending') return { outcome: 'refund_pending', order };
  if (!(await holdsPayment(trx, order))) return { outcome: 'not_refundable', order };
  const certificate =
    order.status === 'paid' ? await repo.findCertificateByOrderForUpdate(trx, order.id) : undefined;
  // A statement of its own after the lock, so it sees an approval that committed while this waited.
  if (certificate && (await repo.certificateHasApprovedClaim(trx, certificate.id)))
    return { outcome: 'certificate_claimed', order };

  const requestedBy =
    options.requestedBy !== undefined ? options.requestedBy : (ctx.actor?.userId ?? null);
  const requested = await repo.requestRefund(trx, order.id, {
    at: ctx.now,
    by: requestedBy,
    source: options.source,
    reason: options.reason,
  });
  await recordAudit(trx, ctx, {
    action: 'order.refund_requested',
    subjectType: 'order',
    subjectId: order.id,
    summary: {
      source: options.source,
      reason: options.reason,
      requestedBy,
      amountCents: order.amount_cents,
      paymentIntentId: order.stripe_payment_intent_id,
      certificateId: certificate?.id ?? null,
      // Taken over from an earlier attempt that did not finish.
      previousRequest: order.refund_requested_at
        ? {
            at: order.refund_requested_at.toISOString(),
            by: order.refund_requested_by,
            source: order.refund_request_source,
          }
        : null,
    },
  });
  return { outcome: 'requested', order: requested };
}

/** Withdraws a refund request the provider refused: nothing went back, so approvals count again. */
export async function withdrawRefundRequest(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  orderId: string,
  detail: string,
): Promise<void> {
  const order = await repo.lockOrder(trx, orderId);
  if (!order || order.status === 'refunded') return;
  const cleared = await repo.clearRefundRequest(trx, order.id, ctx.now);
  if (!cleared) return;
  await recordAudit(trx, ctx, {
    action: 'order.refund_request_withdrawn',
    subjectType: 'order',
    subjectId: order.id,
    summary: {
      detail: detail.slice(0, 500),
      requestedAt: order.refund_requested_at?.toISOString() ?? null,
      requestedBy: order.refund_requested_by,
      source: order.refund_request_source,
    },
  });
}

export async function refundOrder(
  deps: RefundDeps,
  ctx: OrderCtx,
  order: OrderRow,
  options: RefundOptions,
): Promise<RefundResult | { outcome: 'refund_pending'; order: OrderRow }> {
  const { db } = deps;
  if (order.status === 'refunded') return { outcome: 'already_refunded', order };
  if (!(await holdsPayment(db, order))) throw notRefundable(order.status);
  if (order.payment_method === 'stripe') return refundThroughStripe(deps, ctx, order, options);

  const result = await db.transaction().execute(async (trx) => {
    const locked = await repo.lockOrder(trx, order.id);
    if (!locked) return { outcome: 'not_found', orderId: order.id } as const;
    if (locked.status === 'refunded')
      return { outcome: 'already_refunded', order: locked } as const;
    // The credit note is the invoice's reversal; its gapless number is taken in this transaction.
    const year = documentYear(ctx.now);
    const number = formatDocumentNumber(
      'CN',
      year,
      await repo.nextDocumentNumber(trx, 'credit_note', year),
    );
    await repo.insertCreditNote(trx, {
      number,
      orderId: order.id,
      amountCents: Number(locked.amount_cents),
      reason: options.reason,
      issuedBy: ctx.actor?.userId ?? null,
      at: ctx.now,
    });
    // Locks the certificate and checks its claims; nothing has left escrow yet.
    const recorded = await recordRefund(trx, ctx, {
      orderId: order.id,
      amountCents: Number(locked.amount_cents),
      externalReference: number,
      source: options.source,
      reason: options.reason,
    });
    // Undo the credit note (and the flag) with everything else.
    if (recorded.outcome === 'certificate_claimed') throw certificateClaimed();
    return recorded;
  });
  return result;
}

async function refundThroughStripe(
  deps: RefundDeps,
  ctx: OrderCtx,
  order: OrderRow,
  options: RefundOptions,
): Promise<RefundResult | { outcome: 'refund_pending'; order: OrderRow }> {
  const { db, payments } = deps;
  if (!payments)
    throw unprocessable(
      'ORDER.PAYMENT_METHOD_UNAVAILABLE',
      'Stripe is not configured here, so a card or iDEAL payment cannot be refunded',
    );
  // A purchase's line: a part of the purchase's one payment, the line's amount (purchase-refunds.ts).
  const paymentIntentId =
    order.stripe_payment_intent_id ??
    (order.purchase_id ? await purchasePaymentIntent(db, order.purchase_id) : null);
  if (!paymentIntentId)
    throw conflict('ORDER.PAYMENT_NOT_FOUND', 'No Stripe payment is recorded for this order');

  const requested = await db
    .transaction()
    .execute((trx) => requestRefund(trx, ctx, order.id, options));
  if (requested.outcome === 'not_found') return requested;
  if (requested.outcome === 'already_refunded') return requested;
  if (requested.outcome === 'refund_pending') return requested;
  if (requested.outcome === 'not_refundable') throw notRefundable(requested.order.status);
  if (requested.outcome === 'certificate_claimed') throw certificateClaimed();

  let refund: ProviderRefund;
  try {
    refund = await payments.refund({
      paymentIntentId,
      amountCents: Number(order.amount_cents),
      // Stripe answers a repeated key with the refund it made; after a refund that failed,
      // a new attempt needs a new key (counted, so a retry of that attempt repeats it).
      idempotencyKey: stripeRefundKey(order.id, await failedRefunds(db, order.id)),
      reason: `Impactbeurs order ${order.id}`,
      orderId: order.id,
    });
  } catch (error) {
    if (error instanceof PaymentRefusedError) {
      // Stripe's request id finds the refusal in its dashboard; its message stays in the log.
      deps.log?.error(
        { orderId: order.id, provider: error.provider, providerMessage: error.message },
        'the payment provider refused the refund',
      );
      await db
        .transaction()
        .execute((trx) => withdrawRefundRequest(trx, ctx, order.id, error.message));
      throw providerRefused();
    }
    // Stripe may have refunded: the request stays, and keeps approvals out, until that is known.
    throw providerUnavailable(
      'It is not known whether the refund was made; try again (a retry cannot refund twice). Until it is settled, no claim on the order’s certificate is approved.',
    );
  }
  // Stripe's answer is one report of the refund's status among its events: whichever
  // comes first moves the order, once (refund-states.ts).
  const result = await db.transaction().execute((trx) =>
    applyStripeRefund(trx, ctx, {
      refundId: refund.refundId,
      orderId: order.id,
      amountCents: refund.amountCents,
      status: refund.status,
      failureReason: refund.failureReason,
      reportedBy: 'api',
      source: options.source,
      reason: options.reason,
    }),
  );
  switch (result.outcome) {
    case 'refunded':
    case 'already_refunded':
    case 'partial':
    case 'not_found':
    case 'refund_pending':
      return result;
    case 'certificate_claimed':
      // Not reachable while the request keeps approvals out (the database refuses them too);
      // if it were, the money is back with the buyer and recordRefund has flagged the order.
      throw conflict(
        'ORDER.CERTIFICATE_CLAIMED',
        'The refund was made, but the order’s certificate has an approved claim, so it was not booked; the order is flagged for an admin',
      );
    case 'refund_failed':
    case 'refund_failed_after_booking':
      throw refundFailed();
    case 'unchanged': {
      // An event reported this refund first: answer where the order stands now.
      const now = result.order;
      if (now.status === 'refunded') return { outcome: 'already_refunded', order: now };
      if (now.refund_state === 'pending') return { outcome: 'refund_pending', order: now };
      if (now.refund_state === 'failed') throw refundFailed();
      return { outcome: 'partial', order: now };
    }
  }
}

async function failedRefunds(db: Kysely<DB>, orderId: string): Promise<number> {
  const refunds = await repo.findStripeRefunds(db, orderId);
  return refunds.filter((refund) => refund.status === 'failed' || refund.status === 'canceled')
    .length;
}

const refundFailed = () =>
  conflict(
    'ORDER.REFUND_FAILED',
    'Stripe reports the refund as failed, so nothing went back: the order stays paid, its certificate valid, and the order is flagged for the platform team',
  );

/**
 * Job 'orders.refund-payment': gives back a Stripe payment that arrived after its
 * reservation lapsed and found the credits gone (fulfilOrder answered 'refund_required').
 * Safe to run twice: the refund key and recordRefund each act once.
 */
export async function refundLatePayment(
  deps: RefundDeps,
  ctx: OrderCtx,
  orderId: string,
): Promise<void> {
  const order = await repo.findOrder(deps.db, orderId);
  if (
    !order ||
    order.status === 'refunded' ||
    order.status === 'paid' ||
    order.status === 'reserved'
  )
    return;
  if (order.payment_method !== 'stripe') return; // a bank transfer goes back by hand: the order stays flagged
  if (!(await holdsPayment(deps.db, order))) return;
  await refundOrder(deps, ctx, order, {
    source: 'late_payment',
    reason: 'the payment arrived after the reservation lapsed and the credits were sold',
  });
}

export interface ResumeRefundsReport {
  /** Requests found left behind. */
  found: number;
  /** Booked now (or found booked). */
  refunded: number;
  /** Still open (outcome unknown) or withdrawn (Stripe refused); the next run tries what is still open. */
  failed: number;
}

/**
 * Job 'orders.resume-refunds': finishes the Stripe refunds whose request is older than
 * REFUND_REQUEST_STALE_AFTER_SECONDS, i.e. whose process died, or whose outcome stayed
 * unknown. Each is made again with the order's idempotency key, for the same reason and
 * on behalf of the same requester: if the first attempt reached Stripe, Stripe answers
 * with the refund it made and it is booked; if not, the refund is made now; if Stripe
 * refuses, the request is withdrawn. The request was made by someone entitled to make
 * it and nothing told them it failed, so it is completed rather than dropped. Safe to run
 * twice or alongside a retry by hand: the key and recordRefund each act once.
 */
export async function resumeRefunds(deps: RefundDeps, ctx: OrderCtx): Promise<ResumeRefundsReport> {
  const before = new Date(ctx.now.getTime() - REFUND_REQUEST_STALE_AFTER_SECONDS * 1000);
  const stale = await repo.findStaleRefundRequests(deps.db, before, 100);
  const report: ResumeRefundsReport = { found: stale.length, refunded: 0, failed: 0 };
  for (const order of stale) {
    try {
      const result = await refundOrder(deps, ctx, order, {
        source: order.refund_request_source ?? 'admin',
        reason: order.refund_request_reason ?? 'refund resumed',
        requestedBy: order.refund_requested_by,
      });
      if (result.outcome === 'refunded' || result.outcome === 'already_refunded')
        report.refunded += 1;
      else report.failed += 1;
    } catch {
      // The attempt is in the audit trail (order.refund_requested, and _withdrawn if Stripe refused).
      report.failed += 1;
    }
  }
  return report;
}
