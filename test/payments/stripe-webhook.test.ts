import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPIRE_RESERVATIONS_JOB } from '../../src/modules/orders/order-jobs.js';
import { REFUND_PAYMENT_JOB } from '../../src/modules/settlement/fulfilment.js';
import {
  chargeSnapshot,
  disputeSnapshot,
  FAKE_WEBHOOK_SECRET,
  signedWebhook,
  stripeEvent,
} from '../helpers/fake-stripe.js';
import {
  expectProblem,
  expectStatus,
  type Person,
  TestContext,
  sessionEvent,
} from '../factory/index.js';

/**
 * POST /v1/stripe/webhook against the real app: orders made through the API, Checkout
 * Sessions created by the SDK on the fake Stripe, events signed with the SDK's test helper.
 */

let t: TestContext;

let supplier: Person;

let otherSupplier: Person;

beforeAll(async () => {
  t = await TestContext.create({
    stripe: true,
    // One buyer may hold a whole project: the anti-hoarding limit is the orders tests' subject, not these.
    env: { MAX_RESERVED_SHARE_PERCENT: '100' },
    jobAttempts: 1,
  });
  supplier = await t.newSupplier();
  otherSupplier = await t.newSupplier();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const newProject = (supply: number) => t.newListedProject({ credits: supply }).then((p) => p.id);

describe('a paid Checkout Session', () => {
  it('fulfils the order: paid, certificate issued, payment booked, event recorded', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 3 });
    expect(order.status).toBe('reserved');
    const paid = t.stripe.completeSession(order.session.id);
    const event = sessionEvent('checkout.session.completed', {
      ...paid,
      customer_details: {
        email: 'koper@leverancier.example',
        name: 'Koper',
        address: { city: 'Utrecht' },
      },
    });

    const response = await t.deliverWebhook(event);
    expectStatus(response, 200);
    expect(response.json()).toEqual({
      received: true,
      eventId: event.id,
      outcome: 'fulfilled',
      duplicate: false,
    });

    const read = await t.app.inject({
      method: 'GET',
      url: `/v1/orders/${order.id}`,
      headers: supplier.as.headers,
    });
    expectStatus(read, 200);
    expect(read.json()).toMatchObject({
      id: order.id,
      status: 'paid',
      certificate: { status: 'active', credits: 3 },
    });
    const row = await t.orderRow(order.id);
    expect(row.stripe_payment_intent_id).toBe(paid.payment_intent);
    expect(row.needs_attention).toBeNull();
    const certificates = await t.certificatesOf(order.id);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({
      status: 'active',
      credits: 3,
      serial_start: 1,
      serial_end: 3,
    });
    expect(await t.moneyEntries(order.id)).toEqual([
      { entry_type: 'payment_received', amount_cents: 3 * 3800 },
    ]);
    expect(await t.creditBalance(projectId)).toMatchObject({ supply: 40, reserved: 0, sold: 3 });

    const [recorded, ...more] = await t.stripeEventRows(event.id);
    expect(more).toHaveLength(0);
    expect(recorded).toMatchObject({
      type: 'checkout.session.completed',
      order_id: order.id,
      outcome: 'fulfilled',
      livemode: false,
    });
    // The event log is append-only: personal data Stripe sends along is not kept.
    expect(JSON.stringify(recorded!.payload)).not.toContain('koper@leverancier.example');
    expect((recorded!.payload as { data: { object: { id: string } } }).data.object.id).toBe(
      paid.id,
    );
    await t.expectInvariants();
  });

  it('acknowledges a redelivered event without effect', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 2 });
    const event = sessionEvent(
      'checkout.session.completed',
      t.stripe.completeSession(order.session.id),
    );
    expect((await t.deliverWebhook(event)).json()).toMatchObject({
      outcome: 'fulfilled',
      duplicate: false,
    });
    const before = await t.countRows();

    const again = await t.deliverWebhook(event);
    expectStatus(again, 200);
    expect(again.json()).toEqual({
      received: true,
      eventId: event.id,
      outcome: 'duplicate',
      duplicate: true,
    });
    expect(await t.countRows()).toEqual(before);
  });

  it('delivered ten times at once: one fulfilment, one certificate, one recorded event', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 5 });
    const event = sessionEvent(
      'checkout.session.completed',
      t.stripe.completeSession(order.session.id),
    );
    const before = await t.countRows();

    const responses = await Promise.all(Array.from({ length: 10 }, () => t.deliverWebhook(event)));
    for (const response of responses) expectStatus(response, 200);
    const outcomes = responses
      .map((response) => response.json<{ outcome: string }>().outcome)
      .sort();
    expect(outcomes).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'fulfilled',
    ]);

    expect(await t.certificatesOf(order.id)).toHaveLength(1);
    expect(await t.stripeEventRows(event.id)).toHaveLength(1);
    expect(await t.moneyEntries(order.id)).toEqual([
      { entry_type: 'payment_received', amount_cents: 5 * 3800 },
    ]);
    expect((await t.creditEntries(order.id)).map((e) => e.entry_type)).toEqual(['reserve', 'sell']);
    const after = await t.countRows();
    expect(after['stripe_events']).toBe(before['stripe_events']! + 1);
    expect(after['certificates']).toBe(before['certificates']! + 1);
    expect(await t.creditBalance(projectId)).toMatchObject({ reserved: 0, sold: 5 });
    await t.expectInvariants();
  });

  it('async_payment_succeeded after a completed-but-unpaid session fulfils once', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 1 });
    const pending = t.stripe.completeSession(order.session.id, { paymentStatus: 'unpaid' });
    const pendingEvent = sessionEvent('checkout.session.completed', pending);
    expect((await t.deliverWebhook(pendingEvent)).json()).toMatchObject({
      outcome: 'awaiting_payment',
    });
    expect((await t.orderRow(order.id)).status).toBe('reserved');
    expect(await t.stripeEventRows(pendingEvent.id)).toMatchObject([
      { outcome: 'awaiting_payment', order_id: order.id },
    ]);

    const settled = t.stripe.settleSession(order.session.id);
    expect(
      (
        await t.deliverWebhook(sessionEvent('checkout.session.async_payment_succeeded', settled))
      ).json(),
    ).toMatchObject({ outcome: 'fulfilled' });
    expect((await t.orderRow(order.id)).status).toBe('paid');
    expect(await t.certificatesOf(order.id)).toHaveLength(1);
    await t.expectInvariants();
  });
});

