import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUND_PAYMENT_JOB } from '../../src/modules/settlement/fulfilment.js';
import { EXPIRE_RESERVATIONS_JOB } from '../../src/modules/orders/order-jobs.js';
import {
  RECONCILE_STRIPE_JOB,
  reconcileStripe,
} from '../../src/modules/payments/reconciliation.js';
import { chargeSnapshot, stripeEvent } from '../helpers/fake-stripe.js';
import { type Person, TestContext, sessionEvent } from '../factory/index.js';

/**
 * The reconciliation job reads recent Checkout Sessions back from (fake) Stripe and
 * settles what the webhook missed, through the same fulfilment as the webhook.
 */

let t: TestContext;

let supplier: Person;

let otherSupplier: Person;

beforeAll(async () => {
  t = await TestContext.create({
    stripe: true,
    // One buyer may hold a whole project: the anti-hoarding limit is the orders tests' subject, not these.
    env: { MAX_RESERVED_SHARE_PERCENT: '100' },
    jobAttempts: 1,
  });
  supplier = await t.newSupplier();
  otherSupplier = await t.newSupplier();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const newProject = (supply: number) => t.newListedProject({ credits: supply }).then((p) => p.id);

/** Runs the registered job the way the queue does. */
async function runReconciliation(): Promise<void> {
  await t.queue.send(RECONCILE_STRIPE_JOB, {});
  await t.queue.drain();
}

const reconcileNow = () =>
  reconcileStripe(
    { db: t.db, clock: t.clock, payments: t.payments!, jobs: t.queue },
    new Date(t.clock.now().getTime() - 48 * 3600_000),
  );

describe('stripe.reconcile', () => {
  it('fulfils a paid session whose webhook never came, and a second run changes nothing', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 3 });
    const paid = t.stripe.completeSession(order.session.id);

    await runReconciliation();
    const row = await t.orderRow(order.id);
    expect(row.status).toBe('paid');
    expect(row.stripe_payment_intent_id).toBe(paid.payment_intent);
    expect(await t.certificatesOf(order.id)).toMatchObject([{ status: 'active', credits: 3 }]);
    expect(await t.moneyEntries(order.id)).toEqual([
      { entry_type: 'payment_received', amount_cents: 3 * 3800 },
    ]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'request_id'])
      .where('subject_id', '=', order.id)
      .where('action', '=', 'order.paid')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.request_id).toMatch(/^job:stripe\.reconcile:/);
    await t.expectInvariants();

    const before = await t.countRows();
    await runReconciliation();
    const report = await reconcileNow();
    expect(report.applied).toEqual({});
    expect(report.failed).toBe(0);
    expect(report.seen).toBeGreaterThan(0);
    expect(await t.countRows()).toEqual(before);

    // The webhook, when it finally comes, finds the order paid.
    expect(
      (await t.deliverWebhook(sessionEvent('checkout.session.completed', paid))).json(),
    ).toMatchObject({ outcome: 'already_paid' });
    expect(await t.certificatesOf(order.id)).toHaveLength(1);
  });

  it('releases an expired session whose webhook never came, once', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 2 });
    expect(await t.creditBalance(projectId)).toMatchObject({ reserved: 2 });
    t.stripe.expireSession(order.session.id);

    const report = await reconcileNow();
    expect(report.applied).toEqual({ released: 1 });
    expect((await t.orderRow(order.id)).status).toBe('expired');
    expect(await t.creditBalance(projectId)).toMatchObject({ reserved: 0, sold: 0 });

    const before = await t.countRows();
    expect((await reconcileNow()).applied).toEqual({});
    expect(await t.countRows()).toEqual(before);
    await t.expectInvariants();
  });

  it('applies a refund Stripe reported before the payment was known', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 2 });
    const paid = t.stripe.completeSession(order.session.id);
    const refunded = stripeEvent(
      'charge.refunded',
      chargeSnapshot({ paymentIntentId: paid.payment_intent!, amount: 7600 }),
    );
    expect((await t.deliverWebhook(refunded)).json()).toMatchObject({
      outcome: 'refund_unmatched',
    });

    expect((await reconcileNow()).applied).toEqual({ refunded_before_payment: 1 });
    expect((await t.orderRow(order.id)).status).toBe('refunded');
    expect((await t.certificatesOf(order.id)).filter((c) => c.status === 'active')).toHaveLength(0);
    expect(await t.creditBalance(projectId)).toMatchObject({ reserved: 0, sold: 0 });

    const before = await t.countRows();
    expect((await reconcileNow()).applied).toEqual({});
    expect(await t.countRows()).toEqual(before);
    await t.expectInvariants();
  });

  it('queues the refund of a late payment whose credits are gone, and refunds it once', async () => {
    const projectId = await newProject(2);
    const late = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 2 });
    const latePaid = t.stripe.completeSession(late.session.id);
    t.clock.advance(40 * 60_000);
    await t.queue.send(EXPIRE_RESERVATIONS_JOB, {});
    await t.queue.drain();
    const other = await t.newStripeOrder({ buyer: otherSupplier, project: projectId, credits: 2 });
    await t.deliverWebhook(
      sessionEvent('checkout.session.completed', t.stripe.completeSession(other.session.id)),
    );

    const report = await reconcileNow();
    expect(report.applied).toEqual({ refund_required: 1 });
    expect(t.queue.queued(REFUND_PAYMENT_JOB)).toEqual([{ orderId: late.id }]);
    await t.queue.drain();
    expect((await t.orderRow(late.id)).status).toBe('refunded');
    expect(
      t.stripe.refunds.filter((r) => r.payment_intent === latePaid.payment_intent),
    ).toHaveLength(1);

    await runReconciliation();
    expect(
      t.stripe.refunds.filter((r) => r.payment_intent === latePaid.payment_intent),
    ).toHaveLength(1);
    expect(await t.certificatesOf(late.id)).toHaveLength(0);
    expect(await t.creditBalance(projectId)).toMatchObject({ supply: 2, reserved: 0, sold: 2 });
    await t.expectInvariants();
  });

  it('leaves sessions alone that are not this platform’s or not settled yet', async () => {
    t.stripe.insertSession({ amount_total: 5000, payment_status: 'paid', status: 'complete' });
    t.stripe.insertSession({
      amount_total: 5000,
      payment_status: 'paid',
      status: 'complete',
      client_reference_id: '00000000-0000-4000-8000-000000000000',
      metadata: { order_id: '00000000-0000-4000-8000-000000000000' },
    });
    const projectId = await newProject(40);
    const open = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 1 });

    const before = await t.countRows();
    const report = await reconcileNow();
    expect(report.applied).toEqual({});
    expect(report.failed).toBe(0);
    expect(await t.countRows()).toEqual(before);
    expect((await t.orderRow(open.id)).status).toBe('reserved');
  });

  it('a provider outage fails the run (to be retried) and changes nothing', async () => {
    const projectId = await newProject(40);
    const order = await t.newStripeOrder({ buyer: supplier, project: projectId, credits: 1 });
    t.stripe.completeSession(order.session.id);
    t.stripe.failNext({ method: 'GET', path: '/v1/checkout/sessions', status: 500 });
    await expect(reconcileNow()).rejects.toThrow();
    expect((await t.orderRow(order.id)).status).toBe('reserved');
    expect((await reconcileNow()).applied).toEqual({ fulfilled: 1 });
  });
});
