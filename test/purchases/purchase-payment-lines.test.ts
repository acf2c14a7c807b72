import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DisputeLife,
  expectProblem,
  expectStatus,
  type ListedProject,
  newDisputeLife,
  type PaidStripePurchase,
  type Person,
  type PurchaseLine,
  sessionEvent,
  TestContext,
} from '../factory/index.js';
import { requestRefund, stripeRefundKey } from '../../src/modules/settlement/refunds.js';
import { disputeSnapshot, stripeEvent } from '../helpers/fake-stripe.js';

/**
 * A purchase (issue 19) is paid by one Stripe payment; its refunds and disputes are split
 * over its lines (issue 17 for purchases). The real app against the local fake Stripe,
 * events signed with the SDK's test helper.
 */

type Line = PurchaseLine;
type PaidPurchase = PaidStripePurchase;

describe('a purchase’s one Stripe payment, per line', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let projects: ListedProject[];

  beforeAll(async () => {
    t = await TestContext.create({
      stripe: true,
      jobAttempts: 1,
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    projects = [];
    for (let i = 0; i < 3; i++) projects.push(await t.newListedProject({ credits: 400 }));
  }, 300_000);
  afterAll(async () => t?.close());

  const paidPurchase = (credits: number[] = [2, 3, 4], buyer = supplier) =>
    t.newStripePaidPurchase({
      buyer,
      lines: credits.map((n, i) => ({ project: projects[i]!, credits: n })),
    });

  /** Each line's order, certificate, open hold, money and credit notes. */
  async function linesState(p: PaidPurchase) {
    const state = [];
    for (const line of p.lines) {
      const order = await t.orderRow(line.orderId);
      const certificate = await t.certificateRow(line.certificateId);
      const held = await t.db
        .selectFrom('escrow_holds')
        .select(sql<string>`coalesce(sum(amount_cents), 0)`.as('held'))
        .where('order_id', '=', line.orderId)
        .where('released_at', 'is', null)
        .executeTakeFirstOrThrow();
      const money = await t.db
        .selectFrom('money_ledger')
        .select(['entry_type', 'amount_cents'])
        .where('order_id', '=', line.orderId)
        .orderBy('entry_type')
        .execute();
      const creditNotes = await t.db
        .selectFrom('credit_notes')
        .select(sql<string>`count(*)`.as('n'))
        .where('order_id', '=', line.orderId)
        .executeTakeFirstOrThrow();
      state.push({
        order: order.status,
        refundState: order.refund_state,
        certificate: certificate.status,
        heldCents: Number(held.held),
        money: money.map((m) => `${m.entry_type}:${Number(m.amount_cents)}`),
        creditNotes: Number(creditNotes.n),
      });
    }
    return state;
  }

  const held = (p: PaidPurchase) =>
    p.lines.map((line) => ({
      order: 'paid',
      refundState: null,
      certificate: 'suspended',
      heldCents: line.amountCents,
      money: [`payment_received:${line.amountCents}`],
      creditNotes: 0,
    }));

  it('a dispute of a 3-line purchase: funds withdrawn hold every line; reinstated releases them', async () => {
    const p = await paidPurchase();
    const { id, events } = newDisputeLife(p, 'won');
    const [created, withdrawn, , reinstated, closed] = events;
    expect(await t.sendStripeEvent(created!.type, created!.object)).toMatchObject({
      outcome: 'dispute_opened',
    });
    expect((await linesState(p)).map((line) => line.certificate)).toEqual([
      'suspended',
      'suspended',
      'suspended',
    ]);
    await t.sendStripeEvent(withdrawn!.type, withdrawn!.object);
    // Twice: held once.
    await t.sendStripeEvent(withdrawn!.type, withdrawn!.object);
    expect(await linesState(p)).toEqual(held(p));
    for (const line of p.lines) {
      const funding = await t.funding(admin.as, line.projectId);
      expect(funding.escrow.heldByDisputesCents).toBeGreaterThanOrEqual(line.amountCents);
      expect(funding.escrow.balanced).toBe(true);
    }
    const split = await t.db
      .selectFrom('payment_dispute_lines')
      .select(['order_id', 'amount_cents'])
      .where('dispute_id', '=', id)
      .orderBy('order_id')
      .execute();
    expect(split.map((s) => [s.order_id, Number(s.amount_cents)])).toEqual(
      p.lines.map((line) => [line.orderId, line.amountCents]),
    );

    await t.sendStripeEvent(reinstated!.type, reinstated!.object);
    await t.sendStripeEvent(closed!.type, closed!.object);
    await t.sendStripeEvent(reinstated!.type, reinstated!.object);
    expect(await linesState(p)).toEqual(
      p.lines.map((line) => ({
        order: 'paid',
        refundState: null,
        certificate: 'active',
        heldCents: 0,
        money: [`payment_received:${line.amountCents}`],
        creditNotes: 0,
      })),
    );
    for (const line of p.lines) {
      expect(await t.auditCount('escrow.held_for_dispute', line.orderId)).toBe(1);
      expect(await t.auditCount('escrow.released_from_dispute', line.orderId)).toBe(1);
    }
    // The split is fixed once made: the database refuses to change it.
    await expect(
      sql`UPDATE payment_dispute_lines SET amount_cents = 1 WHERE dispute_id = ${id}`.execute(t.db),
    ).rejects.toThrow(/never changed/);
    await t.expectInvariants();
  }, 120_000);

  it('a dispute of a 3-line purchase lost: every line refunded once, in any order of its events', async () => {
    const orders = [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [1, 3, 0, 2, 3, 1],
    ];
    for (const order of orders) {
      const p = await paidPurchase([1, 2, 1]);
      const { events } = newDisputeLife(p, 'lost');
      for (const i of order) await t.sendStripeEvent(events[i]!.type, events[i]!.object);
      expect(await linesState(p)).toEqual(
        p.lines.map((line) => ({
          order: 'refunded',
          refundState: null,
          certificate: 'revoked',
          heldCents: 0,
          money: [`payment_received:${line.amountCents}`, `refund_paid:${line.amountCents}`],
          creditNotes: 1,
        })),
      );
    }
    await t.expectInvariants();
  }, 180_000);

  it('every order of a purchase dispute’s events, each possibly repeated, converges to one state per line', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<DisputeLife>('won', 'lost'),
        fc.infiniteStream(fc.nat()),
        fc.array(fc.nat({ max: 4 }), { maxLength: 3 }),
        async (life, randoms, repeats) => {
          const p = await paidPurchase([1, 1, 1]);
          const { events } = newDisputeLife(p, life);
          const order = [...events];
          const stream = randoms[Symbol.iterator]();
          for (let i = order.length - 1; i > 0; i--) {
            const j = stream.next().value! % (i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          for (const r of repeats) order.push(events[r % events.length]!);
          for (const event of order) await t.sendStripeEvent(event.type, event.object);
          expect(await linesState(p)).toEqual(
            p.lines.map((line) =>
              life === 'won'
                ? {
                    order: 'paid',
                    refundState: null,
                    certificate: 'active',
                    heldCents: 0,
                    money: [`payment_received:${line.amountCents}`],
                    creditNotes: 0,
                  }
                : {
                    order: 'refunded',
                    refundState: null,
                    certificate: 'revoked',
                    heldCents: 0,
                    money: [
                      `payment_received:${line.amountCents}`,
                      `refund_paid:${line.amountCents}`,
                    ],
                    creditNotes: 1,
                  },
            ),
          );
        },
      ),
      { numRuns: 8 },
    );
    await t.expectInvariants();
  }, 300_000);

  it('a dispute that arrives before the purchase’s payment takes effect on the lines when it is paid', async () => {
    const purchase = await t.newStripePurchase({
      buyer: supplier,
      lines: [0, 1, 2].map((i) => ({ project: projects[i]!, credits: 1 })),
    });
    const completed = t.stripe.completeSession(purchase.session.id);
    const paymentIntentId = completed.payment_intent!;
    const chargeId = String(t.stripe.chargeFor(paymentIntentId)['id']);
    const dispute = {
      ...disputeSnapshot({ chargeId, paymentIntentId, amount: purchase.amountCents }),
      balance_transactions: [{ id: 'txn_early', amount: -purchase.amountCents }],
    };
    expect(await t.sendStripeEvent('charge.dispute.funds_withdrawn', dispute)).toMatchObject({
      outcome: 'dispute_funds_withdrawn',
    });
    expectStatus(
      await t.deliverWebhook(sessionEvent('checkout.session.completed', completed)),
      200,
    );
    const lines = await t.db
      .selectFrom('orders as o')
      .innerJoin('certificates as c', 'c.order_id', 'o.id')
      .leftJoin('escrow_holds as h', 'h.order_id', 'o.id')
      .select(['o.status', 'c.status as certificate', 'h.amount_cents as held', 'o.amount_cents'])
      .where('o.purchase_id', '=', purchase.id)
      .execute();
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toMatchObject({ status: 'paid', certificate: 'suspended' });
      expect(Number(line.held)).toBe(Number(line.amount_cents));
    }
    await t.expectInvariants();
  }, 120_000);
  // ---- refunds of a line ----

  const lineRow = async (orderId: string) => {
    const order = await t.orderRow(orderId);
    const certificate = await t.db
      .selectFrom('certificates')
      .select('status')
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    const money = await t.db
      .selectFrom('money_ledger')
      .select(['entry_type', 'amount_cents'])
      .where('order_id', '=', orderId)
      .orderBy('entry_type')
      .execute();
    return {
      status: order.status,
      refundState: order.refund_state,
      certificate: certificate.status,
      money: money.map((m) => `${m.entry_type}:${Number(m.amount_cents)}`),
    };
  };
  const refundsOf = (p: PaidPurchase) =>
    t.stripe.refunds.filter((refund) => refund.payment_intent === p.paymentIntentId);
  const paidLine = (line: Line) => ({
    status: 'paid',
    refundState: null,
    certificate: 'active',
    money: [`payment_received:${line.amountCents}`],
  });
  const refundedLine = (line: Line) => ({
    status: 'refunded',
    refundState: null,
    certificate: 'revoked',
    money: [`payment_received:${line.amountCents}`, `refund_paid:${line.amountCents}`],
  });

  it('refunds one line by a partial Stripe refund: pending, then succeeded by the event; events twice and late change nothing', async () => {
    const p = await paidPurchase();
    const [first, second, third] = p.lines;
    t.stripe.refundStatus = 'pending';
    const answer = await t.orders.refund(admin.as, second!.orderId, 'Ordered twice');
    t.stripe.refundStatus = 'succeeded';
    expectStatus(answer, 200);
    expect(answer.json()).toMatchObject({ status: 'paid', refundState: 'pending' });
    const [atStripe] = refundsOf(p);
    expect(atStripe).toMatchObject({
      amount: second!.amountCents,
      status: 'pending',
      metadata: { order_id: second!.orderId },
    });
    expect(await lineRow(second!.orderId)).toMatchObject({
      status: 'paid',
      refundState: 'pending',
      certificate: 'suspended',
    });
    // The charge's refunded amount books nothing for a purchase: the refund's events decide.
    expect(
      (
        await t.deliverWebhook(
          stripeEvent('charge.refunded', t.stripe.chargeFor(p.paymentIntentId)),
        )
      ).json(),
    ).toMatchObject({ outcome: 'purchase_refund_reported' });

    const pendingSnapshot = structuredClone(atStripe!) as unknown as Record<string, unknown>;
    const succeeded = t.stripe.settleRefund(atStripe!.id, 'succeeded');
    const event = stripeEvent('refund.updated', succeeded);
    expect((await t.deliverWebhook(event)).json()).toMatchObject({ outcome: 'refunded' });
    expect((await t.deliverWebhook(event)).json()).toMatchObject({ duplicate: true });
    expect(await t.sendStripeEvent('charge.refund.updated', succeeded)).toMatchObject({
      outcome: 'unchanged',
    });
    expect(await t.sendStripeEvent('refund.created', pendingSnapshot)).toMatchObject({
      outcome: 'unchanged',
    });

    expect(await lineRow(second!.orderId)).toEqual(refundedLine(second!));
    expect(await lineRow(first!.orderId)).toEqual(paidLine(first!));
    expect(await lineRow(third!.orderId)).toEqual(paidLine(third!));
    const notes = await t.db
      .selectFrom('credit_notes')
      .select(['order_id', 'amount_cents'])
      .where(
        'order_id',
        'in',
        p.lines.map((line) => line.orderId),
      )
      .execute();
    expect(notes.map((n) => [n.order_id, Number(n.amount_cents)])).toEqual([
      [second!.orderId, second!.amountCents],
    ]);
    // A second click on the refunded line asks Stripe nothing.
    const before = t.stripe.requestsTo('POST', '/v1/refunds').length;
    expect((await t.orders.refund(admin.as, second!.orderId)).json()).toMatchObject({
      status: 'refunded',
    });
    expect(t.stripe.requestsTo('POST', '/v1/refunds')).toHaveLength(before);
    // Another line is refunded on its own key, for its own amount.
    expectStatus(await t.orders.refund(admin.as, third!.orderId), 200);
    expect(refundsOf(p).map((r) => [r.amount, r.metadata['order_id']])).toEqual([
      [second!.amountCents, second!.orderId],
      [third!.amountCents, third!.orderId],
    ]);
    expect(await lineRow(third!.orderId)).toEqual(refundedLine(third!));
    expect(await lineRow(first!.orderId)).toEqual(paidLine(first!));
    await t.expectInvariants();
  }, 120_000);

  it('a line’s refund pending then failed: the line stays paid, its certificate active, flagged; a new refund is booked once', async () => {
    const p = await paidPurchase();
    const line = p.lines[0]!;
    t.stripe.refundStatus = 'pending';
    expectStatus(await t.orders.refund(admin.as, line.orderId, 'Wrong project'), 200);
    t.stripe.refundStatus = 'succeeded';
    const [atStripe] = refundsOf(p);
    const failed = t.stripe.settleRefund(atStripe!.id, 'failed', 'expired_or_canceled_card');
    expect(await t.sendStripeEvent('refund.failed', failed)).toMatchObject({
      outcome: 'refund_failed',
    });
    expect(await t.sendStripeEvent('refund.updated', failed)).toMatchObject({
      outcome: 'unchanged',
    });
    expect(await lineRow(line.orderId)).toEqual({ ...paidLine(line), refundState: 'failed' });
    expect((await t.orderRow(line.orderId)).needs_attention).toBe(
      `refund_failed: ${atStripe!.id} (expired_or_canceled_card)`,
    );
    for (const other of p.lines.slice(1))
      expect(await lineRow(other.orderId)).toEqual(paidLine(other));

    // A new refund of the line after the failed one: under the next key, booked once.
    expectStatus(await t.orders.refund(admin.as, line.orderId), 200);
    expect(refundsOf(p).map((r) => r.amount)).toEqual([line.amountCents, line.amountCents]);
    expect(await lineRow(line.orderId)).toEqual(refundedLine(line));
    await t.expectInvariants();
  }, 120_000);

  it('a line’s refund whose answer was lost: its events, named by the metadata, move the line; the retry books nothing twice', async () => {
    const p = await paidPurchase();
    const line = p.lines[2]!;
    await t.db.transaction().execute((trx) =>
      requestRefund(trx, t.orders.ctx(), line.orderId, {
        source: 'admin',
        reason: 'Ordered twice',
        requestedBy: admin.user.id,
      }),
    );
    t.stripe.refundStatus = 'pending';
    await t.payments!.refund({
      paymentIntentId: p.paymentIntentId,
      amountCents: line.amountCents,
      idempotencyKey: stripeRefundKey(line.orderId),
      reason: `Impactbeurs order ${line.orderId}`,
      orderId: line.orderId,
    });
    t.stripe.refundStatus = 'succeeded';
    const [atStripe] = refundsOf(p);
    expect(await t.sendStripeEvent('refund.created', atStripe as never)).toMatchObject({
      outcome: 'refund_pending',
    });
    expect(await lineRow(line.orderId)).toMatchObject({
      refundState: 'pending',
      certificate: 'suspended',
    });
    const succeeded = t.stripe.settleRefund(atStripe!.id, 'succeeded');
    expect(await t.sendStripeEvent('refund.updated', succeeded)).toMatchObject({
      outcome: 'refunded',
    });
    // The retry: Stripe answers the same key with the same refund; nothing more is booked.
    const retry = await t.orders.refund(admin.as, line.orderId);
    expectStatus(retry, 200);
    expect(refundsOf(p)).toHaveLength(1);
    expect(await lineRow(line.orderId)).toEqual(refundedLine(line));
    for (const other of p.lines.slice(0, 2))
      expect(await lineRow(other.orderId)).toEqual(paidLine(other));
    await t.expectInvariants();
  }, 120_000);

  it('a refund made in Stripe’s dashboard: one line’s exact amount books that line; anything else is listed for the platform team', async () => {
    const p = await paidPurchase([1, 2, 3]);
    const [first, second, third] = p.lines;
    const dashboardRefund = (amount: number) => ({
      id: `re_dash${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      object: 'refund',
      amount,
      currency: 'eur',
      payment_intent: p.paymentIntentId,
      charge: p.chargeId,
      status: 'succeeded',
      failure_reason: null,
      metadata: {},
      created: Math.floor(Date.now() / 1000),
    });
    // Exactly the second line's amount (every line's amount differs): that line.
    const exact = dashboardRefund(second!.amountCents);
    expect(await t.sendStripeEvent('refund.created', exact)).toMatchObject({ outcome: 'refunded' });
    expect(await t.sendStripeEvent('refund.updated', exact)).toMatchObject({
      outcome: 'unchanged',
    });
    expect(await lineRow(second!.orderId)).toEqual(refundedLine(second!));
    // Part of a line: booked nowhere, both lines still paid are flagged, once.
    const part = dashboardRefund(100);
    expect(await t.sendStripeEvent('refund.created', part)).toMatchObject({
      outcome: 'refund_unattributed',
    });
    expect(await t.sendStripeEvent('refund.updated', part)).toMatchObject({
      outcome: 'refund_unattributed',
    });
    for (const line of [first!, third!]) {
      expect(await lineRow(line.orderId)).toEqual(paidLine(line));
      const flags = await t.db
        .selectFrom('order_flags')
        .select(['code', 'detail'])
        .where('order_id', '=', line.orderId)
        .where('resolved_at', 'is', null)
        .execute();
      expect(flags).toEqual([
        { code: 'purchase_refund_unattributed', detail: `${part.id} of 100 cents` },
      ]);
    }
    const attention = await t.getJson<{ items: { id: string }[] }>(
      admin,
      '/v1/orders?needsAttention=true&limit=100',
    );
    expect(attention.items.map((o) => o.id)).toEqual(
      expect.arrayContaining([first!.orderId, third!.orderId]),
    );
    await t.expectInvariants();
  }, 120_000);

  it('a dashboard refund over two lines stays flagged until an admin books it on the lines it gave back, once; reconciliation clean', async () => {
    const p = await paidPurchase([1, 2, 4]);
    const [first, second, third] = p.lines;
    const amount = first!.amountCents + second!.amountCents;
    const refund = (status: string, failureReason: string | null = null) => ({
      id: `re_two${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      object: 'refund',
      amount,
      currency: 'eur',
      payment_intent: p.paymentIntentId,
      charge: p.chargeId,
      status,
      failure_reason: failureReason,
      metadata: {},
      created: Math.floor(Date.now() / 1000),
    });
    const pending = refund('pending');
    const succeeded = { ...pending, status: 'succeeded' };
    const detail = `${pending.id} of ${amount} cents`;
    expect(await t.sendStripeEvent('refund.created', pending)).toMatchObject({
      outcome: 'refund_unattributed',
    });
    const flagOf = async (orderId: string) =>
      t.db
        .selectFrom('order_flags')
        .selectAll()
        .where('order_id', '=', orderId)
        .where('code', '=', 'purchase_refund_unattributed')
        .where('detail', '=', detail)
        .execute();
    const resolve = (orderId: string, flagId: string, body: object) =>
      t.post(admin, `/v1/orders/${orderId}/flags/${flagId}/resolve`, body);
    const [thirdFlag] = await flagOf(third!.orderId);
    // Pending at Stripe: the money has not left, so nothing can be booked yet.
    expectProblem(
      await resolve(third!.orderId, thirdFlag!.id, {
        note: 'Buyer cancelled two projects',
        refundedOrderIds: [first!.orderId, second!.orderId],
      }),
      409,
      'ORDER.REFUND_NOT_ATTRIBUTABLE',
    );
    expect(await t.sendStripeEvent('refund.updated', succeeded)).toMatchObject({
      outcome: 'refund_unattributed',
    });
    for (const line of p.lines) expect(await flagOf(line.orderId)).toHaveLength(1);
    // Lines that do not add up to the refund: refused, nothing changes.
    expectProblem(
      await resolve(third!.orderId, thirdFlag!.id, {
        note: 'Wrong lines',
        refundedOrderIds: [first!.orderId, third!.orderId],
      }),
      409,
      'ORDER.REFUND_NOT_ATTRIBUTABLE',
    );
    for (const line of p.lines) expect(await lineRow(line.orderId)).toEqual(paidLine(line));

    const resolved = await resolve(third!.orderId, thirdFlag!.id, {
      note: 'Buyer cancelled two projects',
      refundedOrderIds: [first!.orderId, second!.orderId],
    });
    expectStatus(resolved, 200);
    expect(resolved.json()).toMatchObject({
      code: 'purchase_refund_unattributed',
      resolvedBy: admin.user.id,
      resolutionNote: 'Buyer cancelled two projects',
    });
    // One problem: resolved on every line; the two lines refunded once, the third paid.
    for (const line of p.lines) {
      const flags = await flagOf(line.orderId);
      expect(flags).toHaveLength(1);
      expect(flags[0]!.resolved_at).not.toBeNull();
      expect(flags[0]!.resolved_by).toBe(admin.user.id);
      expect(await openFlags(line.orderId)).toEqual([]);
    }
    for (const line of [first!, second!]) {
      expect(await lineRow(line.orderId)).toEqual(refundedLine(line));
      expect(await creditNotesOf(line.orderId)).toBe(1);
    }
    expect(await lineRow(third!.orderId)).toEqual(paidLine(third!));
    expect(await t.auditCount('purchase.refund_attributed', p.id)).toBe(1);
    expectProblem(
      await resolve(third!.orderId, thirdFlag!.id, { note: 'again' }),
      409,
      'ORDER.FLAG_RESOLVED',
    );
    // Stripe's later events of the refund book nothing more and raise no flag again.
    expect(await t.sendStripeEvent('charge.refund.updated', succeeded)).toMatchObject({
      outcome: 'unchanged',
    });
    for (const line of p.lines) expect(await flagOf(line.orderId)).toHaveLength(1);
    expect(await lineRow(third!.orderId)).toEqual(paidLine(third!));
    expect(await differencesOf(p.lines.map((line) => line.orderId))).toEqual([]);

    // Another purchase: such a refund that fails gave nothing back; its flags resolve themselves.
    const q = await paidPurchase([1, 2, 4]);
    const failing = {
      ...refund('pending'),
      payment_intent: q.paymentIntentId,
      charge: q.chargeId,
      amount: q.lines[0]!.amountCents + q.lines[1]!.amountCents,
    };
    await t.sendStripeEvent('refund.created', failing);
    for (const line of q.lines) expect(await openFlags(line.orderId)).toHaveLength(1);
    await t.sendStripeEvent('refund.failed', {
      ...failing,
      status: 'failed',
      failure_reason: 'unknown',
    });
    for (const line of q.lines) {
      expect(await openFlags(line.orderId)).toEqual([]);
      expect(await lineRow(line.orderId)).toEqual(paidLine(line));
    }
    await t.expectInvariants();
  }, 180_000);

  it('a concurrent double refund of one line refunds it once', async () => {
    const p = await paidPurchase();
    const line = p.lines[1]!;
    const answers = await Promise.all([
      t.orders.refund(admin.as, line.orderId, 'twice'),
      t.orders.refund(admin.as, line.orderId, 'twice'),
    ]);
    for (const answer of answers) expect([200, 409, 502], answer.body).toContain(answer.statusCode);
    expect(answers.some((answer) => answer.statusCode === 200)).toBe(true);
    // Whatever either answered, a retry settles it: one refund at Stripe, booked once.
    await t.orders.refund(admin.as, line.orderId, 'twice');
    const atStripe = refundsOf(p);
    expect(atStripe.map((r) => r.amount)).toEqual([line.amountCents]);
    expect(await lineRow(line.orderId)).toEqual(refundedLine(line));
    await t.expectInvariants();
  }, 120_000);

  it('another organisation’s ids answer 404; a refund event naming another purchase’s line books nothing there', async () => {
    const p = await paidPurchase();
    const other = await t.newSupplier();
    expectProblem(
      await t.get(other, `/v1/orders/${p.lines[0]!.orderId}`),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expectProblem(await t.get(other, `/v1/purchases/${p.id}`), 404, 'RESOURCE.NOT_FOUND');
    const refused = await t.orders.refund(other.as, p.lines[0]!.orderId);
    expect([403, 404]).toContain(refused.statusCode);

    // A refund of another purchase's payment whose metadata names this purchase's line.
    const q = await paidPurchase([1, 1, 1]);
    const forged = {
      id: `re_forged${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      object: 'refund',
      amount: 1,
      currency: 'eur',
      payment_intent: q.paymentIntentId,
      charge: q.chargeId,
      status: 'succeeded',
      failure_reason: null,
      metadata: { order_id: p.lines[0]!.orderId },
      created: Math.floor(Date.now() / 1000),
    };
    expect(await t.sendStripeEvent('refund.created', forged)).toMatchObject({
      outcome: 'refund_unattributed',
    });
    expect(await lineRow(p.lines[0]!.orderId)).toEqual(paidLine(p.lines[0]!));
    await t.expectInvariants();
  }, 120_000);

  // ---- reconciliation per line ----

  const day = (at: Date) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at);
  async function differencesOf(orderIds: string[]) {
    const now = Date.now();
    const response = await t.get(
      admin,
      `/v1/funding/reconciliation?from=${day(new Date(now - 86_400_000))}&to=${day(new Date(now + 86_400_000))}`,
    );
    expectStatus(response, 200);
    const body = response.json<{
      days: {
        differences: {
          kind: string;
          orderId: string | null;
          stripeCents: number | null;
          ledgerCents: number | null;
        }[];
      }[];
    }>();
    return body.days
      .flatMap((d) => d.differences)
      .filter((d) => d.orderId !== null && orderIds.includes(d.orderId));
  }

  // ---- refunds reported before the purchase's payment ----

  /** A Stripe purchase placed and paid at the fake; its checkout.session.completed not yet delivered. */
  async function paidAtStripeOnly(credits: number[]) {
    const purchase = await t.newStripePurchase({
      buyer: supplier,
      lines: credits.map((n, i) => ({ project: projects[i]!, credits: n })),
    });
    const completed = t.stripe.completeSession(purchase.session.id);
    const paymentIntentId = completed.payment_intent!;
    const lines = await t.db
      .selectFrom('orders')
      .select(['id', 'amount_cents'])
      .where('purchase_id', '=', purchase.id)
      .orderBy('id')
      .execute();
    return {
      purchase,
      completed,
      paymentIntentId,
      chargeId: String(t.stripe.chargeFor(paymentIntentId)['id']),
      lines: lines.map((l) => ({ orderId: l.id, amountCents: Number(l.amount_cents) })),
    };
  }

  const dashboardRefundOf =
    (paymentIntentId: string, chargeId: string, amount: number) =>
    (status: string, failureReason: string | null = null) => ({
      id: `re_early${paymentIntentId.slice(-8)}${amount}`,
      object: 'refund',
      amount,
      currency: 'eur',
      payment_intent: paymentIntentId,
      charge: chargeId,
      status,
      failure_reason: failureReason,
      metadata: {},
      created: Math.floor(Date.now() / 1000),
    });

  const openFlags = async (orderId: string) =>
    (
      await t.db
        .selectFrom('order_flags')
        .select(['code', 'detail'])
        .where('order_id', '=', orderId)
        .where('resolved_at', 'is', null)
        .orderBy('seq')
        .execute()
    ).map((f) => `${f.code}: ${f.detail}`);

  const creditNotesOf = async (orderId: string) =>
    Number(
      (
        await t.db
          .selectFrom('credit_notes')
          .select(sql<string>`count(*)`.as('n'))
          .where('order_id', '=', orderId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('a dashboard refund reported before the purchase’s payment: linked to its line when the payment arrives, booked once, in every order of events; reconciliation clean', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<'succeeded' | 'failed'>('succeeded', 'failed'),
        fc.infiniteStream(fc.nat()),
        fc.array(fc.nat({ max: 4 }), { maxLength: 3 }),
        async (outcome, randoms, repeats) => {
          const early = await paidAtStripeOnly([1, 2, 3]);
          // The middle line by amount: exactly one line has it (the amounts differ).
          const second = [...early.lines].sort((a, b) => a.amountCents - b.amountCents)[1]!;
          const refund = dashboardRefundOf(
            early.paymentIntentId,
            early.chargeId,
            second.amountCents,
          );
          const final =
            outcome === 'succeeded' ? refund('succeeded') : refund('failed', 'lost_or_stolen_card');
          const charge = {
            ...t.stripe.chargeFor(early.paymentIntentId),
            amount_refunded: second.amountCents,
          };
          const events = [
            sessionEvent('checkout.session.completed', early.completed),
            stripeEvent('refund.created', refund('pending')),
            stripeEvent(outcome === 'succeeded' ? 'refund.updated' : 'refund.failed', final),
            stripeEvent('charge.refund.updated', final),
            stripeEvent('charge.refunded', charge),
          ];
          // A shuffle (Fisher–Yates on the generated stream), then some redelivered (same ids).
          const order = [...events];
          const stream = randoms[Symbol.iterator]();
          for (let i = order.length - 1; i > 0; i--) {
            const j = stream.next().value! % (i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          for (const r of repeats) order.push(events[r % events.length]!);
          for (const event of order) {
            const response = await t.deliverWebhook(event);
            expect(response.statusCode, response.body).toBe(200);
          }

          for (const line of early.lines) {
            const row = await lineRow(line.orderId);
            if (line !== second) {
              expect(row).toEqual({
                status: 'paid',
                refundState: null,
                certificate: 'active',
                money: [`payment_received:${line.amountCents}`],
              });
              expect(await openFlags(line.orderId)).toEqual([]);
              continue;
            }
            if (outcome === 'succeeded') {
              expect(row).toEqual({
                status: 'refunded',
                refundState: null,
                certificate: 'revoked',
                money: [`payment_received:${line.amountCents}`, `refund_paid:${line.amountCents}`],
              });
              expect(await creditNotesOf(line.orderId)).toBe(1);
              expect(await openFlags(line.orderId)).toEqual([]);
            } else {
              expect(row).toEqual({
                status: 'paid',
                refundState: 'failed',
                certificate: 'active',
                money: [`payment_received:${line.amountCents}`],
              });
              expect(await creditNotesOf(line.orderId)).toBe(0);
              expect(await openFlags(line.orderId)).toEqual([
                `refund_failed: ${final.id} (lost_or_stolen_card)`,
              ]);
            }
          }
          expect(await differencesOf(early.lines.map((line) => line.orderId))).toEqual([]);
        },
      ),
      { numRuns: 10 },
    );
    await t.expectInvariants();
  }, 400_000);

  it('a refund of part of a line reported before the purchase’s payment is flagged on the lines when it arrives, booked nowhere', async () => {
    const early = await paidAtStripeOnly([1, 2, 3]);
    const part = dashboardRefundOf(early.paymentIntentId, early.chargeId, 100)('succeeded');
    expect(await t.sendStripeEvent('refund.created', part)).toMatchObject({
      outcome: 'refund_unmatched',
    });
    expectStatus(
      await t.deliverWebhook(sessionEvent('checkout.session.completed', early.completed)),
      200,
    );
    for (const line of early.lines) {
      expect(await lineRow(line.orderId)).toMatchObject({
        status: 'paid',
        money: [`payment_received:${line.amountCents}`],
      });
      expect(await openFlags(line.orderId)).toEqual([
        `purchase_refund_unattributed: ${part.id} of 100 cents`,
      ]);
    }
    expect(await t.auditCount('payment.refund_linked', early.purchase.id)).toBe(1);
    await t.expectInvariants();
  }, 120_000);

  it('reconciliation counts a purchase per line: payments, a line refund, a lost dispute; a missing event is still listed', async () => {
    const paidOnly = await paidPurchase([1, 1, 2]);
    const refunded = await paidPurchase([2, 1, 1]);
    const disputed = await paidPurchase([1, 2, 1]);
    const ids = [paidOnly, refunded, disputed].flatMap((p) => p.lines.map((l) => l.orderId));
    expect(await differencesOf(ids)).toEqual([]);

    // A line refunded: Stripe answers succeeded; until its event arrives the ledger has a
    // refund Stripe has not reported (a real difference, listed) …
    const line = refunded.lines[0]!;
    expectStatus(await t.orders.refund(admin.as, line.orderId), 200);
    expect(await differencesOf(ids)).toEqual([
      expect.objectContaining({
        kind: 'refund_not_reported_by_stripe',
        orderId: line.orderId,
        ledgerCents: line.amountCents,
      }),
    ]);
    // … and once it arrives (with the charge's cumulative charge.refunded), nothing is listed.
    const [atStripe] = refundsOf(refunded);
    await t.sendStripeEvent('refund.updated', atStripe as never);
    await t.sendStripeEvent('charge.refunded', t.stripe.chargeFor(refunded.paymentIntentId));
    expect(await differencesOf(ids)).toEqual([]);

    // A lost dispute of a whole purchase: each line's share counts as that line's refund.
    const { events } = newDisputeLife(disputed, 'lost');
    for (const event of events) await t.sendStripeEvent(event.type, event.object);
    expect((await lineRow(disputed.lines[1]!.orderId)).status).toBe('refunded');
    expect(await differencesOf(ids)).toEqual([]);
    await t.expectInvariants();
  }, 180_000);
});
