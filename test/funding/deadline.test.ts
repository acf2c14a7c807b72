import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeadlines } from '../../src/modules/funding/deadlines.js';
import { CHECK_DEADLINES_JOB } from '../../src/modules/funding/deadlines.js';
import { expectProblem, expectStatus, type Person, TestContext } from '../factory/index.js';

/** A deadline missed below the threshold: listed → failed, every buyer refunded automatically (DESIGN §4). */
describe('deadline missed', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let coordinator: Person;
  let initiative: Person;

  beforeAll(async () => {
    t = await TestContext.create({
      stripe: true,
      jobAttempts: 1,
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    initiative = await t.newInitiative();
  });
  afterAll(async () => t?.close());

  it('refunds every paid order exactly once (Stripe through the SDK, credit note for invoices), releases reservations, revokes certificates, rejects pending claims; a second run changes nothing', async () => {
    const project = await t.newListedProject({ credits: 20, initiative });
    const byCard = await t.newStripePaidOrder({ buyer: supplier, project: project.id, credits: 3 });
    const byInvoice = await t.newPaidOrder({
      buyer: otherSupplier,
      project: project.id,
      credits: 2,
    });
    const reserved = await t.orders.place(supplier.as, {
      projectId: project.id,
      quantity: 1,
      paymentMethod: 'invoice',
    });
    const contract = await t.newContract({ coordinator, supplier });
    const pending = await t.newClaim({
      certificate: { id: byCard.certificate!.id },
      contract: { id: contract.id },
      credits: 2,
      supplier,
    });
    expect(pending.status).toBe('pending');

    // Before the deadline the job leaves it alone.
    await t.runJob(CHECK_DEADLINES_JOB);
    expect((await t.funding(null, project.id)).status).toBe('listed');

    t.clock.advanceDays(91);
    await t.runJob(CHECK_DEADLINES_JOB);

    const funding = await t.funding(initiative.as, project.id);
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
    const refunds = t.stripe.requestsTo('POST', '/v1/refunds');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.idempotencyKey).toBe(`refund-order-${byCard.id}`);
    expect(t.stripe.refunds).toEqual([expect.objectContaining({ amount: byCard.amountCents })]);

    // Buyers see why, each only their own.
    const mine = await t.funding(supplier.as, project.id);
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
    const theirs = await t.funding(otherSupplier.as, project.id);
    expect(theirs.yourOrders).toEqual([
      expect.objectContaining({ orderId: byInvoice.id, status: 'refunded' }),
    ]);
    expectStatus(await t.orders.get(otherSupplier.as, byCard.id), 404);

    // The invoice order got its credit note; the orders show refunded.
    expect((await t.orderRow(byInvoice.id)).status).toBe('refunded');
    const creditNote = await t.db
      .selectFrom('credit_notes')
      .selectAll()
      .where('order_id', '=', byInvoice.id)
      .execute();
    expect(creditNote).toHaveLength(1);
    expect((await t.orderRow(reserved.id)).status).toBe('cancelled');

    // Verification shows why, from the public list (the internal note stays inside);
    // the pending claim was rejected.
    const verification = await t.getJson(
      null,
      `/v1/verify/${(await t.certificateRow(byCard.certificate!.id)).verification_code}`,
    );
    expect(verification.status).toBe('revoked');
    expect(verification.publicReason).toBe('funding_failed');
    expect(JSON.stringify(verification)).not.toMatch(/did not reach its threshold/);
    const claim = await t.get(coordinator.as, `/v1/claims/${pending.id}`);
    expect(claim.json()).toMatchObject({ status: 'rejected' });

    // The public project page says it failed.
    const page = await t.get(null, `/v1/projects/${project.id}`);
    expectStatus(page, 200);
    expect(page.json().status).toBe('failed');

    // A second run (and a third) changes nothing at all.
    const before = {
      ledger: await t.moneyLedger(project.id),
      audits: await t.auditCount('order.refunded'),
      refunds: t.stripe.refunds.length,
    };
    await t.runJob(CHECK_DEADLINES_JOB);
    await t.runJob(CHECK_DEADLINES_JOB);
    expect({
      ledger: await t.moneyLedger(project.id),
      audits: await t.auditCount('order.refunded'),
      refunds: t.stripe.refunds.length,
    }).toEqual(before);
    expect(await t.auditCount('project.failed', project.id)).toBe(1);
    await t.expectInvariants();
  });

  it('a Stripe outage leaves the refund owed and visible; the next run makes it, once', async () => {
    const project = await t.newListedProject({ credits: 20, initiative });
    const order = await t.newStripePaidOrder({ buyer: supplier, project: project.id, credits: 2 });
    const refundsBefore = t.stripe.refunds.length;
    t.clock.advanceDays(91);
    t.stripe.failNext({ method: 'POST', path: '/v1/refunds', status: 500, times: 1 });
    await t.runJob(CHECK_DEADLINES_JOB);
    let funding = await t.funding(admin.as, project.id);
    expect(funding).toMatchObject({
      status: 'failed',
      refundsWaiting: 1,
      escrow: { escrowCents: order.amountCents },
    });
    expect((await t.orderRow(order.id)).status).toBe('paid');

    await t.runJob(CHECK_DEADLINES_JOB);
    funding = await t.funding(admin.as, project.id);
    expect(funding).toMatchObject({
      status: 'failed',
      refundsWaiting: 0,
      escrow: { escrowCents: 0, balanced: true },
    });
    expect((await t.orderRow(order.id)).status).toBe('refunded');
    // Two attempts at Stripe with one key: one refund.
    expect(
      t.stripe
        .requestsTo('POST', '/v1/refunds')
        .filter((r) => r.idempotencyKey === `refund-order-${order.id}`),
    ).toHaveLength(2);
    expect(t.stripe.refunds.length).toBe(refundsBefore + 1);
    await t.expectInvariants();
  });

  it('a payment arriving for a reservation the failure released is given back, never fulfilled', async () => {
    const project = await t.newListedProject({ credits: 20, initiative });
    const order = await t.orders.place(supplier.as, {
      projectId: project.id,
      quantity: 2,
      paymentMethod: 'invoice',
    });
    t.clock.advanceDays(3); // the invoice's hold lasts 14 days: still reserved
    await t.db
      .updateTable('projects')
      .set({ funding_deadline: t.clock.now() })
      .where('id', '=', project.id)
      .execute();
    await t.runJob(CHECK_DEADLINES_JOB);
    expect((await t.orderRow(order.id)).status).toBe('cancelled');
    const late = await t.orders.markPaid(admin.as, order.id, order.amountCents);
    expectStatus(late, 200);
    expect(late.json()).toMatchObject({
      status: 'cancelled',
      needsAttention: 'refund_required',
      certificate: null,
    });
    expect((await t.funding(null, project.id)).status).toBe('failed');
    await t.expectInvariants();
  });

  it('a transfer for an order the failure cancelled is booked, then given back once by an admin refund (credit note); an unpaid one is not refundable', async () => {
    const project = await t.newListedProject({ credits: 20, initiative });
    const place = () =>
      t.orders.place(supplier.as, { projectId: project.id, quantity: 1, paymentMethod: 'invoice' });
    const paidLate = await place();
    const neverPaid = await place();
    t.clock.advanceDays(91);
    await t.runJob(CHECK_DEADLINES_JOB);
    await t.runJobs();
    expect((await t.funding(admin.as, project.id)).status).toBe('failed');
    for (const order of [paidLate, neverPaid])
      expect((await t.orderRow(order.id)).status).toBe('cancelled');

    // Nothing was paid for this one: nothing to give back.
    expectProblem(await t.orders.refund(admin.as, neverPaid.id), 409, 'ORDER.NOT_REFUNDABLE');

    // The buyer's transfer arrives after the failure: booked (never lost), nothing issued.
    expectStatus(await t.orders.markPaid(admin.as, paidLate.id, paidLate.amountCents), 200);
    expect((await t.funding(admin.as, project.id)).escrow).toMatchObject({
      receivedCents: paidLate.amountCents,
      refundedCents: 0,
      escrowCents: paidLate.amountCents,
      balanced: true,
    });
    await t.expectInvariants();

    // An admin gives it back: a credit note, the money out of escrow, the flag resolved.
    const refunded = await t.orders.refund(admin.as, paidLate.id, 'The project did not go ahead');
    expectStatus(refunded, 200);
    expect(refunded.json()).toMatchObject({
      status: 'refunded',
      needsAttention: null,
      certificate: null,
    });
    const notes = await t.db
      .selectFrom('credit_notes')
      .select(['amount_cents'])
      .where('order_id', '=', paidLate.id)
      .execute();
    expect(notes.map((n) => Number(n.amount_cents))).toEqual([paidLate.amountCents]);

    // Again: a repeat, nothing more goes back; the credits were released once, at the failure.
    expectStatus(await t.orders.refund(admin.as, paidLate.id, 'Once more'), 200);
    expect(
      await t.db
        .selectFrom('credit_notes')
        .select('id')
        .where('order_id', '=', paidLate.id)
        .execute(),
    ).toHaveLength(1);
    expect((await t.funding(admin.as, project.id)).escrow).toMatchObject({
      receivedCents: paidLate.amountCents,
      refundedCents: paidLate.amountCents,
      escrowCents: 0,
      balanced: true,
    });
    expect(await t.orders.ledgerOf(paidLate.id)).toEqual({
      'credit.reserve': 1,
      'credit.release': 1,
      'money.payment_received': 1,
      'money.refund_paid': 1,
    });
    expect((await t.get(null, `/v1/projects/${project.id}`)).json().credits).toMatchObject({
      sold: 0,
      reserved: 0,
      available: 20,
    });
    await t.expectInvariants();
  });

  it('an admin extends a deadline before it passes (audited, with a reason), not after', async () => {
    const project = await t.newListedProject({ credits: 20, initiative });
    const current = (await t.funding(null, project.id)).fundingDeadline as string;
    const later = new Date(new Date(current).getTime() + 30 * 86_400_000).toISOString();
    const extend = (
      who = admin.as,
      body: object = { fundingDeadline: later, reason: 'Two employers asked for more time' },
    ) => t.post(who, `/v1/projects/${project.id}/funding/deadline`, body);

    expectStatus(await extend(initiative.as), 403);
    expectStatus(await extend(supplier.as), 403);
    expectProblem(
      await extend(admin.as, { fundingDeadline: current, reason: 'Not later at all' }),
      422,
      'FUNDING.DEADLINE_NOT_LATER',
    );
    const extended = await extend();
    expectStatus(extended, 200);
    expect(extended.json()).toMatchObject({
      fundingDeadline: later,
      decisions: [{ kind: 'deadline_extended', previousDeadline: current, newDeadline: later }],
    });
    expect(await t.auditCount('project.deadline_extended', project.id)).toBe(1);

    t.clock.advanceDays(91); // past the old deadline, before the new one
    await t.runJob(CHECK_DEADLINES_JOB);
    expect((await t.funding(null, project.id)).status).toBe('listed');
    t.clock.advanceDays(31);
    expectProblem(
      await extend(admin.as, {
        fundingDeadline: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
        reason: 'Too late now',
      }),
      409,
      'FUNDING.DEADLINE_PASSED',
    );
    await t.runJob(CHECK_DEADLINES_JOB);
    expect((await t.funding(null, project.id)).status).toBe('failed');
    expectStatus(
      await t.post(admin.as, `/v1/projects/00000000-0000-4000-8000-000000000000/funding/deadline`, {
        fundingDeadline: later,
        reason: 'No such project',
      }),
      404,
    );
  });

  // On the PostgreSQL server (TEST_DATABASE_URL) these really run at the same time, on separate connections.
  it('two runs of the deadline job at once: one failure, every refund once', async () => {
    const project = await t.newListedProject({ credits: 20, initiative });
    const orders = [
      await t.newStripePaidOrder({ buyer: supplier, project: project.id, credits: 2 }),
      await t.newPaidOrder({ buyer: otherSupplier, project: project.id, credits: 3 }),
      await t.newStripePaidOrder({ buyer: otherSupplier, project: project.id, credits: 1 }),
    ];
    const refundsBefore = t.stripe.refunds.length;
    t.clock.advanceDays(91);
    const deps = { db: t.db, jobs: t.queue, payments: t.payments };
    const [a, b] = await Promise.all([
      checkDeadlines(deps, t.clock.now()),
      checkDeadlines(deps, t.clock.now()),
    ]);
    expect([...a.failed, ...b.failed].filter((id) => id === project.id)).toHaveLength(1);
    await Promise.all([t.queue.drain(), t.runJob(CHECK_DEADLINES_JOB)]);
    for (const order of orders) expect((await t.orderRow(order.id)).status).toBe('refunded');
    expect(t.stripe.refunds.length).toBe(refundsBefore + 2);
    expect(await t.auditCount('project.failed', project.id)).toBe(1);
    const ledger = await t.moneyLedger(project.id);
    expect(ledger.received).toBe(ledger.refunded);
    await t.expectInvariants();
  });

  it('a payment racing the failure is either counted and refunded, or found released and given back: never kept', async () => {
    const project = await t.newListedProject({ credits: 20, initiative });
    await t.newPaidOrder({ buyer: supplier, project: project.id, credits: 2 });
    const racing = await t.orders.place(otherSupplier.as, {
      projectId: project.id,
      quantity: 2,
      paymentMethod: 'invoice',
    });
    t.clock.advanceDays(3);
    await t.db
      .updateTable('projects')
      .set({ funding_deadline: t.clock.now() })
      .where('id', '=', project.id)
      .execute();
    const deps = { db: t.db, jobs: t.queue, payments: t.payments };
    const [paid] = await Promise.all([
      t.orders.markPaid(admin.as, racing.id, racing.amountCents),
      checkDeadlines(deps, t.clock.now()),
    ]);
    expectStatus(paid, 200);
    await t.queue.drain();
    await t.runJob(CHECK_DEADLINES_JOB);
    const row = await t.orderRow(racing.id);
    if (row.status === 'refunded') expect(row.needs_attention).toBeNull();
    else expect(row).toMatchObject({ status: 'cancelled', needs_attention: 'refund_required' });
    expect((await t.funding(null, project.id)).status).toBe('failed');
    expect(
      await t.db
        .selectFrom('orders')
        .select('id')
        .where('project_id', '=', project.id)
        .where('status', '=', 'paid')
        .execute(),
    ).toEqual([]);
    await t.expectInvariants();
  });
});
