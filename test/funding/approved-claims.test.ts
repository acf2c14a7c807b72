import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_DEADLINES_JOB } from '../../src/modules/funding/deadlines.js';
import { expectProblem, expectStatus, type Person, TestContext } from '../factory/index.js';

/**
 * A project past its deadline below its threshold while an authority's approval stands on
 * one of its certificates: it must not fail silently. It waits, visibly to the initiative,
 * the buyers and the authority, until the approval is withdrawn or an admin decides.
 */
describe('a failing project with an approved claim', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let coordinator: Person;
  let initiative: Person;
  let otherAuthorityCoordinator: Person;

  beforeAll(async () => {
    t = await TestContext.create({
      stripe: true,
      jobAttempts: 1,
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    initiative = await t.newInitiative();
    otherAuthorityCoordinator = await t.newAuthority();
  });
  afterAll(async () => t?.close());

  async function waitingProject() {
    const project = await t.newListedProject({ credits: 20, initiative });
    const card = await t.newStripePaidOrder({ buyer: supplier, project: project.id, credits: 3 });
    const invoice = await t.newPaidOrder({ buyer: otherSupplier, project: project.id, credits: 2 });
    const contract = await t.newContract({ coordinator, supplier });
    const claim = await t.newClaim({
      certificate: { id: card.certificate!.id },
      contract: { id: contract.id },
      credits: 2,
      supplier,
    });
    expectStatus(await t.post(coordinator.as, `/v1/claims/${claim.id}/approve`, {}), 200);
    t.clock.advanceDays(91);
    await t.runJob(CHECK_DEADLINES_JOB);
    return { project, card, invoice, claim };
  }

  it('waits, visible to all three parties, refunding nothing; every run retries; the withdrawal lets it fail consistently', async () => {
    const refundsBefore = t.stripe.refunds.length;
    const { project, card, invoice, claim } = await waitingProject();

    const everyone = await t.funding(null, project.id);
    expect(everyone).toMatchObject({
      status: 'listed',
      failedAt: null,
      waiting: { blockingClaims: [] },
    });
    expect(everyone.waiting.reason).toMatch(/approved claim\(s\) stand on certificate\(s\) IB-/);
    const initiativeView = await t.funding(initiative.as, project.id);
    expect(initiativeView.waiting.blockingClaims).toEqual([
      expect.objectContaining({
        claimId: claim.id,
        certificateNumber: card.certificate!.number,
        credits: 2,
      }),
    ]);
    const authority = await t.funding(coordinator.as, project.id);
    expect(authority.waiting.blockingClaims).toEqual([
      expect.objectContaining({ claimId: claim.id, authorityId: coordinator.organisation.id }),
    ]);
    const otherAuthority = await t.funding(otherAuthorityCoordinator.as, project.id);
    expect(otherAuthority.waiting.blockingClaims).toEqual([]);
    const buyer = await t.funding(otherSupplier.as, project.id);
    expect(buyer.yourOrders).toEqual([
      expect.objectContaining({ orderId: invoice.id, status: 'paid' }),
    ]);
    expect(buyer.yourOrders[0].waitingFor).toMatch(/approved claim/);

    // Nothing was refunded or released; the job keeps retrying without repeating itself.
    expect(t.stripe.refunds.length).toBe(refundsBefore);
    expect((await t.orderRow(card.id)).status).toBe('paid');
    expect((await t.orderRow(invoice.id)).status).toBe('paid');
    await t.runJob(CHECK_DEADLINES_JOB);
    await t.runJob(CHECK_DEADLINES_JOB);
    expect((await t.funding(null, project.id)).status).toBe('listed');
    expect(await t.auditCount('project.failing', project.id)).toBe(1);
    // The waiting project no longer sells.
    expectStatus(
      await t.orders.create(supplier.as, {
        projectId: project.id,
        quantity: 1,
        paymentMethod: 'invoice',
      }),
      409,
    );

    // The authority withdraws its approval: the next run fails the project and refunds everyone.
    expectStatus(
      await t.post(coordinator.as, `/v1/claims/${claim.id}/withdraw`, {
        reason: 'The project did not go ahead',
      }),
      200,
    );
    await t.runJob(CHECK_DEADLINES_JOB);
    const failed = await t.funding(admin.as, project.id);
    expect(failed).toMatchObject({
      status: 'failed',
      waiting: null,
      refundsWaiting: 0,
      escrow: { escrowCents: 0, balanced: true },
    });
    expect((await t.orderRow(card.id)).status).toBe('refunded');
    expect((await t.orderRow(invoice.id)).status).toBe('refunded');
    expect(t.stripe.refunds.length).toBe(refundsBefore + 1);
    expect((await t.get(coordinator.as, `/v1/claims/${claim.id}`)).json().status).toBe('withdrawn');
    await t.expectInvariants();
  });

  it('an admin decides to refund: approvals invalidated (the authority sees why), every buyer refunded, once', async () => {
    const { project, card, invoice, claim } = await waitingProject();
    const decide = (
      who = admin.as,
      body: object = {
        decision: 'refund_all',
        reason: 'The initiative stopped; the buyers get their money back',
      },
    ) => t.post(who, `/v1/projects/${project.id}/funding/decision`, body);
    expectStatus(await decide(initiative.as), 403);
    expectStatus(await decide(coordinator.as), 403);
    const decided = await decide();
    expectStatus(decided, 200);
    expect(decided.json()).toMatchObject({
      status: 'failed',
      decisions: [{ kind: 'refund_all', newDeadline: null }],
    });
    await t.queue.drain();

    expect((await t.orderRow(card.id)).status).toBe('refunded');
    expect((await t.orderRow(invoice.id)).status).toBe('refunded');
    const invalidated = (await t.get(coordinator.as, `/v1/claims/${claim.id}`)).json();
    expect(invalidated.status).toBe('invalidated');
    expect(invalidated.invalidationReason).toMatch(
      /did not reach its threshold.*admin decided to refund/,
    );
    expect(
      (
        await t.getJson(
          null,
          `/v1/verify/${(await t.certificateRow(card.certificate!.id)).verification_code}`,
        )
      ).status,
    ).toBe('revoked');
    expect(await t.auditCount('project.refund_decided', project.id)).toBe(1);

    // Decided once: a second decision is refused, a further run changes nothing.
    expectProblem(await decide(), 409, 'FUNDING.NOT_WAITING');
    const ledger = await t.moneyLedger(project.id);
    await t.runJob(CHECK_DEADLINES_JOB);
    expect(await t.moneyLedger(project.id)).toEqual(ledger);
    expect(ledger.received).toBe(ledger.refunded);
    await t.expectInvariants();
  });

  it('an admin gives it a new deadline instead: the waiting ends and it sells again', async () => {
    const { project, card } = await waitingProject();
    const newDeadline = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString();
    expectProblem(
      await t.post(admin.as, `/v1/projects/${project.id}/funding/decision`, {
        decision: 'extend_deadline',
        reason: 'Needs a date',
      }),
      422,
      'FUNDING.DEADLINE_REQUIRED',
    );
    const decided = await t.post(admin.as, `/v1/projects/${project.id}/funding/decision`, {
      decision: 'extend_deadline',
      reason: 'A new employer joins next month',
      fundingDeadline: newDeadline,
    });
    expectStatus(decided, 200);
    expect(decided.json()).toMatchObject({
      status: 'listed',
      waiting: null,
      fundingDeadline: newDeadline,
      decisions: [{ kind: 'extend_after_deadline' }],
    });
    await t.runJob(CHECK_DEADLINES_JOB);
    expect((await t.funding(null, project.id)).status).toBe('listed');
    // It sells again, and reaching the threshold funds it.
    await t.newPaidOrder({
      buyer: otherSupplier,
      project: project.id,
      credits: project.threshold - 5,
    });
    const funding = await t.funding(initiative.as, project.id);
    expect(funding).toMatchObject({ status: 'funded', tranches: [{ tranche: 1, status: 'due' }] });
    expect((await t.orderRow(card.id)).status).toBe('paid');
    // Deciding a project that is not waiting is refused.
    expectProblem(
      await t.post(admin.as, `/v1/projects/${project.id}/funding/decision`, {
        decision: 'refund_all',
        reason: 'Too late',
      }),
      409,
      'FUNDING.NOT_WAITING',
    );
    await t.expectInvariants();
  });

  it('an approval that slips in after the failure (while a refund was still owed) holds that refund, visibly, until withdrawn', async () => {
    const project = await t.newListedProject({ credits: 20, initiative });
    const card = await t.newStripePaidOrder({ buyer: supplier, project: project.id, credits: 3 });
    t.clock.advanceDays(91);
    // Stripe refuses this attempt (nothing refunded): the refund is owed again, and claims count meanwhile.
    // (A lost answer, a 500, would keep the refund requested and refuse them: see test/orders/refund-in-progress.test.ts.)
    t.stripe.failNext({
      method: 'POST',
      path: '/v1/refunds',
      status: 400,
      code: 'charge_disputed',
      times: 1,
    });
    await t.runJob(CHECK_DEADLINES_JOB);
    expect(await t.funding(null, project.id)).toMatchObject({
      status: 'failed',
      refundsWaiting: 1,
    });

    // The certificate is still active until its refund: a claim is made and approved meanwhile.
    const claim = await t.newClaim({
      certificate: { id: card.certificate!.id },
      contract: await t.newContract({ coordinator, supplier }),
      credits: 1,
      supplier,
    });
    expectStatus(await t.post(coordinator.as, `/v1/claims/${claim.id}/approve`, {}), 200);
    const refundsBefore = t.stripe.refunds.length;
    await t.runJob(CHECK_DEADLINES_JOB);
    expect(t.stripe.refunds.length).toBe(refundsBefore);
    const order = (await t.funding(supplier.as, project.id)).yourOrders[0];
    expect(order).toMatchObject({
      orderId: card.id,
      status: 'paid',
      waitingFor: 'project_failed_refund_waits_for_approved_claim',
    });
    expect((await t.orders.get(admin.as, card.id)).json().needsAttention).toBe(
      'project_failed_refund_waits_for_approved_claim',
    );

    expectStatus(
      await t.post(coordinator.as, `/v1/claims/${claim.id}/withdraw`, {
        reason: 'The project failed',
      }),
      200,
    );
    await t.runJob(CHECK_DEADLINES_JOB);
    expect(t.stripe.refunds.length).toBe(refundsBefore + 1);
    expect((await t.orders.get(admin.as, card.id)).json()).toMatchObject({
      status: 'refunded',
      needsAttention: null,
    });
    expect(await t.funding(admin.as, project.id)).toMatchObject({
      refundsWaiting: 0,
      escrow: { escrowCents: 0, balanced: true },
    });
    await t.expectInvariants();
  });
});