describe('refused deliveries write nothing', () => {
  it('tampered body, wrong secret, stale timestamp, re-serialised body, missing signature: 400 and zero rows', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 2 });
    const event = sessionEvent(
      'checkout.session.completed',
      t.stripe.completeSession(order.session.id),
    );
    const good = signedWebhook(event);
    expect(good.payload).toContain(`"amount_total": ${2 * 3800}`);
    const before = await t.countRows();

    const attempts = {
      tampered: () =>
        t.deliverWebhook(event, {
          body: good.payload.replace(`"amount_total": ${2 * 3800}`, '"amount_total": 1'),
          headers: { 'stripe-signature': good.headers['stripe-signature']! },
        }),
      wrongSecret: () =>
        t.deliverWebhook(event, { secret: 'whsec_someoneelsessecret000000000000' }),
      stale: () => t.deliverWebhook(event, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
      // What a JSON body parser hands on: the same event, other bytes.
      reserialised: () =>
        t.deliverWebhook(event, {
          body: JSON.stringify(JSON.parse(good.payload)),
          headers: { 'stripe-signature': good.headers['stripe-signature']! },
        }),
      missingSignature: () =>
        t.app.inject({
          method: 'POST',
          url: '/v1/stripe/webhook',
          headers: { 'content-type': 'application/json' },
          payload: good.payload,
        }),
      signatureOfAnotherEvent: () =>
        t.deliverWebhook(event, {
          headers: {
            'stripe-signature': signedWebhook(stripeEvent('customer.created', { id: 'cus_1' }))
              .headers['stripe-signature']!,
          },
        }),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      const response = await attempt();
      expect(response.statusCode, `${name}: ${response.body}`).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 400, code: 'WEBHOOK.INVALID_SIGNATURE' });
    }
    expect(await t.countRows()).toEqual(before);
    expect((await t.orderRow(order.id)).status).toBe('reserved');

    // Sent as text, the body reaches the route parsed into a string, not as the raw bytes: refused unread.
    const textual = await t.app.inject({
      method: 'POST',
      url: '/v1/stripe/webhook',
      headers: { ...good.headers, 'content-type': 'text/plain' },
      payload: good.payload,
    });
    expectProblem(textual, 400, 'WEBHOOK.INVALID_BODY');
    const unknownType = await t.app.inject({
      method: 'POST',
      url: '/v1/stripe/webhook',
      headers: { ...good.headers, 'content-type': 'application/xml' },
      payload: good.payload,
    });
    expectProblem(unknownType, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
    expect(await t.countRows()).toEqual(before);

    // The same event, signed properly and fresh (299 s is inside the tolerance), is applied.
    const accepted = await t.deliverWebhook(event, {
      timestamp: Math.floor(Date.now() / 1000) - 299,
    });
    expectStatus(accepted, 200);
    expect(accepted.json()).toMatchObject({ outcome: 'fulfilled' });
  });

  it('a signed body that is not a Stripe event: 400 and zero rows', async () => {
    const before = await t.countRows();
    for (const body of [
      '{"hello": "world"}',
      '{"id": "evt_1", "type": "x", "created": "yesterday", "data": {"object": {}}}',
      'not json',
    ]) {
      const response = await t.deliverWebhook(body);
      expect(response.statusCode, `${body}: ${response.body}`).toBe(400);
      expect(response.json<{ code: string }>().code).toMatch(/^WEBHOOK\./);
    }
    expect(await t.countRows()).toEqual(before);
  });

  it('the signature is checked with the configured secret', async () => {
    const event = stripeEvent('customer.created', { id: 'cus_test_1', object: 'customer' });
    const response = await t.deliverWebhook(event, { secret: FAKE_WEBHOOK_SECRET });
    expectStatus(response, 200);
    expect(response.json()).toMatchObject({ outcome: 'ignored', duplicate: false });
    expect(await t.stripeEventRows(event.id)).toMatchObject([
      { type: 'customer.created', outcome: 'ignored', order_id: null },
    ]);
  });
});

