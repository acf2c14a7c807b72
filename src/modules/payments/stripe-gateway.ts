import Stripe from 'stripe';
import type { Config } from '../../config.js';
import { APP_VERSION } from '../../lib/version.js';
import {
  type CheckoutSession,
  type CheckoutSessionRequest,
  type PayerDetails,
  type PaymentGateway,
  PaymentRefusedError,
  type ProviderCheckoutSession,
  type ProviderRefund,
  type RefundRequest,
  toRefundStatus,
} from '../../lib/payment-gateway.js';

export type StripeConfig = NonNullable<Config['stripe']>;

/**
 * The API version every request is made with, pinned to the one this SDK release was
 * generated for (its types describe exactly that version). Upgrading the SDK moves it;
 * the webhook endpoint in the Stripe dashboard must be set to the same version.
 */
export const STRIPE_API_VERSION = Stripe.API_VERSION;

/**
 * Stripe accepts `expires_at` from 30 minutes to 24 hours after it creates the session,
 * measured on its own clock when the request arrives. The window is measured from when
 * the order was placed (so that a repeated create sends the same parameters; see
 * CheckoutSessionRequest.placedAt) and kept with a margin on both ends: five minutes at
 * the short end, for a slow request or a repeat of one that was cut off. The session's
 * real expiry is returned to the caller.
 */
const STRIPE_MIN_LIFETIME_SECONDS = 30 * 60;
const STRIPE_MAX_LIFETIME_SECONDS = 24 * 60 * 60;
const MIN_LIFETIME_SECONDS = STRIPE_MIN_LIFETIME_SECONDS + 5 * 60;
const MAX_LIFETIME_SECONDS = STRIPE_MAX_LIFETIME_SECONDS - 5 * 60;

export interface StripeGatewayOptions {
  /** Retries of failed requests (connection errors, 409, 5xx); idempotency keys make them safe. */
  maxNetworkRetries?: number;
  timeoutMs?: number;
  /** Stripe's clock, for the expires_at window; tests pass their own. */
  now?: () => Date;
}

export function createStripeClient(
  stripe: StripeConfig,
  options: StripeGatewayOptions = {},
): Stripe {
  return new Stripe(stripe.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 20_000,
    appInfo: { name: 'impactbeurs', version: APP_VERSION },
    ...(stripe.api.host ? { host: stripe.api.host } : {}),
    ...(stripe.api.port ? { port: stripe.api.port } : {}),
    ...(stripe.api.protocol ? { protocol: stripe.api.protocol } : {}),
  });
}

/**
 * The expires_at to send: measured from when the order was placed, so that a repeat sends
 * the same value; measured from Stripe's clock only when that value would fall outside
 * Stripe's window now (a repeat more than five minutes late, or a test that moved the
 * app's clock away from Stripe's).
 */
export function checkoutExpiry(requested: Date, placedAt: Date, stripeNow: Date): number {
  const anchored = checkoutExpiresAt(requested, placedAt);
  const nowSeconds = Math.floor(stripeNow.getTime() / 1000);
  const inWindow =
    anchored >= nowSeconds + STRIPE_MIN_LIFETIME_SECONDS &&
    anchored <= nowSeconds + STRIPE_MAX_LIFETIME_SECONDS;
  return inWindow ? anchored : checkoutExpiresAt(requested, stripeNow);
}

/** Clamps a requested expiry into the window Stripe accepts (see MIN_LIFETIME_SECONDS). */
export function checkoutExpiresAt(requested: Date, placedAt: Date): number {
  const placedSeconds = Math.floor(placedAt.getTime() / 1000);
  const wanted = Math.floor(requested.getTime() / 1000);
  return Math.min(
    Math.max(wanted, placedSeconds + MIN_LIFETIME_SECONDS),
    placedSeconds + MAX_LIFETIME_SECONDS,
  );
}

/**
 * Whether Stripe answered and said no (400/404, 401, 402, 403): nothing was done. A reused
 * idempotency key with other parameters (idempotency_error) is not a refusal of this
 * request on its merits: the key's first request may have refunded. Connection errors,
 * timeouts, 409, 429 and 5xx leave the outcome unknown.
 */
function isRefusal(error: unknown): boolean {
  return (
    (error instanceof Stripe.errors.StripeInvalidRequestError &&
      !(error instanceof Stripe.errors.StripeIdempotencyError)) ||
    error instanceof Stripe.errors.StripeCardError ||
    error instanceof Stripe.errors.StripePermissionError ||
    error instanceof Stripe.errors.StripeAuthenticationError
  );
}

/** The refusal as the platform's error, keeping what the log needs to find it at Stripe. */
function refused(error: unknown): PaymentRefusedError {
  const stripeError = error as InstanceType<typeof Stripe.errors.StripeError>;
  return new PaymentRefusedError(stripeError.message, {
    cause: error,
    provider: {
      requestId: stripeError.requestId,
      statusCode: stripeError.statusCode,
      type: stripeError.rawType ?? stripeError.type,
      code: stripeError.code,
    },
  });
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.id;
}

export function toProviderSession(session: Stripe.Checkout.Session): ProviderCheckoutSession {
  const metadataOrderId = session.metadata?.['order_id'] ?? null;
  return {
    metadataPurchaseId: session.metadata?.['purchase_id'] ?? null,
    id: session.id,
    orderId: metadataOrderId ?? session.client_reference_id ?? null,
    metadataOrderId,
    clientReferenceId: session.client_reference_id ?? null,
    paymentStatus: session.payment_status as ProviderCheckoutSession['paymentStatus'],
    status: (session.status ?? 'open') as ProviderCheckoutSession['status'],
    paymentIntentId: idOf(session.payment_intent),
    amountTotalCents: session.amount_total,
    currency: session.currency,
    createdAt: new Date(session.created * 1000),
    payer: payerDetails(session.customer_details as unknown as Record<string, unknown> | null),
  };
}

