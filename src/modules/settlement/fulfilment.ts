/**
 * The order state machine's money side: fulfilment, release and refund (DESIGN §4 Order,
 * §5 invariants 1–3 and 5). Every entry point that moves money or credits goes through
 * these three functions: the Stripe webhook, Stripe reconciliation, the invoice mark-paid
 * route, the expiry job, and the admin cancel and refund routes.
 *
 * Contract (kept stable for the callers in src/modules/payments):
 *
 *   fulfilOrder(trx, ctx, evidence: PaymentEvidence): Promise<FulfilResult>
 *   releaseOrder(trx, ctx, orderId, reason: 'expired' | 'cancelled' | 'payment_failed', detail?): Promise<ReleaseResult>
 *   recordRefund(trx, ctx, refund: RefundEvidence): Promise<RefundResult>
 *   queueFulfilFollowUps(jobs, result): after commit, queues what a result asks for
 *
 * - Call them inside YOUR transaction (`db.transaction().execute(trx => …)`), so that the
 *   caller's own bookkeeping (the stripe_events row) commits or rolls back with the effect.
 *   Never use the outer `db` inside: on the embedded database that deadlocks.
 * - `ctx` is the usual service context plus `now` (the injected clock's time): the webhook
 *   passes `{ actor: null, requestId, ip, now: clock.now() }`.
 * - Each function locks the order row first (the lock order: docs/architecture.md), and
 *   is idempotent: a repeat, or any order of arrival, has one effect.
 *   They do not throw for business outcomes; they answer what happened. They throw only
 *   for faults (the database), so the caller's transaction rolls back and can be retried.
 * - Every state change writes its audit event in the same transaction.
 * - After commit, pass a FulfilResult to `queueFulfilFollowUps(jobs, result)`: for a
 *   payment that arrived after its reservation lapsed and the credits were gone
 *   ('refund_required'), it queues the automatic refund (job 'orders.refund-payment').
 */
import { settleClaimsForCertificateStatus } from './certificate-claims.js';
import { recordEvent } from '../events/events.js';
import { onCreditsSold } from './funding-hooks.js';
import { sql, type Transaction } from 'kysely';
import type { DB, OrderRow } from '../../db/types.js';
import type { Ctx } from '../../lib/context.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { PayerDetails } from '../../lib/payment-gateway.js';
import { recordAudit } from '../audit/audit.service.js';
import { RENDER_DOCUMENTS_JOB } from '../certificates/document-jobs.js';
import { newVerificationCode } from '../certificates/verification-code.js';
import { settlementRepository as repo } from './settlement.repository.js';

/** The service context of a money operation: who acts (null for Stripe and jobs), and when. */
export interface OrderCtx extends Ctx {
  now: Date;
}

export interface PaymentEvidence {
  orderId: string;
  /** What the provider or bank says was paid, in cents. Must equal the order's amount. */
  amountCents: number;
  /** ISO 4217, any case ('eur' from Stripe); must equal the order's currency. */
  currency: string;
  /** How it was paid; must be the order's payment method. */
  method: 'stripe' | 'invoice';
  /** Stripe: the Checkout Session or PaymentIntent id; invoice: the bank reference. */
  externalReference: string;
  /** Stripe payments: kept on the order, so a refund can find the payment. */
  stripePaymentIntentId?: string | null;
  /** Stripe payments: who paid, kept on the order as far as bookkeeping needs (docs/privacy.md). */
  payer?: PayerDetails | null | undefined;
  /** What reported the payment, named in the audit event (a bank statement entry). */
  cause?: { type: 'bank_statement_entry'; id: string; amountCents: number } | undefined;
}

