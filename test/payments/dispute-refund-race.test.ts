import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disputeSnapshot, stripeEvent } from '../helpers/fake-stripe.js';
import { createObligationsWorld, type ObligationsWorld } from '../helpers/obligations.js';
import {
  createStripeWorld,
  deliver,
  placeStripeOrder,
  sessionEvent,
  type StripeWorld,
} from '../helpers/payments-fixtures.js';

/**
 * An admin refunds a Stripe order at the moment Stripe reports a lost dispute on the same
 * payment. Both take the order's and the certificate's row locks; taken in opposite orders
 * they deadlock, and PostgreSQL aborts one of them with a 500. They must take them in one
 * order (order, then certificate) and end with the order refunded exactly once. On the
 * server only: the embedded database runs one transaction at a time.
 */
describe.runIf(!!process.env.TEST_DATABASE_URL)('a refund racing a lost dispute (server)', () => {
  let w: StripeWorld;
  let o: ObligationsWorld;

  beforeAll(async () => {
    w = await createStripeWorld();
    o = await createObligationsWorld(w.t, { supply: 500 });
  }, 120_000);
  afterAll(async () => w?.close());

  it('never deadlocks, and the money goes back once', async () => {
    for (let round = 0; round < 25; round++) {
      const order = await placeStripeOrder(w, o.m.supplier, o.projectId, 1);
      const paid = w.fake.completeSession(order.session.id);
      expect(
        (await deliver(w, sessionEvent('checkout.session.completed', paid))).json(),
      ).toMatchObject({ outcome: 'fulfilled' });
      const charge = w.fake.chargeFor(paid.payment_intent!);
      const lost = stripeEvent('charge.dispute.closed', {
        ...disputeSnapshot({
          chargeId: String(charge['id']),
          paymentIntentId: paid.payment_intent!,
          amount: order.amountCents,
        }),
        status: 'lost',
      });

      const [refund, dispute] = await Promise.all([
        o.orders.refund(o.m.admin.as, order.id, 'Ordered twice'),
        deliver(w, lost),
      ]);
      expect(dispute.statusCode, dispute.body).toBe(200);
      expect([200, 409], refund.body).toContain(refund.statusCode);

      const row = await w.t.db
        .selectFrom('orders')
        .select('status')
        .where('id', '=', order.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('refunded');
      const ledger = await o.orders.ledgerOf(order.id);
      expect(ledger['money.refund_paid']).toBe(1);
      expect(ledger['credit.refund']).toBe(1);
    }
    await o.orders.expectInvariants();
  }, 120_000);
});
