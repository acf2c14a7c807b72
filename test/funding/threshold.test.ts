import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, type Person, TestContext } from '../factory/index.js';

/** listed → funded at the threshold (DESIGN §4), once, and the first tranche with it. */
describe('threshold reached', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let initiative: Person;
  let buyers: Person[];

  beforeAll(async () => {
    t = await TestContext.create({
      stripe: true,
      jobAttempts: 1,
      env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    initiative = await t.newInitiative();
    buyers = [];
    for (let i = 0; i < 8; i++) buyers.push(await t.newSupplier());
  });
  afterAll(async () => t?.close());

  it('stays listed below the threshold, becomes funded on the sale that reaches it, keeps selling, and owes the first tranche once', async () => {
    const project = await t.newListedProject({ credits: 20, initiative });
    expect(project.threshold).toBe(13); // ceil(floor(20 × 3800 × 5/4 / 2) / 3800)
    await t.newPaidOrder({ buyer: supplier, project: project.id, credits: 8 });
    await t.newStripePaidOrder({ buyer: otherSupplier, project: project.id, credits: 4 });
    let funding = await t.funding(initiative.as, project.id);
    expect(funding).toMatchObject({
      status: 'listed',
      sold: 12,
      fundedAt: null,
      tranches: [],
      view: 'full',
    });

    await t.newPaidOrder({ buyer: buyers[0]!, project: project.id, credits: 1 });
    funding = await t.funding(initiative.as, project.id);
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
    expect(funding.fundedAt).toBe(t.clock.now().toISOString());

    // Funded projects keep selling; the first tranche stays what it was.
    await t.newStripePaidOrder({ buyer: buyers[1]!, project: project.id, credits: 3 });
    funding = await t.funding(initiative.as, project.id);
    expect(funding).toMatchObject({
      status: 'funded',
      sold: 16,
      escrow: { escrowCents: 16 * project.priceCents },
    });
    expect(funding.tranches).toHaveLength(1);
    expect(await t.auditCount('project.funded', project.id)).toBe(1);

    // The public catalogue shows it funded.
    const catalogue = await t.get(null, `/v1/projects/${project.id}`);
    expectStatus(catalogue, 200);
    expect(catalogue.json().status).toBe('funded');
    await t.expectInvariants();
  });

  it('a refund after funding does not undo it; the public view shows tranches without escrow or bank references', async () => {
    const project = await t.newListedProject({ credits: 10, initiative });
    const order = await t.newPaidOrder({
      buyer: supplier,
      project: project.id,
      credits: project.threshold,
    });
    expectStatus(await t.orders.refund(admin.as, order.id), 200);
    const funding = await t.funding(null, project.id);
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
    await t.expectInvariants();
  });

  // On the PostgreSQL server (TEST_DATABASE_URL) the payments run on separate connections and really interleave.
  it('the threshold crossed by many payments at once: funded exactly once, one first tranche', async () => {
    const project = await t.newListedProject({ credits: 40, initiative });
    // Eight buyers hold 2 credits each; six already sold, so any two of the eight cross the 13.
    await t.newPaidOrder({ buyer: supplier, project: project.id, credits: project.threshold - 3 });
    const placed = [];
    for (const buyer of buyers)
      placed.push(
        await t.orders.place(buyer.as, {
          projectId: project.id,
          quantity: 2,
          paymentMethod: 'invoice',
        }),
      );
    const paid = await Promise.all(
      placed.map((order) => t.orders.markPaid(admin.as, order.id, order.amountCents)),
    );
    for (const response of paid) expectStatus(response, 200);

    const funding = await t.funding(admin.as, project.id);
    expect(funding).toMatchObject({ status: 'funded', sold: project.threshold - 3 + 16 });
    expect(funding.tranches).toHaveLength(1);
    expect(funding.tranches[0]).toMatchObject({
      tranche: 1,
      amountCents: project.threshold * project.priceCents,
    });
    expect(await t.auditCount('project.funded', project.id)).toBe(1);
    const payouts = await sql<{
      n: string;
    }>`SELECT count(*)::text AS n FROM payouts WHERE project_id = ${project.id}`.execute(t.db);
    expect(Number(payouts.rows[0]!.n)).toBe(1);
    await t.expectInvariants();
  });
});
