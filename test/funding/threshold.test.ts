import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser } from '../helpers/fixtures.js';
import { expectStatus, type Person } from '../helpers/listed-project.js';
import { createFundingWorld, type FundingWorld } from './funding-world.js';

/** listed → funded at the threshold (DESIGN §4), once, and the first tranche with it. */
describe('threshold reached', () => {
  let f: FundingWorld;
  let buyers: Person[];

  beforeAll(async () => {
    f = await createFundingWorld();
    buyers = [];
    for (let i = 0; i < 8; i++)
      buyers.push(
        await f.m.person(
          await createUser(f.t.db, await createOrganisation(f.t.db, 'supplier'), 'member'),
        ),
      );
  });
  afterAll(async () => f?.close());

  it('stays listed below the threshold, becomes funded on the sale that reaches it, keeps selling, and owes the first tranche once', async () => {
    const project = await f.listProject(20);
    expect(project.threshold).toBe(13); // ceil(floor(20 × 3800 × 5/4 / 2) / 3800)
    await f.buyByInvoice(f.m.supplier, project.id, 8);
    await f.buyByStripe(f.m.otherSupplier, project.id, 4);
    let funding = await f.funding(f.m.initiativeMember.as, project.id);
    expect(funding).toMatchObject({
      status: 'listed',
      sold: 12,
      fundedAt: null,
      tranches: [],
      view: 'full',
    });

    await f.buyByInvoice(buyers[0]!, project.id, 1);
    funding = await f.funding(f.m.initiativeMember.as, project.id);
    const thresholdAmount = 13 * project.priceCents;
    expect(funding).toMatchObject({
      status: 'funded',
      sold: 13,
      thresholdAmountCents: thresholdAmount,
      escrow: {
        receivedCents: thresholdAmount,
        refundedCents: 0,
        paidOutCents: 0,
        escrowCents: thresholdAmount,
        balanced: true,
      },
      tranches: [
        {
          tranche: 1,
          amountCents: thresholdAmount,
          status: 'due',
          paidAt: null,
          bankReference: null,
        },
      ],
    });
    expect(funding.fundedAt).toBe(f.t.clock.now().toISOString());

    // Funded projects keep selling; the first tranche stays what it was.
    await f.buyByStripe(buyers[1]!, project.id, 3);
    funding = await f.funding(f.m.initiativeMember.as, project.id);
    expect(funding).toMatchObject({
      status: 'funded',
      sold: 16,
      escrow: { escrowCents: 16 * project.priceCents },
    });
    expect(funding.tranches).toHaveLength(1);
    expect(await f.auditCount('project.funded', project.id)).toBe(1);

    // The public catalogue shows it funded.
    const catalogue = await f.get(null, `/v1/projects/${project.id}`);
    expectStatus(catalogue, 200);
    expect(catalogue.json().status).toBe('funded');
    await f.expectInvariants();
  });

  it('a refund after funding does not undo it; the public view shows tranches without escrow or bank references', async () => {
    const project = await f.listProject(10);
    const order = await f.buyByInvoice(f.m.supplier, project.id, project.threshold);
    expectStatus(await f.orders.refund(f.m.admin.as, order.id), 200);
    const funding = await f.funding(null, project.id);
    expect(funding).toMatchObject({
      status: 'funded',
      sold: 0,
      view: 'public',
      escrow: null,
      decisions: [],
      yourOrders: [],
    });
    expect(funding.tranches).toEqual([
      expect.objectContaining({ id: null, tranche: 1, status: 'due', bankReference: null }),
    ]);
    await f.expectInvariants();
  });

  // On the PostgreSQL server (TEST_DATABASE_URL) the payments run on separate connections and really interleave.
  it('the threshold crossed by many payments at once: funded exactly once, one first tranche', async () => {
    const project = await f.listProject(40);
    // Eight buyers hold 2 credits each; six already sold, so any two of the eight cross the 13.
    await f.buyByInvoice(f.m.supplier, project.id, project.threshold - 3);
    const placed = [];
    for (const buyer of buyers)
      placed.push(
        await f.orders.place(buyer.as, {
          projectId: project.id,
          quantity: 2,
          paymentMethod: 'invoice',
        }),
      );
    const paid = await Promise.all(
      placed.map((order) => f.orders.markPaid(f.m.admin.as, order.id, order.amountCents)),
    );
    for (const response of paid) expectStatus(response, 200);

    const funding = await f.funding(f.m.admin.as, project.id);
    expect(funding).toMatchObject({ status: 'funded', sold: project.threshold - 3 + 16 });
    expect(funding.tranches).toHaveLength(1);
    expect(funding.tranches[0]).toMatchObject({
      tranche: 1,
      amountCents: project.threshold * project.priceCents,
    });
    expect(await f.auditCount('project.funded', project.id)).toBe(1);
    const payouts = await sql<{
      n: string;
    }>`SELECT count(*)::text AS n FROM payouts WHERE project_id = ${project.id}`.execute(f.t.db);
    expect(Number(payouts.rows[0]!.n)).toBe(1);
    await f.expectInvariants();
  });
});