export type FulfilResult =
  /** The order is now paid: credits sold, serials allocated, certificate issued. */
  | {
      outcome: 'fulfilled';
      orderId: string;
      certificateId: string;
      certificateNumber: string;
      invoiceNumber: string;
      serialStart: number;
      serialEnd: number;
      reReserved: boolean;
    }
  /** It was paid before: nothing changed. */
  | { outcome: 'already_paid'; orderId: string }
  /** Amount, currency or method did not match: nothing fulfilled, the order is flagged for an admin. */
  | { outcome: 'mismatch'; orderId: string; reason: string }
  /** The order is refunded (perhaps the refund arrived first): it never becomes paid again. */
  | { outcome: 'ignored'; orderId: string; reason: string }
  /** No such order (e.g. metadata of another system's session). */
  | { outcome: 'not_found'; orderId: string }
  /**
   * The payment came after the reservation lapsed and the credits are gone (or the project
   * stopped selling): the payment is booked, nothing is issued, and the money must go back.
   */
  | {
      outcome: 'refund_required';
      orderId: string;
      method: 'stripe' | 'invoice';
      amountCents: number;
      stripePaymentIntentId: string | null;
    };

export type ReleaseReason = 'expired' | 'cancelled' | 'payment_failed';

export type ReleaseResult =
  | { outcome: 'released'; order: OrderRow }
  /** Not reserved (any more): paid, expired, cancelled or refunded. Nothing changed. */
  | { outcome: 'not_reserved'; order: OrderRow }
  | { outcome: 'not_found'; orderId: string };

/** Who reports the refund: an admin's refund, Stripe (charge.refunded), reconciliation, the automatic refund of a late payment, or of a project that failed (issue 8). */
export type RefundSource =
  | 'admin'
  | 'stripe_webhook'
  | 'reconciliation'
  | 'late_payment'
  | 'project_failed'
  | 'dispute_lost'
  /** A refund made at Stripe (its dashboard), not asked for by the platform. */
  | 'stripe';

export interface RefundEvidence {
  orderId: string;
  /** The amount refunded, in cents. Only a full refund (the order's amount) refunds the order. */
  amountCents: number;
  /** Stripe refund or charge id; a credit note number for invoice orders. */
  externalReference: string | null;
  source: RefundSource;
  /** Shown on the revoked certificate and in the audit trail. */
  reason?: string;
}

export type RefundResult =
  /** Refunded now: reversing ledger entries written, certificate (if any) revoked. */
  | { outcome: 'refunded'; order: OrderRow; certificateRevoked: boolean }
  | { outcome: 'already_refunded'; order: OrderRow }
  /** Less than the full amount: nothing reversed, the order is flagged for an admin. */
  | { outcome: 'partial'; order: OrderRow }
  /**
   * The certificate has an approved claim: nothing reversed, the order flagged. A credit
   * note's caller rolls it all back and refuses (409 ORDER.CERTIFICATE_CLAIMED); a refund
   * through Stripe is requested first (see refunds.ts), which keeps approvals out while the
   * money moves, so only money returned outside the platform can meet one.
   */
  | { outcome: 'certificate_claimed'; order: OrderRow }
  | { outcome: 'not_found'; orderId: string };

export const REFUND_PAYMENT_JOB = 'orders.refund-payment';
export const EXPIRE_CHECKOUT_SESSION_JOB = 'orders.expire-checkout-session';

/** The calendar year a document number belongs to, in Dutch time (a payment at 00:30 on 1 January is in the new year). */
// Building an Intl formatter costs ~0.3 ms; the order path needs one per request, so keep one.
const AMSTERDAM_YEAR = new Intl.DateTimeFormat('en', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
});

/** The calendar year in the Netherlands, which numbers invoices and certificates. */
export function documentYear(at: Date): number {
  return Number(AMSTERDAM_YEAR.format(at));
}

export function formatDocumentNumber(
  prefix: 'INV' | 'CN' | 'IB',
  year: number,
  value: number,
): string {
  return `${prefix}-${year}-${String(value).padStart(6, '0')}`;
}

const SELLING = new Set(['listed', 'funded']);

/**
 * Records a payment for an order and, if it is the order's first valid payment, fulfils
 * it: the order becomes paid, its credits are sold, the project's next contiguous serial
 * range is allocated, the payment is booked into the project's escrow and a certificate
 * is issued. Idempotent; never moves an order backwards. See the contract at the top.
 */
