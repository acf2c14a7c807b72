import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUND_PAYMENT_JOB } from '../../src/modules/settlement/fulfilment.js';
import { EXPIRE_RESERVATIONS_JOB } from '../../src/modules/orders/order-jobs.js';
import {
  RECONCILE_STRIPE_JOB,
  reconcileStripe,
} from '../../src/modules/payments/reconciliation.js';
import { chargeSnapshot, stripeEvent } from '../helpers/fake-stripe.js';
import {
  balanceOf,
  certificatesOf,
  countRows,
  createStripeWorld,
  deliver,
  expectInvariants,
  moneyEntries,
  orderRow,
  placeStripeOrder,
  sessionEvent,
  type StripeWorld,
} from '../helpers/payments-fixtures.js';

/**
 * The reconciliation job reads recent Checkout Sessions back from (fake) Stripe and
 * settles what the webhook missed, through the same fulfilment as the webhook.
 */

let w: StripeWorld;

beforeAll(async () => {
  w = await createStripeWorld();
});

afterAll(async () => {
  await w?.close();
});

const newProject = (supply: number) => w.market.listProject({ supply });

/** Runs the registered job the way the queue does. */
async function runReconciliation(): Promise<void> {
  await w.jobs.send(RECONCILE_STRIPE_JOB, {});
  await w.jobs.drain();
}

const reconcileNow = () =>
  reconcileStripe(
    { db: w.t.db, clock: w.t.clock, payments: w.t.payments!, jobs: w.jobs },
    new Date(w.t.clock.now().getTime() - 48 * 3600_000),
  );

describe('stripe.reconcile', () => {
  it('fulfils a paid session whose webhook never came, and a second run changes nothing', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 3);
    const paid = w.fake.completeSession(order.session.id);

    await runReconciliation();
    const row = await orderRow(w, order.id);
    expect(row.status).toBe('paid');
    expect(row.stripe_payment_intent_id).toBe(paid.payment_intent);
    expect(await certificatesOf(w, order.id)).toMatchObject([{ status: 'active', credits: 3 }]);
    expect(await moneyEntries(w, order.id)).toEqual([
      { entry_type: 'payment_received', amount_cents: 3 * 3800 },
    ]);
    const audit = await w.t.db
      .selectFrom('audit_events')
      .select(['action', 'request_id'])
      .where('subject_id', '=', order.id)
      .where('action', '=', 'order.paid')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.request_id).toMatch(/^job:stripe\.reconcile:/);
    await expectInvariants(w);

    const before = await countRows(w);
    await runReconciliation();
    const report = await reconcileNow();
    expect(report.applied).toEqual({});
    expect(report.failed).toBe(0);
    expect(report.seen).toBeGreaterThan(0);
    expect(await countRows(w)).toEqual(before);

    // The webhook, when it finally comes, finds the order paid.
    expect(
      (await deliver(w, sessionEvent('checkout.session.completed', paid))).json(),
    ).toMatchObject({ outcome: 'already_paid' });
    expect(await certificatesOf(w, order.id)).toHaveLength(1);
  });

  it('releases an expired session whose webhook never came, once', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 2);
    expect(await balanceOf(w, projectId)).toMatchObject({ reserved: 2 });
    w.fake.expireSession(order.session.id);

    const report = await reconcileNow();
    expect(report.applied).toEqual({ released: 1 });
    expect((await orderRow(w, order.id)).status).toBe('expired');
    expect(await balanceOf(w, projectId)).toMatchObject({ reserved: 0, sold: 0 });

    const before = await countRows(w);
    expect((await reconcileNow()).applied).toEqual({});
    expect(await countRows(w)).toEqual(before);
    await expectInvariants(w);
  });

  it('applies a refund Stripe reported before the payment was known', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 2);
    const paid = w.fake.completeSession(order.session.id);
    const refunded = stripeEvent(
      'charge.refunded',
      chargeSnapshot({ paymentIntentId: paid.payment_intent!, amount: 7600 }),
    );
    expect((await deliver(w, refunded)).json()).toMatchObject({ outcome: 'refund_unmatched' });

    expect((await reconcileNow()).applied).toEqual({ refunded_before_payment: 1 });
    expect((await orderRow(w, order.id)).status).toBe('refunded');
    expect((await certificatesOf(w, order.id)).filter((c) => c.status === 'active')).toHaveLength(
      0,
    );
    expect(await balanceOf(w, projectId)).toMatchObject({ reserved: 0, sold: 0 });

    const before = await countRows(w);
    expect((await reconcileNow()).applied).toEqual({});
    expect(await countRows(w)).toEqual(before);
    await expectInvariants(w);
  });

  it('queues the refund of a late payment whose credits are gone, and refunds it once', async () => {
    const projectId = await newProject(2);
    const late = await placeStripeOrder(w, w.market.supplier, projectId, 2);
    const latePaid = w.fake.completeSession(late.session.id);
    w.t.clock.advance(40 * 60_000);
    await w.jobs.send(EXPIRE_RESERVATIONS_JOB, {});
    await w.jobs.drain();
    const other = await placeStripeOrder(w, w.market.otherSupplier, projectId, 2);
    await deliver(
      w,
      sessionEvent('checkout.session.completed', w.fake.completeSession(other.session.id)),
    );

    const report = await reconcileNow();
    expect(report.applied).toEqual({ refund_required: 1 });
    expect(w.jobs.queued(REFUND_PAYMENT_JOB)).toEqual([{ orderId: late.id }]);
    await w.jobs.drain();
    expect((await orderRow(w, late.id)).status).toBe('refunded');
    expect(w.fake.refunds.filter((r) => r.payment_intent === latePaid.payment_intent)).toHaveLength(
      1,
    );

    await runReconciliation();
    expect(w.fake.refunds.filter((r) => r.payment_intent === latePaid.payment_intent)).toHaveLength(
      1,
    );
    expect(await certificatesOf(w, late.id)).toHaveLength(0);
    expect(await balanceOf(w, projectId)).toMatchObject({ supply: 2, reserved: 0, sold: 2 });
    await expectInvariants(w);
  });

  it('leaves sessions alone that are not this platform’s or not settled yet', async () => {
    w.fake.insertSession({ amount_total: 5000, payment_status: 'paid', status: 'complete' });
    w.fake.insertSession({
      amount_total: 5000,
      payment_status: 'paid',
      status: 'complete',
      client_reference_id: '00000000-0000-4000-8000-000000000000',
      metadata: { order_id: '00000000-0000-4000-8000-000000000000' },
    });
    const projectId = await newProject(40);
    const open = await placeStripeOrder(w, w.market.supplier, projectId, 1);

    const before = await countRows(w);
    const report = await reconcileNow();
    expect(report.applied).toEqual({});
    expect(report.failed).toBe(0);
    expect(await countRows(w)).toEqual(before);
    expect((await orderRow(w, open.id)).status).toBe('reserved');
  });

  it('a provider outage fails the run (to be retried) and changes nothing', async () => {
    const projectId = await newProject(40);
    const order = await placeStripeOrder(w, w.market.supplier, projectId, 1);
    w.fake.completeSession(order.session.id);
    w.fake.failNext({ method: 'GET', path: '/v1/checkout/sessions', status: 500 });
    await expect(reconcileNow()).rejects.toThrow();
    expect((await orderRow(w, order.id)).status).toBe('reserved');
    expect((await reconcileNow()).applied).toEqual({ fulfilled: 1 });
  });
});
