import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPIRE_RESERVATIONS_JOB } from '../../src/modules/orders/order-jobs.js';
import { REFUND_PAYMENT_JOB } from '../../src/modules/settlement/fulfilment.js';
import { createTestApp } from '../helpers/app.js';
import {
  chargeSnapshot,
  disputeSnapshot,
  FAKE_WEBHOOK_SECRET,
  signedWebhook,
  stripeEvent,
} from '../helpers/fake-stripe.js';
import { expectProblem, expectStatus } from '../helpers/listed-project.js';
import {
  balanceOf,
  certificatesOf,
  countRows,
  createStripeWorld,
  creditEntries,
  deliver,
  eventRows,
  expectInvariants,
  moneyEntries,
  orderRow,
  placeStripeOrder,
  sessionEvent,
  type StripeWorld,
} from '../helpers/payments-fixtures.js';

/**
 * POST /v1/stripe/webhook against the real app: orders made through the API, Checkout
 * Sessions created by the SDK on the fake Stripe, events signed with the SDK's test helper.
 */

let w: StripeWorld;

beforeAll(async () => {
  w = await createStripeWorld();
});

afterAll(async () => {
  await w?.close();
});

const newProject = (supply: number) => w.market.listProject({ supply });

describe('a paid Checkout Session', () => {
  it('fulfils the order: paid, certificate issued, payment booked, event recorded', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 3);
    expect(order.status).toBe('reserved');
    const paid = w.fake.completeSession(order.session.id);
    const event = sessionEvent('checkout.session.completed', {
      ...paid,
      customer_details: {
        email: 'koper@leverancier.example',
        name: 'Koper',
        address: { city: 'Utrecht' },
      },
    });

    const response = await deliver(w, event);
    expectStatus(response, 200);
    expect(response.json()).toEqual({
      received: true,
      eventId: event.id,
      outcome: 'fulfilled',
      duplicate: false,
    });

    const read = await w.t.app.inject({
      method: 'GET',
      url: `/v1/orders/${order.id}`,
      headers: w.market.supplier.as.headers,
    });
    expectStatus(read, 200);
    expect(read.json()).toMatchObject({
      id: order.id,
      status: 'paid',
      certificate: { status: 'active', credits: 3 },
    });
    const row = await orderRow(w, order.id);
    expect(row.stripe_payment_intent_id).toBe(paid.payment_intent);
    expect(row.needs_attention).toBeNull();
    const certificates = await certificatesOf(w, order.id);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({
      status: 'active',
      credits: 3,
      serial_start: 1,
      serial_end: 3,
    });
    expect(await moneyEntries(w, order.id)).toEqual([
      { entry_type: 'payment_received', amount_cents: 3 * 3800 },
    ]);
    expect(await balanceOf(w, projectId)).toMatchObject({ supply: 40, reserved: 0, sold: 3 });

    const [recorded, ...more] = await eventRows(w, event.id);
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
    await expectInvariants(w);
  });

  it('acknowledges a redelivered event without effect', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 2);
    const event = sessionEvent(
      'checkout.session.completed',
      w.fake.completeSession(order.session.id),
    );
    expect((await deliver(w, event)).json()).toMatchObject({
      outcome: 'fulfilled',
      duplicate: false,
    });
    const before = await countRows(w);

    const again = await deliver(w, event);
    expectStatus(again, 200);
    expect(again.json()).toEqual({
      received: true,
      eventId: event.id,
      outcome: 'duplicate',
      duplicate: true,
    });
    expect(await countRows(w)).toEqual(before);
  });

  it('delivered ten times at once: one fulfilment, one certificate, one recorded event', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 5);
    const event = sessionEvent(
      'checkout.session.completed',
      w.fake.completeSession(order.session.id),
    );
    const before = await countRows(w);

    const responses = await Promise.all(Array.from({ length: 10 }, () => deliver(w, event)));
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

    expect(await certificatesOf(w, order.id)).toHaveLength(1);
    expect(await eventRows(w, event.id)).toHaveLength(1);
    expect(await moneyEntries(w, order.id)).toEqual([
      { entry_type: 'payment_received', amount_cents: 5 * 3800 },
    ]);
    expect((await creditEntries(w, order.id)).map((e) => e.entry_type)).toEqual([
      'reserve',
      'sell',
    ]);
    const after = await countRows(w);
    expect(after['stripe_events']).toBe(before['stripe_events']! + 1);
    expect(after['certificates']).toBe(before['certificates']! + 1);
    expect(await balanceOf(w, projectId)).toMatchObject({ reserved: 0, sold: 5 });
    await expectInvariants(w);
  });

  it('async_payment_succeeded after a completed-but-unpaid session fulfils once', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 1);
    const pending = w.fake.completeSession(order.session.id, { paymentStatus: 'unpaid' });
    const pendingEvent = sessionEvent('checkout.session.completed', pending);
    expect((await deliver(w, pendingEvent)).json()).toMatchObject({ outcome: 'awaiting_payment' });
    expect((await orderRow(w, order.id)).status).toBe('reserved');
    expect(await eventRows(w, pendingEvent.id)).toMatchObject([
      { outcome: 'awaiting_payment', order_id: order.id },
    ]);

    const settled = w.fake.settleSession(order.session.id);
    expect(
      (await deliver(w, sessionEvent('checkout.session.async_payment_succeeded', settled))).json(),
    ).toMatchObject({ outcome: 'fulfilled' });
    expect((await orderRow(w, order.id)).status).toBe('paid');
    expect(await certificatesOf(w, order.id)).toHaveLength(1);
    await expectInvariants(w);
  });
});

