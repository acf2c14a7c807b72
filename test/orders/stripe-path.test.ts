import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueFulfilFollowUps } from '../../src/modules/settlement/fulfilment.js';
import type { MemoryPaymentGateway } from '../helpers/memory-payments.js';
import {
  expectProblem,
  expectStatus,
  type OrderJson,
  type OrdersApi,
  type Person,
  TestContext,
} from '../factory/index.js';

const MINUTE_MS = 60_000;

describe('Stripe orders (through the PaymentGateway interface)', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let initiative: Person;
  let api: OrdersApi;
  let gateway: MemoryPaymentGateway;
  let projectId: string;

  beforeAll(async () => {
    t = await TestContext.create({
      memoryPayments: true,
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    gateway = t.memoryPayments;
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    initiative = await t.newInitiative();
    api = t.orders;
    projectId = (await t.newListedProject({ credits: 40, title: 'Taalcoaching Zuid', initiative }))
      .id;
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    await api.expectInvariants();
  });

  it('creates one Checkout Session for the order and answers its URL', async () => {
    const key = randomUUID();
    const sessionsBefore = gateway.sessions.size;
    const response = await api.create(
      supplier.as,
      { projectId, quantity: 2, paymentMethod: 'stripe' },
      key,
    );
    expectStatus(response, 201);
    const order = response.json<OrderJson>();
    const request = gateway.sessionRequests.at(-1)!;
    expect(request).toMatchObject({
      orderId: order.id,
      quantity: 2,
      unitAmountCents: 3800,
      currency: 'eur',
      description: '2 credits — Taalcoaching Zuid',
      successUrl: `http://impactbeurs.test/orders/${order.id}?checkout=success`,
      cancelUrl: `http://impactbeurs.test/orders/${order.id}?checkout=cancelled`,
    });
    expect(request.idempotencyKey).toContain(order.id);
    const session = gateway.sessions.get(order.checkoutUrl!.split('/').at(-1)!)!;
    expect(session.request.orderId).toBe(order.id);
    expect(order).toMatchObject({
      status: 'reserved',
      paymentMethod: 'stripe',
      invoiceNumber: null,
      checkoutUrl: session.url,
    });
    // The credits are held as long as the session can be paid, at least the checkout time.
    expect(Date.parse(order.reservedUntil)).toBe(session.expiresAt.getTime());
    expect(Date.parse(order.reservedUntil) - t.clock.now().getTime()).toBeGreaterThanOrEqual(
      30 * MINUTE_MS,
    );
    expect(await api.auditActions(order.id)).toEqual([
      'order.created',
      'order.checkout_session_created',
    ]);

    const replay = await api.create(
      supplier.as,
      { projectId, quantity: 2, paymentMethod: 'stripe' },
      key,
    );
    expect(replay.statusCode).toBe(201);
    expect(replay.body).toBe(response.body);
    expect(gateway.sessions.size).toBe(sessionsBefore + 1);
  });

  it('cancels the order and answers 502 when Stripe cannot be reached, and replays that 502', async () => {
    const key = randomUUID();
    const before = await api.credits(projectId);
    gateway.fail('checkout');
    const response = await api.create(
      supplier.as,
      { projectId, quantity: 3, paymentMethod: 'stripe' },
      key,
    );
    expectProblem(response, 502, 'PAYMENT.PROVIDER_UNAVAILABLE');
    expect(await api.credits(projectId)).toEqual(before);
    const orders = (await api.list(admin.as, '?status=cancelled&limit=100')).json()
      .items as OrderJson[];
    const cancelled = orders.find(
      (order) => order.quantity === 3 && order.closeReason?.includes('payment provider'),
    );
    expect(cancelled).toBeDefined();
    expect(await api.ledgerOf(cancelled!.id)).toEqual({ 'credit.reserve': 1, 'credit.release': 1 });

    const calls = gateway.sessionRequests.length;
    const replay = await api.create(
      supplier.as,
      { projectId, quantity: 3, paymentMethod: 'stripe' },
      key,
    );
    expect(replay.statusCode).toBe(502);
    expect(replay.body).toBe(response.body);
    expect(gateway.sessionRequests.length).toBe(calls);
    await api.expectInvariants();
  });

  it('lets a repeat finish an order whose first request got stuck after reserving', async () => {
    const key = randomUUID();
    const body = { projectId, quantity: 1, paymentMethod: 'stripe' as const };
    const release = gateway.holdCheckout();
    const stuck = api.create(supplier.as, body, key);
    // The first request reserved and is waiting for Stripe (its key is in progress)...
    for (let i = 0; ; i++) {
      const row = await t.db
        .selectFrom('idempotency_keys')
        .select('status')
        .where('key', '=', key)
        .executeTakeFirst();
      if (row?.status === 'in_progress') break;
      if (i > 200) throw new Error('the first request never reserved');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // ...but once the key has been in progress for longer than ORDER_KEY_STALE_SECONDS (a
    // minute by default), the repeat finishes the work.
    expect(t.config.orders.keyStaleSeconds).toBe(60);
    t.clock.advance(61_000);
    const repeat = await api.create(supplier.as, body, key);
    expectStatus(repeat, 201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    const order = repeat.json<OrderJson>();
    expect(order.checkoutUrl).toMatch(/^https:\/\/checkout\.test\//);
    release();
    const first = await stuck;
    expectStatus(first, 201);
    expect(first.body).toBe(repeat.body);
    const sessions = [...gateway.sessions.values()].filter((s) => s.request.orderId === order.id);
    expect(sessions).toHaveLength(1);
    expect(
      await t.db.selectFrom('orders').select('id').where('id', '=', order.id).execute(),
    ).toHaveLength(1);
    await api.expectInvariants();
  });

  it('fulfils once when the payment arrives, however often it is reported', async () => {
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 2,
      paymentMethod: 'stripe',
    });
    const first = await api.stripePaid(order);
    expect(first).toMatchObject({ outcome: 'fulfilled', reReserved: false });
    for (let i = 0; i < 3; i++)
      expect(await api.stripePaid(order)).toMatchObject({ outcome: 'already_paid' });
    const paid = (await api.get(supplier.as, order.id)).json<OrderJson>();
    expect(paid).toMatchObject({
      status: 'paid',
      checkoutUrl: null,
      certificate: { status: 'active', credits: 2 },
    });
    expect(await api.ledgerOf(order.id)).toEqual({
      'credit.reserve': 1,
      'credit.sell': 1,
      'money.payment_received': 1,
    });
    const row = await t.db
      .selectFrom('orders')
      .select(['stripe_payment_intent_id', 'paid_reference'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(row.stripe_payment_intent_id).toMatch(/^pi_test_/);
    await api.expectInvariants();
  });

  it('fulfils nothing and flags the order when amount, currency or method do not match', async () => {
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 1,
      paymentMethod: 'stripe',
    });
    const before = await api.credits(projectId);
    expect(await api.stripePaid(order, { amountCents: order.amountCents - 1 })).toMatchObject({
      outcome: 'mismatch',
    });
    expect(await api.stripePaid(order, { currency: 'usd' })).toMatchObject({ outcome: 'mismatch' });
    expect(await api.stripePaid(order, { method: 'invoice' })).toMatchObject({
      outcome: 'mismatch',
    });
    const flagged = (await api.get(admin.as, order.id)).json<OrderJson>();
    expect(flagged).toMatchObject({ status: 'reserved', certificate: null });
    expect(flagged.needsAttention).toMatch(/^payment_mismatch/);
    expect(await api.credits(projectId)).toEqual(before);
    expect(await api.ledgerOf(order.id)).toEqual({ 'credit.reserve': 1 });
    expect(
      (await api.auditActions(order.id)).filter((a) => a === 'order.payment_mismatch'),
    ).toHaveLength(3);
    // Card payments are not marked paid by hand.
    expectProblem(
      await api.markPaid(admin.as, order.id, order.amountCents),
      409,
      'ORDER.NOT_INVOICE',
    );
    expect(await api.stripePaid({ id: randomUUID(), amountCents: 3800 })).toMatchObject({
      outcome: 'not_found',
    });
    expect(await api.stripePaid({ id: 'not-a-uuid', amountCents: 3800 })).toMatchObject({
      outcome: 'not_found',
    });
    await api.expectInvariants();
  });

  it('refunds through Stripe once, however often the admin asks, and Stripe’s own report changes nothing more', async () => {
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 2,
      paymentMethod: 'stripe',
    });
    await api.stripePaid(order);
    const before = await api.credits(projectId);
    const refundsBefore = gateway.refunds.size;

    gateway.fail('refund');
    expectProblem(await api.refund(admin.as, order.id), 502, 'PAYMENT.PROVIDER_UNAVAILABLE');
    expect((await api.get(admin.as, order.id)).json().status).toBe('paid');

    const [a, b] = await Promise.all([
      api.refund(admin.as, order.id),
      api.refund(admin.as, order.id),
    ]);
    expectStatus(a, 200);
    expectStatus(b, 200);
    expect(a.json()).toMatchObject({ status: 'refunded', certificate: { status: 'revoked' } });
    expect(gateway.refunds.size).toBe(refundsBefore + 1);
    const refund = [...gateway.refunds.values()].at(-1)!;
    expect(refund).toMatchObject({
      amountCents: order.amountCents,
      paymentIntentId: `pi_test_${order.id.replace(/-/g, '')}`,
    });
    // charge.refunded arrives afterwards.
    expect(await api.stripeRefunded(order)).toMatchObject({ outcome: 'already_refunded' });
    expect(await api.credits(projectId)).toEqual({
      ...before,
      sold: before.sold - 2,
      available: before.available + 2,
    });
    expect(await api.ledgerOf(order.id)).toEqual({
      'credit.reserve': 1,
      'credit.sell': 1,
      'credit.refund': 1,
      'money.payment_received': 1,
      'money.refund_paid': 1,
    });
    // A refunded order never becomes paid again.
    expect(await api.stripePaid(order)).toMatchObject({ outcome: 'ignored' });
    await api.expectInvariants();
  });

  it('leaves an order refunded with no certificate when the refund is reported before the payment', async () => {
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 3,
      paymentMethod: 'stripe',
    });
    const before = await api.credits(projectId);
    expect(await api.stripeRefunded(order)).toMatchObject({
      outcome: 'refunded',
      certificateRevoked: false,
    });
    expect(await api.stripePaid(order)).toMatchObject({ outcome: 'ignored' });
    expect(await api.stripeRefunded(order)).toMatchObject({ outcome: 'already_refunded' });
    const final = (await api.get(supplier.as, order.id)).json<OrderJson>();
    expect(final).toMatchObject({ status: 'refunded', certificate: null });
    expect(await api.credits(projectId)).toEqual({
      ...before,
      reserved: before.reserved - 3,
      available: before.available + 3,
    });
    expect(await api.ledgerOf(order.id)).toEqual({
      'credit.reserve': 1,
      'credit.release': 1,
      'money.payment_received': 1,
      'money.refund_paid': 1,
    });
    await api.expectInvariants();
  });

  it('books a partial refund for an admin to settle, reversing nothing', async () => {
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 2,
      paymentMethod: 'stripe',
    });
    await api.stripePaid(order);
    expect(await api.stripeRefunded(order, { amountCents: 3800 })).toMatchObject({
      outcome: 'partial',
    });
    const flagged = (await api.get(admin.as, order.id)).json<OrderJson>();
    expect(flagged).toMatchObject({ status: 'paid', certificate: { status: 'active' } });
    expect(flagged.needsAttention).toMatch(/^refund_amount_mismatch/);
    await api.expectInvariants();
  });

  it('expires a lapsed session’s reservation, closes the session, and re-reserves for a late payment while credits remain', async () => {
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 2,
      paymentMethod: 'stripe',
    });
    const sessionId = order.checkoutUrl!.split('/').at(-1)!;
    t.clock.advance(Date.parse(order.reservedUntil) - t.clock.now().getTime() + 1000);
    await api.runJob('orders.expire-reservations');
    expect((await api.get(supplier.as, order.id)).json().status).toBe('expired');
    expect(gateway.expiredSessionIds).toContain(sessionId);

    const before = await api.credits(projectId);
    expect(await api.stripePaid(order)).toMatchObject({ outcome: 'fulfilled', reReserved: true });
    expect(await api.credits(projectId)).toEqual({
      ...before,
      sold: before.sold + 2,
      available: before.available - 2,
    });
    expect(await api.ledgerOf(order.id)).toEqual({
      'credit.reserve': 2,
      'credit.release': 1,
      'credit.sell': 1,
      'money.payment_received': 1,
    });
    await api.expectInvariants();
  });

  it('refunds a late payment automatically through Stripe when the credits are gone, issuing nothing', async () => {
    const small = (await t.newListedProject({ credits: 3, initiative })).id;
    const late = await api.place(supplier.as, {
      projectId: small,
      quantity: 3,
      paymentMethod: 'stripe',
    });
    t.clock.advance(Date.parse(late.reservedUntil) - t.clock.now().getTime() + 1000);
    await api.runJob('orders.expire-reservations');
    const other = await api.place(otherSupplier.as, {
      projectId: small,
      quantity: 3,
      paymentMethod: 'invoice',
    });
    expectStatus(await api.markPaid(admin.as, other.id, other.amountCents), 200);

    const result = await api.stripePaid(late);
    expect(result).toMatchObject({
      outcome: 'refund_required',
      method: 'stripe',
      amountCents: late.amountCents,
    });
    expect(await api.stripePaid(late)).toMatchObject({ outcome: 'refund_required' });
    expect(await api.ledgerOf(late.id)).toEqual({
      'credit.reserve': 1,
      'credit.release': 1,
      'money.payment_received': 1,
    });
    await api.expectInvariants();

    const refundsBefore = gateway.refunds.size;
    await queueFulfilFollowUps(t.jobs, result);
    await queueFulfilFollowUps(t.jobs, result);
    await api.queue.drain();
    // The refund job ran (twice is fine): one Stripe refund, one booking.
    await api.runJob('orders.refund-payment', { orderId: late.id });
    expect(gateway.refunds.size).toBe(refundsBefore + 1);
    const final = (await api.get(supplier.as, late.id)).json<OrderJson>();
    expect(final).toMatchObject({ status: 'refunded', certificate: null, needsAttention: null });
    expect(await api.ledgerOf(late.id)).toEqual({
      'credit.reserve': 1,
      'credit.release': 1,
      'money.payment_received': 1,
      'money.refund_paid': 1,
    });
    expect(await api.credits(small)).toMatchObject({
      supply: 3,
      sold: 3,
      reserved: 0,
      available: 0,
    });
    await api.expectInvariants();
  });

  it('closes the Checkout Session of an order an admin cancels', async () => {
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 1,
      paymentMethod: 'stripe',
    });
    const sessionId = order.checkoutUrl!.split('/').at(-1)!;
    expectStatus(await api.cancel(admin.as, order.id), 200);
    await api.queue.drain();
    expect(gateway.expiredSessionIds).toContain(sessionId);
    expect(gateway.sessions.get(sessionId)!.status).toBe('expired');
    await api.expectInvariants();
  });
});
