import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeRefundKey } from '../../src/modules/settlement/refunds.js';
import {
  expectProblem,
  expectStatus,
  type ListedProject,
  newDisputeLife,
  type PaidStripePurchase,
  type Person,
  type PurchaseLine,
  TestContext,
} from '../factory/index.js';
import { stripeEvent } from '../helpers/fake-stripe.js';

/**
 * The cases of an order's payment, refund and dispute, for a purchase (one Stripe payment
 * or one invoice over several projects, each a line that is its own order): a line's
 * refund racing Stripe's events, a line's refund that fails after it blocked a claim, a
 * purchase's dispute holding a project's payout, a Checkout Session Stripe refuses, and
 * bank statements paying purchases. The real app against the local fake Stripe, events
 * signed with the SDK's test helper; on the PostgreSQL server (TEST_DATABASE_URL) the
 * races really overlap.
 */

/** Collects every line the logger writes. */
class CapturingStream {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  records(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

const stream = new CapturingStream();
let t: TestContext;
let admin: Person;
let secondAdmin: Person;
let supplier: Person;
let projects: ListedProject[];

beforeAll(async () => {
  t = await TestContext.create({
    stripe: true,
    jobAttempts: 1,
    env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    logger: { level: 'warn', stream },
  });
  admin = await t.platformAdmin();
  secondAdmin = await t.newAdmin();
  supplier = await t.newSupplier();
  projects = [];
  for (let i = 0; i < 3; i++) projects.push(await t.newListedProject({ credits: 400 }));
}, 300_000);
afterAll(async () => t?.close());

const paidPurchase = (credits: number[] = [1, 2, 3], buyer = supplier) =>
  t.newStripePaidPurchase({
    buyer,
    lines: credits.map((n, i) => ({ project: projects[i]!, credits: n })),
  });

const refundsOf = (p: PaidStripePurchase) =>
  t.stripe.refunds.filter((refund) => refund.payment_intent === p.paymentIntentId);

/** A line's order, certificate, open holds, ledgers, credit notes and Stripe refund rows. */
async function lineState(line: PurchaseLine) {
  const order = await t.orderRow(line.orderId);
  const certificate = await t.certificateRow(line.certificateId);
  const held = await t.db
    .selectFrom('escrow_holds')
    .select(sql<string>`coalesce(sum(amount_cents), 0)`.as('held'))
    .where('order_id', '=', line.orderId)
    .where('released_at', 'is', null)
    .executeTakeFirstOrThrow();
  const creditNotes = await t.db
    .selectFrom('credit_notes')
    .select(sql<string>`count(*)`.as('n'))
    .where('order_id', '=', line.orderId)
    .executeTakeFirstOrThrow();
  const refunds = await t.db
    .selectFrom('stripe_refunds')
    .select('status')
    .where('order_id', '=', line.orderId)
    .execute();
  return {
    status: order.status,
    refundState: order.refund_state,
    certificate: certificate.status,
    heldCents: Number(held.held),
    ledger: await t.orders.ledgerOf(line.orderId),
    creditNotes: Number(creditNotes.n),
    stripeRefunds: refunds.map((r) => r.status),
  };
}

const paidLedger = { 'credit.reserve': 1, 'credit.sell': 1, 'money.payment_received': 1 };
const refundedLedger = { ...paidLedger, 'credit.refund': 1, 'money.refund_paid': 1 };
const untouched = {
  status: 'paid',
  refundState: null,
  certificate: 'active',
  heldCents: 0,
  ledger: paidLedger,
  creditNotes: 0,
  stripeRefunds: [],
};
const refundedOnce = {
  status: 'refunded',
  refundState: null,
  certificate: 'revoked',
  heldCents: 0,
  ledger: refundedLedger,
  creditNotes: 1,
  stripeRefunds: ['succeeded'],
};
const failedOnce = {
  status: 'paid',
  refundState: 'failed',
  certificate: 'active',
  heldCents: 0,
  ledger: paidLedger,
  creditNotes: 0,
  stripeRefunds: ['failed'],
};

describe('a line’s refund: Stripe’s answer and its event racing', () => {
  type Outcome = 'succeeded' | 'failed';
  const finalEvent = (outcome: Outcome) =>
    outcome === 'failed' ? 'refund.failed' : 'refund.updated';

  /** The line's refund at Stripe, settled there; the late reports change nothing. */
  async function expectSettledOnce(p: PaidStripePurchase, line: PurchaseLine, outcome: Outcome) {
    expect(await lineState(line)).toEqual(outcome === 'succeeded' ? refundedOnce : failedOnce);
    for (const other of p.lines.filter((l) => l !== line))
      expect(await lineState(other)).toEqual(untouched);
    const [atStripe, ...more] = refundsOf(p);
    expect(more).toEqual([]);
    expect(atStripe).toMatchObject({ amount: line.amountCents, status: outcome });
    // Stripe's other reports of it, repeated or late, change nothing.
    const settled = atStripe as unknown as Record<string, unknown>;
    expect(await t.sendStripeEvent('charge.refund.updated', settled)).toMatchObject({
      outcome: 'unchanged',
    });
    expect(await t.sendStripeEvent(finalEvent(outcome), settled)).toMatchObject({
      outcome: 'unchanged',
    });
    expect(
      await t.sendStripeEvent('refund.created', { ...settled, status: 'pending' }),
    ).toMatchObject({
      outcome: 'unchanged',
    });
    expect(
      await t.sendStripeEvent('charge.refunded', {
        ...t.stripe.chargeFor(p.paymentIntentId),
        amount_refunded: line.amountCents,
      }),
    ).toMatchObject({ outcome: 'purchase_refund_reported' });
    expect(await lineState(line)).toEqual(outcome === 'succeeded' ? refundedOnce : failedOnce);
    const actions = (await t.orders.auditActions(line.orderId)).filter((a) =>
      a.startsWith('order.refund'),
    );
    expect(actions.filter((a) => a === 'order.refund_requested')).toHaveLength(1);
    expect(actions.filter((a) => a === 'order.refunded')).toHaveLength(
      outcome === 'succeeded' ? 1 : 0,
    );
    expect(actions.filter((a) => a === 'order.refund_failed')).toHaveLength(
      outcome === 'failed' ? 1 : 0,
    );
  }

  it('the event arrives before the API answer: the event decides, the answer changes nothing', async () => {
    for (const outcome of ['succeeded', 'failed'] as const) {
      const p = await paidPurchase();
      const line = p.lines[1]!;
      t.stripe.refundStatus = 'pending';
      const hold = t.stripe.holdNext({ method: 'POST', path: '/v1/refunds' });
      const refunding = t.orders.refund(admin.as, line.orderId, 'Ordered twice');
      await hold.arrived;
      // Stripe made the refund for the line's key (as for a first attempt whose answer is
      // still on its way): the held request is then answered with it, pending.
      await t.payments!.refund({
        paymentIntentId: p.paymentIntentId,
        amountCents: line.amountCents,
        idempotencyKey: stripeRefundKey(line.orderId),
        reason: `Impactbeurs order ${line.orderId}`,
        orderId: line.orderId,
      });
      t.stripe.refundStatus = 'succeeded';
      const [atStripe] = refundsOf(p);
      expect(atStripe).toMatchObject({ status: 'pending', metadata: { order_id: line.orderId } });
      const settled = t.stripe.settleRefund(atStripe!.id, outcome, 'expired_or_canceled_card');
      expect(await t.sendStripeEvent(finalEvent(outcome), settled)).toMatchObject({
        outcome: outcome === 'succeeded' ? 'refunded' : 'refund_failed',
      });
      hold.release();
      const answer = await refunding;
      if (outcome === 'succeeded') {
        expectStatus(answer, 200);
        expect(answer.json()).toMatchObject({ status: 'refunded', refundState: null });
      } else expectProblem(answer, 409, 'ORDER.REFUND_FAILED');
      await expectSettledOnce(p, line, outcome);
    }
    await t.expectInvariants();
  }, 180_000);

  it('the API answer arrives before the event: pending, then the event decides once', async () => {
    for (const outcome of ['succeeded', 'failed'] as const) {
      const p = await paidPurchase();
      const line = p.lines[2]!;
      t.stripe.refundStatus = 'pending';
      const answer = await t.orders.refund(admin.as, line.orderId, 'Ordered twice');
      t.stripe.refundStatus = 'succeeded';
      expectStatus(answer, 200);
      expect(answer.json()).toMatchObject({ status: 'paid', refundState: 'pending' });
      expect(await lineState(line)).toMatchObject({
        status: 'paid',
        refundState: 'pending',
        certificate: 'suspended',
        creditNotes: 0,
        stripeRefunds: ['pending'],
      });
      const [atStripe] = refundsOf(p);
      // Stripe's refund.created of the pending refund after its answer: known already.
      expect(await t.sendStripeEvent('refund.created', atStripe as never)).toMatchObject({
        outcome: 'unchanged',
      });
      const settled = t.stripe.settleRefund(atStripe!.id, outcome, 'expired_or_canceled_card');
      expect(await t.sendStripeEvent(finalEvent(outcome), settled)).toMatchObject({
        outcome: outcome === 'succeeded' ? 'refunded' : 'refund_failed',
      });
      await expectSettledOnce(p, line, outcome);
    }
    await t.expectInvariants();
  }, 180_000);

  it('the API answer and the event at the same moment: one outcome, booked once, whichever commits first', async () => {
    for (const outcome of ['succeeded', 'failed'] as const) {
      for (let round = 0; round < 2; round++) {
        const p = await paidPurchase();
        const line = p.lines[round]!;
        t.stripe.refundStatus = 'pending';
        const hold = t.stripe.holdNext({ method: 'POST', path: '/v1/refunds' });
        const refunding = t.orders.refund(admin.as, line.orderId);
        await hold.arrived;
        hold.release();
        // The refund exists at Stripe as soon as the held request is answered.
        let atStripe = refundsOf(p)[0];
        while (!atStripe) {
          await new Promise((resolve) => setImmediate(resolve));
          atStripe = refundsOf(p)[0];
        }
        t.stripe.refundStatus = 'succeeded';
        const settled = t.stripe.settleRefund(atStripe.id, outcome, 'expired_or_canceled_card');
        const [answer, event] = await Promise.all([
          refunding,
          t.deliverWebhook(stripeEvent(finalEvent(outcome), settled)),
        ]);
        expectStatus(event, 200);
        if (outcome === 'succeeded') expectStatus(answer, 200);
        else if (answer.statusCode === 200)
          // Applied before the failure: the admin was answered pending.
          expect(answer.json()).toMatchObject({ refundState: 'pending' });
        else expectProblem(answer, 409, 'ORDER.REFUND_FAILED');
        await expectSettledOnce(p, line, outcome);
      }
    }
    await t.expectInvariants();
  }, 240_000);
});

describe('a line’s refund that fails after it blocked a claim', () => {
  const claimStatus = async (id: string) =>
    (
      await t.db
        .selectFrom('claims')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  it('as for an order: the certificate is active again, the blocked claim can then be made and approved; a claim the suspension rejected stays rejected', async () => {
    const coordinator = await t.newAuthority();
    const contract = await t.newContract({ coordinator, supplier });
    const p = await paidPurchase([3, 3, 3]);
    const [first, second, third] = p.lines;

    // The second line's certificate has a pending claim before its refund.
    const earlier = await t.obligations.placeClaim(supplier.as, {
      certificateId: second!.certificateId,
      contractId: contract.id,
      credits: 1,
    });

    t.stripe.refundStatus = 'pending';
    for (const line of [first!, second!])
      expect((await t.orders.refund(admin.as, line.orderId, 'Wrong project')).json()).toMatchObject(
        { status: 'paid', refundState: 'pending', certificate: { status: 'suspended' } },
      );
    t.stripe.refundStatus = 'succeeded';

    // While Stripe holds the refunds, neither certificate can be claimed; the claim made
    // before was rejected by the suspension.
    for (const line of [first!, second!]) {
      const blocked = await t.obligations.claim(supplier.as, {
        certificateId: line.certificateId,
        contractId: contract.id,
        credits: 2,
      });
      expect([409, 422]).toContain(blocked.statusCode);
      expect(['CLAIM.REFUND_PENDING', 'CLAIM.CERTIFICATE_NOT_ACTIVE']).toContain(
        blocked.json().code,
      );
    }
    expect(await claimStatus(earlier.id)).toBe('rejected');
    expect(await t.auditCount('claim.rejected_automatically', earlier.id)).toBe(1);

    // The refunds fail: the first reported by refund.failed, the second by
    // charge.refund.updated with status failed.
    const [firstRefund, secondRefund] = refundsOf(p);
    expect(firstRefund!.metadata['order_id']).toBe(first!.orderId);
    expect(secondRefund!.metadata['order_id']).toBe(second!.orderId);
    const firstFailed = t.stripe.settleRefund(firstRefund!.id, 'failed', 'lost_or_stolen_card');
    const secondFailed = t.stripe.settleRefund(secondRefund!.id, 'failed', 'declined');
    expect(await t.sendStripeEvent('refund.failed', firstFailed)).toMatchObject({
      outcome: 'refund_failed',
    });
    expect(await t.sendStripeEvent('charge.refund.updated', secondFailed)).toMatchObject({
      outcome: 'refund_failed',
    });
    for (const [line, refund, reason] of [
      [first!, firstRefund!, 'lost_or_stolen_card'],
      [second!, secondRefund!, 'declined'],
    ] as const) {
      expect(await lineState(line)).toEqual(failedOnce);
      const order = await t.orderRow(line.orderId);
      expect(order.refund_requested_at).toBeNull();
      expect(order.needs_attention).toBe(`refund_failed: ${refund.id} (${reason})`);
    }
    expect(await lineState(third!)).toEqual(untouched);
    // The claim the suspension rejected is not revived: the supplier makes it again.
    expect(await claimStatus(earlier.id)).toBe('rejected');

    // The claims the refunds blocked can now be made and approved.
    for (const line of [first!, second!]) {
      const claim = await t.obligations.placeClaim(supplier.as, {
        certificateId: line.certificateId,
        contractId: contract.id,
        credits: 2,
      });
      expectStatus(await t.obligations.approve(coordinator.as, claim.id), 200);
      expect(await claimStatus(claim.id)).toBe('approved');
    }
    // With an approved claim on its certificate, a line is refunded no more (as an order).
    expectProblem(
      await t.orders.refund(admin.as, first!.orderId),
      409,
      'ORDER.CERTIFICATE_CLAIMED',
    );
    for (const line of [first!, second!])
      expect((await t.certificateRow(line.certificateId)).status).toBe('active');
    await t.expectInvariants();
  }, 180_000);

  it('a line’s refund that fails while a dispute of the purchase is open: the certificate stays suspended until the dispute ends', async () => {
    const p = await paidPurchase([1, 1, 2]);
    const line = p.lines[0]!;
    t.stripe.refundStatus = 'pending';
    expectStatus(await t.orders.refund(admin.as, line.orderId), 200);
    t.stripe.refundStatus = 'succeeded';
    const { events } = newDisputeLife(p, 'won');
    const [created, , , reinstated, closed] = events;
    expect(await t.sendStripeEvent(created!.type, created!.object)).toMatchObject({
      outcome: 'dispute_opened',
    });
    const [atStripe] = refundsOf(p);
    const failed = t.stripe.settleRefund(atStripe!.id, 'failed', 'declined');
    expect(await t.sendStripeEvent('refund.failed', failed)).toMatchObject({
      outcome: 'refund_failed',
    });
    expect(await lineState(line)).toMatchObject({
      status: 'paid',
      refundState: 'failed',
      certificate: 'suspended',
    });
    await t.sendStripeEvent(reinstated!.type, reinstated!.object);
    await t.sendStripeEvent(closed!.type, closed!.object);
    for (const each of p.lines)
      expect((await t.certificateRow(each.certificateId)).status).toBe('active');
    await t.expectInvariants();
  }, 120_000);
});

describe('a purchase’s dispute holds the funds of its lines’ projects', () => {
  const approve = (who: Person, id: string) => t.post(who, `/v1/payouts/${id}/approve`);
  const markPaid = (who: Person, id: string, reference: string) =>
    t.post(who, `/v1/payouts/${id}/mark-paid`, { bankReference: reference });

  /** A purchase whose first line buys a new project's threshold: its first tranche is due. */
  async function purchaseFunding() {
    const project = await t.newListedProject({ credits: 20 });
    const p = await t.newStripePaidPurchase({
      buyer: supplier,
      lines: [
        { project, credits: project.threshold },
        { project: projects[0]!, credits: 1 },
        { project: projects[1]!, credits: 2 },
      ],
    });
    const line = p.lines.find((l) => l.projectId === project.id)!;
    const tranche = (await t.funding(admin.as, project.id)).tranches[0];
    expect(tranche).toMatchObject({ tranche: 1, status: 'due', amountCents: line.amountCents });
    return { project, p, line, tranche: tranche as { id: string } };
  }

  it('funds withdrawn on the purchase’s charge → payout refused → funds reinstated → payout allowed', async () => {
    const { project, p, line, tranche } = await purchaseFunding();
    const { id, events } = newDisputeLife(p, 'won');
    const [created, withdrawn, , reinstated, closed] = events;

    expect(await t.sendStripeEvent(created!.type, created!.object)).toMatchObject({
      outcome: 'dispute_opened',
    });
    // Opened, the money not yet taken: nothing held, the payout could go.
    expect((await t.funding(admin.as, project.id)).escrow.heldByDisputesCents).toBe(0);

    expect(await t.sendStripeEvent(withdrawn!.type, withdrawn!.object)).toMatchObject({
      outcome: 'dispute_funds_withdrawn',
    });
    // Each line holds its own share, on its own project's escrow.
    expect((await t.funding(admin.as, project.id)).escrow).toMatchObject({
      escrowCents: line.amountCents,
      heldByDisputesCents: line.amountCents,
      balanced: true,
    });
    for (const each of p.lines)
      expect(await lineState(each)).toMatchObject({
        certificate: 'suspended',
        heldCents: each.amountCents,
      });
    expectProblem(await approve(admin, tranche.id), 409, 'PAYOUT.FUNDS_HELD_BY_DISPUTE');
    // The database refuses the payout entry too, whatever the service does.
    await expect(
      sql`INSERT INTO money_ledger (project_id, entry_type, amount_cents, method, external_reference, payout_id)
          VALUES (${project.id}, 'payout', ${line.amountCents}, 'bank', 'NL-SKIP', ${tranche.id})`.execute(
        t.db,
      ),
    ).rejects.toThrow(/held by disputes/);

    expect(await t.sendStripeEvent(reinstated!.type, reinstated!.object)).toMatchObject({
      outcome: 'dispute_funds_reinstated',
    });
    for (const each of p.lines)
      expect(await lineState(each)).toMatchObject({ certificate: 'active', heldCents: 0 });
    expect((await t.funding(admin.as, project.id)).escrow.heldByDisputesCents).toBe(0);
    expectStatus(await approve(admin, tranche.id), 200);
    expectStatus(await markPaid(secondAdmin, tranche.id, `NL-TRF-PURCHASE-${id.slice(-6)}`), 200);
    expect(await t.sendStripeEvent(closed!.type, closed!.object)).toMatchObject({
      outcome: 'dispute_closed',
    });
    for (const each of p.lines) {
      expect(await lineState(each)).toEqual(untouched);
      expect(await t.auditCount('escrow.held_for_dispute', each.orderId)).toBe(1);
      expect(await t.auditCount('escrow.released_from_dispute', each.orderId)).toBe(1);
    }
    await t.expectInvariants();
  }, 120_000);

  it('a payout approved before the withdrawal is refused at payment until the dispute is won', async () => {
    const { tranche, p } = await purchaseFunding();
    expectStatus(await approve(admin, tranche.id), 200);
    const { events } = newDisputeLife(p, 'won');
    const [, withdrawn, , , closed] = events;
    await t.sendStripeEvent(withdrawn!.type, withdrawn!.object);
    expectProblem(
      await markPaid(secondAdmin, tranche.id, 'NL-TRF-PURCHASE-HOLD'),
      409,
      'PAYOUT.FUNDS_HELD_BY_DISPUTE',
    );
    // Won and closed, the funds_reinstated event not (yet) delivered: released all the same.
    await t.sendStripeEvent(closed!.type, closed!.object);
    expectStatus(await markPaid(secondAdmin, tranche.id, 'NL-TRF-PURCHASE-HOLD'), 200);
    await t.expectInvariants();
  }, 120_000);
});

describe('a purchase’s Checkout Session that Stripe refuses', () => {
  async function placeRefused(status: 400 | 500) {
    const buyer = await t.newSupplier();
    const fresh = [
      await t.newListedProject({ credits: 30 }),
      await t.newListedProject({ credits: 30 }),
    ];
    const before = await Promise.all(fresh.map((project) => t.creditBalance(project.id)));
    const linesBefore = stream.lines.length;
    t.stripe.failNext({
      method: 'POST',
      path: '/v1/checkout/sessions',
      status,
      ...(status === 400
        ? {
            type: 'invalid_request_error',
            code: 'payment_method_unactivated',
            message: 'The payment method `ideal` is not activated for account acct_secret123.',
          }
        : {}),
    });
    const key = randomUUID();
    const place = () =>
      t.post(
        buyer,
        '/v1/purchases',
        {
          lines: [
            { projectId: fresh[0]!.id, credits: 3 },
            { projectId: fresh[1]!.id, credits: 5 },
          ],
          paymentMethod: 'stripe',
        },
        { 'idempotency-key': key },
      );
    const response = await place();
    const purchase = await t.db
      .selectFrom('purchases')
      .selectAll()
      .where('buyer_organisation_id', '=', buyer.organisation.id)
      .executeTakeFirstOrThrow();
    const lines = await t.db
      .selectFrom('orders')
      .selectAll()
      .where('purchase_id', '=', purchase.id)
      .orderBy('id')
      .execute();
    return {
      response,
      place,
      buyer,
      fresh,
      before,
      purchase,
      lines,
      logged: stream
        .records()
        .slice(linesBefore)
        .filter((record) => String(record['msg']).includes('Checkout Session')),
    };
  }

  it('a 400 answers PROVIDER_REFUSED without Stripe’s words, logs its request id, cancels the purchase and its lines and releases every reservation', async () => {
    const refused = await placeRefused(400);
    const { response, purchase, lines, fresh, before, logged } = refused;
    expectProblem(response, 502, 'PAYMENT.PROVIDER_REFUSED');
    const problem = response.json<{ detail: string }>();
    expect(problem.detail).toMatch(/refused/);
    expect(problem.detail).toMatch(/cancelled/);
    expect(response.body).not.toMatch(/acct_secret123|payment_method_unactivated|ideal/);

    const [refusal] = t.stripe.requestsTo('POST', '/v1/checkout/sessions').slice(-1);
    expect(refusal!.status).toBe(400);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, purchaseId: purchase.id });
    const provider = logged[0]!['provider'] as Record<string, unknown>;
    expect(provider['requestId']).toMatch(/^req_test_/);
    expect(provider).toMatchObject({
      statusCode: 400,
      type: 'invalid_request_error',
      code: 'payment_method_unactivated',
    });

    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatchObject({
        status: 'cancelled',
        close_reason: 'cancelled: payment provider refused',
      });
      expect((await t.creditEntries(line.id)).map((entry) => entry.entry_type)).toEqual([
        'reserve',
        'release',
      ]);
    }
    for (const [i, project] of fresh.entries())
      expect(await t.creditBalance(project.id)).toEqual(before[i]);
    const view = await t.getJson<{ status: string; checkoutUrl: string | null }>(
      refused.buyer,
      `/v1/purchases/${purchase.id}`,
    );
    expect(view).toMatchObject({ status: 'cancelled', checkoutUrl: null });

    // The refusal is the key's answer from now on: Stripe is not asked again.
    const calls = t.stripe.requestsTo('POST', '/v1/checkout/sessions').length;
    const again = await refused.place();
    expect(again.statusCode).toBe(502);
    expect(again.body).toBe(response.body);
    expect(t.stripe.requestsTo('POST', '/v1/checkout/sessions')).toHaveLength(calls);
    await t.expectInvariants();
  }, 120_000);

  it('a 500 is an outage: PROVIDER_UNAVAILABLE, logged as a warning with its request id; the purchase is cancelled too', async () => {
    const { response, purchase, lines, fresh, before, logged } = await placeRefused(500);
    expectProblem(response, 502, 'PAYMENT.PROVIDER_UNAVAILABLE');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 40, purchaseId: purchase.id });
    expect((logged[0]!['provider'] as Record<string, unknown>)['requestId']).toMatch(/^req_test_/);
    for (const line of lines)
      expect(line).toMatchObject({
        status: 'cancelled',
        close_reason: 'cancelled: payment provider unavailable',
      });
    for (const [i, project] of fresh.entries())
      expect(await t.creditBalance(project.id)).toEqual(before[i]);
    await t.expectInvariants();
  }, 120_000);
});

