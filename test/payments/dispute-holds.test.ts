import {
  type DisputeLife,
  disputeLifeEvents,
  expectProblem,
  expectStatus,
  type Person,
  TestContext,
} from '../factory/index.js';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeEvent } from '../helpers/fake-stripe.js';

/**
 * Disputes hold funds (issue 17): Stripe withdraws a disputed payment from the balance
 * (`charge.dispute.funds_withdrawn`) and gives it back when the platform wins
 * (`funds_reinstated`). Meanwhile the amount is held out of the project's escrow, so no
 * payout can use it, and the certificate is suspended. Every dispute event, in any order
 * and repeated, ends in the same state.
 */

interface DisputeCase {
  orderId: string;
  projectId: string;
  amountCents: number;
  certificateId: string;
  chargeId: string;
  paymentIntentId: string;
  disputeId: string;
}

/** The dispute object as each event of its life carries it: status and balance transactions. */
const lifeEvents = (c: DisputeCase, life: DisputeLife) =>
  disputeLifeEvents({ ...c, id: c.disputeId }, life);

describe('disputes hold funds', () => {
  let t: TestContext;
  let admin: Person;
  let secondAdmin: Person;
  let supplier: Person;

  beforeAll(async () => {
    t = await TestContext.create({
      stripe: true,
      jobAttempts: 1,
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    admin = await t.platformAdmin();
    secondAdmin = await t.newAdmin();
    supplier = await t.newSupplier();
  }, 120_000);
  afterAll(async () => t?.close());

  let disputeCounter = 0;

  async function paidStripeOrder(projectId: string, quantity: number): Promise<DisputeCase> {
    const order = await t.newStripePaidOrder({
      buyer: supplier,
      project: projectId,
      credits: quantity,
    });
    const row = await t.orderRow(order.id);
    const charge = t.stripe.chargeFor(row.stripe_payment_intent_id!);
    const certificate = await t.db
      .selectFrom('certificates')
      .select('id')
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    return {
      orderId: order.id,
      projectId,
      amountCents: order.amountCents,
      certificateId: certificate.id,
      chargeId: String(charge['id']),
      paymentIntentId: row.stripe_payment_intent_id!,
      disputeId: `dp_hold${process.pid}x${++disputeCounter}`,
    };
  }

  /** What a dispute's life leaves behind, without timestamps or ids of rows. */
  async function stateOf(c: DisputeCase) {
    const order = await t.orderRow(c.orderId);
    const certificate = await t.certificateRow(c.certificateId);
    const dispute = await t.db
      .selectFrom('payment_disputes')
      .selectAll()
      .where('id', '=', c.disputeId)
      .executeTakeFirstOrThrow();
    const openHolds = await t.db
      .selectFrom('escrow_holds')
      .select(sql<string>`coalesce(sum(amount_cents), 0)`.as('held'))
      .where('order_id', '=', c.orderId)
      .where('released_at', 'is', null)
      .executeTakeFirstOrThrow();
    const money = await t.db
      .selectFrom('money_ledger')
      .select(['entry_type', 'amount_cents'])
      .where('order_id', '=', c.orderId)
      .orderBy('entry_type')
      .execute();
    const creditNotes = await t.db
      .selectFrom('credit_notes')
      .select(sql<string>`count(*)`.as('n'))
      .where('order_id', '=', c.orderId)
      .executeTakeFirstOrThrow();
    return {
      orderStatus: order.status,
      certificateStatus: certificate.status,
      disputeStatus: dispute.status,
      closed: dispute.closed_at !== null,
      fundsWithdrawn: dispute.funds_withdrawn_at !== null,
      fundsReinstated: dispute.funds_reinstated_at !== null,
      heldCents: Number(openHolds.held),
      money: money.map((m) => `${m.entry_type}:${Number(m.amount_cents)}`),
      creditNotes: Number(creditNotes.n),
    };
  }

  const approve = (who: { headers: { authorization: string } }, id: string) =>
    t.post(who as never, `/v1/payouts/${id}/approve`);
  const markPaid = (who: { headers: { authorization: string } }, id: string, reference: string) =>
    t.post(who as never, `/v1/payouts/${id}/mark-paid`, { bankReference: reference });

  it('funds withdrawn → payout refused (service and database) → reinstated → payout allowed', async () => {
    const project = await t.newListedProject({ credits: 20 });
    // The threshold bought in one Stripe order: the escrow is exactly the first tranche.
    const c = await paidStripeOrder(project.id, project.threshold);
    const tranche = (await t.funding(admin.as, project.id)).tranches[0];
    expect(tranche).toMatchObject({ tranche: 1, status: 'due', amountCents: c.amountCents });
    const [created, withdrawn, , reinstated, closed] = lifeEvents(c, 'won');

    expect(await t.sendStripeEvent(created!.type, created!.object)).toMatchObject({
      outcome: 'dispute_opened',
    });
    expect((await t.certificateRow(c.certificateId)).status).toBe('suspended');
    // Opened, but Stripe has not taken the money yet: nothing is held.
    expect((await t.funding(admin.as, project.id)).escrow.heldByDisputesCents).toBe(0);

    expect(await t.sendStripeEvent(withdrawn!.type, withdrawn!.object)).toMatchObject({
      outcome: 'dispute_funds_withdrawn',
    });
    const held = await t.funding(admin.as, project.id);
    expect(held.escrow).toMatchObject({
      escrowCents: c.amountCents,
      heldByDisputesCents: c.amountCents,
      balanced: true,
    });
    expectProblem(await approve(admin.as, tranche.id), 409, 'PAYOUT.FUNDS_HELD_BY_DISPUTE');

    // The database refuses a payout entry that needs the held money, whatever the service does.
    await expect(
      sql`INSERT INTO money_ledger (project_id, entry_type, amount_cents, method, external_reference, payout_id)
          VALUES (${project.id}, 'payout', ${c.amountCents}, 'bank', 'NL-SKIP', ${tranche.id})`.execute(
        t.db,
      ),
    ).rejects.toThrow(/held by disputes/);
    // … and a hold is never deleted nor rewritten.
    await expect(
      sql`DELETE FROM escrow_holds WHERE dispute_id = ${c.disputeId}`.execute(t.db),
    ).rejects.toThrow(/never deleted/);
    await expect(
      sql`UPDATE escrow_holds SET amount_cents = 1 WHERE dispute_id = ${c.disputeId}`.execute(t.db),
    ).rejects.toThrow(/released, once/);

    expect(await t.sendStripeEvent(reinstated!.type, reinstated!.object)).toMatchObject({
      outcome: 'dispute_funds_reinstated',
    });
    expect((await t.certificateRow(c.certificateId)).status).toBe('active');
    expect((await t.funding(admin.as, project.id)).escrow.heldByDisputesCents).toBe(0);

    expectStatus(await approve(admin.as, tranche.id), 200);
    expectStatus(await markPaid(secondAdmin.as, tranche.id, 'NL-TRF-HOLD-1'), 200);
    expect(await t.sendStripeEvent(closed!.type, closed!.object)).toMatchObject({
      outcome: 'dispute_closed',
    });
    expect(await stateOf(c)).toMatchObject({
      orderStatus: 'paid',
      certificateStatus: 'active',
      disputeStatus: 'won',
      heldCents: 0,
    });
    expect(await t.auditCount('escrow.held_for_dispute', c.orderId)).toBe(1);
    expect(await t.auditCount('escrow.released_from_dispute', c.orderId)).toBe(1);
    await t.expectInvariants();
  }, 60_000);

  it('a payout approved before the withdrawal is refused at payment until the money is back', async () => {
    const project = await t.newListedProject({ credits: 20 });
    const c = await paidStripeOrder(project.id, project.threshold);
    const tranche = (await t.funding(admin.as, project.id)).tranches[0];
    expectStatus(await approve(admin.as, tranche.id), 200);
    const [, withdrawn, , , closed] = lifeEvents(c, 'won');
    await t.sendStripeEvent(withdrawn!.type, withdrawn!.object);
    expectProblem(
      await markPaid(secondAdmin.as, tranche.id, 'NL-TRF-HOLD-2'),
      409,
      'PAYOUT.FUNDS_HELD_BY_DISPUTE',
    );
    // Won and closed, the funds_reinstated event not (yet) delivered: released all the same.
    await t.sendStripeEvent(closed!.type, closed!.object);
    expectStatus(await markPaid(secondAdmin.as, tranche.id, 'NL-TRF-HOLD-2'), 200);
    await t.expectInvariants();
  }, 60_000);

  const expected = (c: DisputeCase, life: DisputeLife) =>
    life === 'won'
      ? {
          orderStatus: 'paid',
          certificateStatus: 'active',
          disputeStatus: 'won',
          closed: true,
          fundsWithdrawn: true,
          fundsReinstated: true,
          heldCents: 0,
          money: [`payment_received:${c.amountCents}`],
          creditNotes: 0,
        }
      : {
          orderStatus: 'refunded',
          certificateStatus: 'revoked',
          disputeStatus: 'lost',
          closed: true,
          fundsWithdrawn: true,
          fundsReinstated: false,
          heldCents: 0,
          money: [`payment_received:${c.amountCents}`, `refund_paid:${c.amountCents}`],
          creditNotes: 1,
        };

  it('every order of a dispute’s events, each possibly repeated, converges to one state', async () => {
    const project = await t.newListedProject({ credits: 400 });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<DisputeLife>('won', 'lost'),
        fc.infiniteStream(fc.nat()),
        fc.array(fc.nat({ max: 4 }), { maxLength: 3 }),
        async (life, randoms, repeats) => {
          const c = await paidStripeOrder(project.id, 1);
          const events = lifeEvents(c, life);
          // A shuffle (Fisher–Yates on the generated stream), then some events again (new ids).
          const order = [...events];
          const stream = randoms[Symbol.iterator]();
          for (let i = order.length - 1; i > 0; i--) {
            const j = stream.next().value! % (i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          for (const r of repeats) order.push(events[r % events.length]!);
          for (const event of order) await t.sendStripeEvent(event.type, event.object);
          expect(await stateOf(c)).toEqual(expected(c, life));
          // While the dispute was open with its money withdrawn, the hold was there; at the end none is.
          const after = await t.funding(admin.as, project.id);
          expect(after.escrow.balanced).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
    expect((await t.funding(admin.as, project.id)).escrow.heldByDisputesCents).toBe(0);
    await t.expectInvariants();
  }, 240_000);

  it('holds while open at every prefix of a life in order, released once at the end', async () => {
    const project = await t.newListedProject({ credits: 50 });
    const c = await paidStripeOrder(project.id, 2);
    const events = lifeEvents(c, 'lost');
    const held: number[] = [];
    for (const event of events) {
      await t.sendStripeEvent(event.type, event.object);
      held.push((await stateOf(c)).heldCents);
    }
    // created: nothing; withdrawn and under review: held; lost: the refund replaces the hold.
    expect(held).toEqual([0, c.amountCents, c.amountCents, 0]);
    expect(await stateOf(c)).toEqual(expected(c, 'lost'));
    const releases = await t.db
      .selectFrom('escrow_holds')
      .select(['release_reason'])
      .where('dispute_id', '=', c.disputeId)
      .execute();
    expect(releases).toEqual([{ release_reason: `dispute lost: ${c.disputeId}` }]);
    await t.expectInvariants();
  }, 60_000);

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'a payout paid at the moment the funds are withdrawn: never both paid and held beyond escrow (server)',
    async () => {
      for (let round = 0; round < 6; round++) {
        const project = await t.newListedProject({ credits: 20 });
        const c = await paidStripeOrder(project.id, project.threshold);
        const tranche = (await t.funding(admin.as, project.id)).tranches[0];
        expectStatus(await approve(admin.as, tranche.id), 200);
        const [, withdrawn] = lifeEvents(c, 'won');
        const [paid, event] = await Promise.all([
          markPaid(secondAdmin.as, tranche.id, `NL-TRF-RACE-${round}`),
          t.deliverWebhook(stripeEvent(withdrawn!.type, withdrawn!.object)),
        ]);
        expect(event.statusCode, event.body).toBe(200);
        expect([200, 409], paid.body).toContain(paid.statusCode);
        const funding = await t.funding(admin.as, project.id);
        if (paid.statusCode === 200) {
          // Paid first: the hold came after, on money already paid out (Stripe's risk, shown).
          expect(funding.escrow.paidOutCents).toBe(c.amountCents);
        } else {
          expect(paid.json().code).toBe('PAYOUT.FUNDS_HELD_BY_DISPUTE');
          expect(funding.escrow.paidOutCents).toBe(0);
          expect(funding.escrow.heldByDisputesCents).toBe(c.amountCents);
        }
      }
      await t.expectInvariants();
    },
    120_000,
  );
});