export async function fulfilOrder(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  evidence: PaymentEvidence,
): Promise<FulfilResult> {
  const order = await repo.lockOrder(trx, evidence.orderId);
  if (!order) return { outcome: 'not_found', orderId: evidence.orderId };
  const orderId = order.id;

  if (order.status === 'refunded') {
    // A refund (perhaps reported before this payment) is final.
    return { outcome: 'ignored', orderId, reason: 'the order is refunded' };
  }
  if (order.status === 'paid') {
    const differentPayment =
      evidence.stripePaymentIntentId &&
      order.stripe_payment_intent_id &&
      evidence.stripePaymentIntentId !== order.stripe_payment_intent_id;
    if (differentPayment) {
      // The same order paid twice through two payments: the second is money to give back.
      await flag(trx, ctx, order, 'duplicate_payment', 'order.duplicate_payment', {
        paymentIntentId: evidence.stripePaymentIntentId,
        recordedPaymentIntentId: order.stripe_payment_intent_id,
      });
    }
    return { outcome: 'already_paid', orderId };
  }

  const mismatch = describeMismatch(order, evidence);
  if (mismatch) {
    await flag(trx, ctx, order, `payment_mismatch: ${mismatch}`, 'order.payment_mismatch', {
      reason: mismatch,
      expected: {
        amountCents: order.amount_cents,
        currency: order.currency,
        method: order.payment_method,
      },
      received: {
        amountCents: evidence.amountCents,
        currency: evidence.currency,
        method: evidence.method,
      },
      externalReference: evidence.externalReference,
    });
    return { outcome: 'mismatch', orderId, reason: mismatch };
  }

  let reReserved = false;
  // Every paid order has an invoice: a Stripe order takes its gapless number (the yearly
  // INV- series) as it is paid; an invoice order took one when it was placed. Taken before
  // the project's balance row is locked, as order creation takes the counter first and the
  // balance last: the other way round the two could deadlock.
  let invoiceNumber: string | null = order.invoice_number;
  if (order.status === 'expired' || order.status === 'cancelled') {
    // The payment came after the hold lapsed. Honour it if the project still sells and the credits are still there.
    if (await repo.hasPayment(trx, orderId)) {
      // Booked before and found unfulfillable: the refund is (being) made.
      return refundRequired(order, evidence);
    }
    const project = await repo.findProjectStatus(trx, order.project_id);
    if (invoiceNumber === null) {
      // Given back (savepoint) if the payment cannot be honoured below: no gap.
      await sql`SAVEPOINT late_payment_invoice_number`.execute(trx);
      invoiceNumber = await nextInvoiceNumber(trx, ctx.now);
    }
    // Locking the balance first makes the check and the reservation one decision.
    const balance = await repo.lockBalance(trx, order.project_id);
    const available = balance ? balance.supply - balance.reserved - balance.sold : 0;
    const selling =
      SELLING.has(project.status) &&
      project.funding_deadline !== null &&
      project.funding_deadline.getTime() > ctx.now.getTime();
    if (!selling || available < order.quantity) {
      if (order.invoice_number === null)
        await sql`ROLLBACK TO SAVEPOINT late_payment_invoice_number`.execute(trx);
      await bookPayment(trx, ctx, order, evidence);
      await repo.updateOrder(trx, orderId, {
        paid_reference: evidence.externalReference,
        ...payerColumns(evidence),
        ...(evidence.stripePaymentIntentId
          ? { stripe_payment_intent_id: evidence.stripePaymentIntentId }
          : {}),
        updated_at: ctx.now,
      });
      await repo.flagOrder(trx, orderId, 'refund_required', ctx.now);
      await recordAudit(trx, ctx, {
        action: 'order.late_payment_refund_required',
        subjectType: 'order',
        subjectId: orderId,
        summary: {
          status: order.status,
          amountCents: evidence.amountCents,
          available,
          projectStatus: project.status,
          externalReference: evidence.externalReference,
        },
      });
      return refundRequired(order, evidence);
    }
    await repo.insertCreditEntry(trx, {
      projectId: order.project_id,
      entryType: 'reserve',
      quantity: order.quantity,
      orderId,
      actorUserId: ctx.actor?.userId ?? null,
      at: ctx.now,
    });
    await recordAudit(trx, ctx, {
      action: 'order.re_reserved',
      subjectType: 'order',
      subjectId: orderId,
      summary: { previousStatus: order.status, quantity: order.quantity },
    });
    reReserved = true;
  }

  // reserved → paid
  invoiceNumber ??= await nextInvoiceNumber(trx, ctx.now);
  await bookPayment(trx, ctx, order, evidence);
  await repo.updateOrder(trx, orderId, {
    status: 'paid',
    invoice_number: invoiceNumber,
    paid_at: ctx.now,
    paid_reference: evidence.externalReference,
    ...(evidence.stripePaymentIntentId
      ? { stripe_payment_intent_id: evidence.stripePaymentIntentId }
      : {}),
    ...payerColumns(evidence),
    closed_at: null,
    close_reason: null,
    updated_at: ctx.now,
  });
  // From here the project's balance row is locked until commit: keep what follows short.
  await repo.insertCreditEntry(trx, {
    projectId: order.project_id,
    entryType: 'sell',
    quantity: order.quantity,
    orderId,
    actorUserId: ctx.actor?.userId ?? null,
    at: ctx.now,
  });
  // listed → funded at the threshold, once: the sale above holds the balance row (issue 8).
  const funded = await onCreditsSold(trx, ctx, order.project_id);
  const serials = await repo.allocateSerials(trx, order.project_id, order.quantity);
  await repo.insertAllocation(trx, {
    orderId,
    projectId: order.project_id,
    start: serials.start,
    end: serials.end,
    at: ctx.now,
  });
  const year = documentYear(ctx.now);
  const certificateNumber = formatDocumentNumber(
    'IB',
    year,
    await repo.nextDocumentNumber(trx, 'certificate', year),
  );
  const certificate = await repo.insertCertificate(trx, {
    number: certificateNumber,
    verificationCode: newVerificationCode(),
    orderId,
    projectId: order.project_id,
    buyerOrganisationId: order.buyer_organisation_id,
    credits: order.quantity,
    serialStart: serials.start,
    serialEnd: serials.end,
    valueCents: order.amount_cents,
    at: ctx.now,
  });
  await recordEvent(trx, { type: 'order.paid', objectId: orderId, occurredAt: ctx.now });
  await recordAudit(trx, ctx, {
    action: 'order.paid',
    subjectType: 'order',
    subjectId: orderId,
    summary: {
      method: evidence.method,
      amountCents: evidence.amountCents,
      externalReference: evidence.externalReference,
      reReserved,
      ...(evidence.cause ? { cause: evidence.cause } : {}),
      certificateId: certificate.id,
      certificateNumber,
      serialStart: serials.start,
      serialEnd: serials.end,
    },
  });
  await recordEvent(trx, {
    type: 'certificate.issued',
    objectId: certificate.id,
    occurredAt: ctx.now,
  });
  // After the certificate: the buyer whose sale reached the threshold is a holder now, and
  // so among the organisations the event (and its webhooks and e-mails) concerns.
  if (funded)
    await recordEvent(trx, {
      type: 'project.funded',
      objectId: order.project_id,
      occurredAt: ctx.now,
    });
  return {
    outcome: 'fulfilled',
    orderId,
    certificateId: certificate.id,
    certificateNumber,
    invoiceNumber,
    serialStart: serials.start,
    serialEnd: serials.end,
    reReserved,
  };
}