describe('a purchase whose first request died between reserving and Checkout', () => {
  it('is finished by a repeat of its key once the key is stale, with one session, once', async () => {
    const buyer = await t.newSupplier();
    const key = randomUUID();
    const body = {
      lines: projects.slice(0, 2).map((project) => ({ projectId: project.id, credits: 1 })),
      paymentMethod: 'stripe',
    };
    const place = () => t.post(buyer, '/v1/purchases', body, { 'idempotency-key': key });
    // The first request reserved, and its call to Stripe hangs (as a process that died
    // there leaves its key: in progress).
    const hold = t.stripe.holdNext({ method: 'POST', path: '/v1/checkout/sessions' });
    const stuck = place();
    await hold.arrived;
    const purchaseIds = () =>
      t.db
        .selectFrom('purchases')
        .select('id')
        .where('buyer_organisation_id', '=', buyer.organisation.id)
        .execute();
    expect(await purchaseIds()).toHaveLength(1);

    // Past ORDER_KEY_STALE_SECONDS, a repeat finishes the work instead of waiting.
    expect(t.config.orders.keyStaleSeconds).toBe(60);
    t.clock.advance(61_000);
    const repeat = await place();
    expectStatus(repeat, 201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    const purchase = repeat.json<{ id: string; checkoutUrl: string | null; status: string }>();
    expect(purchase.checkoutUrl).toBeTruthy();
    hold.release();
    const first = await stuck;
    expectStatus(first, 201);
    // The first to finish answers for both: one purchase, one stored session.
    expect(first.body).toBe(repeat.body);
    expect(await purchaseIds()).toHaveLength(1);
    const stored = await t.db
      .selectFrom('purchases')
      .select('stripe_checkout_session_id')
      .where('id', '=', purchase.id)
      .executeTakeFirstOrThrow();
    expect(stored.stripe_checkout_session_id).toBeTruthy();
    expect(purchase.checkoutUrl).toContain(stored.stripe_checkout_session_id!);
    await t.expectInvariants();
  }, 120_000);
});
