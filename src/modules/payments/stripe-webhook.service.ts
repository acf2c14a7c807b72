import type { FastifyBaseLogger } from 'fastify';
import { payerDetails } from './stripe-gateway.js';
import type { Kysely, Transaction } from 'kysely';
import Stripe from 'stripe';
import type { DB } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import type { Ctx } from '../../lib/context.js';
import { badRequest } from '../../lib/errors.js';
import { STRIPE_API_VERSION } from './stripe-gateway.js';
import { type OrderCtx, queueFulfilFollowUps } from '../settlement/fulfilment.js';
import { applyPurchaseRefund } from '../settlement/purchase-refunds.js';
import { applyStripeRefund, refundReportedByCharge } from '../settlement/refund-states.js';
import {
  type CheckoutSessionFacts,
  referencedOrderId,
  refundFacts,
  settleClosedSession,
  settlePaidSession,
  type SettlementOutcome,
} from './checkout-settlement.js';
import { DISPUTE_EVENT_TYPES, type DisputeEventType, recordDispute } from './disputes.js';
import { stripeEventsRepository as repo } from './stripe-events.repository.js';

export interface StripeWebhookDeps {
  db: Kysely<DB>;
  clock: Clock;
  jobs: JobQueue;
  /** The endpoint's signing secrets: one, or two while Stripe rolls it over. */
  webhookSecrets: readonly string[];
  /** The API version events must be rendered in; the SDK's pinned version. */
  apiVersion?: string;
  log?: FastifyBaseLogger;
}

export interface WebhookResult {
  eventId: string;
  /** What the event did (the stripe_events outcome), or 'duplicate' for a redelivery. */
  outcome: string;
  duplicate: boolean;
}

/**
 * Every Stripe event type the webhook acts on. The webhook endpoint at Stripe must send all
 * of them (`npm run stripe:check` compares this list with the account's endpoints); other
 * types are recorded and ignored.
 */
export const STRIPE_WEBHOOK_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
  'refund.created',
  'refund.updated',
  'refund.failed',
  'charge.refund.updated',
  'charge.dispute.created',
  'charge.dispute.updated',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
  'charge.dispute.closed',
] as const satisfies readonly Stripe.Event['type'][];

export type StripeWebhookEventType = (typeof STRIPE_WEBHOOK_EVENTS)[number];

const HANDLED_EVENTS: ReadonlySet<string> = new Set(STRIPE_WEBHOOK_EVENTS);
function isHandledEvent(type: string): type is StripeWebhookEventType {
  return HANDLED_EVENTS.has(type);
}

/** Thrown inside the transaction to roll back an effect whose event turned out to be recorded already. */
class AlreadyRecorded extends Error {}

/**
 * Personal data that Stripe objects carry and the platform does not need. The event log
 * is append-only (it can never be erased), so these are left out of the stored payload.
 */
const PERSONAL_FIELDS = new Set([
  'customer_details',
  'customer_email',
  'collected_information',
  'shipping_details',
  'shipping',
  'billing_details',
  'receipt_email',
  'receipt_url',
  'payment_method_details',
  'evidence',
]);

export function redactPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactPersonalData);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !PERSONAL_FIELDS.has(key))
      .map(([key, inner]) => [key, redactPersonalData(inner)]),
  );
}

const idOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { id?: unknown }).id === 'string'
  )
    return (value as { id: string }).id;
  return null;
};
const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
const integer = (value: unknown): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : null;

const DISPUTE_OUTCOMES: Record<DisputeEventType, string> = {
  'charge.dispute.created': 'dispute_opened',
  'charge.dispute.updated': 'dispute_updated',
  'charge.dispute.funds_withdrawn': 'dispute_funds_withdrawn',
  'charge.dispute.funds_reinstated': 'dispute_funds_reinstated',
  'charge.dispute.closed': 'dispute_closed',
};
void DISPUTE_EVENT_TYPES;

/**
 * A dispute's balance transactions (expanded objects, or ids only): a negative amount is
 * Stripe taking the money, a positive one giving it back. Ids alone say nothing.
 */
function disputeBalance(value: unknown): {
  withdrawnInBalance: boolean;
  reinstatedInBalance: boolean;
} {
  const amounts = (Array.isArray(value) ? value : [])
    .map((entry: unknown) =>
      entry !== null && typeof entry === 'object'
        ? integer((entry as Record<string, unknown>)['amount'])
        : null,
    )
    .filter((amount): amount is number => amount !== null);
  return {
    withdrawnInBalance: amounts.some((amount) => amount < 0),
    reinstatedInBalance: amounts.some((amount) => amount > 0),
  };
}

export function checkoutFacts(session: Record<string, unknown>): CheckoutSessionFacts {
  const metadata = (session['metadata'] ?? {}) as Record<string, unknown>;
  return {
    sessionId: String(session['id']),
    metadataOrderId: text(metadata['order_id']),
    metadataPurchaseId: text(metadata['purchase_id']),
    clientReferenceId: text(session['client_reference_id']),
    amountTotalCents: integer(session['amount_total']),
    currency: text(session['currency']),
    paymentIntentId: idOf(session['payment_intent']),
    payer: payerDetails(session['customer_details'] as Record<string, unknown> | null),
  };
}