/**
 * The payer as a Checkout Session's customer_details report them, cut down to what
 * bookkeeping needs (docs/privacy.md): name, billing country, tax ids. Shared by the webhook
 * (the event's session) and reconciliation (the session read back).
 */
export function payerDetails(
  details: Record<string, unknown> | null | undefined,
): PayerDetails | null {
  if (!details || typeof details !== 'object') return null;
  const text = (value: unknown, max: number) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null;
  const address = details['address'] as Record<string, unknown> | null | undefined;
  const country = text(address?.['country'], 2)?.toUpperCase() ?? null;
  const taxIds = Array.isArray(details['tax_ids'])
    ? (details['tax_ids'] as Record<string, unknown>[])
        .map((id) => ({ type: text(id?.['type'], 40), value: text(id?.['value'], 100) }))
        .filter((id): id is { type: string; value: string } => !!id.type && !!id.value)
        .slice(0, 10)
    : [];
  const payer = {
    name: text(details['business_name'], 300) ?? text(details['name'], 300),
    country: country && /^[A-Z]{2}$/.test(country) ? country : null,
    taxIds,
  };
  return payer.name || payer.country || payer.taxIds.length > 0 ? payer : null;
}

/**
 * PaymentGateway on Stripe Checkout, through the official SDK only. The SDK's host, port
 * and protocol come from the configuration, so tests point it at a local server.
 */
export function createStripeGateway(
  config: StripeConfig,
  options: StripeGatewayOptions = {},
): PaymentGateway {
  const stripe = createStripeClient(config, options);
  const now = options.now ?? (() => new Date());

  const createSession = (request: CheckoutSessionRequest) =>
    stripe.checkout.sessions.create(
      {
        mode: 'payment',
        currency: request.currency,
        line_items: (
          request.lineItems ?? [
            {
              description: request.description,
              quantity: request.quantity,
              unitAmountCents: request.unitAmountCents,
            },
          ]
        ).map((item) => ({
          quantity: item.quantity,
          price_data: {
            currency: request.currency,
            unit_amount: item.unitAmountCents,
            product_data: {
              name: item.description,
              ...(request.productDescription ? { description: request.productDescription } : {}),
            },
          },
        })),
        // API 2026-09-30 replaced `payment_method_types` (removed) with this filter.
        allowed_payment_method_types:
          config.paymentMethods as Stripe.Checkout.SessionCreateParams.AllowedPaymentMethodType[],
        client_reference_id: request.purchaseId ?? request.orderId,
        metadata: request.purchaseId
          ? { purchase_id: request.purchaseId }
          : { order_id: request.orderId },
        // On the PaymentIntent too, so the payment, its charge and refunds lead back to the order.
        payment_intent_data: {
          metadata: request.purchaseId
            ? { purchase_id: request.purchaseId }
            : { order_id: request.orderId },
          ...(request.statementDescriptorSuffix
            ? { statement_descriptor_suffix: request.statementDescriptorSuffix }
            : {}),
        },
        // The buyer: prefilled e-mail, the page in their language, the billing address (the
        // invoice's country, for VAT), and their VAT id when the organisation has none on file.
        ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
        ...(request.locale ? { locale: request.locale } : {}),
        billing_address_collection: 'required',
        ...(request.collectTaxId ? { tax_id_collection: { enabled: true } } : {}),
        expires_at: checkoutExpiry(request.expiresAt, request.placedAt, now()),
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      },
      { idempotencyKey: request.idempotencyKey },
    );

  return {
    async createCheckoutSession(request: CheckoutSessionRequest): Promise<CheckoutSession> {
      let session: Stripe.Checkout.Session;
      try {
        session = await createSession(request);
      } catch (error) {
        if (isRefusal(error)) throw refused(error);
        throw error;
      }
      if (!session.url)
        throw new Error(`Stripe returned Checkout Session ${session.id} without a URL`);
      return { id: session.id, url: session.url, expiresAt: new Date(session.expires_at * 1000) };
    },

    async expireCheckoutSession(sessionId: string): Promise<void> {
      try {
        // Expiring is idempotent by nature; no key of ours, so a later retry is a fresh request.
        await stripe.checkout.sessions.expire(sessionId);
      } catch (error) {
        // Only an open session can be expired. Rather than match Stripe's message, read
        // the session back: closed (expired or complete) is the outcome the caller wants.
        if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
        const session = await stripe.checkout.sessions.retrieve(sessionId);
        if (session.status === 'open') throw error;
      }
    },

    async refund(request: RefundRequest): Promise<ProviderRefund> {
      try {
        const refund = await stripe.refunds.create(
          {
            payment_intent: request.paymentIntentId,
            amount: request.amountCents,
            metadata: {
              reason: request.reason.slice(0, 500),
              ...(request.orderId ? { order_id: request.orderId } : {}),
            },
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return {
          refundId: refund.id,
          status: toRefundStatus(refund.status),
          amountCents: refund.amount,
          failureReason: refund.failure_reason ?? null,
        };
      } catch (error) {
        if (isRefusal(error)) throw refused(error);
        throw error;
      }
    },

    async retrieveCheckoutSession(sessionId: string): Promise<ProviderCheckoutSession> {
      return toProviderSession(await stripe.checkout.sessions.retrieve(sessionId));
    },

    async *listCheckoutSessions(createdSince: Date): AsyncIterable<ProviderCheckoutSession> {
      const list = stripe.checkout.sessions.list({
        created: { gte: Math.floor(createdSince.getTime() / 1000) },
        limit: 100,
      });
      for await (const session of list) yield toProviderSession(session);
    },
  };
}
