import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus } from '../helpers/listed-project.js';
import { checkDeadlines } from '../../src/modules/funding/deadlines.js';
import { orderRow } from '../helpers/payments-fixtures.js';
import { createFundingWorld, type FundingWorld } from './funding-world.js';

/** A deadline missed below the threshold: listed → failed, every buyer refunded automatically (DESIGN §4). */
describe('deadline missed', () => {
  let f: FundingWorld;

  beforeAll(async () => {
    f = await createFundingWorld();
  });
  afterAll(async () => f?.close());

  it('refunds every paid order exactly once (Stripe through the SDK, credit note for invoices), releases reservations, revokes certificates, rejects pending claims; a second run changes nothing', async () => {
    const project = await f.listProject(20);
    const byCard = await f.buyByStripe(f.m.supplier, project.id, 3);
    const byInvoice = await f.buyByInvoice(f.m.otherSupplier, project.id, 2);
    const reserved = await f.orders.place(f.m.supplier.as, {
      projectId: project.id,
      quantity: 1,
      paymentMethod: 'invoice',
    });
    const contract = await f.contract();
    const pending = await f.claim(byCard.certificate!.id, contract.id, 2);
    expect(pending.status).toBe('pending');

    // Before the deadline the job leaves it alone.
    await f.runDeadlines();
    expect((await f.funding(null, project.id)).status).toBe('listed');

    f.passDeadline();
    await f.runDeadlines();

    const funding = await f.funding(f.m.initiativeMember.as, project.id);
    expect(funding).toMatchObject({
      status: 'failed',
      sold: 0,
      reserved: 0,
      refundsWaiting: 0,
      tranches: [],
    });
    expect(funding.failureReason).toMatch(
      /did not reach its threshold of 13 credits \(5 sold\) by its funding deadline/,
    );
    expect(funding.escrow).toMatchObject({
      receivedCents: 5 * project.priceCents,
      refundedCents: 5 * project.priceCents,
      escrowCents: 0,
      balanced: true,
    });

    // The Stripe refund went through the SDK, once, with the order's own idempotency key.
    const refunds = f.fake.requestsTo('POST', '/v1/refunds');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.idempotencyKey).toBe(`refund-order-${byCard.id}`);
    expect(f.fake.refunds).toEqual([expect.objectContaining({ amount: byCard.amountCents })]);

    // Buyers see why, each only their own.
    const mine = await f.funding(f.m.supplier.as, project.id);
    expect(mine.view).toBe('public');
    expect(mine.yourOrders.map((o: { orderId: string }) => o.orderId).sort()).toEqual(
      [byCard.id, reserved.id].sort(),
    );
    const card = mine.yourOrders.find((o: { orderId: string }) => o.orderId === byCard.id);
    expect(card).toMatchObject({ status: 'refunded', certificateStatus: 'revoked' });
    expect(card.why).toMatch(/^refunded: the project did not reach its threshold/);
    const lapsed = mine.yourOrders.find((o: { orderId: string }) => o.orderId === reserved.id);
    expect(lapsed).toMatchObject({ status: 'cancelled', certificateNumber: null });
    expect(lapsed.why).toMatch(/did not reach its threshold/);
    const theirs = await f.funding(f.m.otherSupplier.as, project.id);
    expect(theirs.yourOrders).toEqual([
      expect.objectContaining({ orderId: byInvoice.id, status: 'refunded' }),
    ]);
    expectStatus(await f.orders.get(f.m.otherSupplier.as, byCard.id), 404);

    // The invoice order got its credit note; the orders show refunded.
    expect((await orderRow(f.w, byInvoice.id)).status).toBe('refunded');
    const creditNote = await f.t.db
      .selectFrom('credit_notes')
      .selectAll()
      .where('order_id', '=', byInvoice.id)
      .execute();
    expect(creditNote).toHaveLength(1);
    expect((await orderRow(f.w, reserved.id)).status).toBe('cancelled');

    // Verification shows why, from the public list (the internal note stays inside);
    // the pending claim was rejected.
    const verification = await f.verify(byCard.certificate!.id);
    expect(verification.status).toBe('revoked');
    expect(verification.publicReason).toBe('funding_failed');
    expect(JSON.stringify(verification)).not.toMatch(/did not reach its threshold/);
    const claim = await f.get(f.m.coordinator.as, `/v1/claims/${pending.id}`);
    expect(claim.json()).toMatchObject({ status: 'rejected' });

    // The public project page says it failed.
    const page = await f.get(null, `/v1/projects/${project.id}`);
    expectStatus(page, 200);
    expect(page.json().status).toBe('failed');

    // A second run (and a third) changes nothing at all.
    const before = {
      ledger: await f.ledger(project.id),
      audits: await f.auditCount('order.refunded'),
      refunds: f.fake.refunds.length,
    };
    await f.runDeadlines();
    await f.runDeadlines();
    expect({
      ledger: await f.ledger(project.id),
      audits: await f.auditCount('order.refunded'),
      refunds: f.fake.refunds.length,
    }).toEqual(before);
    expect(await f.auditCount('project.failed', project.id)).toBe(1);
    await f.expectInvariants();
  });

  it('a Stripe outage leaves the refund owed and visible; the next run makes it, once', async () => {
    const project = await f.listProject(20);
    const order = await f.buyByStripe(f.m.supplier, project.id, 2);
    const refundsBefore = f.fake.refunds.length;
    f.passDeadline();
    f.fake.failNext({ method: 'POST', path: '/v1/refunds', status: 500, times: 1 });
    await f.runDeadlines();
    let funding = await f.funding(f.m.admin.as, project.id);
    expect(funding).toMatchObject({
      status: 'failed',
      refundsWaiting: 1,
      escrow: { escrowCents: order.amountCents },
    });
    expect((await orderRow(f.w, order.id)).status).toBe('paid');

    await f.runDeadlines();
    funding = await f.funding(f.m.admin.as, project.id);
    expect(funding).toMatchObject({
      status: 'failed',
      refundsWaiting: 0,
      escrow: { escrowCents: 0, balanced: true },
    });
    expect((await orderRow(f.w, order.id)).status).toBe('refunded');
    // Two attempts at Stripe with one key: one refund.
    expect(
      f.fake
        .requestsTo('POST', '/v1/refunds')
        .filter((r) => r.idempotencyKey === `refund-order-${order.id}`),
    ).toHaveLength(2);
    expect(f.fake.refunds.length).toBe(refundsBefore + 1);
    await f.expectInvariants();
  });

  it('a payment arriving for a reservation the failure released is given back, never fulfilled', async () => {
    const project = await f.listProject(20);
    const order = await f.orders.place(f.m.supplier.as, {
      projectId: project.id,
      quantity: 2,
      paymentMethod: 'invoice',
    });
    f.passDeadline(3); // the invoice's hold lasts 14 days: still reserved
    await f.t.db
      .updateTable('projects')
      .set({ funding_deadline: f.t.clock.now() })
      .where('id', '=', project.id)
      .execute();
    await f.runDeadlines();
    expect((await orderRow(f.w, order.id)).status).toBe('cancelled');
    const late = await f.orders.markPaid(f.m.admin.as, order.id, order.amountCents);
    expectStatus(late, 200);
    expect(late.json()).toMatchObject({
      status: 'cancelled',
      needsAttention: 'refund_required',
      certificate: null,
    });
    expect((await f.funding(null, project.id)).status).toBe('failed');
    await f.expectInvariants();
  });

  it('an admin extends a deadline before it passes (audited, with a reason), not after', async () => {
    const project = await f.listProject(20);
    const current = (await f.funding(null, project.id)).fundingDeadline as string;
    const later = new Date(new Date(current).getTime() + 30 * 86_400_000).toISOString();
    const extend = (
      who = f.m.admin.as,
      body: object = { fundingDeadline: later, reason: 'Two employers asked for more time' },
    ) => f.post(who, `/v1/projects/${project.id}/funding/deadline`, body);

    expectStatus(await extend(f.m.initiativeMember.as), 403);
    expectStatus(await extend(f.m.supplier.as), 403);
    expectProblem(
      await extend(f.m.admin.as, { fundingDeadline: current, reason: 'Not later at all' }),
      422,
      'FUNDING.DEADLINE_NOT_LATER',
    );
    const extended = await extend();
    expectStatus(extended, 200);
    expect(extended.json()).toMatchObject({
      fundingDeadline: later,
      decisions: [{ kind: 'deadline_extended', previousDeadline: current, newDeadline: later }],
    });
    expect(await f.auditCount('project.deadline_extended', project.id)).toBe(1);

    f.passDeadline(); // past the old deadline, before the new one
    await f.runDeadlines();
    expect((await f.funding(null, project.id)).status).toBe('listed');
    f.passDeadline(31);
    expectProblem(
      await extend(f.m.admin.as, {
        fundingDeadline: new Date(f.t.clock.now().getTime() + 86_400_000).toISOString(),
        reason: 'Too late now',
      }),
      409,
      'FUNDING.DEADLINE_PASSED',
    );
    await f.runDeadlines();
    expect((await f.funding(null, project.id)).status).toBe('failed');
    expectStatus(
      await f.post(
        f.m.admin.as,
        `/v1/projects/00000000-0000-4000-8000-000000000000/funding/deadline`,
        { fundingDeadline: later, reason: 'No such project' },
      ),
      404,
    );
  });

  // On the PostgreSQL server (TEST_DATABASE_URL) these really run at the same time, on separate connections.
  it('two runs of the deadline job at once: one failure, every refund once', async () => {
    const project = await f.listProject(20);
    const orders = [
      await f.buyByStripe(f.m.supplier, project.id, 2),
      await f.buyByInvoice(f.m.otherSupplier, project.id, 3),
      await f.buyByStripe(f.m.otherSupplier, project.id, 1),
    ];
    const refundsBefore = f.fake.refunds.length;
    f.passDeadline();
    const deps = { db: f.t.db, jobs: f.jobs, payments: f.t.payments };
    const [a, b] = await Promise.all([
      checkDeadlines(deps, f.t.clock.now()),
      checkDeadlines(deps, f.t.clock.now()),
    ]);
    expect([...a.failed, ...b.failed].filter((id) => id === project.id)).toHaveLength(1);
    await Promise.all([f.jobs.drain(), f.runDeadlines()]);
    for (const order of orders) expect((await orderRow(f.w, order.id)).status).toBe('refunded');
    expect(f.fake.refunds.length).toBe(refundsBefore + 2);
    expect(await f.auditCount('project.failed', project.id)).toBe(1);
    const ledger = await f.ledger(project.id);
    expect(ledger.received).toBe(ledger.refunded);
    await f.expectInvariants();
  });

  it('a payment racing the failure is either counted and refunded, or found released and given back: never kept', async () => {
    const project = await f.listProject(20);
    await f.buyByInvoice(f.m.supplier, project.id, 2);
    const racing = await f.orders.place(f.m.otherSupplier.as, {
      projectId: project.id,
      quantity: 2,
      paymentMethod: 'invoice',
    });
    f.passDeadline(3);
    await f.t.db
      .updateTable('projects')
      .set({ funding_deadline: f.t.clock.now() })
      .where('id', '=', project.id)
      .execute();
    const deps = { db: f.t.db, jobs: f.jobs, payments: f.t.payments };
    const [paid] = await Promise.all([
      f.orders.markPaid(f.m.admin.as, racing.id, racing.amountCents),
      checkDeadlines(deps, f.t.clock.now()),
    ]);
    expectStatus(paid, 200);
    await f.jobs.drain();
    await f.runDeadlines();
    const row = await orderRow(f.w, racing.id);
    if (row.status === 'refunded') expect(row.needs_attention).toBeNull();
    else expect(row).toMatchObject({ status: 'cancelled', needs_attention: 'refund_required' });
    expect((await f.funding(null, project.id)).status).toBe('failed');
    expect(
      await f.t.db
        .selectFrom('orders')
        .select('id')
        .where('project_id', '=', project.id)
        .where('status', '=', 'paid')
        .execute(),
    ).toEqual([]);
    await f.expectInvariants();
  });
});
