import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type PaymentGateway, PaymentRefusedError } from '../../src/lib/payment-gateway.js';
import {
  checkoutExpiresAt,
  checkoutExpiry,
  createStripeGateway,
  STRIPE_API_VERSION,
} from '../../src/modules/payments/stripe-gateway.js';
import { testConfig } from '../helpers/app.js';
import {
  FAKE_STRIPE_SECRET_KEY,
  type FakeStripe,
  startFakeStripe,
} from '../helpers/fake-stripe.js';

/**
 * The Stripe gateway through the official SDK against the local fake: what goes over the
 * wire, idempotency, retries and the "already closed" cases. No database involved.
 */

let fake: FakeStripe;
let gateway: PaymentGateway;

const ORDER_ID = '6f1c7a52-4a8e-4d3c-9a55-0d1e2f3a4b5c';

function checkoutRequest(
  overrides: Partial<Parameters<PaymentGateway['createCheckoutSession']>[0]> = {},
) {
  return {
    orderId: ORDER_ID,
    description: '12 credits — Rijbewijs voor werkzoekenden',
    productDescription: 'Stichting WerkKracht',
    quantity: 12,
    unitAmountCents: 3800,
    currency: 'eur' as const,
    expiresAt: new Date(Date.now() + 30 * 60_000),
    placedAt: new Date(),
    successUrl: `http://impactbeurs.test/orders/${ORDER_ID}?checkout=success`,
    cancelUrl: `http://impactbeurs.test/orders/${ORDER_ID}?checkout=cancelled`,
    idempotencyKey: `checkout-${ORDER_ID}`,
    ...overrides,
  };
}