describe('refused deliveries write nothing', () => {
  it('tampered body, wrong secret, stale timestamp, re-serialised body, missing signature: 400 and zero rows', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 2);
    const event = sessionEvent(
      'checkout.session.completed',
      w.fake.completeSession(order.session.id),
    );
    const good = signedWebhook(event);
    expect(good.payload).toContain(`"amount_total": ${2 * 3800}`);
    const before = await countRows(w);

    const attempts = {
      tampered: () =>
        deliver(w, event, {
          body: good.payload.replace(`"amount_total": ${2 * 3800}`, '"amount_total": 1'),
          headers: { 'stripe-signature': good.headers['stripe-signature']! },
        }),
      wrongSecret: () => deliver(w, event, { secret: 'whsec_someoneelsessecret000000000000' }),
      stale: () => deliver(w, event, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
      // What a JSON body parser hands on: the same event, other bytes.
      reserialised: () =>
        deliver(w, event, {
          body: JSON.stringify(JSON.parse(good.payload)),
          headers: { 'stripe-signature': good.headers['stripe-signature']! },
        }),
      missingSignature: () =>
        w.t.app.inject({
          method: 'POST',
          url: '/v1/stripe/webhook',
          headers: { 'content-type': 'application/json' },
          payload: good.payload,
        }),
      signatureOfAnotherEvent: () =>
        deliver(w, event, {
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
    expect(await countRows(w)).toEqual(before);
    expect((await orderRow(w, order.id)).status).toBe('reserved');

    // Sent as text, the body reaches the route parsed into a string, not as the raw bytes: refused unread.
    const textual = await w.t.app.inject({
      method: 'POST',
      url: '/v1/stripe/webhook',
      headers: { ...good.headers, 'content-type': 'text/plain' },
      payload: good.payload,
    });
    expectProblem(textual, 400, 'WEBHOOK.INVALID_BODY');
    const unknownType = await w.t.app.inject({
      method: 'POST',
      url: '/v1/stripe/webhook',
      headers: { ...good.headers, 'content-type': 'application/xml' },
      payload: good.payload,
    });
    expectProblem(unknownType, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
    expect(await countRows(w)).toEqual(before);

    // The same event, signed properly and fresh (299 s is inside the tolerance), is applied.
    const accepted = await deliver(w, event, { timestamp: Math.floor(Date.now() / 1000) - 299 });
    expectStatus(accepted, 200);
    expect(accepted.json()).toMatchObject({ outcome: 'fulfilled' });
  });

  it('a signed body that is not a Stripe event: 400 and zero rows', async () => {
    const before = await countRows(w);
    for (const body of [
      '{"hello": "world"}',
      '{"id": "evt_1", "type": "x", "created": "yesterday", "data": {"object": {}}}',
      'not json',
    ]) {
      const response = await deliver(w, body);
      expect(response.statusCode, `${body}: ${response.body}`).toBe(400);
      expect(response.json<{ code: string }>().code).toMatch(/^WEBHOOK\./);
    }
    expect(await countRows(w)).toEqual(before);
  });

  it('the signature is checked with the configured secret', async () => {
    const event = stripeEvent('customer.created', { id: 'cus_test_1', object: 'customer' });
    const response = await deliver(w, event, { secret: FAKE_WEBHOOK_SECRET });
    expectStatus(response, 200);
    expect(response.json()).toMatchObject({ outcome: 'ignored', duplicate: false });
    expect(await eventRows(w, event.id)).toMatchObject([
      { type: 'customer.created', outcome: 'ignored', order_id: null },
    ]);
  });
});

describe('a payment that does not match its order', () => {
  it('wrong amount: nothing fulfilled, the order flagged, the event recorded', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 2);
    const paid = w.fake.completeSession(order.session.id);
    const event = sessionEvent('checkout.session.completed', {
      ...paid,
      amount_total: 2 * 3800 - 100,
    });

    expect((await deliver(w, event)).json()).toMatchObject({
      outcome: 'mismatch',
      duplicate: false,
    });
    const row = await orderRow(w, order.id);
    expect(row.status).toBe('reserved');
    expect(row.needs_attention).toMatch(/^payment_mismatch/);
    expect(await certificatesOf(w, order.id)).toHaveLength(0);
    expect(await moneyEntries(w, order.id)).toEqual([]);
    expect(await eventRows(w, event.id)).toMatchObject([
      { outcome: 'mismatch', order_id: order.id },
    ]);
    await expectInvariants(w);
  });

  it('wrong currency: nothing fulfilled, the order flagged', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 2);
    const event = sessionEvent('checkout.session.completed', {
      ...w.fake.completeSession(order.session.id),
      currency: 'usd',
    });

    expect((await deliver(w, event)).json()).toMatchObject({ outcome: 'mismatch' });
    const row = await orderRow(w, order.id);
    expect(row.status).toBe('reserved');
    expect(row.needs_attention).toMatch(/currency/);
    expect(await certificatesOf(w, order.id)).toHaveLength(0);
  });

  it('metadata and client_reference_id naming different orders: nothing fulfilled, both flagged', async () => {
    const projectId = await newProject(40);
    const first = await placeStripeOrder(w, w.market.supplier, projectId, 1);
    const second = await placeStripeOrder(w, w.market.supplier, projectId, 1);
    const paid = w.fake.completeSession(first.session.id);
    const event = sessionEvent('checkout.session.completed', {
      ...paid,
      metadata: { order_id: second.id },
    });

    expect((await deliver(w, event)).json()).toMatchObject({ outcome: 'mismatch' });
    for (const order of [first, second]) {
      const row = await orderRow(w, order.id);
      expect(row.status).toBe('reserved');
      expect(row.needs_attention).toMatch(/order reference mismatch/);
      expect(await certificatesOf(w, order.id)).toHaveLength(0);
    }
    await expectInvariants(w);
  });
});

