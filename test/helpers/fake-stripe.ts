import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A small local stand-in for the part of Stripe's API the platform uses, so the official
 * SDK can be exercised end to end without the network: Checkout Sessions (create,
 * retrieve, list, expire) and refunds. It parses the form-encoded bodies the SDK sends,
 * answers with Stripe-shaped objects and errors, honours Idempotency-Key like Stripe
 * (same key and parameters → the first response again; same key, other parameters → 400),
 * records every request, and can be told to fail.
 *
 * Plus builders for webhook events and their `Stripe-Signature` header, signed with the
 * SDK's own `stripe.webhooks.generateTestHeaderString`.
 *
 * For the browser tests it also serves each session's hosted page (`url`, /c/pay/{id}):
 * the lines and the total, a Pay and a Cancel button. Pay completes the session (paid),
 * sends the signed `checkout.session.completed` to `webhookUrl` and redirects to
 * `success_url`; Cancel redirects to `cancel_url`. `GET /_fake/requests` (filter with
 * `?method=&path=`), `/_fake/sessions` and `/_fake/webhook-deliveries` show a test in
 * another process what the fake received and sent.
 */

export const FAKE_STRIPE_SECRET_KEY = 'sk_test_fakestripe0000000000000000';
export const FAKE_WEBHOOK_SECRET = 'whsec_fakestripewebhooksecret0000000000';
/** The API version in the events the helpers build (the SDK's pinned version). */
export const FAKE_API_VERSION = Stripe.API_VERSION;

type Params = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  path: string;
  query: Params;
  /** The form body, decoded into nested objects and arrays; every leaf is a string. */
  params: Params;
  rawBody: string;
  headers: IncomingMessage['headers'];
  idempotencyKey: string | undefined;
  status: number;
  replayed: boolean;
}

export interface FakeFailure {
  method?: string;
  /** Matches the path exactly (string) or by pattern. */
  path?: string | RegExp;
  status?: number;
  type?: string;
  code?: string;
  message?: string;
  /** Sent as `Stripe-Should-Retry`; the SDK stops retrying on 'false'. */
  shouldRetry?: boolean;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface FakeSession {
  id: string;
  object: 'checkout.session';
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  created: number;
  expires_at: number;
  livemode: false;
  url: string | null;
  success_url: string | null;
  cancel_url: string | null;
  payment_intent: string | null;
  allowed_payment_method_types: string[] | null;
  payment_method_types: string[];
  customer: null;
  customer_details: Record<string, unknown> | null;
  line_items_params: Params[];
  [key: string]: unknown;
}

interface StoredRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  charge: string;
  status: 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';
  failure_reason?: string | null;
  reason: string | null;
  metadata: Record<string, string>;
  created: number;
}

interface Payment {
  paymentIntentId: string;
  chargeId: string;
  amount: number;
  currency: string;
  sessionId: string;
  refunded: number;
}

const KNOWN_SESSION_PARAMS = new Set([
  'mode',
  'currency',
  'line_items',
  'allowed_payment_method_types',
  'client_reference_id',
  'metadata',
  'payment_intent_data',
  'expires_at',
  'success_url',
  'cancel_url',
  'customer_email',
  'locale',
  'billing_address_collection',
  'tax_id_collection',
  'expand',
]);
/** Checkout's page languages (a subset of Stripe's list; enough to refuse a wrong one). */
const CHECKOUT_LOCALES = new Set(['auto', 'nl', 'en', 'de', 'fr', 'es', 'it', 'pl', 'pt']);