describe('a payment that does not match its order', () => {
  it('wrong amount: nothing fulfilled, the order flagged, the event recorded', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 2 });
    const paid = t.stripe.completeSession(order.session.id);
    const event = sessionEvent('checkout.session.completed', {
      ...paid,
      amount_total: 2 * 3800 - 100,
    });

    expect((await t.deliverWebhook(event)).json()).toMatchObject({
      outcome: 'mismatch',
      duplicate: false,
    });
    const row = await t.orderRow(order.id);
    expect(row.status).toBe('reserved');
    expect(row.needs_attention).toMatch(/^payment_mismatch/);
    expect(await t.certificatesOf(order.id)).toHaveLength(0);
    expect(await t.moneyEntries(order.id)).toEqual([]);
    expect(await t.stripeEventRows(event.id)).toMatchObject([
      { outcome: 'mismatch', order_id: order.id },
    ]);
    await t.expectInvariants();
  });

  it('wrong currency: nothing fulfilled, the order flagged', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 2 });
    const event = sessionEvent('checkout.session.completed', {
      ...t.stripe.completeSession(order.session.id),
      currency: 'usd',
    });

    expect((await t.deliverWebhook(event)).json()).toMatchObject({ outcome: 'mismatch' });
    const row = await t.orderRow(order.id);
    expect(row.status).toBe('reserved');
    expect(row.needs_attention).toMatch(/currency/);
    expect(await t.certificatesOf(order.id)).toHaveLength(0);
  });

  it('metadata and client_reference_id naming different orders: nothing fulfilled, both flagged', async () => {
    const projectId = await newProject(40);
    const first = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 1 });
    const second = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 1 });
    const paid = t.stripe.completeSession(first.session.id);
    const event = sessionEvent('checkout.session.completed', {
      ...paid,
      metadata: { order_id: second.id },
    });

    expect((await t.deliverWebhook(event)).json()).toMatchObject({ outcome: 'mismatch' });
    for (const order of [first, second]) {
      const row = await t.orderRow(order.id);
      expect(row.status).toBe('reserved');
      expect(row.needs_attention).toMatch(/order reference mismatch/);
      expect(await t.certificatesOf(order.id)).toHaveLength(0);
    }
    await t.expectInvariants();
  });
});

