import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStripeRefund } from '../../src/modules/settlement/refund-states.js';
import { requestRefund, stripeRefundKey } from '../../src/modules/settlement/refunds.js';
import { stripeEvent } from '../helpers/fake-stripe.js';
import {
  expectProblem,
  expectStatus,
  type ListedProject,
  type Person,
  TestContext,
  sessionEvent,
} from '../factory/index.js';

/**
 * A refund through Stripe as iDEAL and SEPA really behave: requested → pending →
 * succeeded or failed, reported by the API's answer and by refund.created,
 * refund.updated, refund.failed, charge.refund.updated and charge.refunded in any order
 * and any number of times. The real app and SDK against the local fake Stripe, events
 * signed with the SDK's test helper. The races run on both engines; on the PostgreSQL
 * server (TEST_DATABASE_URL) they really overlap.
 */
describe('refund states', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let coordinator: Person;
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
    coordinator = await t.newAuthority();
    project = await t.newListedProject({ credits: 300 });
  }, 120_000);
  afterAll(async () => t?.close());

  async function stripeCertificate(credits: number) {
    const order = await t.newStripeOrder({
      buyer: supplier,
      project: project.id,
      credits: credits,
    });
    const paid = t.stripe.completeSession(order.session.id);
    expect(
      (await t.deliverWebhook(sessionEvent('checkout.session.completed', paid))).json(),
    ).toMatchObject({ outcome: 'fulfilled' });
    const certificate = await t.db
      .selectFrom('certificates')
      .select('id')
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    return {
      orderId: order.id,
      certificateId: certificate.id,
      paymentIntentId: paid.payment_intent!,
      amountCents: order.amountCents,
    };
  }

  const stateOf = async (orderId: string) => {
    const order = await t.db
      .selectFrom('orders')
      .select(['status', 'refund_state', 'needs_attention', 'refund_requested_at'])
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    const certificate = await t.db
      .selectFrom('certificates')
      .select('status')
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    const creditNotes = await t.db
      .selectFrom('credit_notes')
      .select('number')
      .where('order_id', '=', orderId)
      .execute();
    return { ...order, certificate: certificate.status, creditNotes: creditNotes.length };
  };
  const refundsAt = (paymentIntentId: string) =>
    t.stripe.refunds.filter((refund) => refund.payment_intent === paymentIntentId);
  const refundEvent = (type: string, refund: Record<string, unknown>, created?: number) =>
    stripeEvent(type, refund, created === undefined ? {} : { created });
  const outcomeOf = async (type: string, refund: Record<string, unknown>) =>
    (await t.deliverWebhook(refundEvent(type, refund))).json<{ outcome: string }>().outcome;
  const paidLedger = { 'credit.reserve': 1, 'credit.sell': 1, 'money.payment_received': 1 };
  const refundedLedger = { ...paidLedger, 'credit.refund': 1, 'money.refund_paid': 1 };

  it('pending then failed: the order stays paid, the blocked claim can then be made and approved, the team is told; events twice or late change nothing', async () => {
    const certificate = await stripeCertificate(3);
    const contract = await t.newContract({ coordinator, supplier });
    t.stripe.refundStatus = 'pending';

    const refunded = await t.orders.refund(admin.as, certificate.orderId, 'Ordered twice');
    expectStatus(refunded, 200);
    expect(refunded.json()).toMatchObject({
      status: 'paid',
      refundState: 'pending',
      certificate: { status: 'suspended' },
    });
    t.stripe.refundStatus = 'succeeded';
    const [atStripe] = refundsAt(certificate.paymentIntentId);
    expect(atStripe!.status).toBe('pending');
    expect(await stateOf(certificate.orderId)).toMatchObject({
      status: 'paid',
      refund_state: 'pending',
      certificate: 'suspended',
      creditNotes: 0,
    });
    expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(paidLedger);

    // While Stripe holds it the certificate cannot be claimed.
    const blocked = await t.obligations.claim(supplier.as, {
      certificateId: certificate.certificateId,
      contractId: contract.id,
      credits: 2,
    });
    expect([409, 422]).toContain(blocked.statusCode);
    expect(['CLAIM.REFUND_PENDING', 'CLAIM.CERTIFICATE_NOT_ACTIVE']).toContain(blocked.json().code);
    // Stripe's charge.refunded counts a pending refund too: nothing is booked on it.
    expect(
      (
        await t.deliverWebhook(
          stripeEvent('charge.refunded', t.stripe.chargeFor(certificate.paymentIntentId)),
        )
      ).json(),
    ).toMatchObject({ outcome: 'refund_awaiting_outcome' });
    // A second admin's click does not ask Stripe again.
    const requestsBefore = t.stripe.requestsTo('POST', '/v1/refunds').length;
    expect((await t.orders.refund(admin.as, certificate.orderId)).json()).toMatchObject({
      refundState: 'pending',
    });
    expect(t.stripe.requestsTo('POST', '/v1/refunds')).toHaveLength(requestsBefore);
    await t.orders.expectInvariants();

    const pendingSnapshot = structuredClone(atStripe!) as unknown as Record<string, unknown>;
    const failed = t.stripe.settleRefund(atStripe!.id, 'failed', 'expired_or_canceled_card');
    expect(await outcomeOf('refund.failed', failed)).toBe('refund_failed');
    expect(await stateOf(certificate.orderId)).toMatchObject({
      status: 'paid',
      refund_state: 'failed',
      refund_requested_at: null,
      certificate: 'active',
      creditNotes: 0,
      needs_attention: `refund_failed: ${atStripe!.id} (expired_or_canceled_card)`,
    });
    expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(paidLedger);

    // The same outcome again, and the older pending report late: nothing changes.
    expect(await outcomeOf('charge.refund.updated', failed)).toBe('unchanged');
    expect(await outcomeOf('refund.updated', failed)).toBe('unchanged');
    expect(await outcomeOf('refund.created', pendingSnapshot)).toBe('unchanged');
    expect((await stateOf(certificate.orderId)).refund_state).toBe('failed');

    // The claim the refund blocked can now be made and approved.
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.certificateId,
      contractId: contract.id,
      credits: 2,
    });
    expectStatus(await t.obligations.approve(coordinator.as, claim.id), 200);

    const actions = await t.orders.auditActions(certificate.orderId);
    expect(actions.filter((a) => a.startsWith('order.refund'))).toEqual([
      'order.refund_requested',
      'order.refund_pending',
      'order.refund_failed',
    ]);
    await t.orders.expectInvariants();
  });

  it('after a failed refund a new one is made under a new key and booked once, with one credit note', async () => {
    const certificate = await stripeCertificate(2);
    t.stripe.refundStatus = 'failed';
    expectProblem(await t.orders.refund(admin.as, certificate.orderId), 409, 'ORDER.REFUND_FAILED');
    t.stripe.refundStatus = 'succeeded';
    expect(await stateOf(certificate.orderId)).toMatchObject({
      status: 'paid',
      refund_state: 'failed',
      certificate: 'active',
    });

    const again = await t.orders.refund(admin.as, certificate.orderId);
    expectStatus(again, 200);
    expect(again.json()).toMatchObject({ status: 'refunded', refundState: null });
    const keys = t.stripe
      .requestsTo('POST', '/v1/refunds')
      .filter((request) => request.params['payment_intent'] === certificate.paymentIntentId)
      .map((request) => request.idempotencyKey);
    expect(keys).toEqual([
      stripeRefundKey(certificate.orderId),
      stripeRefundKey(certificate.orderId, 1),
    ]);
    expect(await stateOf(certificate.orderId)).toMatchObject({
      status: 'refunded',
      certificate: 'revoked',
      creditNotes: 1,
    });
    expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(refundedLedger);
    await t.orders.expectInvariants();
  });

  it('pending then succeeded: booked once when the money has left, with its credit note; repeats and late pending reports change nothing', async () => {
    const certificate = await stripeCertificate(2);
    t.stripe.refundStatus = 'pending';
    expectStatus(await t.orders.refund(admin.as, certificate.orderId), 200);
    t.stripe.refundStatus = 'succeeded';
    const [atStripe] = refundsAt(certificate.paymentIntentId);
    const pendingSnapshot = structuredClone(atStripe!) as unknown as Record<string, unknown>;
    expect(await outcomeOf('refund.created', pendingSnapshot)).toBe('unchanged');
    expect((await stateOf(certificate.orderId)).creditNotes).toBe(0);

    const succeeded = t.stripe.settleRefund(atStripe!.id, 'succeeded');
    expect(await outcomeOf('charge.refund.updated', succeeded)).toBe('refunded');
    expect(await stateOf(certificate.orderId)).toMatchObject({
      status: 'refunded',
      refund_state: null,
      refund_requested_at: null,
      certificate: 'revoked',
      creditNotes: 1,
      needs_attention: null,
    });
    expect(await outcomeOf('refund.updated', succeeded)).toBe('unchanged');
    expect(await outcomeOf('refund.updated', pendingSnapshot)).toBe('unchanged');
    expect(
      (
        await t.deliverWebhook(
          stripeEvent('charge.refunded', t.stripe.chargeFor(certificate.paymentIntentId)),
        )
      ).json(),
    ).toMatchObject({ outcome: 'already_refunded' });
    expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(refundedLedger);
    expect((await stateOf(certificate.orderId)).creditNotes).toBe(1);
    await t.orders.expectInvariants();
  });

  it('events before the API answer, in any order: the first final outcome wins, the answer then changes nothing', async () => {
    const certificate = await stripeCertificate(2);
    // A refund Stripe made for our request while the answer was lost (pending at first).
    await t.db.transaction().execute((trx) =>
      requestRefund(trx, t.orders.ctx(), certificate.orderId, {
        source: 'admin',
        reason: 'Ordered twice',
        requestedBy: admin.user.id,
      }),
    );
    t.stripe.refundStatus = 'pending';
    await t.payments!.refund({
      paymentIntentId: certificate.paymentIntentId,
      amountCents: certificate.amountCents,
      idempotencyKey: stripeRefundKey(certificate.orderId),
      reason: `Impactbeurs order ${certificate.orderId}`,
      orderId: certificate.orderId,
    });
    t.stripe.refundStatus = 'succeeded';
    const [atStripe] = refundsAt(certificate.paymentIntentId);
    const pendingSnapshot = structuredClone(atStripe!) as unknown as Record<string, unknown>;
    const succeeded = t.stripe.settleRefund(atStripe!.id, 'succeeded');
    // The outcome arrives before the creation.
    expect(await outcomeOf('refund.updated', succeeded)).toBe('refunded');
    expect(await outcomeOf('refund.created', pendingSnapshot)).toBe('unchanged');
    // The retry gets Stripe's first (pending) answer replayed: it changes nothing.
    const retried = await t.orders.refund(admin.as, certificate.orderId);
    expectStatus(retried, 200);
    expect(retried.json()).toMatchObject({ status: 'refunded' });
    expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(refundedLedger);
    expect((await stateOf(certificate.orderId)).creditNotes).toBe(1);
    await t.orders.expectInvariants();
  });

  it('the API answer and the event racing: one outcome, booked once, whichever commits first', async () => {
    for (const outcome of ['succeeded', 'failed'] as const) {
      for (let round = 0; round < 3; round++) {
        const certificate = await stripeCertificate(1);
        t.stripe.refundStatus = 'pending';
        const hold = t.stripe.holdNext({ method: 'POST', path: '/v1/refunds' });
        const refunding = t.orders.refund(admin.as, certificate.orderId);
        await hold.arrived;
        hold.release();
        // The refund exists at Stripe as soon as the held request is answered.
        let atStripe = refundsAt(certificate.paymentIntentId)[0];
        while (!atStripe) {
          await new Promise((resolve) => setImmediate(resolve));
          atStripe = refundsAt(certificate.paymentIntentId)[0];
        }
        t.stripe.refundStatus = 'succeeded';
        const settled = t.stripe.settleRefund(atStripe.id, outcome);
        const [answer, event] = await Promise.all([
          refunding,
          t.deliverWebhook(
            refundEvent(outcome === 'failed' ? 'refund.failed' : 'refund.updated', settled),
          ),
        ]);
        expectStatus(event, 200);
        const state = await stateOf(certificate.orderId);
        if (outcome === 'succeeded') {
          expectStatus(answer, 200);
          expect(state).toMatchObject({
            status: 'refunded',
            certificate: 'revoked',
            creditNotes: 1,
          });
          expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(refundedLedger);
        } else {
          // The answer said pending: applied first, the admin was answered pending; applied
          // after the failure, it changed nothing and the admin was told the refund failed.
          if (answer.statusCode === 200)
            expect(answer.json()).toMatchObject({ refundState: 'pending' });
          else expectProblem(answer, 409, 'ORDER.REFUND_FAILED');
          expect(state).toMatchObject({
            status: 'paid',
            refund_state: 'failed',
            certificate: 'active',
            creditNotes: 0,
          });
          expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(paidLedger);
        }
        const rows = await t.db
          .selectFrom('stripe_refunds')
          .select('status')
          .where('order_id', '=', certificate.orderId)
          .execute();
        expect(rows).toEqual([{ status: outcome }]);
        await t.orders.expectInvariants();
      }
    }
  });

  it('the answer applied at the same moment as the event, many times over: the final status wins', async () => {
    const certificate = await stripeCertificate(1);
    await t.db.transaction().execute((trx) =>
      requestRefund(trx, t.orders.ctx(), certificate.orderId, {
        source: 'admin',
        reason: 'race',
        requestedBy: null,
      }),
    );
    const report = {
      refundId: 're_test_racing0000000001',
      orderId: certificate.orderId,
      amountCents: certificate.amountCents,
      failureReason: null,
      reportedBy: 'api' as const,
      source: 'admin' as const,
    };
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () =>
        t.db
          .transaction()
          .execute((trx) =>
            applyStripeRefund(trx, t.orders.ctx(), { ...report, status: 'pending' }),
          ),
      ),
      t.db.transaction().execute((trx) =>
        applyStripeRefund(trx, t.orders.ctx(), {
          ...report,
          status: 'failed',
          failureReason: 'declined',
          reportedBy: 'webhook',
        }),
      ),
    ]);
    expect(results.filter((result) => result.outcome === 'refund_failed')).toHaveLength(1);
    expect(await stateOf(certificate.orderId)).toMatchObject({
      status: 'paid',
      refund_state: 'failed',
      certificate: 'active',
    });
    await t.orders.expectInvariants();
  });

  it('the database refuses a refund status going back, and an active certificate while a refund is pending', async () => {
    const certificate = await stripeCertificate(1);
    t.stripe.refundStatus = 'pending';
    expectStatus(await t.orders.refund(admin.as, certificate.orderId), 200);
    t.stripe.refundStatus = 'succeeded';
    const [atStripe] = refundsAt(certificate.paymentIntentId);
    await expect(
      t.db
        .updateTable('certificates')
        .set({ status: 'active' })
        .where('order_id', '=', certificate.orderId)
        .execute(),
    ).rejects.toThrow(/refund is pending/);
    await expect(
      t.db
        .updateTable('orders')
        .set({
          refund_state: null,
          refund_requested_at: null,
          refund_requested_by: null,
          refund_request_source: null,
          refund_request_reason: null,
        })
        .where('id', '=', certificate.orderId)
        .execute(),
    ).rejects.toThrow(/pending refund ends only/);
    const failed = t.stripe.settleRefund(atStripe!.id, 'failed');
    expect(await outcomeOf('refund.failed', failed)).toBe('refund_failed');
    await expect(
      t.db
        .updateTable('stripe_refunds')
        .set({ status: 'pending' })
        .where('id', '=', atStripe!.id)
        .execute(),
    ).rejects.toThrow(/cannot become/);
    await t.orders.expectInvariants();
  });
});