describe('sessions that end unpaid', () => {
  it('checkout.session.expired releases the credits exactly once', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 4);
    expect(await balanceOf(w, projectId)).toMatchObject({ reserved: 4, sold: 0 });
    const expired = w.fake.expireSession(order.session.id);

    expect(
      (await deliver(w, sessionEvent('checkout.session.expired', expired))).json(),
    ).toMatchObject({ outcome: 'released' });
    expect((await orderRow(w, order.id)).status).toBe('expired');
    expect(await balanceOf(w, projectId)).toMatchObject({ reserved: 0, sold: 0 });

    // Stripe may send another expiry event; the expiry job runs too: nothing is released twice.
    expect(
      (await deliver(w, sessionEvent('checkout.session.expired', expired))).json(),
    ).toMatchObject({ outcome: 'not_reserved' });
    w.t.clock.advance(2 * 3600_000);
    await w.jobs.send(EXPIRE_RESERVATIONS_JOB, {});
    await w.jobs.drain();
    expect((await creditEntries(w, order.id)).map((e) => e.entry_type)).toEqual([
      'reserve',
      'release',
    ]);
    expect(await balanceOf(w, projectId)).toMatchObject({ reserved: 0, sold: 0 });
    await expectInvariants(w);
  });

  it('async_payment_failed releases the credits', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 2);
    w.fake.completeSession(order.session.id, { paymentStatus: 'unpaid' });
    const failed = w.fake.sessions.get(order.session.id)!;
    expect(
      (await deliver(w, sessionEvent('checkout.session.async_payment_failed', failed))).json(),
    ).toMatchObject({ outcome: 'released' });
    expect((await orderRow(w, order.id)).status).toBe('cancelled');
    expect(await balanceOf(w, projectId)).toMatchObject({ reserved: 0, sold: 0 });
    await expectInvariants(w);
  });

  it('an expired session the order has moved on from changes nothing', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 1);
    const other = w.fake.insertSession({
      amount_total: 3800,
      status: 'expired',
      client_reference_id: order.id,
      metadata: { order_id: order.id },
    });
    expect(
      (await deliver(w, sessionEvent('checkout.session.expired', other))).json(),
    ).toMatchObject({ outcome: 'stale_session' });
    expect((await orderRow(w, order.id)).status).toBe('reserved');
  });
});

