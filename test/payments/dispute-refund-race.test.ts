import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disputeSnapshot, stripeEvent } from '../helpers/fake-stripe.js';
import { type ListedProject, type Person, TestContext, sessionEvent } from '../factory/index.js';

/**
 * An admin refunds a Stripe order at the moment Stripe reports a lost dispute on the same
 * payment. Both take the order's and the certificate's row locks; taken in opposite orders
 * they deadlock, and PostgreSQL aborts one of them with a 500. They must take them in one
 * order (order, then certificate) and end with the order refunded exactly once. On the
 * server only: the embedded database runs one transaction at a time.
 */
describe.runIf(!!process.env.TEST_DATABASE_URL)('a refund racing a lost dispute (server)', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let project: ListedProject;

  beforeAll(async () => {
    t = await TestContext.create({
      stripe: true,
      // One buyer may hold a whole project: the anti-hoarding limit is the orders tests' subject, not these.
      env: { MAX_RESERVED_SHARE_PERCENT: '100' },
      jobAttempts: 1,
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    project = await t.newListedProject({ credits: 500 });
  }, 120_000);
  afterAll(async () => t?.close());

  it('never deadlocks, and the money goes back once', async () => {
    for (let round = 0; round < 25; round++) {
      const order = await t.newStripeOrder({ buyer: supplier, project: project.id, credits: 1 });
      const paid = t.stripe.completeSession(order.session.id);
      expect(
        (await t.deliverWebhook(sessionEvent('checkout.session.completed', paid))).json(),
      ).toMatchObject({ outcome: 'fulfilled' });
      const charge = t.stripe.chargeFor(paid.payment_intent!);
      const lost = stripeEvent('charge.dispute.closed', {
        ...disputeSnapshot({
          chargeId: String(charge['id']),
          paymentIntentId: paid.payment_intent!,
          amount: order.amountCents,
        }),
        status: 'lost',
      });

      const [refund, dispute] = await Promise.all([
        t.orders.refund(admin.as, order.id, 'Ordered twice'),
        t.deliverWebhook(lost),
      ]);
      expect(dispute.statusCode, dispute.body).toBe(200);
      expect([200, 409], refund.body).toContain(refund.statusCode);

      const row = await t.db
        .selectFrom('orders')
        .select('status')
        .where('id', '=', order.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('refunded');
      const ledger = await t.orders.ledgerOf(order.id);
      expect(ledger['money.refund_paid']).toBe(1);
      expect(ledger['credit.refund']).toBe(1);
    }
    await t.orders.expectInvariants();
  }, 120_000);
});