describe('sessions that end unpaid', () => {
  it('checkout.session.expired releases the credits exactly once', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 4 });
    expect(await t.creditBalance(projectId)).toMatchObject({ reserved: 4, sold: 0 });
    const expired = t.stripe.expireSession(order.session.id);

    expect(
      (await t.deliverWebhook(sessionEvent('checkout.session.expired', expired))).json(),
    ).toMatchObject({ outcome: 'released' });
    expect((await t.orderRow(order.id)).status).toBe('expired');
    expect(await t.creditBalance(projectId)).toMatchObject({ reserved: 0, sold: 0 });

    // Stripe may send another expiry event; the expiry job runs too: nothing is released twice.
    expect(
      (await t.deliverWebhook(sessionEvent('checkout.session.expired', expired))).json(),
    ).toMatchObject({ outcome: 'not_reserved' });
    t.clock.advance(2 * 3600_000);
    await t.queue.send(EXPIRE_RESERVATIONS_JOB, {});
    await t.queue.drain();
    expect((await t.creditEntries(order.id)).map((e) => e.entry_type)).toEqual([
      'reserve',
      'release',
    ]);
    expect(await t.creditBalance(projectId)).toMatchObject({ reserved: 0, sold: 0 });
    await t.expectInvariants();
  });

  it('async_payment_failed releases the credits', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 2 });
    t.stripe.completeSession(order.session.id, { paymentStatus: 'unpaid' });
    const failed = t.stripe.sessions.get(order.session.id)!;
    expect(
      (
        await t.deliverWebhook(sessionEvent('checkout.session.async_payment_failed', failed))
      ).json(),
    ).toMatchObject({ outcome: 'released' });
    expect((await t.orderRow(order.id)).status).toBe('cancelled');
    expect(await t.creditBalance(projectId)).toMatchObject({ reserved: 0, sold: 0 });
    await t.expectInvariants();
  });

  it('an expired session the order has moved on from changes nothing', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 1 });
    const other = t.stripe.insertSession({
      amount_total: 3800,
      status: 'expired',
      client_reference_id: order.id,
      metadata: { order_id: order.id },
    });
    expect(
      (await t.deliverWebhook(sessionEvent('checkout.session.expired', other))).json(),
    ).toMatchObject({ outcome: 'stale_session' });
    expect((await t.orderRow(order.id)).status).toBe('reserved');
  });
});

describe('a payment after the reservation lapsed', () => {
  async function lapse() {
    t.clock.advance(40 * 60_000);
    await t.queue.send(EXPIRE_RESERVATIONS_JOB, {});
    await t.queue.drain();
  }

  it('re-reserves and fulfils when the credits are still there', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 3 });
    // The buyer paid at the last moment; the event is late, and the hold lapsed meanwhile.
    const paid = t.stripe.completeSession(order.session.id);
    await lapse();
    expect((await t.orderRow(order.id)).status).toBe('expired');
    expect(await t.creditBalance(projectId)).toMatchObject({ reserved: 0, sold: 0 });

    expect(
      (await t.deliverWebhook(sessionEvent('checkout.session.completed', paid))).json(),
    ).toMatchObject({ outcome: 'fulfilled' });
    expect((await t.orderRow(order.id)).status).toBe('paid');
    expect(await t.certificatesOf(order.id)).toMatchObject([{ status: 'active', credits: 3 }]);
    expect(await t.creditBalance(projectId)).toMatchObject({ reserved: 0, sold: 3 });
    expect(t.stripe.refunds.filter((r) => r.payment_intent === paid.payment_intent)).toHaveLength(
      0,
    );
    await t.expectInvariants();
  });

  it('refunds through Stripe, once, and issues nothing when the credits are gone', async () => {
    const projectId = await newProject(2);
    const late = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 2 });
    const latePaid = t.stripe.completeSession(late.session.id);
    await lapse();
    // Meanwhile another buyer takes the last credits and pays.
    const other = await t.newStripeOrder({ buyer: otherSupplier, project: projectId, credits: 2 });
    expect(
      (
        await t.deliverWebhook(
          sessionEvent('checkout.session.completed', t.stripe.completeSession(other.session.id)),
        )
      ).json(),
    ).toMatchObject({
      outcome: 'fulfilled',
    });

    const response = await t.deliverWebhook(sessionEvent('checkout.session.completed', latePaid));
    expect(response.json()).toMatchObject({ outcome: 'refund_required' });
    expect(t.queue.queued(REFUND_PAYMENT_JOB)).toEqual([{ orderId: late.id }]);
    // The webhook itself called nobody: the refund waits in the queue.
    expect(t.stripe.requestsTo('POST', '/v1/refunds')).toHaveLength(0);

    await t.queue.drain();
    const refunds = t.stripe.refunds.filter((r) => r.payment_intent === latePaid.payment_intent);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.amount).toBe(2 * 3800);
    const row = await t.orderRow(late.id);
    expect(row.status).toBe('refunded');
    expect(await t.certificatesOf(late.id)).toHaveLength(0);
    expect(await t.moneyEntries(late.id)).toEqual([
      { entry_type: 'payment_received', amount_cents: 7600 },
      { entry_type: 'refund_paid', amount_cents: 7600 },
    ]);

    // Stripe then reports the refund it made; that changes nothing more.
    const charge = t.stripe.chargeFor(latePaid.payment_intent!);
    expect((await t.deliverWebhook(stripeEvent('charge.refunded', charge))).json()).toMatchObject({
      outcome: 'already_refunded',
    });
    expect(await t.creditBalance(projectId)).toMatchObject({ supply: 2, reserved: 0, sold: 2 });
    await t.expectInvariants();
  });
});

