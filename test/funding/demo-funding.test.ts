import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/modules/settlement/invariants.js';
import { DEMO_FAILED_PROJECT, DEMO_FUNDED_PROJECT } from '../../src/seed/demo-funding.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/seed.js';
import { expectStatus, type Person, TestContext } from '../factory/index.js';

/** Issue 8's "done when", on the demo data: one project funded with a payout due, one failed with every buyer refunded. */
describe('the funding demo', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  const projectId = async (title: string) =>
    (
      await t.db
        .selectFrom('projects')
        .select('id')
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await TestContext.create();
    expect(await seedDemo(t.db, t.config)).toBeDefined();
    admin = await t.signIn(
      { email: 'admin@impactbeurs.example', password: DEMO_PASSWORD },
      { address: '10.52.0.1' },
    );
    supplier = await t.signIn(
      { email: 'leverancier@devries.example', password: DEMO_PASSWORD },
      { address: '10.52.0.2' },
    );
  });
  afterAll(() => t?.close());

  it(`"${DEMO_FUNDED_PROJECT}" reached its threshold and shows its first payout due`, async () => {
    const id = await projectId(DEMO_FUNDED_PROJECT);
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/projects/${id}/funding`,
      headers: admin.as.headers,
    });
    expectStatus(response, 200);
    const funding = response.json();
    expect(funding).toMatchObject({
      status: 'funded',
      sold: funding.threshold,
      escrow: { escrowCents: funding.thresholdAmountCents, balanced: true },
    });
    expect(funding.tranches).toEqual([
      expect.objectContaining({
        tranche: 1,
        status: 'due',
        amountCents: funding.thresholdAmountCents,
      }),
    ]);
    const due = await t.app.inject({
      method: 'GET',
      url: '/v1/payouts?status=open',
      headers: admin.as.headers,
    });
    expect(due.json().items).toEqual([
      expect.objectContaining({ project: { id, title: DEMO_FUNDED_PROJECT }, tranche: 1 }),
    ]);
  });

  it(`"${DEMO_FAILED_PROJECT}" missed its deadline: every buyer refunded, certificates revoked, verification says why`, async () => {
    const id = await projectId(DEMO_FAILED_PROJECT);
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/projects/${id}/funding`,
      headers: supplier.as.headers,
    });
    expectStatus(response, 200);
    const funding = response.json();
    expect(funding).toMatchObject({ status: 'failed', sold: 0, reserved: 0, refundsWaiting: 0 });
    expect(funding.failureReason).toMatch(/did not reach its threshold/);
    const refunded = funding.yourOrders.filter((o: { status: string }) => o.status === 'refunded');
    expect(refunded).toHaveLength(2);
    expect(
      funding.yourOrders.filter((o: { status: string }) => o.status === 'cancelled'),
    ).toHaveLength(1);
    expect(
      funding.yourOrders.every(
        (o: { status: string }) => o.status === 'refunded' || o.status === 'cancelled',
      ),
    ).toBe(true);

    const certificates = await t.db
      .selectFrom('certificates')
      .select(['status', 'verification_code'])
      .where('project_id', '=', id)
      .execute();
    expect(certificates).toHaveLength(2);
    for (const certificate of certificates) {
      expect(certificate.status).toBe('revoked');
      const verification = await t.app.inject({
        method: 'GET',
        url: `/v1/verify/${certificate.verification_code}`,
      });
      expect(verification.json()).toMatchObject({ status: 'revoked', valid: false });
      // The public reason, never the internal sentence (issue 15).
      expect(verification.json().publicReason).toBe('funding_failed');
      expect(verification.body).not.toContain('threshold');
    }
    expect(
      await t.db
        .selectFrom('credit_notes')
        .innerJoin('orders', 'orders.id', 'credit_notes.order_id')
        .select('credit_notes.id')
        .where('orders.project_id', '=', id)
        .execute(),
    ).toHaveLength(2);
    const page = await t.app.inject({ method: 'GET', url: `/v1/projects?status=failed` });
    expect(page.json().items.map((p: { title: string }) => p.title)).toEqual([DEMO_FAILED_PROJECT]);
    expect(await checkInvariants(t.db)).toEqual([]);
  });
});