describe('a payment after the reservation lapsed', () => {
  async function lapse() {
    w.t.clock.advance(40 * 60_000);
    await w.jobs.send(EXPIRE_RESERVATIONS_JOB, {});
    await w.jobs.drain();
  }

  it('re-reserves and fulfils when the credits are still there', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 3);
    // The buyer paid at the last moment; the event is late, and the hold lapsed meanwhile.
    const paid = w.fake.completeSession(order.session.id);
    await lapse();
    expect((await orderRow(w, order.id)).status).toBe('expired');
    expect(await balanceOf(w, projectId)).toMatchObject({ reserved: 0, sold: 0 });

    expect(
      (await deliver(w, sessionEvent('checkout.session.completed', paid))).json(),
    ).toMatchObject({ outcome: 'fulfilled' });
    expect((await orderRow(w, order.id)).status).toBe('paid');
    expect(await certificatesOf(w, order.id)).toMatchObject([{ status: 'active', credits: 3 }]);
    expect(await balanceOf(w, projectId)).toMatchObject({ reserved: 0, sold: 3 });
    expect(w.fake.refunds.filter((r) => r.payment_intent === paid.payment_intent)).toHaveLength(0);
    await expectInvariants(w);
  });

  it('refunds through Stripe, once, and issues nothing when the credits are gone', async () => {
    const projectId = await newProject(2);
    const late = await placeStripeOrder(w, w.market.supplier, projectId, 2);
    const latePaid = w.fake.completeSession(late.session.id);
    await lapse();
    // Meanwhile another buyer takes the last credits and pays.
    const other = await placeStripeOrder(w, w.market.otherSupplier, projectId, 2);
    expect(
      (
        await deliver(
          w,
          sessionEvent('checkout.session.completed', w.fake.completeSession(other.session.id)),
        )
      ).json(),
    ).toMatchObject({
      outcome: 'fulfilled',
    });

    const response = await deliver(w, sessionEvent('checkout.session.completed', latePaid));
    expect(response.json()).toMatchObject({ outcome: 'refund_required' });
    expect(w.jobs.queued(REFUND_PAYMENT_JOB)).toEqual([{ orderId: late.id }]);
    // The webhook itself called nobody: the refund waits in the queue.
    expect(w.fake.requestsTo('POST', '/v1/refunds')).toHaveLength(0);

    await w.jobs.drain();
    const refunds = w.fake.refunds.filter((r) => r.payment_intent === latePaid.payment_intent);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.amount).toBe(2 * 3800);
    const row = await orderRow(w, late.id);
    expect(row.status).toBe('refunded');
    expect(await certificatesOf(w, late.id)).toHaveLength(0);
    expect(await moneyEntries(w, late.id)).toEqual([
      { entry_type: 'payment_received', amount_cents: 7600 },
      { entry_type: 'refund_paid', amount_cents: 7600 },
    ]);

    // Stripe then reports the refund it made; that changes nothing more.
    const charge = w.fake.chargeFor(latePaid.payment_intent!);
    expect((await deliver(w, stripeEvent('charge.refunded', charge))).json()).toMatchObject({
      outcome: 'already_refunded',
    });
    expect(await balanceOf(w, projectId)).toMatchObject({ supply: 2, reserved: 0, sold: 2 });
    await expectInvariants(w);
  });
});