/**
 * Ends a reservation without payment and gives its credits back, exactly once however
 * many callers race (expiry job, checkout.session.expired, async_payment_failed, admin).
 * 'expired' makes the order expired; 'cancelled' and 'payment_failed' make it cancelled.
 */
export async function releaseOrder(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  orderId: string,
  reason: ReleaseReason,
  /** Free text kept with the reason (an admin's reason for cancelling). */
  detail?: string,
): Promise<ReleaseResult> {
  const order = await repo.lockOrder(trx, orderId);
  if (!order) return { outcome: 'not_found', orderId };
  const closed = await repo.closeIfReserved(trx, order.id, {
    status: reason === 'expired' ? 'expired' : 'cancelled',
    reason: detail ? `${reason}: ${detail}`.slice(0, 1000) : reason,
    at: ctx.now,
  });
  if (!closed) return { outcome: 'not_reserved', order };
  await repo.insertCreditEntry(trx, {
    projectId: closed.project_id,
    entryType: 'release',
    quantity: closed.quantity,
    orderId: closed.id,
    actorUserId: ctx.actor?.userId ?? null,
    at: ctx.now,
  });
  await recordAudit(trx, ctx, {
    action: reason === 'expired' ? 'order.expired' : 'order.cancelled',
    subjectType: 'order',
    subjectId: closed.id,
    summary: {
      reason,
      detail: detail ?? null,
      quantity: closed.quantity,
      reservedUntil: closed.reserved_until.toISOString(),
    },
  });
  return { outcome: 'released', order: closed };
}

