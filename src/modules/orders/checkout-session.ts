import type { Kysely, Transaction } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import type { Ctx } from '../../lib/context.js';
import {
  completeIdempotencyKey,
  type IdempotencyRef,
  type StoredResponse,
} from '../../lib/idempotency.js';
import {
  type CheckoutSession,
  type CheckoutSessionRequest,
  type PaymentGateway,
  PaymentRefusedError,
  providerErrorFacts,
} from '../../lib/payment-gateway.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OrderCtx } from '../settlement/fulfilment.js';
import { checkoutRefused, providerUnavailable } from '../settlement/settlement-errors.js';
import type { RenderProblem } from './idempotent-placement.js';
import { ordersRepository } from './orders.repository.js';

/**
 * The second half of a Stripe order or purchase, after its reservations committed: create
 * its Checkout Session (Stripe's idempotency key is derived from the order or purchase, so
 * a repeat gets the same session), store it, and complete the Idempotency-Key. If the
 * provider refuses or fails, every reservation is released and the 502 is what the key
 * replays from then on.
 */

/** What the buyer pays for, on Stripe's page: "N credits — <project title>". */
export function creditsDescription(quantity: number, projectTitle: string): string {
  return `${quantity} ${quantity === 1 ? 'credit' : 'credits'} — ${projectTitle}`;
}

/**
 * What the buyer's card or bank statement shows after the account's descriptor: "IB" and the
 * order id's first eight characters, the start of the order number the buyer sees. Stripe
 * wants at most 22 characters with at least one letter and none of < > \ ' " *.
 */
export function statementDescriptorSuffix(orderId: string): string {
  return `IB ${orderId.slice(0, 8).toUpperCase()}`;
}

/** The row of an order or purchase, as locked to store its session. */
interface LockedHold {
  reserved_until: Date;
}

/** The session's columns of the order or purchase row, as stored. */
export interface SessionValues {
  stripe_checkout_session_id: string;
  stripe_checkout_url: string;
  reserved_until?: Date;
  updated_at: Date;
}

/** An order or a purchase to be paid through one Checkout Session: what differs between the two. */
export interface CheckoutSubject<Locked extends LockedHold> {
  kind: 'order' | 'purchase';
  id: string;
  /** As read before the provider is called: who placed it, when, and until when it is held. */
  placed: {
    created_by: string;
    created_at: Date;
    reserved_until: Date;
    billing_vat_number: string | null;
  };
  /** Still reserved and without a session: only then is the provider asked for one. */
  wantsSession: boolean;
  /** What is paid for: the order's one item, or the purchase's item per line. */
  items: Pick<
    CheckoutSessionRequest,
    'orderId' | 'purchaseId' | 'description' | 'quantity' | 'unitAmountCents' | 'lineItems'
  >;
  /** The 502's detail when the provider is unavailable: what the client should do now. */
  unavailableDetail: string;
  /** Locks the row in the closing transaction (undefined: it vanished). */
  lock(trx: Transaction<DB>): Promise<Locked | undefined>;
  /** Whether the locked row still takes the new session. */
  takesSession(locked: Locked): boolean;
  /** Releases every reservation (the provider failed). */
  release(trx: Transaction<DB>, ctx: OrderCtx, detail: string): Promise<unknown>;
  /** Stores the session on the row (with `reserved_until`: the credits are held that much longer). */
  storeSession(trx: Transaction<DB>, values: SessionValues): Promise<unknown>;
  /** The 201 body: the order or purchase as it now is. */
  view(trx: Transaction<DB>): Promise<unknown>;
}

export interface CheckoutDeps {
  db: Kysely<DB>;
  clock: Clock;
  payments?: PaymentGateway | undefined;
  /** Where a provider's refusal or outage is logged (with the provider's request id). */
  log?: FastifyBaseLogger | undefined;
  config: Pick<Config, 'publicUrl'>;
}

type Failure = 'unavailable' | 'refused' | false;

