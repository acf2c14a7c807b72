import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, type ListedProject, type Person, TestContext } from '../factory/index.js';
import { sessionEvent } from '../factory/stripe.js';
import { disputeSnapshot, stripeEvent } from '../helpers/fake-stripe.js';

/**
 * A purchase (issue 19) is paid by one Stripe payment; its refunds and disputes are split
 * over its lines (issue 17 for purchases). The real app against the local fake Stripe,
 * events signed with the SDK's test helper.
 */

interface Line {
  orderId: string;
  projectId: string;
  amountCents: number;
  certificateId: string;
}
interface PaidPurchase {
  id: string;
  amountCents: number;
  paymentIntentId: string;
  chargeId: string;
  lines: Line[];
}

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

  async function paidPurchase(
    credits: number[] = [2, 3, 4],
    buyer = supplier,
  ): Promise<PaidPurchase> {
    const placed = await t.post(
      buyer,
      '/v1/purchases',
      {
        lines: credits.map((n, i) => ({ projectId: projects[i]!.id, credits: n })),
        paymentMethod: 'stripe',
      },
      { 'idempotency-key': randomUUID() },
    );
    expectStatus(placed, 201);
    const purchase = placed.json<{ id: string; amountCents: number }>();
    const session = [...t.stripe.sessions.values()].find(
      (s) => s.client_reference_id === purchase.id,
    )!;
    const completed = t.stripe.completeSession(session.id);
    expectStatus(
      await t.deliverWebhook(sessionEvent('checkout.session.completed', completed)),
      200,
    );
    const paymentIntentId = completed.payment_intent!;
    const orders = await t.db
      .selectFrom('orders as o')
      .innerJoin('certificates as c', 'c.order_id', 'o.id')
      .select(['o.id', 'o.project_id', 'o.amount_cents', 'o.status', 'c.id as certificate_id'])
      .where('o.purchase_id', '=', purchase.id)
      .orderBy('o.id')
      .execute();
    expect(orders.map((o) => o.status)).toEqual(['paid', 'paid', 'paid']);
    return {
      id: purchase.id,
      amountCents: purchase.amountCents,
      paymentIntentId,
      chargeId: String(t.stripe.chargeFor(paymentIntentId)['id']),
      lines: orders.map((o) => ({
        orderId: o.id,
        projectId: o.project_id,
        amountCents: Number(o.amount_cents),
        certificateId: o.certificate_id,
      })),
    };
  }

  async function send(type: string, object: Record<string, unknown>) {
    const response = await t.deliverWebhook(stripeEvent(type, object));
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ outcome: string }>();
  }

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

  function disputeEvents(p: PaidPurchase, life: 'won' | 'lost') {
    const base = disputeSnapshot({
      id: `dp_purchase${process.pid}x${randomUUID().slice(0, 8)}`,
      chargeId: p.chargeId,
      paymentIntentId: p.paymentIntentId,
      amount: p.amountCents,
    });
    const withdrawal = { id: `txn_w_${base.id}`, amount: -p.amountCents };
    const reinstatement = { id: `txn_r_${base.id}`, amount: p.amountCents };
    const at = (status: string, balance: object[]) => ({
      ...base,
      status,
      balance_transactions: balance,
    });
    const events = [
      { type: 'charge.dispute.created', object: at('needs_response', []) },
      { type: 'charge.dispute.funds_withdrawn', object: at('needs_response', [withdrawal]) },
    ];
    if (life === 'won')
      events.push(
        {
          type: 'charge.dispute.funds_reinstated',
          object: at('under_review', [withdrawal, reinstatement]),
        },
        { type: 'charge.dispute.closed', object: at('won', [withdrawal, reinstatement]) },
      );
    else events.push({ type: 'charge.dispute.closed', object: at('lost', [withdrawal]) });
    return { id: base.id, events };
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
    const { id, events } = disputeEvents(p, 'won');
    const [created, withdrawn, reinstated, closed] = events;
    expect(await send(created!.type, created!.object)).toMatchObject({ outcome: 'dispute_opened' });
    expect((await linesState(p)).map((line) => line.certificate)).toEqual([
      'suspended',
      'suspended',
      'suspended',
    ]);
    await send(withdrawn!.type, withdrawn!.object);
    // Twice: held once.
    await send(withdrawn!.type, withdrawn!.object);
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

    await send(reinstated!.type, reinstated!.object);
    await send(closed!.type, closed!.object);
    await send(reinstated!.type, reinstated!.object);
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
    const orders: Array<(n: number) => number[]> = [
      () => [0, 1, 2],
      () => [2, 1, 0],
      () => [1, 2, 0, 2, 1],
    ];
    for (const pick of orders) {
      const p = await paidPurchase([1, 2, 1]);
      const { events } = disputeEvents(p, 'lost');
      for (const i of pick(events.length)) await send(events[i]!.type, events[i]!.object);
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

  it('a dispute that arrives before the purchase’s payment takes effect on the lines when it is paid', async () => {
    const placed = await t.post(
      supplier,
      '/v1/purchases',
      {
        lines: [0, 1, 2].map((i) => ({ projectId: projects[i]!.id, credits: 1 })),
        paymentMethod: 'stripe',
      },
      { 'idempotency-key': randomUUID() },
    );
    expectStatus(placed, 201);
    const purchase = placed.json<{ id: string; amountCents: number }>();
    const session = [...t.stripe.sessions.values()].find(
      (s) => s.client_reference_id === purchase.id,
    )!;
    const completed = t.stripe.completeSession(session.id);
    const paymentIntentId = completed.payment_intent!;
    const chargeId = String(t.stripe.chargeFor(paymentIntentId)['id']);
    const dispute = {
      ...disputeSnapshot({ chargeId, paymentIntentId, amount: purchase.amountCents }),
      balance_transactions: [{ id: 'txn_early', amount: -purchase.amountCents }],
    };
    expect(await send('charge.dispute.funds_withdrawn', dispute)).toMatchObject({
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
});
