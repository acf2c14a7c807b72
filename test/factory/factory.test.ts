import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, type Person, TestContext } from './index.js';

/** The factory's builders make what they say, through the API, and the example in CONTRIBUTING.md holds. */
describe('the test factory', () => {
  let t: TestContext;
  let buyer: Person;

  beforeAll(async () => {
    t = await TestContext.create();
    buyer = await t.newSupplier();
  });
  afterAll(() => t?.close());

  it('refuses to cancel a paid order, which is refunded instead', async () => {
    const project = await t.newListedProject({ credits: 20 });
    const order = await t.newPaidOrder({ buyer, project, credits: 3 });
    const admin = await t.platformAdmin();
    const cancel = await t.post(admin, `/v1/orders/${order.id}/cancel`, { reason: 'Too late' });
    expectProblem(cancel, 409, 'ORDER.INVALID_STATE');
    expectStatus(await t.post(admin, `/v1/orders/${order.id}/refund`, { reason: 'Mistake' }), 200);
    await t.expectInvariants();
  });

  it('makes a funded project, a certificate, and claims pending and approved with every prerequisite', async () => {
    const funded = await t.newFundedProject({ credits: 10 });
    expect((await t.funding(null, funded.id)).status).toBe('funded');
    expect(funded.orders.reduce((sum, o) => sum + o.certificate!.credits, 0)).toBe(
      funded.threshold,
    );

    const certificate = await t.newCertificate({ credits: 4 });
    expect((await t.certificateRow(certificate.id)).credits).toBe(4);

    const pending = await t.newClaim({ credits: 2 });
    expect(pending).toMatchObject({ status: 'pending', credits: 2 });
    const approved = await t.newApprovedClaim({ credits: 1 });
    expect(approved).toMatchObject({ status: 'approved', credits: 1 });
    await t.expectInvariants();
  });

  it('signs people in as members of their own organisations', async () => {
    const coordinator = await t.newAuthority();
    const viewer = await t.newAuthority({ role: 'viewer', organisation: coordinator.organisation });
    expect(coordinator.organisation.kind).toBe('authority');
    expect(viewer.organisation.id).toBe(coordinator.organisation.id);
    expect(viewer.user.role).toBe('viewer');
    const me = await t.getJson(viewer, '/v1/me');
    expect(me).toMatchObject({
      user: { id: viewer.user.id },
      organisation: { id: coordinator.organisation.id },
    });
  });
});