/**
 * Stripe webhooks: the signature is checked on the raw bytes, then each event is applied
 * and recorded in one transaction, so an event is recorded if and only if its effect
 * committed, and a redelivery (or a concurrent duplicate) finds it recorded and does
 * nothing. Nothing here calls Stripe: slow work (refunds) goes to the job queue.
 */
export function createStripeWebhookService(deps: StripeWebhookDeps) {
  const { db, clock, jobs } = deps;

  /** Verifies the signature with the SDK (default tolerance, 300 s) and parses the event. */
  function verify(rawBody: unknown, signature: string | string[] | undefined): Stripe.Event {
    if (!Buffer.isBuffer(rawBody) || rawBody.length === 0) {
      throw badRequest('WEBHOOK.INVALID_BODY', 'The webhook needs the raw JSON body Stripe sent');
    }
    if (typeof signature !== 'string' || signature === '') {
      throw badRequest('WEBHOOK.INVALID_SIGNATURE', 'Missing Stripe-Signature header');
    }
    let event: Stripe.Event | undefined;
    let failure: unknown;
    // Any of the secrets (two during a rollover); the SDK checks one at a time.
    for (const secret of deps.webhookSecrets) {
      try {
        event = Stripe.webhooks.constructEvent(rawBody, signature, secret);
        break;
      } catch (error) {
        failure = error;
        // Not JSON is not a matter of the secret.
        if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) break;
      }
    }
    if (!event) {
      // Wrong secret, tampered bytes, stale timestamp, or not JSON: all the caller's fault.
      throw badRequest(
        'WEBHOOK.INVALID_SIGNATURE',
        failure instanceof Stripe.errors.StripeSignatureVerificationError
          ? 'The Stripe signature does not verify (wrong secret, altered body or too old)'
          : 'The webhook body is not a Stripe event',
      );
    }
    const candidate = event as unknown as Record<string, unknown>;
    const data = candidate['data'] as Record<string, unknown> | undefined;
    if (
      typeof candidate['id'] !== 'string' ||
      typeof candidate['type'] !== 'string' ||
      !Number.isSafeInteger(candidate['created']) ||
      typeof data?.['object'] !== 'object' ||
      data['object'] === null
    ) {
      throw badRequest('WEBHOOK.INVALID_BODY', 'The webhook body is not a Stripe event');
    }
    // An event rendered in another API version has other shapes than the code reads (fields
    // renamed or removed): refused, not guessed at. Stripe retries it, so nothing is lost
    // once the endpoint's version is set right; the log says why it is refused.
    const apiVersion = deps.apiVersion ?? STRIPE_API_VERSION;
    if (candidate['api_version'] !== apiVersion) {
      deps.log?.error(
        {
          eventId: candidate['id'],
          eventType: candidate['type'],
          eventApiVersion: candidate['api_version'] ?? null,
          expectedApiVersion: apiVersion,
        },
        'refused a Stripe event of another API version: set the webhook endpoint to the pinned version',
      );
      throw badRequest(
        'WEBHOOK.API_VERSION_MISMATCH',
        `The event is rendered in Stripe API version ${String(candidate['api_version'] ?? 'none')}; this endpoint accepts ${apiVersion} only`,
      );
    }
    return event;
  }

  async function apply(
    trx: Transaction<DB>,
    ctx: OrderCtx,
    event: Stripe.Event,
  ): Promise<SettlementOutcome> {
    const object = event.data.object as unknown as Record<string, unknown>;
    if (!isHandledEvent(event.type)) return { outcome: 'ignored', orderId: null };
    // Typed by the exported list: a type in the list without a case here, or a case not in
    // the list, does not compile; so the list `npm run stripe:check` asks for cannot drift.
    const type: StripeWebhookEventType = event.type;
    switch (type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        // completed with an unpaid session: an asynchronous method is still settling.
        if (object['payment_status'] !== 'paid')
          return {
            outcome: 'awaiting_payment',
            orderId: await referencedOrderId(trx, checkoutFacts(object)),
          };
        return settlePaidSession(trx, ctx, checkoutFacts(object));
      }
      case 'checkout.session.async_payment_failed':
        return settleClosedSession(trx, ctx, checkoutFacts(object), 'payment_failed');
      case 'checkout.session.expired':
        return settleClosedSession(trx, ctx, checkoutFacts(object), 'expired');
      case 'charge.refunded': {
        const paymentIntentId = idOf(object['payment_intent']);
        if (!paymentIntentId) return { outcome: 'ignored', orderId: null };
        await repo.lockPaymentIntent(trx, paymentIntentId);
        const payer = await repo.findPayer(trx, paymentIntentId);
        // The payment is not recorded yet: kept (order_id null) for when it is; see settlePaidSession.
        if (!payer) return { outcome: 'refund_unmatched', orderId: null };
        // A purchase's payment: the charge's refunded amount is over all its lines, so it
        // books nothing; each refund's own events do (settlement/purchase-refunds.ts).
        if (payer.kind === 'purchase')
          return { outcome: 'purchase_refund_reported', orderId: null };
        const orderId = payer.id;
        const refund = await refundReportedByCharge(trx, ctx, {
          orderId,
          amountRefundedCents: integer(object['amount_refunded']) ?? 0,
          chargeId: text(object['id']),
        });
        return { outcome: refund.outcome, orderId };
      }
      case 'refund.created':
      case 'refund.updated':
      case 'refund.failed':
      case 'charge.refund.updated': {
        // The refund itself, with its status: the order follows it (settlement/refund-states.ts).
        const facts = refundFacts(object);
        if (!facts) return { outcome: 'ignored', orderId: null };
        const { paymentIntentId, refundId, amountCents } = facts;
        await repo.lockPaymentIntent(trx, paymentIntentId);
        const payer = await repo.findPayer(trx, paymentIntentId);
        // The payment is not recorded yet: kept (order_id null) and applied when it is
        // (a purchase's: linkEarlyPurchaseRefunds; a single order's: its charge.refunded).
        if (!payer) return { outcome: 'refund_unmatched', orderId: null };
        if (payer.kind === 'purchase') {
          // A purchase's one payment: the refund is a line's, by the rule of purchase-refunds.ts.
          const refund = await applyPurchaseRefund(trx, ctx, {
            purchaseId: payer.id,
            ...facts,
          });
          return { outcome: refund.outcome, orderId: refund.lineId };
        }
        const orderId = payer.id;
        const refund = await applyStripeRefund(trx, ctx, {
          refundId,
          orderId,
          amountCents,
          status: facts.status,
          failureReason: facts.failureReason,
          reportedBy: 'webhook',
          source: 'stripe_webhook',
          reason: 'refunded through Stripe',
        });
        return { outcome: refund.outcome, orderId };
      }
      case 'charge.dispute.created':
      case 'charge.dispute.updated':
      case 'charge.dispute.funds_withdrawn':
      case 'charge.dispute.funds_reinstated':
      case 'charge.dispute.closed': {
        const balance = disputeBalance(object['balance_transactions']);
        const dispute = await recordDispute(
          trx,
          ctx,
          event.type as DisputeEventType,
          {
            id: String(object['id']),
            chargeId: idOf(object['charge']) ?? '',
            paymentIntentId: idOf(object['payment_intent']),
            amountCents: integer(object['amount']) ?? 0,
            status: text(object['status']) ?? 'unknown',
            reason: text(object['reason']),
            createdAt: new Date((integer(object['created']) ?? event.created) * 1000),
            ...balance,
          },
          new Date(event.created * 1000),
        );
        return { outcome: DISPUTE_OUTCOMES[type], orderId: dispute.orderId };
      }
      default: {
        const unhandled: never = type;
        throw new Error(`Stripe event type ${String(unhandled)} is listed but not handled`);
      }
    }
  }

  async function handle(
    event: Stripe.Event,
    request: Pick<Ctx, 'requestId' | 'ip'>,
  ): Promise<WebhookResult> {
    const ctx: OrderCtx = {
      actor: null,
      requestId: request.requestId,
      ip: request.ip,
      now: clock.now(),
    };
    let settled: SettlementOutcome;
    try {
      settled = await db.transaction().execute(async (trx) => {
        await repo.lockEventId(trx, event.id);
        if (await repo.eventExists(trx, event.id)) throw new AlreadyRecorded();
        const outcome = await apply(trx, ctx, event);
        const recorded = await repo.insertEvent(trx, {
          id: event.id,
          type: event.type,
          livemode: event.livemode === true,
          createdAtStripe: new Date(event.created * 1000),
          receivedAt: ctx.now,
          orderId: outcome.orderId,
          outcome: outcome.outcome,
          payload: redactPersonalData(event),
        });
        // Only if the lock were bypassed: the effect must not commit without its own record.
        if (!recorded) throw new AlreadyRecorded();
        return outcome;
      });
    } catch (error) {
      if (error instanceof AlreadyRecorded)
        return { eventId: event.id, outcome: 'duplicate', duplicate: true };
      throw error;
    }
    const followUps = [
      ...(settled.fulfilment ? [settled.fulfilment] : []),
      ...(settled.fulfilments ?? []),
    ];
    for (const fulfilment of followUps) {
      try {
        await queueFulfilFollowUps(jobs, fulfilment);
      } catch (error) {
        // Committed already; the reconciliation job finds the refund still owed and queues it again.
        deps.log?.error(
          { err: error, eventId: event.id },
          'could not queue the follow-up of a Stripe payment',
        );
      }
    }
    return { eventId: event.id, outcome: settled.outcome, duplicate: false };
  }

  return { verify, handle };
}

export type StripeWebhookService = ReturnType<typeof createStripeWebhookService>;
