/**
 * The money side of a purchase: one payment (a bank transfer of the purchase's invoice,
 * or one Stripe Checkout Session) for a purchase of several projects, each a line with
 * its own order. Paying the purchase fulfils every order once, in one transaction, through
 * fulfilOrder (so each line gets its own serial range, certificate and escrow entry, and
 * every later step of an order — refund, dispute, credit note — is the order's as before);
 * releasing it releases every order that is still reserved.
 *
 * Locks (docs/architecture.md): the purchase's row, then its orders by id, then (a Stripe
 * purchase's first payment) the invoice counter, then the balances of its projects in the
 * order of their ids, before any line is fulfilled: a line's fulfilment takes the
 * certificate counter last, and with every balance already held it never waits for one
 * while holding that counter.
 *
 * The bank-statement matcher and the admin's mark-paid both book a transfer through
 * `settleInvoicePayment`: "the invoice with this payment reference is paid".
 */
import type { Transaction } from 'kysely';
import type { DB, OrderRow, PurchaseRow } from '../../db/types.js';
import { isUuid } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordEvent } from '../events/events.js';
import {
  type FulfilResult,
  fulfilOrder,
  nextInvoiceNumber,
  type OrderCtx,
  type ReleaseReason,
  type ReleaseResult,
  releaseOrder,
} from './fulfilment.js';
import { settlementRepository as repo } from './settlement.repository.js';

export interface PurchasePaymentEvidence {
  purchaseId: string;
  /** What was paid, in cents: must be the purchase's total. */
  amountCents: number;
  currency: string;
  method: 'stripe' | 'invoice';
  /** Stripe: the Checkout Session id; invoice: the bank's reference of the transfer. */
  externalReference: string;
  stripePaymentIntentId?: string | null;
  /** A bank statement's entry that reported the payment: named on each line's order.paid. */
  cause?: { type: 'bank_statement_entry'; id: string; amountCents: number } | undefined;
}

export type PurchaseFulfilResult =
  /** Every line was fulfilled now (or, paid late, re-reserved or flagged as its order says). */
  | { outcome: 'fulfilled'; purchaseId: string; lines: FulfilResult[] }
  /** Paid before: nothing changed. */
  | { outcome: 'already_paid'; purchaseId: string; lines: FulfilResult[] }
  /** Amount, currency or method did not match: nothing fulfilled, every line flagged. */
  | { outcome: 'mismatch'; purchaseId: string; reason: string }
  | { outcome: 'not_found'; purchaseId: string };

