import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser } from '../helpers/fixtures.js';
import { expectProblem, expectStatus, type Person } from '../helpers/listed-project.js';
import { orderRow } from '../helpers/payments-fixtures.js';
import { createFundingWorld, type FundingWorld } from './funding-world.js';

/**
 * A project past its deadline below its threshold while an authority's approval stands on
 * one of its certificates: it must not fail silently. It waits, visibly to the initiative,
 * the buyers and the authority, until the approval is withdrawn or an admin decides.
 */
describe('a failing project with an approved claim', () => {
  let f: FundingWorld;
  let otherAuthorityCoordinator: Person;

  beforeAll(async () => {
    f = await createFundingWorld();
    otherAuthorityCoordinator = await f.m.person(
      await createUser(f.t.db, await createOrganisation(f.t.db, 'authority'), 'coordinator'),
    );
  });
  afterAll(async () => f?.close());

  async function waitingProject() {
    const project = await f.listProject(20);
    const card = await f.buyByStripe(f.m.supplier, project.id, 3);
    const invoice = await f.buyByInvoice(f.m.otherSupplier, project.id, 2);
    const contract = await f.contract();
    const claim = await f.claim(card.certificate!.id, contract.id, 2);
    expectStatus(await f.post(f.m.coordinator.as, `/v1/claims/${claim.id}/approve`, {}), 200);
    f.passDeadline();
    await f.runDeadlines();
    return { project, card, invoice, claim };
  }

  it('waits, visible to all three parties, refunding nothing; every run retries; the withdrawal lets it fail consistently', async () => {
    const refundsBefore = f.fake.refunds.length;
    const { project, card, invoice, claim } = await waitingProject();

    const everyone = await f.funding(null, project.id);
    expect(everyone).toMatchObject({
      status: 'listed',
      failedAt: null,
      waiting: { blockingClaims: [] },
    });
    expect(everyone.waiting.reason).toMatch(/approved claim\(s\) stand on certificate\(s\) IB-/);
    const initiative = await f.funding(f.m.initiativeMember.as, project.id);
    expect(initiative.waiting.blockingClaims).toEqual([
      expect.objectContaining({
        claimId: claim.id,
        certificateNumber: card.certificate!.number,
        credits: 2,
      }),
    ]);
    const authority = await f.funding(f.m.coordinator.as, project.id);
    expect(authority.waiting.blockingClaims).toEqual([
      expect.objectContaining({ claimId: claim.id, authorityId: f.m.world.authority.id }),
    ]);
    const otherAuthority = await f.funding(otherAuthorityCoordinator.as, project.id);
    expect(otherAuthority.waiting.blockingClaims).toEqual([]);
    const buyer = await f.funding(f.m.otherSupplier.as, project.id);
    expect(buyer.yourOrders).toEqual([
      expect.objectContaining({ orderId: invoice.id, status: 'paid' }),
    ]);
    expect(buyer.yourOrders[0].waitingFor).toMatch(/approved claim/);

    // Nothing was refunded or released; the job keeps retrying without repeating itself.
    expect(f.fake.refunds.length).toBe(refundsBefore);
    expect((await orderRow(f.w, card.id)).status).toBe('paid');
    expect((await orderRow(f.w, invoice.id)).status).toBe('paid');
    await f.runDeadlines();
    await f.runDeadlines();
    expect((await f.funding(null, project.id)).status).toBe('listed');
    expect(await f.auditCount('project.failing', project.id)).toBe(1);
    // The waiting project no longer sells.
    expectStatus(
      await f.orders.create(f.m.supplier.as, {
        projectId: project.id,
        quantity: 1,
        paymentMethod: 'invoice',
      }),
      409,
    );

    // The authority withdraws its approval: the next run fails the project and refunds everyone.
    expectStatus(
      await f.post(f.m.coordinator.as, `/v1/claims/${claim.id}/withdraw`, {
        reason: 'The project did not go ahead',
      }),
      200,
    );
    await f.runDeadlines();
    const failed = await f.funding(f.m.admin.as, project.id);
    expect(failed).toMatchObject({
      status: 'failed',
      waiting: null,
      refundsWaiting: 0,
      escrow: { escrowCents: 0, balanced: true },
    });
    expect((await orderRow(f.w, card.id)).status).toBe('refunded');
    expect((await orderRow(f.w, invoice.id)).status).toBe('refunded');
    expect(f.fake.refunds.length).toBe(refundsBefore + 1);
    expect((await f.get(f.m.coordinator.as, `/v1/claims/${claim.id}`)).json().status).toBe(
      'withdrawn',
    );
    await f.expectInvariants();
  });

  it('an admin decides to refund: approvals invalidated (the authority sees why), every buyer refunded, once', async () => {
    const { project, card, invoice, claim } = await waitingProject();
    const decide = (
      who = f.m.admin.as,
      body: object = {
        decision: 'refund_all',
        reason: 'The initiative stopped; the buyers get their money back',
      },
    ) => f.post(who, `/v1/projects/${project.id}/funding/decision`, body);
    expectStatus(await decide(f.m.initiativeMember.as), 403);
    expectStatus(await decide(f.m.coordinator.as), 403);
    const decided = await decide();
    expectStatus(decided, 200);
    expect(decided.json()).toMatchObject({
      status: 'failed',
      decisions: [{ kind: 'refund_all', newDeadline: null }],
    });
    await f.jobs.drain();

    expect((await orderRow(f.w, card.id)).status).toBe('refunded');
    expect((await orderRow(f.w, invoice.id)).status).toBe('refunded');
    const invalidated = (await f.get(f.m.coordinator.as, `/v1/claims/${claim.id}`)).json();
    expect(invalidated.status).toBe('invalidated');
    expect(invalidated.invalidationReason).toMatch(
      /did not reach its threshold.*admin decided to refund/,
    );
    expect((await f.verify(card.certificate!.id)).status).toBe('revoked');
    expect(await f.auditCount('project.refund_decided', project.id)).toBe(1);

    // Decided once: a second decision is refused, a further run changes nothing.
    expectProblem(await decide(), 409, 'FUNDING.NOT_WAITING');
    const ledger = await f.ledger(project.id);
    await f.runDeadlines();
    expect(await f.ledger(project.id)).toEqual(ledger);
    expect(ledger.received).toBe(ledger.refunded);
    await f.expectInvariants();
  });

  it('an admin gives it a new deadline instead: the waiting ends and it sells again', async () => {
    const { project, card } = await waitingProject();
    const newDeadline = new Date(f.t.clock.now().getTime() + 30 * 86_400_000).toISOString();
    expectProblem(
      await f.post(f.m.admin.as, `/v1/projects/${project.id}/funding/decision`, {
        decision: 'extend_deadline',
        reason: 'Needs a date',
      }),
      422,
      'FUNDING.DEADLINE_REQUIRED',
    );
    const decided = await f.post(f.m.admin.as, `/v1/projects/${project.id}/funding/decision`, {
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
    await f.runDeadlines();
    expect((await f.funding(null, project.id)).status).toBe('listed');
    // It sells again, and reaching the threshold funds it.
    await f.buyByInvoice(f.m.otherSupplier, project.id, project.threshold - 5);
    const funding = await f.funding(f.m.initiativeMember.as, project.id);
    expect(funding).toMatchObject({ status: 'funded', tranches: [{ tranche: 1, status: 'due' }] });
    expect((await orderRow(f.w, card.id)).status).toBe('paid');
    // Deciding a project that is not waiting is refused.
    expectProblem(
      await f.post(f.m.admin.as, `/v1/projects/${project.id}/funding/decision`, {
        decision: 'refund_all',
        reason: 'Too late',
      }),
      409,
      'FUNDING.NOT_WAITING',
    );
    await f.expectInvariants();
  });

  it('an approval that slips in after the failure (while a refund was still owed) holds that refund, visibly, until withdrawn', async () => {
    const project = await f.listProject(20);
    const card = await f.buyByStripe(f.m.supplier, project.id, 3);
    f.passDeadline();
    // Stripe refuses this attempt (nothing refunded): the refund is owed again, and claims count meanwhile.
    // (A lost answer, a 500, would keep the refund requested and refuse them: see test/orders/refund-in-progress.test.ts.)
    f.fake.failNext({
      method: 'POST',
      path: '/v1/refunds',
      status: 400,
      code: 'charge_disputed',
      times: 1,
    });
    await f.runDeadlines();
    expect(await f.funding(null, project.id)).toMatchObject({
      status: 'failed',
      refundsWaiting: 1,
    });

    // The certificate is still active until its refund: a claim is made and approved meanwhile.
    const claim = await f.claim(card.certificate!.id, (await f.contract()).id, 1);
    expectStatus(await f.post(f.m.coordinator.as, `/v1/claims/${claim.id}/approve`, {}), 200);
    const refundsBefore = f.fake.refunds.length;
    await f.runDeadlines();
    expect(f.fake.refunds.length).toBe(refundsBefore);
    const order = (await f.funding(f.m.supplier.as, project.id)).yourOrders[0];
    expect(order).toMatchObject({
      orderId: card.id,
      status: 'paid',
      waitingFor: 'project_failed_refund_waits_for_approved_claim',
    });
    expect((await f.orders.get(f.m.admin.as, card.id)).json().needsAttention).toBe(
      'project_failed_refund_waits_for_approved_claim',
    );

    expectStatus(
      await f.post(f.m.coordinator.as, `/v1/claims/${claim.id}/withdraw`, {
        reason: 'The project failed',
      }),
      200,
    );
    await f.runDeadlines();
    expect(f.fake.refunds.length).toBe(refundsBefore + 1);
    expect((await f.orders.get(f.m.admin.as, card.id)).json()).toMatchObject({
      status: 'refunded',
      needsAttention: null,
    });
    expect(await f.funding(f.m.admin.as, project.id)).toMatchObject({
      refundsWaiting: 0,
      escrow: { escrowCents: 0, balanced: true },
    });
    await f.expectInvariants();
  });
});