/**
 * Records that an order's payment went back to the buyer, exactly once: the order becomes
 * refunded, the money ledger books the refund, and, for a paid order, its credits return
 * to the project (credit ledger 'refund') and its certificate is revoked. A refund that
 * arrives before its payment was recorded (charge.refunded before checkout.session.completed)
 * books both, releases the reservation and leaves no certificate; a later fulfilOrder is
 * then a no-op. The caller moves the money (Stripe refund, bank transfer) before or after;
 * this function only records it.
 */
/** Flags that a booked refund of the whole amount settles. */
const REFUND_SETTLES = ['refund_required', 'refund_amount_mismatch', 'refund_failed'] as const;

export async function recordRefund(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  refund: RefundEvidence,
): Promise<RefundResult> {
  const order = await repo.lockOrder(trx, refund.orderId);
  if (!order) return { outcome: 'not_found', orderId: refund.orderId };
  if (order.status === 'refunded') return { outcome: 'already_refunded', order };

  if (refund.amountCents !== Number(order.amount_cents)) {
    const flagged = await flag(
      trx,
      ctx,
      order,
      `refund_amount_mismatch: ${refund.amountCents} of ${order.amount_cents}`,
      'order.refund_mismatch',
      {
        amountCents: refund.amountCents,
        orderAmountCents: order.amount_cents,
        externalReference: refund.externalReference,
        source: refund.source,
      },
    );
    return { outcome: 'partial', order: flagged };
  }

  // Locked, so that an approval of one of its claims is either committed before (and seen
  // here) or waits and then finds the certificate revoked.
  const certificate =
    order.status === 'paid' ? await repo.findCertificateByOrderForUpdate(trx, order.id) : undefined;
  if (certificate && (await repo.certificateHasApprovedClaim(trx, certificate.id))) {
    // Money that went back while an approval stands: an admin must settle it. (A credit
    // note's transaction rolls this back with everything else.)
    const flagged = await flag(
      trx,
      ctx,
      order,
      'refunded_with_approved_claim',
      'order.refund_blocked_by_claim',
      {
        certificateId: certificate.id,
        externalReference: refund.externalReference,
        source: refund.source,
      },
    );
    return { outcome: 'certificate_claimed', order: flagged };
  }

  // Before the balance row is locked (the lock order: docs/architecture.md).
  await issueCreditNote(trx, ctx, order, refund);
  const actorUserId = ctx.actor?.userId ?? null;
  const previousStatus = order.status;
  if (order.status === 'paid') {
    await repo.insertCreditEntry(trx, {
      projectId: order.project_id,
      entryType: 'refund',
      quantity: order.quantity,
      orderId: order.id,
      actorUserId,
      at: ctx.now,
    });
    if (certificate) {
      const reason = `refunded: ${refund.reason ?? refund.source}`;
      await repo.revokeCertificate(trx, certificate.id, reason, ctx.now);
      await settleClaimsForCertificateStatus(trx, ctx, certificate.id, 'revoked', reason);
      if (certificate.status !== 'revoked')
        await recordEvent(trx, {
          type: 'certificate.revoked',
          objectId: certificate.id,
          occurredAt: ctx.now,
        });
    }
  } else if (order.status === 'reserved') {
    await repo.insertCreditEntry(trx, {
      projectId: order.project_id,
      entryType: 'release',
      quantity: order.quantity,
      orderId: order.id,
      actorUserId,
      at: ctx.now,
    });
  }
  // A refund presupposes the payment; if it was not recorded yet, it is now (once).
  const method = order.payment_method;
  await repo.insertMoneyEntry(trx, {
    projectId: order.project_id,
    orderId: order.id,
    entryType: 'payment_received',
    amountCents: order.amount_cents,
    method,
    externalReference: order.paid_reference ?? refund.externalReference,
    actorUserId,
    at: ctx.now,
  });
  await repo.insertMoneyEntry(trx, {
    projectId: order.project_id,
    orderId: order.id,
    entryType: 'refund_paid',
    amountCents: order.amount_cents,
    method,
    externalReference: refund.externalReference,
    actorUserId,
    at: ctx.now,
  });
  await repo.updateOrder(trx, order.id, {
    status: 'refunded',
    refunded_at: ctx.now,
    closed_at: null,
    // ...and the request it was made for, whoever reports it (the requester, Stripe's webhook, reconciliation).
    refund_state: null,
    refund_requested_at: null,
    refund_requested_by: null,
    refund_request_source: null,
    refund_request_reason: null,
    updated_at: ctx.now,
  });
  // The whole amount went back: that settles the flags raised about giving it back (a late
  // payment to return, an earlier partial refund, an earlier refund that failed).
  await repo.resolveFlags(
    trx,
    order.id,
    REFUND_SETTLES,
    `settled by the refund (${refund.source}: ${refund.externalReference ?? 'no reference'})`,
    ctx.now,
  );
  const updated = await repo.syncAttention(trx, order.id, ctx.now);
  await recordEvent(trx, { type: 'order.refunded', objectId: order.id, occurredAt: ctx.now });
  await recordAudit(trx, ctx, {
    action: 'order.refunded',
    subjectType: 'order',
    subjectId: order.id,
    summary: {
      previousStatus,
      amountCents: order.amount_cents,
      source: refund.source,
      reason: refund.reason ?? null,
      externalReference: refund.externalReference,
      certificateId: certificate?.id ?? null,
      creditsReturned: previousStatus === 'paid' ? order.quantity : 0,
      requestedAt: order.refund_requested_at?.toISOString() ?? null,
      requestedBy: order.refund_requested_by,
    },
  });
  return { outcome: 'refunded', order: updated, certificateRevoked: certificate !== undefined };
}