export async function lockPurchase(
  trx: Transaction<DB>,
  purchaseId: string,
): Promise<PurchaseRow | undefined> {
  if (!isUuid(purchaseId)) return undefined;
  return trx
    .selectFrom('purchases')
    .selectAll()
    .where('id', '=', purchaseId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** The purchase's lines (its orders), locked in the order of their ids. */
export async function lockLines(trx: Transaction<DB>, purchaseId: string): Promise<OrderRow[]> {
  return trx
    .selectFrom('orders')
    .selectAll()
    .where('purchase_id', '=', purchaseId)
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
}

const byProject = (a: OrderRow, b: OrderRow) =>
  a.project_id < b.project_id ? -1 : a.project_id > b.project_id ? 1 : 0;

/**
 * Records the one payment of a purchase and fulfils each of its orders exactly once.
 * Idempotent: a repeat (a second webhook, a second mark-paid) answers already_paid.
 */
export async function fulfilPurchase(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  evidence: PurchasePaymentEvidence,
): Promise<PurchaseFulfilResult> {
  const purchase = await lockPurchase(trx, evidence.purchaseId);
  if (!purchase) return { outcome: 'not_found', purchaseId: evidence.purchaseId };
  const purchaseId = purchase.id;
  const lines = await lockLines(trx, purchaseId);

  const reason = purchaseMismatch(purchase, evidence);
  if (reason) {
    for (const line of lines) {
      await repo.flagOrder(trx, line.id, `payment_mismatch: ${reason}`, ctx.now);
      await recordAudit(trx, ctx, {
        action: 'order.payment_mismatch',
        subjectType: 'order',
        subjectId: line.id,
        summary: { purchaseId, reason, externalReference: evidence.externalReference },
      });
    }
    return { outcome: 'mismatch', purchaseId, reason };
  }
  const paidBefore = purchase.paid_at !== null;

  // A Stripe purchase's one invoice is numbered as it is paid (an invoice purchase's was at placement).
  let invoiceNumber = purchase.invoice_number;
  if (invoiceNumber === null) {
    invoiceNumber = await nextInvoiceNumber(trx, ctx.now);
    await trx
      .updateTable('purchases')
      .set({ invoice_number: invoiceNumber, updated_at: ctx.now })
      .where('id', '=', purchaseId)
      .execute();
  }
  for (const line of lines) {
    if (line.invoice_number === null)
      await repo.updateOrder(trx, line.id, { invoice_number: invoiceNumber, updated_at: ctx.now });
  }

  // Every balance first, in the order of the projects' ids (see the top of this file).
  const sorted = [...lines].sort(byProject);
  for (const line of sorted) await repo.lockBalance(trx, line.project_id);
  const results: FulfilResult[] = [];
  for (const line of sorted) {
    results.push(
      await fulfilOrder(trx, ctx, {
        orderId: line.id,
        amountCents: Number(line.amount_cents),
        currency: evidence.currency,
        method: evidence.method,
        externalReference: evidence.externalReference,
        // The one payment is the purchase's (kept on the purchase below): no order holds it,
        // as a payment intent names one order wherever Stripe's events are matched.
        stripePaymentIntentId: null,
        cause: evidence.cause,
      }),
    );
  }
  if (!paidBefore) {
    await trx
      .updateTable('purchases')
      .set({
        paid_at: ctx.now,
        paid_reference: evidence.externalReference,
        ...(evidence.stripePaymentIntentId
          ? { stripe_payment_intent_id: evidence.stripePaymentIntentId }
          : {}),
        updated_at: ctx.now,
      })
      .where('id', '=', purchaseId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'purchase.paid',
      subjectType: 'purchase',
      subjectId: purchaseId,
      summary: {
        method: evidence.method,
        amountCents: evidence.amountCents,
        externalReference: evidence.externalReference,
        invoiceNumber,
        lines: results.map((result) => ({ orderId: result.orderId, outcome: result.outcome })),
      },
    });
    // Its lines record order.paid and certificate.issued each (webhooks name each
    // certificate); the buyer's one mail about the payment hangs on this event.
    await recordEvent(trx, { type: 'purchase.paid', objectId: purchaseId, occurredAt: ctx.now });
  }
  return { outcome: paidBefore ? 'already_paid' : 'fulfilled', purchaseId, lines: results };
}

function purchaseMismatch(purchase: PurchaseRow, evidence: PurchasePaymentEvidence): string | null {
  if (evidence.method !== purchase.payment_method)
    return `method ${evidence.method}, the purchase is paid by ${purchase.payment_method}`;
  if (evidence.currency.toUpperCase() !== purchase.currency)
    return `currency ${evidence.currency}, the purchase is in ${purchase.currency}`;
  if (evidence.amountCents !== Number(purchase.amount_cents))
    return `amount ${evidence.amountCents}, the purchase is ${purchase.amount_cents}`;
  return null;
}

/**
 * Ends every reservation of a purchase that is still reserved (an expired or failed
 * Checkout Session, an admin's cancellation), each exactly once; lines already paid or
 * closed stay as they are. The balances are taken in the order of the projects' ids.
 */
export async function releasePurchase(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  purchaseId: string,
  reason: ReleaseReason,
  detail?: string,
): Promise<{ outcome: 'released' | 'not_found'; lines: ReleaseResult[] }> {
  const purchase = await lockPurchase(trx, purchaseId);
  if (!purchase) return { outcome: 'not_found', lines: [] };
  const lines = (await lockLines(trx, purchase.id)).sort(byProject);
  const results: ReleaseResult[] = [];
  for (const line of lines) results.push(await releaseOrder(trx, ctx, line.id, reason, detail));
  if (results.some((result) => result.outcome === 'released'))
    await recordAudit(trx, ctx, {
      action: reason === 'expired' ? 'purchase.expired' : 'purchase.cancelled',
      subjectType: 'purchase',
      subjectId: purchase.id,
      summary: { reason, detail: detail ?? null },
    });
  return { outcome: 'released', lines: results };
}

export interface InvoicePaymentEvidence {
  /** The ISO 11649 reference the buyer quoted (spaces and case as the bank gives them). */
  paymentReference: string;
  amountCents: number;
  currency?: string;
  /** The bank's own reference of the transfer (e.g. a CAMT.053 entry reference). */
  bankReference: string;
}

export type InvoicePaymentResult =
  | { kind: 'order'; result: FulfilResult }
  | { kind: 'purchase'; result: PurchaseFulfilResult }
  /** No order or purchase has this reference: nothing booked. */
  | { kind: 'unknown_reference' };

/**
 * "The invoice with this payment reference is paid": the one booking of a bank transfer,
 * for an invoice order and for a purchase alike (the admin's mark-paid and the bank
 * statement matcher call it). Inside the caller's transaction; idempotent (a transfer
 * booked twice fulfils once); a wrong amount fulfils nothing and flags the order(s).
 */
export async function settleInvoicePayment(
  trx: Transaction<DB>,
  ctx: OrderCtx,
  evidence: InvoicePaymentEvidence,
): Promise<InvoicePaymentResult> {
  const reference = evidence.paymentReference.replace(/\s+/g, '').toUpperCase();
  const currency = evidence.currency ?? 'EUR';
  const purchase = await trx
    .selectFrom('purchases')
    .select(['id', 'payment_method'])
    .where('payment_reference', '=', reference)
    .executeTakeFirst();
  if (purchase) {
    return {
      kind: 'purchase',
      result: await fulfilPurchase(trx, ctx, {
        purchaseId: purchase.id,
        amountCents: evidence.amountCents,
        currency,
        method: 'invoice',
        externalReference: evidence.bankReference,
      }),
    };
  }
  const order = await trx
    .selectFrom('orders')
    .select('id')
    .where('payment_reference', '=', reference)
    .where('purchase_id', 'is', null)
    .executeTakeFirst();
  if (!order) return { kind: 'unknown_reference' };
  return {
    kind: 'order',
    result: await fulfilOrder(trx, ctx, {
      orderId: order.id,
      amountCents: evidence.amountCents,
      currency,
      method: 'invoice',
      externalReference: evidence.bankReference,
    }),
  };
}
