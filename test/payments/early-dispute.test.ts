import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, TestContext } from '../factory/index.js';
import { sessionEvent } from '../factory/stripe.js';
import { disputeSnapshot } from '../helpers/fake-stripe.js';

/**
 * A dispute Stripe reports before the payment it disputes (webhooks arrive in any order):
 * stored without an order, it is linked when the payment arrives and takes effect then, as
 * if it had come after: the certificate suspended (or revoked and the order refunded when
 * the dispute was already lost), the amount held out of escrow.
 */
describe('a dispute reported before its payment', () => {
  let t: TestContext;
  let supplier: Person;
  let counter = 0;

  beforeAll(async () => {
    t = await TestContext.create({
      stripe: true,
      jobAttempts: 1,
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    supplier = await t.newSupplier();
  }, 120_000);
  afterAll(async () => t?.close());

  /** A Stripe order paid at Checkout whose webhook has not arrived yet, and its dispute. */
  async function paidButNotReported(credits: number) {
    const placed = await t.newStripeOrder({ buyer: supplier, credits });
    const session = t.stripe.completeSession(placed.session.id);
    const paymentIntentId = String(session.payment_intent);
    const charge = t.stripe.chargeFor(paymentIntentId);
    const dispute = disputeSnapshot({
      id: `dp_early${process.pid}x${++counter}`,
      chargeId: String(charge['id']),
      paymentIntentId,
      amount: placed.amountCents,
    });
    const withdrawal = {
      id: `txn_w_${dispute['id'] as string}`,
      object: 'balance_transaction',
      amount: -placed.amountCents,
      reporting_category: 'dispute',
    };
    return { placed, session, dispute, withdrawal };
  }

  async function heldFor(orderId: string): Promise<number> {
    const row = await t.db
      .selectFrom('escrow_holds')
      .select(sql<string>`coalesce(sum(amount_cents), 0)`.as('held'))
      .where('order_id', '=', orderId)
      .where('released_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.held);
  }

  async function certificateOf(orderId: string) {
    return t.db
      .selectFrom('certificates')
      .select(['id', 'status'])
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
  }

  it('suspends the certificate and holds the money once the payment arrives', async () => {
    const { placed, session, dispute, withdrawal } = await paidButNotReported(2);
    await t.sendStripeEvent('charge.dispute.created', { ...dispute, status: 'needs_response' });
    await t.sendStripeEvent('charge.dispute.funds_withdrawn', {
      ...dispute,
      status: 'needs_response',
      balance_transactions: [withdrawal],
    });
    const before = await t.db
      .selectFrom('payment_disputes')
      .select('order_id')
      .where('id', '=', String(dispute['id']))
      .executeTakeFirstOrThrow();
    expect(before.order_id).toBeNull();

    const completed = sessionEvent('checkout.session.completed', session);
    expect((await t.deliverWebhook(completed)).statusCode).toBe(200);
    // The same event again links nothing twice.
    expect((await t.deliverWebhook(completed)).statusCode).toBe(200);

    expect((await t.orderRow(placed.id)).status).toBe('paid');
    expect((await certificateOf(placed.id)).status).toBe('suspended');
    expect(await heldFor(placed.id)).toBe(placed.amountCents);
    const linked = await t.db
      .selectFrom('payment_disputes')
      .select('order_id')
      .where('id', '=', String(dispute['id']))
      .executeTakeFirstOrThrow();
    expect(linked.order_id).toBe(placed.id);
    expect(await t.auditCount('payment.dispute_linked', placed.id)).toBe(1);
    await t.expectInvariants();
  });

  it('refunds the order and revokes its certificate when the dispute was lost before', async () => {
    const { placed, session, dispute, withdrawal } = await paidButNotReported(1);
    await t.sendStripeEvent('charge.dispute.funds_withdrawn', {
      ...dispute,
      status: 'needs_response',
      balance_transactions: [withdrawal],
    });
    await t.sendStripeEvent('charge.dispute.closed', {
      ...dispute,
      status: 'lost',
      balance_transactions: [withdrawal],
    });
    expect(
      (await t.deliverWebhook(sessionEvent('checkout.session.completed', session))).statusCode,
    ).toBe(200);

    expect((await t.orderRow(placed.id)).status).toBe('refunded');
    expect((await certificateOf(placed.id)).status).toBe('revoked');
    expect(await heldFor(placed.id)).toBe(0);
    await t.expectInvariants();
  });
});