/** After commit: queues the work a fulfilment result asks for (the refund of a late payment). */
export async function queueFulfilFollowUps(jobs: JobQueue, result: FulfilResult): Promise<void> {
  if (result.outcome === 'fulfilled') {
    // The certificate and invoice PDFs, rendered once off the request path.
    await jobs.send(
      RENDER_DOCUMENTS_JOB,
      { orderId: result.orderId },
      { singletonKey: result.orderId },
    );
  }
  if (result.outcome === 'refund_required' && result.method === 'stripe') {
    await jobs.send(
      REFUND_PAYMENT_JOB,
      { orderId: result.orderId },
      { singletonKey: result.orderId },
    );
  }
}

/** The next number of the yearly invoice series; its counter row stays locked until commit, so a rollback gives it back. */
export async function nextInvoiceNumber(trx: Transaction<DB>, at: Date): Promise<string> {
  const year = documentYear(at);
  return formatDocumentNumber('INV', year, await repo.nextDocumentNumber(trx, 'invoice', year));
}

const CREDIT_NOTE_REASONS: Partial<Record<RefundSource, string>> = {
  admin: 'refunded by the platform',
  stripe_webhook: 'refunded through Stripe',
  stripe: 'refunded through Stripe',
  reconciliation: 'refunded through Stripe',
  late_payment: 'the payment arrived after the reservation lapsed',
  project_failed: 'the project did not reach its funding threshold',
};