/** Asks the provider for the session; a refusal or an outage is logged and reported, not thrown. */
async function createSession<Locked extends LockedHold>(
  deps: CheckoutDeps,
  subject: CheckoutSubject<Locked>,
): Promise<{ session?: CheckoutSession; failed: Failure }> {
  if (!subject.wantsSession) return { failed: false };
  if (!deps.payments) return { failed: 'unavailable' };
  const { kind, id, placed } = subject;
  const buyer = await ordersRepository.findBuyerContact(deps.db, placed.created_by);
  const page = `${deps.config.publicUrl}/${kind}s/${id}`;
  try {
    const session = await deps.payments.createCheckoutSession({
      ...subject.items,
      currency: 'eur',
      expiresAt: placed.reserved_until,
      placedAt: placed.created_at,
      successUrl: `${page}?checkout=success`,
      cancelUrl: `${page}?checkout=cancelled`,
      idempotencyKey:
        kind === 'order' ? `checkout-session-${id}` : `checkout-session-purchase-${id}`,
      // The buyer's e-mail and language (docs/privacy.md).
      customerEmail: buyer?.email,
      locale: buyer?.language ?? 'nl',
      // A VAT id on file is on the order and its invoice already; otherwise ask for one.
      collectTaxId: !placed.billing_vat_number,
      statementDescriptorSuffix: statementDescriptorSuffix(id),
    });
    return { session, failed: false };
  } catch (error) {
    const failed = error instanceof PaymentRefusedError ? 'refused' : 'unavailable';
    const of = kind === 'order' ? '' : ` of a ${kind}`;
    // Stripe's request id finds the request in its dashboard; the message stays in the log.
    deps.log?.[failed === 'refused' ? 'error' : 'warn'](
      {
        [`${kind}Id`]: id,
        provider: providerErrorFacts(error),
        providerMessage: error instanceof Error ? error.message : String(error),
      },
      failed === 'refused'
        ? `the payment provider refused to create the Checkout Session${of}`
        : `the payment provider could not create the Checkout Session${of}`,
    );
    return { failed };
  }
}

/** Creates and stores the subject's Checkout Session, and answers (and completes) the Idempotency-Key. */
export async function finishCheckout<Locked extends LockedHold>(
  deps: CheckoutDeps,
  requestCtx: Ctx,
  ref: IdempotencyRef,
  render: RenderProblem,
  subject: CheckoutSubject<Locked>,
): Promise<StoredResponse> {
  const { session, failed } = await createSession(deps, subject);
  const ctx: OrderCtx = { ...requestCtx, now: deps.clock.now() };
  return deps.db.transaction().execute(async (trx) => {
    const key = await trx
      .selectFrom('idempotency_keys')
      .select(['status', 'response_status', 'response_body'])
      .where('organisation_id', '=', ref.organisationId)
      .where('key', '=', ref.key)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // Another request (a repeat that resumed this one) finished first: its answer stands.
    if (key.status === 'completed')
      return { status: key.response_status ?? 500, body: key.response_body };
    const locked = await subject.lock(trx);
    if (!locked) throw new Error(`${subject.kind} ${subject.id} vanished`);
    if (failed) {
      await subject.release(
        trx,
        ctx,
        failed === 'refused' ? 'payment provider refused' : 'payment provider unavailable',
      );
      const problem =
        failed === 'refused' ? checkoutRefused() : providerUnavailable(subject.unavailableDetail);
      return completeIdempotencyKey(
        trx,
        ref,
        { status: problem.status, body: render(problem) },
        ctx.now,
      );
    }
    if (session && subject.takesSession(locked)) {
      // Hold the credits as long as the session can be paid (the provider may extend the requested expiry).
      await subject.storeSession(trx, {
        stripe_checkout_session_id: session.id,
        stripe_checkout_url: session.url,
        ...(session.expiresAt.getTime() > locked.reserved_until.getTime()
          ? { reserved_until: session.expiresAt }
          : {}),
        updated_at: ctx.now,
      });
      await recordAudit(trx, ctx, {
        action: `${subject.kind}.checkout_session_created`,
        subjectType: subject.kind,
        subjectId: subject.id,
        summary: { sessionId: session.id, expiresAt: session.expiresAt.toISOString() },
      });
    }
    return completeIdempotencyKey(
      trx,
      ref,
      { status: 201, body: await subject.view(trx) },
      ctx.now,
    );
  });
}