beforeAll(async () => {
  fake = await startFakeStripe();
  const config = testConfig({ ...fake.env, STRIPE_PAYMENT_METHODS: 'card,ideal' });
  gateway = createStripeGateway(config.stripe!, { maxNetworkRetries: 2 });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => fake.reset());

describe('createCheckoutSession', () => {
  it('sends exactly the documented Checkout parameters, with the key, version and idempotency key', async () => {
    const before = Math.floor(Date.now() / 1000);
    const session = await gateway.createCheckoutSession(checkoutRequest());
    const after = Math.floor(Date.now() / 1000);

    const [request, ...others] = fake.requestsTo('POST', '/v1/checkout/sessions');
    expect(others).toHaveLength(0);
    expect(request!.headers.authorization).toBe(`Bearer ${FAKE_STRIPE_SECRET_KEY}`);
    expect(request!.headers['stripe-version']).toBe(STRIPE_API_VERSION);
    expect(request!.idempotencyKey).toBe(`checkout-${ORDER_ID}`);
    const { expires_at: expiresAt, ...params } = request!.params;
    expect(params).toEqual({
      mode: 'payment',
      currency: 'eur',
      // Always asked: the invoice's country decides the VAT (the buyer's other parameters are
      // the order's, tested in checkout-buyer.test.ts).
      billing_address_collection: 'required',
      line_items: [
        {
          quantity: '12',
          price_data: {
            currency: 'eur',
            unit_amount: '3800',
            product_data: {
              name: '12 credits — Rijbewijs voor werkzoekenden',
              description: 'Stichting WerkKracht',
            },
          },
        },
      ],
      allowed_payment_method_types: ['card', 'ideal'],
      client_reference_id: ORDER_ID,
      metadata: { order_id: ORDER_ID },
      payment_intent_data: { metadata: { order_id: ORDER_ID } },
      success_url: `http://impactbeurs.test/orders/${ORDER_ID}?checkout=success`,
      cancel_url: `http://impactbeurs.test/orders/${ORDER_ID}?checkout=cancelled`,
    });
    // 30 minutes after the order was placed, plus the five-minute margin that keeps it
    // above Stripe's minimum on arrival and on a repeat.
    expect(Number(expiresAt)).toBeGreaterThanOrEqual(before + 35 * 60);
    expect(Number(expiresAt)).toBeLessThanOrEqual(after + 35 * 60);

    const stored = fake.sessions.get(session.id)!;
    expect(stored.amount_total).toBe(12 * 3800);
    expect(session.url).toBe(stored.url);
    expect(session.expiresAt.getTime()).toBe(Number(expiresAt) * 1000);
  });

  it('returns the same session for a create repeated later with the same idempotency key', async () => {
    // The order's facts, as a repeat after a crash or a lost connection reads them again.
    const order = {
      idempotencyKey: 'checkout-retry-1',
      placedAt: new Date(),
      expiresAt: new Date(Date.now() + 30 * 60_000),
    };
    const first = await gateway.createCheckoutSession(checkoutRequest(order));
    // expires_at is in whole seconds: a repeat in a later second must send the same value,
    // or Stripe refuses the key's reuse with other parameters.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await gateway.createCheckoutSession(checkoutRequest(order));
    expect(second.id).toBe(first.id);
    const requests = fake.requestsTo('POST', '/v1/checkout/sessions');
    expect(requests.map((r) => r.replayed)).toEqual([false, true]);
  });

  it('retries a server error with the same idempotency key and creates one session', async () => {
    const sessionsBefore = fake.sessions.size;
    fake.failNext({ method: 'POST', path: '/v1/checkout/sessions', status: 500 });
    const session = await gateway.createCheckoutSession(
      checkoutRequest({ idempotencyKey: 'checkout-after-500' }),
    );
    const requests = fake.requestsTo('POST', '/v1/checkout/sessions');
    expect(requests.map((r) => r.status)).toEqual([500, 200]);
    expect(new Set(requests.map((r) => r.idempotencyKey))).toEqual(new Set(['checkout-after-500']));
    expect(fake.sessions.size).toBe(sessionsBefore + 1);
    expect(fake.sessions.has(session.id)).toBe(true);
  });

  it('surfaces a refusal as an error and creates nothing', async () => {
    const sessionsBefore = fake.sessions.size;
    fake.failNext({
      method: 'POST',
      path: '/v1/checkout/sessions',
      status: 400,
      code: 'parameter_invalid',
      message: 'Refused',
    });
    await expect(
      gateway.createCheckoutSession(checkoutRequest({ idempotencyKey: 'checkout-refused' })),
    ).rejects.toThrow('Refused');
    expect(fake.sessions.size).toBe(sessionsBefore);
  });

  it("sends the same expires_at for a repeat within five minutes, and Stripe's window otherwise", () => {
    const placedAt = new Date('2026-11-22T10:00:00Z');
    const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
    const requested = new Date(placedAt.getTime() + 30 * 60_000);
    const later = (minutes: number) => new Date(placedAt.getTime() + minutes * 60_000);
    const first = checkoutExpiry(requested, placedAt, placedAt);
    expect(first).toBe(seconds(placedAt) + 35 * 60);
    // A repeat up to five minutes late sends the very same value (one session, not a refusal).
    expect(checkoutExpiry(requested, placedAt, later(1))).toBe(first);
    expect(checkoutExpiry(requested, placedAt, later(5))).toBe(first);
    // Later than that, the placing-time value is under Stripe's minimum: Stripe's clock decides.
    expect(checkoutExpiry(requested, placedAt, later(6))).toBe(seconds(later(6)) + 35 * 60);
    // An app clock days ahead of Stripe's (tests move it): inside Stripe's window all the same.
    const stripeNow = new Date(placedAt.getTime() - 91 * 86_400_000);
    expect(checkoutExpiry(requested, placedAt, stripeNow)).toBe(
      seconds(stripeNow) + 24 * 3600 - 300,
    );
  });

  it('keeps expires_at inside the window Stripe accepts', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
    expect(checkoutExpiresAt(new Date(now.getTime() + 30 * 60_000), now)).toBe(
      seconds(now) + 35 * 60,
    );
    expect(checkoutExpiresAt(new Date(now.getTime() + 60 * 60_000), now)).toBe(
      seconds(now) + 60 * 60,
    );
    expect(checkoutExpiresAt(new Date(now.getTime() + 48 * 3600_000), now)).toBe(
      seconds(now) + 24 * 3600 - 300,
    );
  });
});

describe('expireCheckoutSession', () => {
  it('expires an open session', async () => {
    const session = await gateway.createCheckoutSession(
      checkoutRequest({ idempotencyKey: 'checkout-expire-open' }),
    );
    await gateway.expireCheckoutSession(session.id);
    expect(fake.sessions.get(session.id)!.status).toBe('expired');
    expect(fake.requestsTo('POST', `/v1/checkout/sessions/${session.id}/expire`)).toHaveLength(1);
  });

  it('accepts a session that is already expired or complete', async () => {
    const expired = await gateway.createCheckoutSession(
      checkoutRequest({ idempotencyKey: 'checkout-expire-twice' }),
    );
    await gateway.expireCheckoutSession(expired.id);
    fake.expireSession(expired.id);
    await expect(gateway.expireCheckoutSession(expired.id)).resolves.toBeUndefined();

    const paid = await gateway.createCheckoutSession(
      checkoutRequest({ idempotencyKey: 'checkout-expire-paid' }),
    );
    fake.completeSession(paid.id);
    await expect(gateway.expireCheckoutSession(paid.id)).resolves.toBeUndefined();
    expect(fake.sessions.get(paid.id)!.status).toBe('complete');
  });

  it('fails for a session Stripe does not know', async () => {
    await expect(gateway.expireCheckoutSession('cs_test_unknown')).rejects.toThrow(
      /No such checkout.session/,
    );
  });
});