/**
 * The credit note of a refund: an invoiced order's refund is corrected by a credit note
 * with the next gapless number of its yearly series (the invoice itself is never changed).
 * Once per order; the admin refund of an invoice order has issued it already (its number
 * is the refund's reference). An order that was never invoiced has nothing to credit.
 */
async function issueCreditNote(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  order: OrderRow,
  refund: RefundEvidence,
): Promise<void> {
  if (order.invoice_number === null) return;
  if (await repo.findCreditNoteByOrder(trx, order.id)) return;
  const year = documentYear(ctx.now);
  await repo.insertCreditNote(trx, {
    number: formatDocumentNumber(
      'CN',
      year,
      await repo.nextDocumentNumber(trx, 'credit_note', year),
    ),
    orderId: order.id,
    amountCents: Number(order.amount_cents),
    reason: (
      refund.reason ??
      CREDIT_NOTE_REASONS[refund.source] ??
      `refunded (${refund.source})`
    ).slice(0, 1000),
    issuedBy: ctx.actor?.userId ?? null,
    at: ctx.now,
  });
}

function describeMismatch(order: OrderRow, evidence: PaymentEvidence): string | undefined {
  if (evidence.method !== order.payment_method)
    return `method ${evidence.method}, order is ${order.payment_method}`;
  if (evidence.currency.toUpperCase() !== order.currency)
    return `currency ${evidence.currency}, order is ${order.currency}`;
  if (
    !Number.isSafeInteger(evidence.amountCents) ||
    evidence.amountCents !== Number(order.amount_cents)
  ) {
    return `amount ${evidence.amountCents}, order is ${order.amount_cents}`;
  }
  return undefined;
}

/** Books the money received into the project's escrow (once per order: a unique index guards it). */
async function bookPayment(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  order: OrderRow,
  evidence: PaymentEvidence,
): Promise<void> {
  await repo.insertMoneyEntry(trx, {
    projectId: order.project_id,
    orderId: order.id,
    entryType: 'payment_received',
    amountCents: evidence.amountCents,
    method: evidence.method,
    externalReference: evidence.externalReference,
    actorUserId: ctx.actor?.userId ?? null,
    at: ctx.now,
  });
}

/** The payer's details as the order keeps them: name, billing country, tax ids (nothing else). */
function payerColumns(evidence: PaymentEvidence) {
  const payer = evidence.payer;
  if (!payer) return {};
  return {
    payer_name: payer.name,
    payer_country: payer.country,
    payer_tax_ids: payer.taxIds.length > 0 ? JSON.stringify(payer.taxIds) : null,
  };
}

function refundRequired(order: OrderRow, evidence: PaymentEvidence): FulfilResult {
  return {
    outcome: 'refund_required',
    orderId: order.id,
    method: order.payment_method,
    amountCents: evidence.amountCents,
    stripePaymentIntentId: evidence.stripePaymentIntentId ?? order.stripe_payment_intent_id,
  };
}

async function flag(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  order: OrderRow,
  attention: string,
  action: string,
  summary: Record<string, unknown>,
): Promise<OrderRow> {
  const updated = await repo.flagOrder(trx, order.id, attention, ctx.now);
  await recordAudit(trx, ctx, {
    action,
    subjectType: 'order',
    subjectId: order.id,
    summary: { status: order.status, ...summary },
  });
  return updated;
}
