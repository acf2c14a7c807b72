import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  expectProblem,
  expectStatus,
  type OrderJson,
  type OrdersApi,
  type Person,
  TestContext,
} from '../factory/index.js';

const DAY_MS = 86_400_000;

describe('invoice orders: mark paid, cancel, refund', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let initiative: Person;
  let api: OrdersApi;
  let projectId: string;

  beforeAll(async () => {
    t = await TestContext.create({
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    initiative = await t.newInitiative();
    api = t.orders;
    projectId = (await t.newListedProject({ credits: 30, initiative })).id;
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    await api.expectInvariants();
  });

  it('marks an order paid only for its exact amount, then issues the certificate with the next serial range', async () => {
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 4,
      paymentMethod: 'invoice',
    });
    for (const wrong of [order.amountCents - 1, order.amountCents + 3800]) {
      const refused = await api.markPaid(admin.as, order.id, wrong);
      expectProblem(refused, 422, 'ORDER.AMOUNT_MISMATCH');
    }
    expect((await api.get(supplier.as, order.id)).json().status).toBe('reserved');
    expect(await api.ledgerOf(order.id)).toEqual({ 'credit.reserve': 1 });

    const before = await api.credits(projectId);
    const paid = await api.markPaid(
      admin.as,
      order.id,
      order.amountCents,
      'NL91ABNA0417164300-20261122',
    );
    expectStatus(paid, 200);
    const body = paid.json<OrderJson>();
    expect(body).toMatchObject({ status: 'paid', needsAttention: null, closedAt: null });
    expect(body.paidAt).toBe(t.clock.now().toISOString());
    expect(body.certificate).toMatchObject({
      status: 'active',
      credits: 4,
      valueCents: order.amountCents,
    });
    expect(body.certificate!.number).toMatch(/^IB-[0-9]{4}-[0-9]{6}$/);
    expect(body.certificate!.serialEnd - body.certificate!.serialStart + 1).toBe(4);
    expect(await api.credits(projectId)).toEqual({
      ...before,
      reserved: before.reserved - 4,
      sold: before.sold + 4,
    });
    expect(await api.ledgerOf(order.id)).toEqual({
      'credit.reserve': 1,
      'credit.sell': 1,
      'money.payment_received': 1,
    });
    expect(await api.auditActions(order.id)).toEqual(['order.created', 'order.paid']);

    const certificate = await t.db
      .selectFrom('certificates')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    // 128 random bits as 26 Crockford base32 characters (readable when typed from paper).
    expect(certificate.verification_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(certificate.buyer_organisation_id).toBe(supplier.organisation.id);

    // Marking it paid again changes nothing.
    const again = await api.markPaid(admin.as, order.id, order.amountCents, 'another reference');
    expectStatus(again, 200);
    expect(again.json()).toEqual(body);
    expect(await api.ledgerOf(order.id)).toEqual({
      'credit.reserve': 1,
      'credit.sell': 1,
      'money.payment_received': 1,
    });
    await api.expectInvariants();
  });

  it('gives each paid order the next contiguous serial range and certificate number', async () => {
    const a = await api.place(supplier.as, { projectId, quantity: 2, paymentMethod: 'invoice' });
    const b = await api.place(otherSupplier.as, {
      projectId,
      quantity: 3,
      paymentMethod: 'invoice',
    });
    // Paid in the other order than placed: serials follow payment.
    const paidB = (await api.markPaid(admin.as, b.id, b.amountCents)).json<OrderJson>();
    const paidA = (await api.markPaid(admin.as, a.id, a.amountCents)).json<OrderJson>();
    expect(paidA.certificate!.serialStart).toBe(paidB.certificate!.serialEnd + 1);
    expect(paidA.certificate!.serialEnd).toBe(paidA.certificate!.serialStart + 1);
    expect(Number(paidA.certificate!.number.slice(-6))).toBe(
      Number(paidB.certificate!.number.slice(-6)) + 1,
    );
    await api.expectInvariants();
  });

  it('marks only invoice orders paid, and never a refunded one', async () => {
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 1,
      paymentMethod: 'invoice',
    });
    expectStatus(await api.markPaid(admin.as, order.id, order.amountCents), 200);
    expectStatus(await api.refund(admin.as, order.id), 200);
    expectProblem(
      await api.markPaid(admin.as, order.id, order.amountCents),
      409,
      'ORDER.INVALID_STATE',
    );
    expect((await api.get(supplier.as, order.id)).json().status).toBe('refunded');
    await api.expectInvariants();
  });

  it('cancels a reserved order and gives its credits back once', async () => {
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 5,
      paymentMethod: 'invoice',
    });
    const before = await api.credits(projectId);
    const cancelled = await api.cancel(admin.as, order.id, 'Buyer asked to cancel');
    expectStatus(cancelled, 200);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      closeReason: 'cancelled: Buyer asked to cancel',
      certificate: null,
    });
    expect(await api.credits(projectId)).toEqual({
      ...before,
      reserved: before.reserved - 5,
      available: before.available + 5,
    });

    expectStatus(await api.cancel(admin.as, order.id), 200);
    expect(await api.credits(projectId)).toEqual({
      ...before,
      reserved: before.reserved - 5,
      available: before.available + 5,
    });
    expect(await api.ledgerOf(order.id)).toEqual({ 'credit.reserve': 1, 'credit.release': 1 });
    expect(await api.auditActions(order.id)).toEqual(['order.created', 'order.cancelled']);
    expectProblem(await api.refund(admin.as, order.id), 409, 'ORDER.NOT_REFUNDABLE');

    const paid = await api.place(supplier.as, {
      projectId,
      quantity: 1,
      paymentMethod: 'invoice',
    });
    expectStatus(await api.markPaid(admin.as, paid.id, paid.amountCents), 200);
    expectProblem(await api.cancel(admin.as, paid.id), 409, 'ORDER.INVALID_STATE');
    await api.expectInvariants();
  });

  it('refunds a paid invoice order with a credit note: credits back, certificate revoked, ledgers reversed once', async () => {
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 3,
      paymentMethod: 'invoice',
    });
    expectProblem(await api.refund(admin.as, order.id), 409, 'ORDER.NOT_REFUNDABLE');
    const paid = (await api.markPaid(admin.as, order.id, order.amountCents)).json<OrderJson>();
    const before = await api.credits(projectId);

    // Two admins press refund at once, then once more: one effect.
    const [first, second] = await Promise.all([
      api.refund(admin.as, order.id, 'Wrong project'),
      api.refund(admin.as, order.id, 'Wrong project'),
    ]);
    expectStatus(first, 200);
    expectStatus(second, 200);
    const third = await api.refund(admin.as, order.id, 'Again');
    expectStatus(third, 200);
    const refunded = third.json<OrderJson>();
    expect(refunded).toMatchObject({
      status: 'refunded',
      certificate: { id: paid.certificate!.id, status: 'revoked' },
    });
    expect(refunded.refundedAt).not.toBeNull();
    expect(await api.credits(projectId)).toEqual({
      ...before,
      sold: before.sold - 3,
      available: before.available + 3,
    });
    expect(await api.ledgerOf(order.id)).toEqual({
      'credit.reserve': 1,
      'credit.sell': 1,
      'credit.refund': 1,
      'money.payment_received': 1,
      'money.refund_paid': 1,
    });
    const notes = await t.db
      .selectFrom('credit_notes')
      .selectAll()
      .where('order_id', '=', order.id)
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ amount_cents: order.amountCents, reason: 'Wrong project' });
    expect(notes[0]!.number).toMatch(/^CN-[0-9]{4}-[0-9]{6}$/);
    const certificate = await t.db
      .selectFrom('certificates')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(certificate.status_reason).toContain('Wrong project');
    expect((await api.auditActions(order.id)).filter((a) => a === 'order.refunded')).toHaveLength(
      1,
    );
    // The returned credits sell again, under new serial numbers.
    const resale = await api.place(otherSupplier.as, {
      projectId,
      quantity: 3,
      paymentMethod: 'invoice',
    });
    const resold = (await api.markPaid(admin.as, resale.id, resale.amountCents)).json<OrderJson>();
    expect(resold.certificate!.serialStart).toBeGreaterThan(paid.certificate!.serialEnd);
    await api.expectInvariants();
  });

  it('numbers credit notes without gaps', async () => {
    const numbers: number[] = [];
    for (let i = 0; i < 2; i++) {
      const order = await api.place(supplier.as, {
        projectId,
        quantity: 1,
        paymentMethod: 'invoice',
      });
      expectStatus(await api.markPaid(admin.as, order.id, order.amountCents), 200);
      expectStatus(await api.refund(admin.as, order.id), 200);
      const note = await t.db
        .selectFrom('credit_notes')
        .select('number')
        .where('order_id', '=', order.id)
        .executeTakeFirstOrThrow();
      numbers.push(Number(note.number.slice(-6)));
    }
    expect(numbers[1]).toBe(numbers[0]! + 1);
  });

  it('honours a transfer after the invoice lapsed while the credits remain, re-reserving them', async () => {
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 2,
      paymentMethod: 'invoice',
    });
    t.clock.advance(15 * DAY_MS);
    await api.runJob('orders.expire-reservations');
    expect((await api.get(supplier.as, order.id)).json().status).toBe('expired');
    const before = await api.credits(projectId);
    const paid = await api.markPaid(admin.as, order.id, order.amountCents);
    expectStatus(paid, 200);
    expect(paid.json()).toMatchObject({
      status: 'paid',
      closedAt: null,
      certificate: { status: 'active', credits: 2 },
    });
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
    expect(await api.auditActions(order.id)).toEqual([
      'order.created',
      'order.expired',
      'order.re_reserved',
      'order.paid',
    ]);
    await api.expectInvariants();
  });

  it('books a transfer that comes after the credits were sold to others, issues nothing, and refunds it by credit note', async () => {
    const small = (await t.newListedProject({ credits: 2, initiative })).id;
    const late = await api.place(supplier.as, {
      projectId: small,
      quantity: 2,
      paymentMethod: 'invoice',
    });
    t.clock.advance(15 * DAY_MS);
    await api.runJob('orders.expire-reservations');
    const other = await api.place(otherSupplier.as, {
      projectId: small,
      quantity: 2,
      paymentMethod: 'invoice',
    });
    expectStatus(await api.markPaid(admin.as, other.id, other.amountCents), 200);

    const booked = await api.markPaid(admin.as, late.id, late.amountCents, 'LATE-TRANSFER');
    expectStatus(booked, 200);
    expect(booked.json()).toMatchObject({
      status: 'expired',
      needsAttention: 'refund_required',
      certificate: null,
    });
    expect(await api.credits(small)).toMatchObject({
      supply: 2,
      sold: 2,
      reserved: 0,
      available: 0,
    });
    expect(await api.ledgerOf(late.id)).toEqual({
      'credit.reserve': 1,
      'credit.release': 1,
      'money.payment_received': 1,
    });
    const attention = await api.list(admin.as, '?needsAttention=true');
    expect(attention.json().items.map((o: OrderJson) => o.id)).toContain(late.id);
    await api.expectInvariants();

    const refunded = await api.refund(admin.as, late.id, 'Sold out before the transfer arrived');
    expectStatus(refunded, 200);
    expect(refunded.json()).toMatchObject({
      status: 'refunded',
      needsAttention: null,
      certificate: null,
    });
    expect(await api.ledgerOf(late.id)).toEqual({
      'credit.reserve': 1,
      'credit.release': 1,
      'money.payment_received': 1,
      'money.refund_paid': 1,
    });
    expect(await api.credits(small)).toMatchObject({ sold: 2, available: 0 });
    await api.expectInvariants();
  });
});