describe('refund', () => {
  it('refunds the payment intent with amount, metadata and idempotency key; a retry refunds once', async () => {
    const session = await gateway.createCheckoutSession(
      checkoutRequest({ idempotencyKey: 'checkout-refund' }),
    );
    const paid = fake.completeSession(session.id);
    const request = {
      paymentIntentId: paid.payment_intent!,
      amountCents: 45_600,
      idempotencyKey: `refund-${ORDER_ID}`,
      reason: 'late payment, sold out',
      orderId: ORDER_ID,
    };

    const first = await gateway.refund(request);
    const second = await gateway.refund(request);
    expect(second.refundId).toBe(first.refundId);
    expect(fake.refunds).toHaveLength(1);

    const [sent] = fake.requestsTo('POST', '/v1/refunds');
    expect(sent!.idempotencyKey).toBe(`refund-${ORDER_ID}`);
    expect(sent!.params).toEqual({
      payment_intent: paid.payment_intent,
      amount: '45600',
      metadata: { reason: 'late payment, sold out', order_id: ORDER_ID },
    });
  });

  it('fails when Stripe refuses (more than was paid), saying that nothing was refunded', async () => {
    const session = await gateway.createCheckoutSession(
      checkoutRequest({ idempotencyKey: 'checkout-refund-too-much' }),
    );
    const paid = fake.completeSession(session.id);
    const refused = gateway.refund({
      paymentIntentId: paid.payment_intent!,
      amountCents: 45_601,
      idempotencyKey: 'refund-too-much',
      reason: 'test',
    });
    await expect(refused).rejects.toThrow(/greater than unrefunded amount/);
    await expect(refused).rejects.toBeInstanceOf(PaymentRefusedError);
  });

  it('does not call it a refusal when the outcome is unknown: no answer, or the key used before with other parameters', async () => {
    const session = await gateway.createCheckoutSession(
      checkoutRequest({ idempotencyKey: 'checkout-refund-unknown' }),
    );
    const paid = fake.completeSession(session.id);
    const request = {
      paymentIntentId: paid.payment_intent!,
      amountCents: 100,
      idempotencyKey: 'refund-unknown',
      reason: 'test',
    };
    // Every try (the first and the SDK's two retries) ends in a 500.
    fake.failNext({ method: 'POST', path: '/v1/refunds', status: 500, times: 3 });
    const lost = gateway.refund(request);
    await expect(lost).rejects.toThrow();
    await expect(lost).rejects.not.toBeInstanceOf(PaymentRefusedError);
    const made = await gateway.refund(request);
    const reused = gateway.refund({ ...request, amountCents: 200 });
    await expect(reused).rejects.toThrow(/same parameters/);
    await expect(reused).rejects.not.toBeInstanceOf(PaymentRefusedError);
    expect(fake.refunds.filter((r) => r.id === made.refundId)).toHaveLength(1);
  });
});

describe('retrieve and list', () => {
  it('reads a session back with the fields reconciliation needs', async () => {
    const session = await gateway.createCheckoutSession(
      checkoutRequest({ idempotencyKey: 'checkout-retrieve' }),
    );
    const paid = fake.completeSession(session.id);
    const read = await gateway.retrieveCheckoutSession(session.id);
    expect(read).toEqual({
      id: session.id,
      orderId: ORDER_ID,
      metadataOrderId: ORDER_ID,
      metadataPurchaseId: null,
      clientReferenceId: ORDER_ID,
      paymentStatus: 'paid',
      status: 'complete',
      paymentIntentId: paid.payment_intent,
      amountTotalCents: 45_600,
      currency: 'eur',
      createdAt: new Date(paid.created * 1000),
      // The fake's payer filled in nothing but the e-mail, which is not kept.
      payer: null,
    });
  });

  it('lists every session since a time, following the pages', async () => {
    const since = Math.floor(Date.now() / 1000) - 3600;
    fake.insertSession({ amount_total: 3800, created: since - 10 });
    const ids = new Set<string>();
    for (let i = 0; i < 130; i++)
      ids.add(fake.insertSession({ amount_total: 3800, created: since + 1 }).id);

    const listed: string[] = [];
    for await (const session of gateway.listCheckoutSessions(new Date(since * 1000)))
      listed.push(session.id);

    const expected = [...fake.sessions.values()].filter((s) => s.created >= since).map((s) => s.id);
    expect(new Set(listed)).toEqual(new Set(expected));
    expect(listed).toHaveLength(expected.length);
    for (const id of ids) expect(listed).toContain(id);
    const pages = fake.requestsTo('GET', '/v1/checkout/sessions');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]!.query).toMatchObject({ created: { gte: String(since) }, limit: '100' });
    expect(pages[1]!.query['starting_after']).toBe(listed[99]);
  });
});