describe('refunds reported by Stripe', () => {
  it('charge.refunded after the payment: order refunded, certificate revoked, credits back', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 2);
    const paid = w.fake.completeSession(order.session.id);
    await deliver(w, sessionEvent('checkout.session.completed', paid));
    const charge = {
      ...w.fake.chargeFor(paid.payment_intent!),
      amount_refunded: 7600,
      refunded: true,
    };

    expect((await deliver(w, stripeEvent('charge.refunded', charge))).json()).toMatchObject({
      outcome: 'refunded',
    });
    expect((await orderRow(w, order.id)).status).toBe('refunded');
    expect(await certificatesOf(w, order.id)).toMatchObject([{ status: 'revoked' }]);
    expect(await balanceOf(w, projectId)).toMatchObject({ reserved: 0, sold: 0 });
    await expectInvariants(w);
  });

  it('charge.refunded before checkout.session.completed: the order ends refunded, no active certificate', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 2);
    const paid = w.fake.completeSession(order.session.id);
    const refunded = stripeEvent(
      'charge.refunded',
      chargeSnapshot({ paymentIntentId: paid.payment_intent!, amount: 7600 }),
    );

    expect((await deliver(w, refunded)).json()).toMatchObject({ outcome: 'refund_unmatched' });
    expect((await orderRow(w, order.id)).status).toBe('reserved');

    expect(
      (await deliver(w, sessionEvent('checkout.session.completed', paid))).json(),
    ).toMatchObject({ outcome: 'refunded_before_payment' });
    const row = await orderRow(w, order.id);
    expect(row.status).toBe('refunded');
    expect((await certificatesOf(w, order.id)).filter((c) => c.status === 'active')).toHaveLength(
      0,
    );
    expect(await moneyEntries(w, order.id)).toEqual([
      { entry_type: 'payment_received', amount_cents: 7600 },
      { entry_type: 'refund_paid', amount_cents: 7600 },
    ]);
    expect(await balanceOf(w, projectId)).toMatchObject({ reserved: 0, sold: 0 });

    // Whatever else arrives, a refunded order never becomes paid again.
    expect(
      (await deliver(w, sessionEvent('checkout.session.async_payment_succeeded', paid))).json(),
    ).toMatchObject({ outcome: 'ignored' });
    expect((await orderRow(w, order.id)).status).toBe('refunded');
    expect((await certificatesOf(w, order.id)).filter((c) => c.status === 'active')).toHaveLength(
      0,
    );
    await expectInvariants(w);
  });

  it('charge.refunded and checkout.session.completed arriving at the same moment: every order ends refunded', async () => {
    const projectId = await newProject(40);
    const orders = [];
    for (let i = 0; i < 8; i++)
      orders.push(await placeStripeOrder(w, w.market.supplier, projectId, 1));
    const deliveries = orders.flatMap((order) => {
      const paid = w.fake.completeSession(order.session.id);
      return [
        stripeEvent(
          'charge.refunded',
          chargeSnapshot({ paymentIntentId: paid.payment_intent!, amount: 3800 }),
        ),
        sessionEvent('checkout.session.completed', paid),
      ];
    });

    const responses = await Promise.all(deliveries.map((event) => deliver(w, event)));
    for (const response of responses) expectStatus(response, 200);
    for (const order of orders) {
      expect((await orderRow(w, order.id)).status, `order ${order.id}`).toBe('refunded');
      expect((await certificatesOf(w, order.id)).filter((c) => c.status === 'active')).toHaveLength(
        0,
      );
    }
    expect(await balanceOf(w, projectId)).toMatchObject({ reserved: 0, sold: 0 });
    await expectInvariants(w);
  });

  it('a partial refund refunds nothing and flags the order', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 2);
    const paid = w.fake.completeSession(order.session.id);
    await deliver(w, sessionEvent('checkout.session.completed', paid));
    const partial = chargeSnapshot({
      paymentIntentId: paid.payment_intent!,
      amount: 7600,
      amountRefunded: 3800,
    });

    expect((await deliver(w, stripeEvent('charge.refunded', partial))).json()).toMatchObject({
      outcome: 'partial',
    });
    const row = await orderRow(w, order.id);
    expect(row.status).toBe('paid');
    expect(row.needs_attention).toMatch(/refund_amount_mismatch/);
    expect(await certificatesOf(w, order.id)).toMatchObject([{ status: 'active' }]);
  });
});