describe('refunds reported by Stripe', () => {
  it('charge.refunded after the payment: order refunded, certificate revoked, credits back', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 2 });
    const paid = t.stripe.completeSession(order.session.id);
    await t.deliverWebhook(sessionEvent('checkout.session.completed', paid));
    const charge = {
      ...t.stripe.chargeFor(paid.payment_intent!),
      amount_refunded: 7600,
      refunded: true,
    };

    expect((await t.deliverWebhook(stripeEvent('charge.refunded', charge))).json()).toMatchObject({
      outcome: 'refunded',
    });
    expect((await t.orderRow(order.id)).status).toBe('refunded');
    expect(await t.certificatesOf(order.id)).toMatchObject([{ status: 'revoked' }]);
    expect(await t.creditBalance(projectId)).toMatchObject({ reserved: 0, sold: 0 });
    await t.expectInvariants();
  });

  it('charge.refunded before checkout.session.completed: the order ends refunded, no active certificate', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 2 });
    const paid = t.stripe.completeSession(order.session.id);
    const refunded = stripeEvent(
      'charge.refunded',
      chargeSnapshot({ paymentIntentId: paid.payment_intent!, amount: 7600 }),
    );

    expect((await t.deliverWebhook(refunded)).json()).toMatchObject({
      outcome: 'refund_unmatched',
    });
    expect((await t.orderRow(order.id)).status).toBe('reserved');

    expect(
      (await t.deliverWebhook(sessionEvent('checkout.session.completed', paid))).json(),
    ).toMatchObject({ outcome: 'refunded_before_payment' });
    const row = await t.orderRow(order.id);
    expect(row.status).toBe('refunded');
    expect((await t.certificatesOf(order.id)).filter((c) => c.status === 'active')).toHaveLength(0);
    expect(await t.moneyEntries(order.id)).toEqual([
      { entry_type: 'payment_received', amount_cents: 7600 },
      { entry_type: 'refund_paid', amount_cents: 7600 },
    ]);
    expect(await t.creditBalance(projectId)).toMatchObject({ reserved: 0, sold: 0 });

    // Whatever else arrives, a refunded order never becomes paid again.
    expect(
      (
        await t.deliverWebhook(sessionEvent('checkout.session.async_payment_succeeded', paid))
      ).json(),
    ).toMatchObject({ outcome: 'ignored' });
    expect((await t.orderRow(order.id)).status).toBe('refunded');
    expect((await t.certificatesOf(order.id)).filter((c) => c.status === 'active')).toHaveLength(0);
    await t.expectInvariants();
  });

  it('charge.refunded and checkout.session.completed arriving at the same moment: every order ends refunded', async () => {
    const projectId = await newProject(40);
    const orders = [];
    for (let i = 0; i < 8; i++)
      orders.push(await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 1 }));
    const deliveries = orders.flatMap((order) => {
      const paid = t.stripe.completeSession(order.session.id);
      return [
        stripeEvent(
          'charge.refunded',
          chargeSnapshot({ paymentIntentId: paid.payment_intent!, amount: 3800 }),
        ),
        sessionEvent('checkout.session.completed', paid),
      ];
    });

    const responses = await Promise.all(deliveries.map((event) => t.deliverWebhook(event)));
    for (const response of responses) expectStatus(response, 200);
    for (const order of orders) {
      expect((await t.orderRow(order.id)).status, `order ${order.id}`).toBe('refunded');
      expect((await t.certificatesOf(order.id)).filter((c) => c.status === 'active')).toHaveLength(
        0,
      );
    }
    expect(await t.creditBalance(projectId)).toMatchObject({ reserved: 0, sold: 0 });
    await t.expectInvariants();
  });

  it('a partial refund refunds nothing and flags the order', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 2 });
    const paid = t.stripe.completeSession(order.session.id);
    await t.deliverWebhook(sessionEvent('checkout.session.completed', paid));
    const partial = chargeSnapshot({
      paymentIntentId: paid.payment_intent!,
      amount: 7600,
      amountRefunded: 3800,
    });

    expect((await t.deliverWebhook(stripeEvent('charge.refunded', partial))).json()).toMatchObject({
      outcome: 'partial',
    });
    const row = await t.orderRow(order.id);
    expect(row.status).toBe('paid');
    expect(row.needs_attention).toMatch(/refund_amount_mismatch/);
    expect(await t.certificatesOf(order.id)).toMatchObject([{ status: 'active' }]);
  });
});

