import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/seed.js';
import { DEMO_CLAIMS_PROJECT, DEMO_PURCHASE_CONTRACT } from '../../src/seed/demo-obligations.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type SignedIn, signIn } from '../helpers/fixtures.js';
import { expectProblem, expectStatus } from '../factory/index.js';

/**
 * Issue 6's "done when", with the demo accounts: a supplier buys credits, claims them toward
 * the municipality's contract, the coordinator approves, the wallet shows the progress, and
 * the same credits cannot be claimed anywhere else.
 */
describe('demo: counting credits toward a municipality’s obligation', () => {
  let t: TestApp;
  let supplier: SignedIn;
  let coordinator: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db, t.config, t.clock);
    supplier = await signIn(
      t.app,
      { email: 'leverancier@devries.example', password: DEMO_PASSWORD },
      '10.70.0.1',
    );
    coordinator = await signIn(
      t.app,
      { email: 'coordinator@rotterdam.example', password: DEMO_PASSWORD },
      '10.70.0.2',
    );
    admin = await signIn(
      t.app,
      { email: 'admin@impactbeurs.example', password: DEMO_PASSWORD },
      '10.70.0.3',
    );
    // Seeding the demo (seven projects through a real review each) is slow on a busy machine.
  }, 300_000);
  afterAll(async () => t?.close());

  const get = (who: SignedIn, url: string) =>
    t.app.inject({ method: 'GET', url, headers: who.headers });
  const post = (
    who: SignedIn,
    url: string,
    payload: object,
    headers: Record<string, string> = {},
  ) => t.app.inject({ method: 'POST', url, headers: { ...who.headers, ...headers }, payload });

  it('seeds the municipality’s contracts with one approved and one pending claim', async () => {
    const contracts = (await get(coordinator, '/v1/contracts')).json().items;
    expect(contracts.map((c: { reference: string }) => c.reference).sort()).toEqual([
      'RTD-2026-0142',
      'RTD-2026-0207',
      'RTD-2026-0318',
    ]);
    const claims = (await get(coordinator, '/v1/claims')).json().items;
    expect(claims.map((c: { status: string }) => c.status).sort()).toEqual(['approved', 'pending']);
    expect(
      claims.every(
        (c: { certificate: { projectTitle: string } }) =>
          c.certificate.projectTitle === DEMO_CLAIMS_PROJECT,
      ),
    ).toBe(true);
  });

  it('walks a new purchase to an approved claim and refuses the same credits elsewhere', async () => {
    const catalogue = (await t.app.inject({ method: 'GET', url: '/v1/projects?limit=50' })).json()
      .items as { id: string; title: string }[];
    const project = catalogue.find((p) => p.title === DEMO_CLAIMS_PROJECT)!;
    const order = await post(
      supplier,
      '/v1/orders',
      { projectId: project.id, quantity: 5, paymentMethod: 'invoice' },
      { 'idempotency-key': 'walkthrough-order' },
    );
    expectStatus(order, 201);
    const paid = await post(admin, `/v1/orders/${order.json().id}/mark-paid`, {
      amountCents: order.json().amountCents,
      bankReference: 'NL-WALKTHROUGH-1',
    });
    expectStatus(paid, 200);
    const certificateId = paid.json().certificate.id;

    const wallet = (await get(supplier, '/v1/obligations')).json().items as {
      contractId: string;
      reference: string;
      progress: { approvedCents: number };
    }[];
    const maintenance = wallet.find((o) => o.reference === 'RTD-2026-0142')!;
    const cleaning = wallet.find((o) => o.reference === 'RTD-2026-0207')!;
    const before = maintenance.progress.approvedCents;

    const claim = await post(
      supplier,
      '/v1/claims',
      { certificateId, contractId: maintenance.contractId, credits: 5 },
      { 'idempotency-key': 'walkthrough-claim' },
    );
    expectStatus(claim, 201);
    expectStatus(await post(coordinator, `/v1/claims/${claim.json().id}/approve`, {}), 200);

    const after = (await get(supplier, '/v1/obligations'))
      .json()
      .items.find((o: { reference: string }) => o.reference === 'RTD-2026-0142');
    expect(after.progress.approvedCents).toBe(before + 5 * t.config.creditPriceCents);
    const elsewhere = await post(
      supplier,
      '/v1/claims',
      { certificateId, contractId: cleaning.contractId, credits: 1 },
      { 'idempotency-key': 'walkthrough-again' },
    );
    expectProblem(elsewhere, 409, 'CLAIM.CREDITS_UNAVAILABLE');

    const code = (await get(supplier, `/v1/certificates/${certificateId}`)).json().verificationCode;
    const verification = (await t.app.inject({ method: 'GET', url: `/v1/verify/${code}` })).json();
    expect(verification.countedToward).toEqual([
      {
        authority: { name: 'Gemeente Rotterdam' },
        contractReference: 'RTD-2026-0142',
        contractTitle: 'Onderhoud groenvoorziening Rotterdam-Zuid',
        credits: 5,
        valueCents: 19000,
        tenderNed: null,
        approvedAt: expect.any(String),
      },
    ]);
  });

  it('lets the supplier meet the open EUR 100,000 obligation in one purchase, as proposed', async () => {
    const wallet = (await get(supplier, '/v1/obligations')).json().items as {
      contractId: string;
      reference: string;
      progress: { requiredCents: number; remainingCents: number };
    }[];
    const open = wallet.find((o) => o.reference === DEMO_PURCHASE_CONTRACT)!;
    expect(open.progress).toMatchObject({ requiredCents: 100_000_00, remainingCents: 100_000_00 });
    const proposal = (
      await get(supplier, `/v1/purchases/proposal?contractId=${open.contractId}`)
    ).json();
    expect(proposal.uncoveredCents).toBe(0);
    expect(proposal.countsCents).toBeGreaterThanOrEqual(100_000_00);
    // The anti-hoarding limits do not stop it: bought as proposed, in one purchase.
    const purchase = await post(
      supplier,
      '/v1/purchases',
      {
        lines: proposal.lines.map((line: { project: { id: string }; credits: number }) => ({
          projectId: line.project.id,
          credits: line.credits,
        })),
        paymentMethod: 'invoice',
      },
      { 'idempotency-key': 'demo-obligation-purchase' },
    );
    expectStatus(purchase, 201);
    expect(purchase.json().amountCents).toBe(proposal.amountCents);
  });
});