/** Stripe's rules for the descriptor suffix: at most 22 characters, a letter, none of <>\\'"*. */
function validDescriptorSuffix(suffix: string): boolean {
  return suffix.length <= 22 && /[A-Za-z]/.test(suffix) && !/[<>\\'"*]/.test(suffix);
}
const KNOWN_REFUND_PARAMS = new Set([
  'payment_intent',
  'charge',
  'amount',
  'metadata',
  'reason',
  'expand',
]);

class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

const randomId = (prefix: string) =>
  `${prefix}_test_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;

/** Decodes `a[b][0][c]=v` form/query pairs into nested objects, numbered keys into arrays. */
export function decodeForm(body: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Params = root;
    path.forEach((segment, index) => {
      if (index === path.length - 1) {
        node[segment] = value;
      } else {
        node[segment] ??= {};
        node = node[segment] as Params;
      }
    });
  }
  const arrays = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Params).map(([k, v]) => [k, arrays(v)] as const);
    if (entries.length > 0 && entries.every(([k]) => /^[0-9]+$/.test(k))) {
      return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
    }
    return Object.fromEntries(entries);
  };
  return arrays(root) as Params;
}

export interface FakeStripe {
  port: number;
  /** http://127.0.0.1:port: the API, the Checkout pages (/c/pay/…) and the test view (/_fake/…). */
  url: string;
  /**
   * Where paying on the Checkout page sends `checkout.session.completed` (see
   * FakeStripeOptions.webhookUrl); undefined: nowhere.
   */
  webhookUrl: string | undefined;
  /** Every webhook the Checkout page's Pay button sent, with the receiver's last answer. */
  webhookDeliveries: FakeWebhookDelivery[];
  /** Environment for loadConfig: points the SDK at this server. */
  env: Record<string, string>;
  requests: RecordedRequest[];
  sessions: Map<string, FakeSession>;
  refunds: StoredRefund[];
  /** The account's webhook endpoints (GET /v1/webhook_endpoints); a test fills it. */
  webhookEndpoints: FakeWebhookEndpoint[];
  /** Requests by method and path (exact string or pattern), in order. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[];
  failNext(failure: FakeFailure): void;
  /**
   * Holds the next matching request at the fake until `release()` is called, as a slow
   * Stripe would: `arrived` resolves once it is there (recorded, not yet answered). It is
   * then answered as usual, injected failures and idempotency included.
   */
  holdNext(match: { method?: string; path?: string | RegExp }): FakeHold;
  /** The customer pays (or, for async methods such as iDEAL via SEPA, starts paying). */
  completeSession(
    sessionId: string,
    options?: { paymentStatus?: 'paid' | 'unpaid'; customerDetails?: Record<string, unknown> },
  ): FakeSession;
  /** An asynchronous payment settles later. */
  settleSession(sessionId: string): FakeSession;
  /** Stripe expires the session at its expires_at (or by API). */
  expireSession(sessionId: string): FakeSession;
  /** Adds a session as if created elsewhere (e.g. by a test that bypasses the app). */
  insertSession(session: Partial<FakeSession> & { amount_total: number }): FakeSession;
  /** The charge behind a payment intent, as a `charge.*` event carries it. */
  chargeFor(paymentIntentId: string): Record<string, unknown>;
  /** New refunds start with this status (default succeeded; pending as for iDEAL and SEPA). */
  refundStatus: 'pending' | 'succeeded' | 'failed';
  /** A pending refund's outcome at Stripe; answers the refund as a refund.* event carries it. A failed one gives the money back to the charge. */
  settleRefund(
    refundId: string,
    status: 'succeeded' | 'failed' | 'canceled',
    failureReason?: string,
  ): Record<string, unknown>;
  reset(): void;
  close(): Promise<void>;
}

export interface FakeWebhookDelivery {
  eventId: string;
  type: string;
  /** The event's object (the Checkout Session). */
  objectId: string;
  attempts: number;
  /** The receiver's HTTP status of the last attempt; null: no answer. */
  status: number | null;
  body: string | null;
}

export interface FakeWebhookEndpoint {
  id: string;
  url: string;
  status: 'enabled' | 'disabled';
  enabled_events: string[];
  api_version: string | null;
}

export interface FakeHold {
  arrived: Promise<RecordedRequest>;
  release(): void;
}

export interface FakeStripeOptions {
  secretKey?: string;
  webhookSecret?: string;
  /**
   * Where the fake sends `checkout.session.completed` when a payer presses Pay on its
   * Checkout page (the app's `POST /v1/stripe/webhook`). Without it paying there only
   * completes the session and redirects, as if the webhook were lost.
   */
  webhookUrl?: string;
}

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const secretKey = options.secretKey ?? FAKE_STRIPE_SECRET_KEY;
  const webhookSecret = options.webhookSecret ?? FAKE_WEBHOOK_SECRET;
  const webhookDeliveries: FakeWebhookDelivery[] = [];
  const settings = { webhookUrl: options.webhookUrl };
  let origin = 'http://127.0.0.1:0';
  /** The session's hosted payment page, served by this fake (see checkoutPage below). */
  const checkoutPageUrl = (id: string) => `${origin}/c/pay/${encodeURIComponent(id)}`;
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, FakeSession>();
  const sessionOrder: string[] = [];
  const refunds: StoredRefund[] = [];
  const webhookEndpoints: FakeWebhookEndpoint[] = [];
  const payments = new Map<string, Payment>();
  const fake = { refundStatus: 'succeeded' as FakeStripe['refundStatus'] };
  const idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  const failures: (FakeFailure & { times: number })[] = [];
  const holds: {
    method?: string;
    path?: string | RegExp;
    arrive: (request: RecordedRequest) => void;
    gate: Promise<void>;
  }[] = [];
  const releases = new Set<() => void>();
  const matches = (
    rule: { method?: string; path?: string | RegExp },
    method: string,
    path: string,
  ) =>
    (rule.method === undefined || rule.method === method) &&
    (rule.path === undefined ||
      (typeof rule.path === 'string' ? rule.path === path : rule.path.test(path)));

  const addSession = (session: FakeSession) => {
    sessions.set(session.id, session);
    sessionOrder.push(session.id);
    return session;
  };

  const nowSeconds = () => Math.floor(Date.now() / 1000);

  function publicSession(session: FakeSession): Record<string, unknown> {
    const { line_items_params: _omit, payment_intent_data_params: _kept, ...rest } = session;
    return rest;
  }

  function createSession(params: Params): FakeSession {
    const unknown = Object.keys(params).find((key) => !KNOWN_SESSION_PARAMS.has(key));
    if (unknown)
      throw new StripeHttpError(
        400,
        'invalid_request_error',
        `Received unknown parameter: ${unknown}`,
        'parameter_unknown',
        unknown,
      );
    if (params['mode'] !== 'payment')
      throw new StripeHttpError(
        400,
        'invalid_request_error',
        'This fake only supports mode=payment',
        'parameter_invalid',
        'mode',
      );
    const lineItems = params['line_items'];
    if (!Array.isArray(lineItems) || lineItems.length === 0) {
      throw new StripeHttpError(
        400,
        'invalid_request_error',
        'Missing required param: line_items.',
        'parameter_missing',
        'line_items',
      );
    }
    let total = 0;
    let currency: string | undefined;
    for (const [index, item] of (lineItems as Params[]).entries()) {
      const priceData = item['price_data'] as Params | undefined;
      const quantity = Number(item['quantity']);
      const unitAmount = Number(priceData?.['unit_amount']);
      const productName = (priceData?.['product_data'] as Params | undefined)?.['name'];
      if (!priceData || !Number.isInteger(unitAmount) || unitAmount < 0) {
        throw new StripeHttpError(
          400,
          'invalid_request_error',
          'Invalid integer: unit_amount',
          'parameter_invalid_integer',
          `line_items[${index}][price_data][unit_amount]`,
        );
      }
      if (!Number.isInteger(quantity) || quantity < 1) {
        throw new StripeHttpError(
          400,
          'invalid_request_error',
          'Invalid integer: quantity',
          'parameter_invalid_integer',
          `line_items[${index}][quantity]`,
        );
      }
      if (typeof productName !== 'string' || productName === '') {
        throw new StripeHttpError(
          400,
          'invalid_request_error',
          'Missing required param: product_data[name].',
          'parameter_missing',
          `line_items[${index}][price_data][product_data][name]`,
        );
      }
      currency ??= String(priceData['currency']);
      if (priceData['currency'] !== currency)
        throw new StripeHttpError(
          400,
          'invalid_request_error',
          'All line items must have the same currency',
        );
      total += unitAmount * quantity;
    }
    if (params['currency'] !== undefined && params['currency'] !== currency) {
      throw new StripeHttpError(
        400,
        'invalid_request_error',
        'The currency does not match the line items',
        'parameter_invalid',
        'currency',
      );
    }
    const now = nowSeconds();
    const expiresAt =
      params['expires_at'] === undefined ? now + 86_400 : Number(params['expires_at']);
    if (expiresAt < now + 30 * 60) {
      throw new StripeHttpError(
        400,
        'invalid_request_error',
        'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.',
        'parameter_invalid_integer',
        'expires_at',
      );
    }
    if (expiresAt > now + 24 * 3600) {
      throw new StripeHttpError(
        400,
        'invalid_request_error',
        'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.',
        'parameter_invalid_integer',
        'expires_at',
      );
    }
    if (typeof params['success_url'] !== 'string') {
      throw new StripeHttpError(
        400,
        'invalid_request_error',
        'Missing required param: success_url.',
        'parameter_missing',
        'success_url',
      );
    }
    const allowed = params['allowed_payment_method_types'] as string[] | undefined;
    // The buyer's parameters, checked as Stripe checks them.
    const invalid = (param: string, message: string) =>
      new StripeHttpError(400, 'invalid_request_error', message, 'parameter_invalid', param);
    const email = params['customer_email'];
    if (email !== undefined && (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email)))
      throw invalid('customer_email', 'Invalid email address');
    const locale = params['locale'];
    if (locale !== undefined && !CHECKOUT_LOCALES.has(String(locale)))
      throw invalid('locale', `Invalid locale: ${String(locale)}`);
    const billing = params['billing_address_collection'];
    if (billing !== undefined && billing !== 'auto' && billing !== 'required')
      throw invalid('billing_address_collection', 'Invalid billing_address_collection');
    const taxIdCollection = params['tax_id_collection'] as Record<string, unknown> | undefined;
    if (
      taxIdCollection !== undefined &&
      (typeof taxIdCollection !== 'object' ||
        !['true', 'false'].includes(String(taxIdCollection['enabled'])))
    )
      throw invalid(
        'tax_id_collection[enabled]',
        'Missing required param: tax_id_collection[enabled].',
      );
    const intentData = (params['payment_intent_data'] ?? {}) as Record<string, unknown>;
    const suffix = intentData['statement_descriptor_suffix'];
    if (suffix !== undefined && !validDescriptorSuffix(String(suffix)))
      throw invalid(
        'payment_intent_data[statement_descriptor_suffix]',
        'Invalid statement_descriptor_suffix',
      );
    const id = randomId('cs');
    return addSession({
      id,
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_subtotal: total,
      amount_total: total,
      currency: currency!,
      client_reference_id: (params['client_reference_id'] as string | undefined) ?? null,
      metadata: (params['metadata'] as Record<string, string> | undefined) ?? {},
      created: now,
      expires_at: expiresAt,
      livemode: false,
      url: checkoutPageUrl(id),
      success_url: params['success_url'] as string,
      cancel_url: (params['cancel_url'] as string | undefined) ?? null,
      payment_intent: null,
      allowed_payment_method_types: allowed ?? null,
      payment_method_types: allowed ?? ['card'],
      customer: null,
      customer_details: null,
      customer_email: (email as string | undefined) ?? null,
      locale: (locale as string | undefined) ?? null,
      billing_address_collection: (billing as string | undefined) ?? null,
      tax_id_collection: {
        enabled: taxIdCollection?.['enabled'] === 'true',
        required: 'never',
      },
      payment_intent_data_params: intentData,
      line_items_params: lineItems as Params[],
    });
  }

  function sessionOr404(id: string): FakeSession {
    const session = sessions.get(id);
    if (!session)
      throw new StripeHttpError(
        404,
        'invalid_request_error',
        `No such checkout.session: '${id}'`,
        'resource_missing',
        'session',
      );
    return session;
  }

  function listSessions(query: Params): Record<string, unknown> {
    const limit = Math.min(Number(query['limit'] ?? 10), 100);
    const gte = (query['created'] as Params | undefined)?.['gte'];
    // Newest first, like Stripe; the insertion order breaks ties within one second.
    let ordered = [...sessionOrder].reverse().map((id) => sessions.get(id)!);
    if (gte !== undefined) ordered = ordered.filter((session) => session.created >= Number(gte));
    const after = query['starting_after'] as string | undefined;
    if (after !== undefined) {
      const index = ordered.findIndex((session) => session.id === after);
      if (index < 0)
        throw new StripeHttpError(
          400,
          'invalid_request_error',
          `No such checkout.session: '${after}'`,
          'resource_missing',
          'starting_after',
        );
      ordered = ordered.slice(index + 1);
    }
    const page = ordered.slice(0, limit);
    return {
      object: 'list',
      data: page.map(publicSession),
      has_more: ordered.length > limit,
      url: '/v1/checkout/sessions',
    };
  }

  function createRefund(params: Params): StoredRefund {
    const unknown = Object.keys(params).find((key) => !KNOWN_REFUND_PARAMS.has(key));
    if (unknown)
      throw new StripeHttpError(
        400,
        'invalid_request_error',
        `Received unknown parameter: ${unknown}`,
        'parameter_unknown',
        unknown,
      );
    const paymentIntentId = params['payment_intent'];
    if (typeof paymentIntentId !== 'string') {
      throw new StripeHttpError(
        400,
        'invalid_request_error',
        'One of the following params should be provided for this request: payment_intent or charge.',
        'parameter_missing',
      );
    }
    const payment = payments.get(paymentIntentId);
    if (!payment)
      throw new StripeHttpError(
        404,
        'invalid_request_error',
        `No such payment_intent: '${paymentIntentId}'`,
        'resource_missing',
        'payment_intent',
      );
    const remaining = payment.amount - payment.refunded;
    if (remaining === 0)
      throw new StripeHttpError(
        400,
        'invalid_request_error',
        `Charge ${payment.chargeId} has already been refunded.`,
        'charge_already_refunded',
      );
    const amount = params['amount'] === undefined ? remaining : Number(params['amount']);
    if (!Number.isInteger(amount) || amount < 1)
      throw new StripeHttpError(
        400,
        'invalid_request_error',
        'Invalid positive integer',
        'parameter_invalid_integer',
        'amount',
      );
    if (amount > remaining) {
      throw new StripeHttpError(
        400,
        'invalid_request_error',
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
        'amount_too_large',
        'amount',
      );
    }
    payment.refunded += amount;
    const status = fake.refundStatus;
    if (status === 'failed') payment.refunded -= amount;
    const refund: StoredRefund = {
      id: randomId('re'),
      object: 'refund',
      amount,
      currency: payment.currency,
      payment_intent: paymentIntentId,
      charge: payment.chargeId,
      status,
      failure_reason: status === 'failed' ? 'expired_or_canceled_card' : null,
      reason: (params['reason'] as string | undefined) ?? null,
      metadata: (params['metadata'] as Record<string, string> | undefined) ?? {},
      created: nowSeconds(),
    };
    refunds.push(refund);
    return refund;
  }

  function route(
    method: string,
    path: string,
    query: Params,
    params: Params,
  ): { status: number; body: unknown } {
    if (method === 'POST' && path === '/v1/checkout/sessions')
      return { status: 200, body: publicSession(createSession(params)) };
    if (method === 'GET' && path === '/v1/webhook_endpoints')
      return {
        status: 200,
        body: {
          object: 'list',
          url: '/v1/webhook_endpoints',
          has_more: false,
          data: webhookEndpoints.map((endpoint) => ({
            object: 'webhook_endpoint',
            livemode: false,
            metadata: {},
            description: null,
            created: nowSeconds(),
            ...endpoint,
          })),
        },
      };
    if (method === 'GET' && path === '/v1/checkout/sessions')
      return { status: 200, body: listSessions(query) };
    let match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && match)
      return { status: 200, body: publicSession(sessionOr404(decodeURIComponent(match[1]!))) };
    match = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
    if (method === 'POST' && match) {
      const session = sessionOr404(decodeURIComponent(match[1]!));
      if (session.status !== 'open') {
        throw new StripeHttpError(
          400,
          'invalid_request_error',
          'Only Checkout Sessions with a status in ["open"] can be expired.',
          'checkout_session_not_expirable',
        );
      }
      session.status = 'expired';
      session.url = null;
      return { status: 200, body: publicSession(session) };
    }
    if (method === 'POST' && path === '/v1/refunds')
      return { status: 200, body: createRefund(params) };
    throw new StripeHttpError(
      404,
      'invalid_request_error',
      `Unrecognized request URL (${method}: ${path}).`,
    );
  }

  // ---- the browser's side: the hosted Checkout page, and the test's view of the fake ----

  const PAGE_TEXT = {
    nl: {
      title: 'Betalen (testbetaling)',
      intro:
        'Deze pagina staat in voor Stripe Checkout tijdens tests. Er wordt geen geld overgemaakt.',
      caption: 'Wat u betaalt',
      product: 'Omschrijving',
      quantity: 'Aantal',
      unitPrice: 'Prijs per stuk',
      amount: 'Bedrag',
      total: 'Totaal',
      pay: 'Betalen',
      cancel: 'Annuleren',
      closed: 'Deze betaalpagina is niet meer open.',
      back: 'Terug naar de winkel',
    },
    en: {
      title: 'Pay (test payment)',
      intro: 'This page stands in for Stripe Checkout in tests. No money moves.',
      caption: 'What you pay',
      product: 'Description',
      quantity: 'Quantity',
      unitPrice: 'Unit price',
      amount: 'Amount',
      total: 'Total',
      pay: 'Pay',
      cancel: 'Cancel',
      closed: 'This payment page is no longer open.',
      back: 'Back to the shop',
    },
  };

  const escapeHtml = (value: unknown) =>
    String(value).replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
    );

  function checkoutPage(session: FakeSession): string {
    const lang = session['locale'] === 'en' ? 'en' : 'nl';
    const text = PAGE_TEXT[lang];
    const money = (cents: number) =>
      new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
        style: 'currency',
        currency: session.currency.toUpperCase(),
      }).format(cents / 100);
    const rows = session.line_items_params.map((item) => {
      const price = item['price_data'] as Params;
      const name = (price['product_data'] as Params)['name'];
      const unit = Number(price['unit_amount']);
      const quantity = Number(item['quantity']);
      return `<tr><td>${escapeHtml(name)}</td><td class="num">${quantity}</td><td class="num">${money(unit)}</td><td class="num">${money(unit * quantity)}</td></tr>`;
    });
    const open = session.status === 'open';
    const action = `/c/pay/${encodeURIComponent(session.id)}`;
    const body = open
      ? `<p>${text.intro}</p>
<table>
<caption>${text.caption}</caption>
<thead><tr><th scope="col">${text.product}</th><th scope="col" class="num">${text.quantity}</th><th scope="col" class="num">${text.unitPrice}</th><th scope="col" class="num">${text.amount}</th></tr></thead>
<tbody>${rows.join('')}</tbody>
<tfoot><tr><th scope="row" colspan="3">${text.total}</th><td class="num">${money(session.amount_total)}</td></tr></tfoot>
</table>
<div class="actions">
<form method="post" action="${action}/pay"><button type="submit">${text.pay} ${money(session.amount_total)}</button></form>
<form method="post" action="${action}/cancel"><button type="submit" class="secondary">${text.cancel}</button></form>
</div>`
      : `<p>${text.closed}</p>${
          session.cancel_url
            ? `<p><a href="${escapeHtml(session.cancel_url)}">${text.back}</a></p>`
            : ''
        }`;
    return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title}</title>
<style>
body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: left; font-weight: bold; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #767676; }
.num { text-align: right; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
button { font: inherit; padding: 0.5rem 1rem; border: 2px solid #0b3d91; border-radius: 4px; background: #0b3d91; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #0b3d91; }
button:focus-visible, a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
a { color: #0b3d91; }
</style>
</head>
<body>
<main>
<h1>${text.title}</h1>
${body}
</main>
</body>
</html>
`;
  }

  /**
   * Sends the event to the webhook URL as Stripe does: the pretty-printed body, signed with
   * the endpoint's secret; a failed delivery is tried again (Stripe: for days; here: a few
   * times within seconds). Each attempt is in `webhookDeliveries`.
   */
  async function deliverWebhook(event: StripeEventPayload): Promise<void> {
    const url = settings.webhookUrl;
    if (!url) return;
    const delivery: FakeWebhookDelivery = {
      eventId: event.id,
      type: event.type,
      objectId: String(event.data.object['id']),
      attempts: 0,
      status: null,
      body: null,
    };
    webhookDeliveries.push(delivery);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      delivery.attempts = attempt;
      const signed = signedWebhook(event, { secret: webhookSecret });
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: signed.headers,
          body: signed.payload,
        });
        delivery.status = res.status;
        delivery.body = await res.text();
        if (res.ok) return;
      } catch (error) {
        delivery.status = null;
        delivery.body = String(error);
      }
    }
  }

  /** Stripe puts the session's id where the URL says {CHECKOUT_SESSION_ID}. */
  const withSessionId = (url: string, id: string) => url.replaceAll('{CHECKOUT_SESSION_ID}', id);

  async function browserSide(
    method: string,
    path: string,
    query: Params,
    res: ServerResponse,
  ): Promise<void> {
    const html = (status: number, page: string) => {
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(page);
    };
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const redirect = (location: string) => {
      res.writeHead(303, { location, 'cache-control': 'no-store' });
      res.end();
    };

    if (method === 'GET' && path === '/_fake/requests') {
      const wanted = requests.filter(
        (request) =>
          (query['method'] === undefined || request.method === query['method']) &&
          (query['path'] === undefined || request.path === query['path']),
      );
      json(200, wanted);
      return;
    }
    if (method === 'GET' && path === '/_fake/webhook-deliveries') {
      json(200, webhookDeliveries);
      return;
    }
    if (method === 'GET' && path === '/_fake/sessions') {
      json(200, [...sessions.values()]);
      return;
    }

    const match = /^\/c\/pay\/([^/]+)(?:\/(pay|cancel))?$/.exec(path);
    const session = match ? sessions.get(decodeURIComponent(match[1]!)) : undefined;
    if (!match || !session) {
      html(
        404,
        '<!doctype html><html lang="en"><title>Not found</title><main><h1>Not found</h1></main></html>',
      );
      return;
    }
    const step = match[2];
    if (method === 'GET' && step === undefined) {
      html(200, checkoutPage(session));
      return;
    }
    if (method === 'POST' && step !== undefined) {
      // A session that is no longer open shows why (as Stripe's page does); nothing changes.
      if (session.status !== 'open') {
        html(409, checkoutPage(session));
        return;
      }
      if (step === 'cancel') {
        // Cancel leaves the session open (Stripe expires it later); the buyer goes back.
        redirect(withSessionId(session.cancel_url ?? session.success_url ?? '/', session.id));
        return;
      }
      const completed = completeOpenSession(session.id);
      // Stripe redirects at once and sends the event on its own; either may arrive first.
      void deliverWebhook(stripeEvent('checkout.session.completed', completed));
      redirect(withSessionId(session.success_url ?? '/', session.id));
      return;
    }
    html(
      405,
      '<!doctype html><html lang="en"><title>Method not allowed</title><main><h1>Method not allowed</h1></main></html>',
    );
  }

  function errorBody(error: StripeHttpError, requestId: string) {
    return {
      error: {
        type: error.type,
        message: error.message,
        ...(error.code ? { code: error.code } : {}),
        ...(error.param ? { param: error.param } : {}),
        request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}`,
      },
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake-stripe');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const query = decodeForm(url.search.slice(1));
    const params = decodeForm(rawBody);
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    // The browser's side: the hosted Checkout page and the test's view of the fake (not
    // recorded). Stripe's API (below) needs the secret key; these, like Stripe's pages, do not.
    if (path.startsWith('/c/pay/') || path.startsWith('/_fake/')) {
      await browserSide(method, path, query, res);
      return;
    }
    const requestId = randomId('req');
    const record: RecordedRequest = {
      method,
      path,
      query,
      params,
      rawBody,
      headers: req.headers,
      idempotencyKey,
      status: 0,
      replayed: false,
    };
    requests.push(record);

    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, {
        'content-type': 'application/json',
        'request-id': requestId,
        'stripe-version': String(req.headers['stripe-version'] ?? FAKE_API_VERSION),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        ...headers,
      });
      res.end(JSON.stringify(body));
    };

    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      send(
        401,
        errorBody(
          new StripeHttpError(401, 'invalid_request_error', 'Invalid API Key provided'),
          requestId,
        ),
      );
      return;
    }

    const holdIndex = holds.findIndex((hold) => matches(hold, method, path));
    if (holdIndex >= 0) {
      const [hold] = holds.splice(holdIndex, 1);
      hold!.arrive(record);
      await hold!.gate;
    }

    const failureIndex = failures.findIndex((failure) => matches(failure, method, path));
    if (failureIndex >= 0) {
      const failure = failures[failureIndex]!;
      failure.times -= 1;
      if (failure.times <= 0) failures.splice(failureIndex, 1);
      const status = failure.status ?? 500;
      send(
        status,
        errorBody(
          new StripeHttpError(
            status,
            failure.type ?? (status >= 500 ? 'api_error' : 'invalid_request_error'),
            failure.message ?? 'Injected failure',
            failure.code,
          ),
          requestId,
        ),
        failure.shouldRetry === undefined
          ? {}
          : { 'stripe-should-retry': String(failure.shouldRetry) },
      );
      return;
    }

    if (method === 'POST' && idempotencyKey) {
      const fingerprint = `${method} ${path} ${rawBody}`;
      const previous = idempotent.get(idempotencyKey);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          send(
            400,
            errorBody(
              new StripeHttpError(
                400,
                'idempotency_error',
                `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
              ),
              requestId,
            ),
          );
          return;
        }
        record.replayed = true;
        send(previous.status, previous.body, { 'idempotent-replayed': 'true' });
        return;
      }
    }

    let status: number;
    let body: unknown;
    try {
      ({ status, body } = route(method, path, query, params));
    } catch (error) {
      if (!(error instanceof StripeHttpError)) throw error;
      status = error.status;
      body = errorBody(error, requestId);
    }
    // Stripe keeps the first result of an executed request (errors too) for the key.
    if (method === 'POST' && idempotencyKey)
      idempotent.set(idempotencyKey, { fingerprint: `${method} ${path} ${rawBody}`, status, body });
    send(status, body);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'api_error', message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  /** The customer pays (see FakeStripe.completeSession). */
  function completeOpenSession(
    sessionId: string,
    completeOptions: {
      paymentStatus?: 'paid' | 'unpaid';
      customerDetails?: Record<string, unknown>;
    } = {},
  ): FakeSession {
    const session = sessionOr404(sessionId);
    session.status = 'complete';
    session.url = null;
    session.payment_status = completeOptions.paymentStatus ?? 'paid';
    // What the payer filled in on the page, as Stripe reports it (customer_details).
    session.customer_details = completeOptions.customerDetails ?? {
      email: session['customer_email'] ?? null,
      name: null,
      address: null,
      phone: null,
      tax_exempt: 'none',
      tax_ids: [],
    };
    pay(session);
    return structuredClone(session);
  }

  function pay(session: FakeSession): void {
    if (session.payment_intent) return;
    const paymentIntentId = randomId('pi');
    session.payment_intent = paymentIntentId;
    payments.set(paymentIntentId, {
      paymentIntentId,
      chargeId: randomId('ch'),
      amount: session.amount_total,
      currency: session.currency,
      sessionId: session.id,
      refunded: 0,
    });
  }

  return {
    port,
    url: origin,
    env: {
      STRIPE_SECRET_KEY: secretKey,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(port),
      STRIPE_API_PROTOCOL: 'http',
    },
    requests,
    sessions,
    refunds,
    webhookEndpoints,
    requestsTo: (method, path) =>
      requests.filter(
        (request) =>
          request.method === method &&
          (typeof path === 'string' ? request.path === path : path.test(request.path)),
      ),
    failNext: (failure) => failures.push({ ...failure, times: failure.times ?? 1 }),
    holdNext(match) {
      let arrive!: (request: RecordedRequest) => void;
      let release!: () => void;
      const arrived = new Promise<RecordedRequest>((resolve) => (arrive = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));
      releases.add(release);
      holds.push({ ...match, arrive, gate });
      return {
        arrived,
        release: () => {
          releases.delete(release);
          release();
        },
      };
    },
    completeSession: (sessionId, completeOptions = {}) =>
      completeOpenSession(sessionId, completeOptions),
    settleSession(sessionId) {
      const session = sessionOr404(sessionId);
      session.payment_status = 'paid';
      pay(session);
      return structuredClone(session);
    },
    expireSession(sessionId) {
      const session = sessionOr404(sessionId);
      session.status = 'expired';
      session.url = null;
      return structuredClone(session);
    },
    insertSession(partial) {
      const id = partial.id ?? randomId('cs');
      const session = addSession({
        object: 'checkout.session',
        mode: 'payment',
        status: 'open',
        payment_status: 'unpaid',
        amount_subtotal: partial.amount_total,
        currency: 'eur',
        client_reference_id: null,
        metadata: {},
        created: nowSeconds(),
        expires_at: nowSeconds() + 1800,
        livemode: false,
        url: checkoutPageUrl(id),
        success_url: 'https://example.test/success',
        cancel_url: null,
        payment_intent: null,
        allowed_payment_method_types: null,
        payment_method_types: ['card'],
        customer: null,
        customer_details: null,
        line_items_params: [],
        ...partial,
        id,
      });
      if (session.payment_status === 'paid') {
        session.payment_intent = null;
        pay(session);
      }
      return structuredClone(session);
    },
    webhookDeliveries,
    get webhookUrl() {
      return settings.webhookUrl;
    },
    set webhookUrl(url) {
      settings.webhookUrl = url;
    },
    get refundStatus() {
      return fake.refundStatus;
    },
    set refundStatus(status) {
      fake.refundStatus = status;
    },
    settleRefund(refundId, status, failureReason) {
      const refund = refunds.find((candidate) => candidate.id === refundId);
      if (!refund) throw new Error(`fake Stripe has no refund ${refundId}`);
      if (status !== 'succeeded' && refund.status !== 'failed' && refund.status !== 'canceled')
        payments.get(refund.payment_intent)!.refunded -= refund.amount;
      refund.status = status;
      refund.failure_reason =
        status === 'failed' ? (failureReason ?? 'expired_or_canceled_card') : null;
      return structuredClone(refund) as unknown as Record<string, unknown>;
    },
    chargeFor(paymentIntentId) {
      const payment = payments.get(paymentIntentId);
      if (!payment) throw new Error(`fake Stripe has no payment ${paymentIntentId}`);
      return chargeObject(payment);
    },
    reset() {
      requests.length = 0;
      failures.length = 0;
      fake.refundStatus = 'succeeded';
      holds.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const release of releases) release();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function chargeObject(payment: Payment): Record<string, unknown> {
  return {
    id: payment.chargeId,
    object: 'charge',
    amount: payment.amount,
    amount_captured: payment.amount,
    amount_refunded: payment.refunded,
    captured: true,
    currency: payment.currency,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    metadata: {},
    paid: true,
    payment_intent: payment.paymentIntentId,
    refunded: payment.refunded >= payment.amount,
    status: 'succeeded',
  };
}

// ---- webhook events ----

export interface StripeEventPayload {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

/** An event as Stripe delivers it, around a snapshot of the object. */
export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  options: { id?: string; created?: number } = {},
): StripeEventPayload {
  const {
    line_items_params: _omit,
    payment_intent_data_params: _kept,
    ...data
  } = object as Record<string, unknown> & {
    line_items_params?: unknown;
    payment_intent_data_params?: unknown;
  };
  return {
    id: options.id ?? randomId('evt'),
    object: 'event',
    api_version: FAKE_API_VERSION,
    created: options.created ?? Math.floor(Date.now() / 1000),
    data: { object: data },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** A charge as `charge.refunded` carries it, for a payment the fake does not know. */
export function chargeSnapshot(options: {
  paymentIntentId: string;
  amount: number;
  amountRefunded?: number;
  currency?: string;
  metadata?: Record<string, string>;
}) {
  const refunded = options.amountRefunded ?? options.amount;
  return {
    id: randomId('ch'),
    object: 'charge',
    amount: options.amount,
    amount_captured: options.amount,
    amount_refunded: refunded,
    captured: true,
    currency: options.currency ?? 'eur',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    metadata: options.metadata ?? {},
    paid: true,
    payment_intent: options.paymentIntentId,
    refunded: refunded >= options.amount,
    status: 'succeeded',
  };
}

export function disputeSnapshot(options: {
  chargeId: string;
  paymentIntentId: string | null;
  amount: number;
  status?: string;
  reason?: string;
  id?: string;
  created?: number;
}) {
  return {
    id: options.id ?? randomId('dp'),
    object: 'dispute',
    amount: options.amount,
    charge: options.chargeId,
    payment_intent: options.paymentIntentId,
    created: options.created ?? Math.floor(Date.now() / 1000),
    currency: 'eur',
    livemode: false,
    metadata: {},
    reason: options.reason ?? 'fraudulent',
    status: options.status ?? 'needs_response',
    is_charge_refundable: false,
  };
}

/**
 * The body exactly as Stripe sends it (pretty-printed JSON) and its signature header.
 * Re-serialising the parsed body changes its bytes, which is what the raw-body test needs.
 */
export function signedWebhook(
  event: StripeEventPayload | string,
  options: { secret?: string; timestamp?: number } = {},
): { payload: string; headers: Record<string, string> } {
  const payload = typeof event === 'string' ? event : JSON.stringify(event, null, 2);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? FAKE_WEBHOOK_SECRET,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
  return {
    payload,
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
  };
}