describe('disputes', () => {
  it('are recorded, follow their status, and a closed dispute is not reopened by an older event', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 1);
    const paid = w.fake.completeSession(order.session.id);
    await deliver(w, sessionEvent('checkout.session.completed', paid));
    const charge = w.fake.chargeFor(paid.payment_intent!);
    const opened = disputeSnapshot({
      chargeId: String(charge['id']),
      paymentIntentId: paid.payment_intent,
      amount: 3800,
    });
    const createdEvent = stripeEvent('charge.dispute.created', opened);

    expect((await deliver(w, createdEvent)).json()).toMatchObject({ outcome: 'dispute_opened' });
    const read = () =>
      w.t.db.selectFrom('payment_disputes').selectAll().where('id', '=', opened.id).execute();
    expect(await read()).toMatchObject([
      { order_id: order.id, status: 'needs_response', reason: 'fraudulent', closed_at: null },
    ]);

    const closedEvent = stripeEvent('charge.dispute.closed', { ...opened, status: 'won' });
    expect((await deliver(w, closedEvent)).json()).toMatchObject({ outcome: 'dispute_closed' });
    const [closed] = await read();
    expect(closed).toMatchObject({ status: 'won' });
    expect(closed!.closed_at).not.toBeNull();

    // An older 'created' for the same dispute (another event id) arrives late.
    expect((await deliver(w, stripeEvent('charge.dispute.created', opened))).json()).toMatchObject({
      outcome: 'dispute_opened',
    });
    expect(await read()).toMatchObject([{ status: 'won' }]);
    expect((await read())[0]!.closed_at).not.toBeNull();
    const audit = await w.t.db
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
    expect(await certificatesOf(w, order.id)).toMatchObject([{ status: 'active' }]);
  });
});

describe('without Stripe', () => {
  it('answers 404 and writes nothing', async () => {
    const t = await createTestApp();
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
