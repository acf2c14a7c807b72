import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  REFUND_REQUEST_STALE_AFTER_SECONDS,
  requestRefund,
  RESUME_REFUNDS_JOB,
  stripeRefundKey,
} from '../../src/modules/settlement/refunds.js';
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
 * A refund through Stripe is requested before the money moves, and no claim on the
 * certificate is approved (or made) until it is booked or Stripe refused it. The real app
 * with the official SDK against the local fake Stripe, which can hold a refund request
 * (a slow Stripe) while the test acts, or fail it.
 */
describe('a Stripe refund in progress', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let coordinator: Person;
  let project: ListedProject;

  // Every line the logger writes at warn and above.
  const lines: string[] = [];
  const logLines = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    t = await TestContext.create({
      stripe: true,
      // One buyer may hold a whole project: the anti-hoarding limit is the orders tests' subject, not these.
      env: { MAX_RESERVED_SHARE_PERCENT: '100' },
      jobAttempts: 1,
      logger: { level: 'warn', stream: { write: (line: string) => void lines.push(line) } },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    project = await t.newListedProject({ credits: 300 });
  }, 120_000);
  afterAll(async () => t?.close());

  /** A Stripe order of the world's supplier, paid through the webhook: its certificate. */
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

  const refundsAtStripe = (paymentIntentId: string) =>
    t.stripe.refunds.filter((refund) => refund.payment_intent === paymentIntentId);
  const refundAttempts = (paymentIntentId: string) =>
    t.stripe
      .requestsTo('POST', '/v1/refunds')
      .filter((request) => request.params['payment_intent'] === paymentIntentId);
  const requestOf = (orderId: string) =>
    t.db
      .selectFrom('orders')
      .select([
        'status',
        'needs_attention',
        'refund_requested_at',
        'refund_requested_by',
        'refund_request_source',
        'refund_request_reason',
      ])
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
  const claimOf = async (claimId: string) =>
    (await t.get(coordinator.as, `/v1/claims/${claimId}`)).json<{
      status: string;
      certificate: { status: string };
    }>();
  const paidLedger = { 'credit.reserve': 1, 'credit.sell': 1, 'money.payment_received': 1 };
  const refundedLedger = { ...paidLedger, 'credit.refund': 1, 'money.refund_paid': 1 };

  it('refuses an approval made while Stripe holds the refund; the refund is booked once and the certificate revoked', async () => {
    const certificate = await stripeCertificate(4);
    const contract = await t.newContract({ coordinator, supplier });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.certificateId,
      contractId: contract.id,
      credits: 3,
    });

    const hold = t.stripe.holdNext({ method: 'POST', path: '/v1/refunds' });
    const refunding = t.orders.refund(admin.as, certificate.orderId, 'The buyer ordered twice');
    await hold.arrived;
    // The refund has reached Stripe: the request stands, with who asked and why.
    const requested = await requestOf(certificate.orderId);
    expect(requested).toMatchObject({
      status: 'paid',
      refund_requested_by: admin.user.id,
      refund_request_source: 'admin',
      refund_request_reason: 'The buyer ordered twice',
    });
    expect(requested.refund_requested_at).not.toBeNull();

    // The authority approves now: refused, and so is a new claim of the same certificate.
    expectProblem(
      await t.obligations.approve(coordinator.as, claim.id),
      409,
      'CLAIM.REFUND_PENDING',
    );
    expectProblem(
      await t.obligations.claim(supplier.as, {
        certificateId: certificate.certificateId,
        contractId: contract.id,
        credits: 1,
      }),
      409,
      'CLAIM.REFUND_PENDING',
    );
    await t.orders.expectInvariants();

    hold.release();
    const refunded = await refunding;
    expectStatus(refunded, 200);
    expect(refunded.json()).toMatchObject({
      status: 'refunded',
      certificate: { status: 'revoked' },
    });
    expect(refundsAtStripe(certificate.paymentIntentId)).toHaveLength(1);
    expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(refundedLedger);
    expect(await requestOf(certificate.orderId)).toMatchObject({
      status: 'refunded',
      needs_attention: null,
      refund_requested_at: null,
      refund_requested_by: null,
    });
    expect(await claimOf(claim.id)).toMatchObject({
      status: 'rejected',
      certificate: { status: 'revoked' },
    });
    expect(await t.claimedCredits(certificate.certificateId)).toBe(0);
    expect((await t.obligations.contract(coordinator.as, contract.id)).progress.approvedCents).toBe(
      0,
    );

    // Stripe's own report of the refund arrives afterwards: nothing more happens.
    const reported = await t.deliverWebhook(
      stripeEvent('charge.refunded', t.stripe.chargeFor(certificate.paymentIntentId)),
    );
    expect(reported.json()).toMatchObject({ outcome: 'already_refunded' });
    expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(refundedLedger);
    const actions = await t.orders.auditActions(certificate.orderId);
    expect(actions.filter((a) => a.startsWith('order.refund'))).toEqual([
      'order.refund_requested',
      'order.refunded',
    ]);
    await t.orders.expectInvariants();
  });

  it('never leaves a Stripe refund unbooked or an approval on a refunded certificate, however they interleave', async () => {
    const certificate = await stripeCertificate(10);
    const claims = [];
    for (let i = 0; i < 5; i++) {
      const contract = await t.newContract({ coordinator, supplier });
      claims.push(
        await t.obligations.placeClaim(supplier.as, {
          certificateId: certificate.certificateId,
          contractId: contract.id,
          credits: 2,
        }),
      );
    }
    const [refund, ...approvals] = await Promise.all([
      t.orders.refund(admin.as, certificate.orderId),
      ...claims.map((claim) => t.obligations.approve(coordinator.as, claim.id)),
    ]);
    const approved = approvals.filter((r) => r.statusCode === 200).length;
    if (refund!.statusCode === 200) {
      // The request came first: every approval after it was refused, and the refund rejected the rest.
      expect(approved).toBe(0);
      for (const r of approvals)
        expect([
          'CLAIM.REFUND_PENDING',
          'CLAIM.NOT_PENDING',
          'CLAIM.CERTIFICATE_NOT_ACTIVE',
        ]).toContain(r.json().code);
      expect(refundsAtStripe(certificate.paymentIntentId)).toHaveLength(1);
      expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(refundedLedger);
    } else {
      // An approval came first: the refund was refused before any money moved.
      expectProblem(refund!, 409, 'ORDER.CERTIFICATE_CLAIMED');
      expect(approved).toBeGreaterThan(0);
      expect(refundAttempts(certificate.paymentIntentId)).toHaveLength(0);
      expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(paidLedger);
    }
    expect((await requestOf(certificate.orderId)).refund_requested_at).toBeNull();
    await t.orders.expectInvariants();
  });

  it('withdraws the request when Stripe refuses the refund, so a later approval counts; a retry refunds once', async () => {
    const certificate = await stripeCertificate(3);
    const contract = await t.newContract({ coordinator, supplier });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.certificateId,
      contractId: contract.id,
      credits: 3,
    });

    t.stripe.failNext({
      method: 'POST',
      path: '/v1/refunds',
      status: 400,
      code: 'charge_disputed',
      message: 'This charge is disputed and cannot be refunded now.',
    });
    const refused = await t.orders.refund(admin.as, certificate.orderId);
    // Stripe answered and refused (a 4xx): not an outage (issue 17); its words stay in the log.
    expectProblem(refused, 502, 'PAYMENT.PROVIDER_REFUSED');
    expect(refused.json().detail).toMatch(/refused the refund, so nothing was refunded/);
    expect(refused.json().detail).not.toMatch(/disputed/);
    const logged = logLines().find((l) => l.msg === 'the payment provider refused the refund');
    expect(logged).toMatchObject({
      level: 50,
      orderId: certificate.orderId,
      provider: {
        requestId: expect.stringMatching(/^req_/),
        statusCode: 400,
        code: 'charge_disputed',
      },
      providerMessage: expect.stringMatching(/disputed/),
    });
    expect(refundsAtStripe(certificate.paymentIntentId)).toHaveLength(0);
    expect(await requestOf(certificate.orderId)).toMatchObject({
      status: 'paid',
      refund_requested_at: null,
      refund_request_source: null,
    });
    expect(
      (await t.orders.auditActions(certificate.orderId)).filter((a) =>
        a.startsWith('order.refund'),
      ),
    ).toEqual(['order.refund_requested', 'order.refund_request_withdrawn']);

    // Nothing went back, so the authority's approval counts.
    expectStatus(await t.obligations.approve(coordinator.as, claim.id), 200);
    // While it stands, a refund is refused before anything reaches Stripe.
    const attempts = refundAttempts(certificate.paymentIntentId).length;
    expectProblem(
      await t.orders.refund(admin.as, certificate.orderId),
      409,
      'ORDER.CERTIFICATE_CLAIMED',
    );
    expect(refundAttempts(certificate.paymentIntentId)).toHaveLength(attempts);
    expect((await requestOf(certificate.orderId)).refund_requested_at).toBeNull();

    // The authority withdraws its approval; the refund is retried and made once.
    expectStatus(await t.obligations.withdraw(coordinator.as, claim.id), 200);
    const retried = await t.orders.refund(admin.as, certificate.orderId);
    expectStatus(retried, 200);
    expect(retried.json()).toMatchObject({
      status: 'refunded',
      certificate: { status: 'revoked' },
    });
    expect(refundsAtStripe(certificate.paymentIntentId)).toHaveLength(1);
    expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(refundedLedger);
    await t.orders.expectInvariants();
  });

  it('keeps the request when Stripe’s answer is lost, refusing approvals until a retry books the refund once', async () => {
    const certificate = await stripeCertificate(2);
    const contract = await t.newContract({ coordinator, supplier });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.certificateId,
      contractId: contract.id,
      credits: 2,
    });

    t.stripe.failNext({ method: 'POST', path: '/v1/refunds', status: 500 });
    const lost = await t.orders.refund(admin.as, certificate.orderId);
    expectProblem(lost, 502, 'PAYMENT.PROVIDER_UNAVAILABLE');
    expect(lost.json().detail).toMatch(/not known whether the refund was made/);
    // Stripe may have refunded: the request stays, and keeps the approval out.
    expect((await requestOf(certificate.orderId)).refund_requested_at).not.toBeNull();
    expectProblem(
      await t.obligations.approve(coordinator.as, claim.id),
      409,
      'CLAIM.REFUND_PENDING',
    );
    await t.orders.expectInvariants();

    // Two admins retry at once: one refund at Stripe, booked once, both answered with it.
    const [a, b] = await Promise.all([
      t.orders.refund(admin.as, certificate.orderId),
      t.orders.refund(admin.as, certificate.orderId),
    ]);
    expectStatus(a!, 200);
    expectStatus(b!, 200);
    expect(a!.json()).toMatchObject({ status: 'refunded', certificate: { status: 'revoked' } });
    expect(refundsAtStripe(certificate.paymentIntentId)).toHaveLength(1);
    expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(refundedLedger);
    expect((await requestOf(certificate.orderId)).refund_requested_at).toBeNull();
    expect((await claimOf(claim.id)).status).toBe('rejected');
    await t.orders.expectInvariants();
  });

  it('books a refund Stripe made for a request whose process died, when Stripe reports it', async () => {
    const certificate = await stripeCertificate(2);
    // The request committed and the refund reached Stripe; then the process died.
    expect(
      await t.db.transaction().execute((trx) =>
        requestRefund(trx, t.orders.ctx(), certificate.orderId, {
          source: 'admin',
          reason: 'Duplicate order',
          requestedBy: admin.user.id,
        }),
      ),
    ).toMatchObject({ outcome: 'requested' });
    await t.payments!.refund({
      paymentIntentId: certificate.paymentIntentId,
      amountCents: certificate.amountCents,
      idempotencyKey: stripeRefundKey(certificate.orderId),
      reason: `Impactbeurs order ${certificate.orderId}`,
      orderId: certificate.orderId,
    });
    const reported = await t.deliverWebhook(
      stripeEvent('charge.refunded', t.stripe.chargeFor(certificate.paymentIntentId)),
    );
    expect(reported.json()).toMatchObject({ outcome: 'refunded' });
    expect(await requestOf(certificate.orderId)).toMatchObject({
      status: 'refunded',
      needs_attention: null,
      refund_requested_at: null,
    });
    expect(refundsAtStripe(certificate.paymentIntentId)).toHaveLength(1);
    expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(refundedLedger);
    await t.orders.expectInvariants();
  });

  it('refunds an invoice order with its credit note in one transaction, without a request', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 2, project });
    const contract = await t.newContract({ coordinator, supplier });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 1,
    });
    const refunded = await t.orders.refund(admin.as, certificate.orderId);
    expectStatus(refunded, 200);
    expect(refunded.json()).toMatchObject({
      status: 'refunded',
      certificate: { status: 'revoked' },
    });
    expect(await t.orders.auditActions(certificate.orderId)).not.toContain(
      'order.refund_requested',
    );
    expect((await requestOf(certificate.orderId)).refund_requested_at).toBeNull();
    expect((await claimOf(claim.id)).status).toBe('rejected');
    await t.orders.expectInvariants();
  });

  // Last: it moves the test clock past the staleness of every request.
  it('resumes a request whose process died before Stripe was asked, once it is stale, and refunds once', async () => {
    const certificate = await stripeCertificate(3);
    const contract = await t.newContract({ coordinator, supplier });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.certificateId,
      contractId: contract.id,
      credits: 3,
    });
    // The request committed; then the process died before it called Stripe.
    await t.db.transaction().execute((trx) =>
      requestRefund(trx, t.orders.ctx(), certificate.orderId, {
        source: 'admin',
        reason: 'Duplicate order',
        requestedBy: admin.user.id,
      }),
    );
    expectProblem(
      await t.obligations.approve(coordinator.as, claim.id),
      409,
      'CLAIM.REFUND_PENDING',
    );
    // The database refuses the approval too, whatever the service checks.
    await expect(
      sql`UPDATE claims SET status = 'approved', decided_at = now() WHERE id = ${claim.id}`.execute(
        t.db,
      ),
    ).rejects.toThrow(/refund of its order is in progress/);

    // Still fresh: the job leaves it to the attempt that may be running.
    await t.orders.runJob(RESUME_REFUNDS_JOB);
    expect(refundAttempts(certificate.paymentIntentId)).toHaveLength(0);
    expect((await requestOf(certificate.orderId)).status).toBe('paid');

    t.clock.advance(REFUND_REQUEST_STALE_AFTER_SECONDS * 1000 + 1_000);
    await t.orders.runJob(RESUME_REFUNDS_JOB);
    expect(refundsAtStripe(certificate.paymentIntentId)).toHaveLength(1);
    expect(await requestOf(certificate.orderId)).toMatchObject({
      status: 'refunded',
      refund_requested_at: null,
    });
    expect(await t.orders.ledgerOf(certificate.orderId)).toEqual(refundedLedger);
    expect((await claimOf(claim.id)).status).toBe('rejected');
    // Resumed on behalf of the admin who asked.
    const resumed = await t.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id', 'summary'])
      .where('subject_id', '=', certificate.orderId)
      .where('action', '=', 'order.refund_requested')
      .orderBy('id')
      .execute();
    expect(resumed).toHaveLength(2);
    expect(resumed[1]!.summary).toMatchObject({
      requestedBy: admin.user.id,
      source: 'admin',
      reason: 'Duplicate order',
      previousRequest: { by: admin.user.id },
    });

    await t.orders.runJob(RESUME_REFUNDS_JOB);
    expect(refundAttempts(certificate.paymentIntentId)).toHaveLength(1);
    await t.orders.expectInvariants();
  });
});