describe('disputes', () => {
  it('are recorded, follow their status, and a closed dispute is not reopened by an older event', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 1 });
    const paid = t.stripe.completeSession(order.session.id);
    await t.deliverWebhook(sessionEvent('checkout.session.completed', paid));
    const charge = t.stripe.chargeFor(paid.payment_intent!);
    const opened = disputeSnapshot({
      chargeId: String(charge['id']),
      paymentIntentId: paid.payment_intent,
      amount: 3800,
    });
    const createdEvent = stripeEvent('charge.dispute.created', opened);

    expect((await t.deliverWebhook(createdEvent)).json()).toMatchObject({
      outcome: 'dispute_opened',
    });
    const read = () =>
      t.db.selectFrom('payment_disputes').selectAll().where('id', '=', opened.id).execute();
    expect(await read()).toMatchObject([
      { order_id: order.id, status: 'needs_response', reason: 'fraudulent', closed_at: null },
    ]);

    const closedEvent = stripeEvent('charge.dispute.closed', { ...opened, status: 'won' });
    expect((await t.deliverWebhook(closedEvent)).json()).toMatchObject({
      outcome: 'dispute_closed',
    });
    const [closed] = await read();
    expect(closed).toMatchObject({ status: 'won' });
    expect(closed!.closed_at).not.toBeNull();

    // An older 'created' for the same dispute (another event id) arrives late.
    expect(
      (await t.deliverWebhook(stripeEvent('charge.dispute.created', opened))).json(),
    ).toMatchObject({
      outcome: 'dispute_opened',
    });
    expect(await read()).toMatchObject([{ status: 'won' }]);
    expect((await read())[0]!.closed_at).not.toBeNull();
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', order.id)
      .where('action', 'like', 'payment.dispute%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'payment.dispute_closed',
      'payment.dispute_opened',
      'payment.dispute_opened',
    ]);
    // The certificate's status follows disputes in the certificates issue; until then it stays.
    expect(await t.certificatesOf(order.id)).toMatchObject([{ status: 'active' }]);
  });
});

describe('without Stripe', () => {
  it('answers 404 and writes nothing', async () => {
    const t = await TestContext.create();
    try {
      const { payload, headers } = signedWebhook(
        stripeEvent('checkout.session.completed', { id: 'cs_test_x', object: 'checkout.session' }),
      );
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/stripe/webhook',
        headers,
        payload,
      });
      expectProblem(response, 404, 'PAYMENTS.STRIPE_NOT_CONFIGURED');
      const events = await t.db.selectFrom('stripe_events').select('id').execute();
      expect(events).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});
