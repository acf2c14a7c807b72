import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, type Person, TestContext } from '../factory/index.js';

/** Escrow and payouts in two tranches, with four eyes (DESIGN §4 Money, §5.5). */
describe('payouts', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let initiative: Person;
  let secondAdmin: Person;
  let thirdAdmin: Person;
  let otherInitiative: Person;

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
    secondAdmin = await t.newAdmin();
    thirdAdmin = await t.newAdmin();
    otherInitiative = await t.newInitiative();
  });
  afterAll(async () => t?.close());

  const approve = (who: { headers: { authorization: string } }, id: string) =>
    t.post(who as never, `/v1/payouts/${id}/approve`);
  const markPaid = (
    who: { headers: { authorization: string } },
    id: string,
    bankReference = 'NL-TRF-000123',
  ) => t.post(who as never, `/v1/payouts/${id}/mark-paid`, { bankReference });

  async function expectBalanced(projectId: string) {
    const ledger = await t.moneyLedger(projectId);
    const funding = await t.funding(admin.as, projectId);
    expect(funding.escrow).toMatchObject({
      receivedCents: ledger.received,
      refundedCents: ledger.refunded,
      paidOutCents: ledger.paidOut,
      balanced: true,
    });
    expect(funding.escrow.escrowCents).toBe(ledger.received - ledger.refunded - ledger.paidOut);
    expect(funding.escrow.escrowCents).toBeGreaterThanOrEqual(0);
    return funding;
  }

  async function finalReport(projectId: string) {
    const submitted = await t.post(initiative.as, `/v1/projects/${projectId}/outcome-reports`, {
      kind: 'final',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      participants: [{ targetGroup: 'participatiewet', participants: 12 }],
      outcomes: [{ outcomeType: 'paid_work', achieved: 7, banenafspraak: 2 }],
      spending: [],
      narrative: 'Het traject is afgerond; de meeste deelnemers werken nu.',
    });
    expectStatus(submitted, 201);
    return submitted.json<{ id: string }>().id;
  }

  it('tranche 1 at funding, tranche 2 (the rest) at the accepted final report; four eyes at every step; the ledger balances after each', async () => {
    const project = await t.newListedProject({ credits: 20, initiative });
    await t.newStripePaidOrder({ buyer: supplier, project: project.id, credits: 8 });
    await t.newPaidOrder({ buyer: otherSupplier, project: project.id, credits: 5 });
    await t.newPaidOrder({ buyer: otherSupplier, project: project.id, credits: 4 });
    const first = (await expectBalanced(project.id)).tranches[0];
    const tranche1 = project.threshold * project.priceCents;
    expect(first).toMatchObject({ tranche: 1, amountCents: tranche1, status: 'due' });

    // Initiatives see their own payouts only; buyers none.
    const own = await t.get(initiative.as, `/v1/payouts?projectId=${project.id}`);
    expectStatus(own, 200);
    expect(own.json().items).toEqual([
      expect.objectContaining({
        id: first.id,
        amountCents: tranche1,
        status: 'due',
        project: { id: project.id, title: expect.any(String) },
      }),
    ]);
    expect((await t.get(otherInitiative.as, '/v1/payouts')).json().items).toEqual([]);
    expectStatus(await t.get(otherInitiative.as, `/v1/payouts/${first.id}`), 404);
    expectStatus(await t.get(supplier.as, `/v1/payouts/${first.id}`), 404);
    expectStatus(await t.get(supplier.as, '/v1/payouts'), 404);
    expectStatus(await approve(initiative.as, first.id), 403);
    expectStatus(await approve(supplier.as, first.id), 403);

    // The payouts-due list, also as CSV.
    const due = await t.get(admin.as, '/v1/payouts?status=open');
    expect(due.json().items.map((p: { id: string }) => p.id)).toContain(first.id);
    const csv = await t.get(admin.as, '/v1/payouts/export');
    expectStatus(csv, 200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain(first.id);
    expect(csv.body).toContain(`${tranche1 / 100}.00`);
    expectStatus(await t.get(initiative.as, '/v1/payouts/export'), 403);

    // due → approved (one admin) → paid (another), with the bank reference.
    expectProblem(await markPaid(admin.as, first.id), 409, 'PAYOUT.NOT_APPROVED');
    expectStatus(await approve(admin.as, first.id), 200);
    expectStatus(await approve(admin.as, first.id), 200); // a repeat of one's own approval
    expectProblem(await approve(secondAdmin.as, first.id), 409, 'PAYOUT.INVALID_STATE');
    expectProblem(await markPaid(admin.as, first.id), 403, 'PAYOUT.FOUR_EYES');
    const paid = await markPaid(secondAdmin.as, first.id, 'NL-TRF-1');
    expectStatus(paid, 200);
    expect(paid.json()).toMatchObject({
      status: 'paid',
      approvedBy: admin.user.id,
      paidBy: secondAdmin.user.id,
      bankReference: 'NL-TRF-1',
    });
    expectStatus(await markPaid(secondAdmin.as, first.id, 'NL-TRF-1'), 200); // a repeat: nothing new
    expectProblem(await markPaid(thirdAdmin.as, first.id, 'NL-TRF-2'), 409, 'PAYOUT.INVALID_STATE');
    let funding = await expectBalanced(project.id);
    expect(funding.escrow).toMatchObject({
      paidOutCents: tranche1,
      escrowCents: 17 * project.priceCents - tranche1,
    });
    expect((await t.moneyLedger(project.id)).paidOut).toBe(tranche1);
    const publicView = await t.funding(null, project.id);
    expect(publicView.tranches[0]).toMatchObject({ status: 'paid', bankReference: null, id: null });

    // The final report accepted by the first admin: the rest becomes due; that admin may neither approve nor pay it.
    const reportId = await finalReport(project.id);
    expectStatus(await t.post(admin.as, `/v1/outcome-reports/${reportId}/accept`), 200);
    funding = await expectBalanced(project.id);
    expect(funding.status).toBe('completed');
    const rest = 17 * project.priceCents - tranche1;
    const second = funding.tranches.find((t: { tranche: number }) => t.tranche === 2);
    expect(second).toMatchObject({
      amountCents: rest,
      status: 'due',
      dueReason: 'final outcome report accepted',
    });
    expect((await t.get(admin.as, `/v1/payouts/${second.id}`)).json().reportAcceptedBy).toBe(
      admin.user.id,
    );
    expectProblem(await approve(admin.as, second.id), 403, 'PAYOUT.FOUR_EYES');
    expectStatus(await approve(secondAdmin.as, second.id), 200);
    expectProblem(await markPaid(secondAdmin.as, second.id), 403, 'PAYOUT.FOUR_EYES');
    expectProblem(await markPaid(admin.as, second.id), 403, 'PAYOUT.FOUR_EYES');
    expectStatus(await markPaid(thirdAdmin.as, second.id, 'NL-TRF-3'), 200);
    funding = await expectBalanced(project.id);
    expect(funding.escrow).toMatchObject({ escrowCents: 0, paidOutCents: 17 * project.priceCents });

    // The platform-wide ledger report agrees.
    const report = await t.get(admin.as, '/v1/funding/ledger');
    expectStatus(report, 200);
    const row = report
      .json()
      .projects.find((p: { projectId: string }) => p.projectId === project.id);
    expect(row).toMatchObject({
      escrowCents: 0,
      paidOutCents: 17 * project.priceCents,
      balanced: true,
    });
    expect(report.json().total.balanced).toBe(true);
    expectStatus(await t.get(initiative.as, '/v1/funding/ledger'), 403);
    await t.expectInvariants();
  });

  it('two admins recording the same payout at once: one payment, one ledger row', async () => {
    const project = await t.newListedProject({ credits: 10, initiative });
    await t.newPaidOrder({ buyer: supplier, project: project.id, credits: project.threshold });
    const payout = (await t.funding(admin.as, project.id)).tranches[0];
    expectStatus(await approve(admin.as, payout.id), 200);
    const results = await Promise.all([
      markPaid(secondAdmin.as, payout.id, 'NL-A'),
      markPaid(thirdAdmin.as, payout.id, 'NL-B'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await t.db
      .selectFrom('money_ledger')
      .select('id')
      .where('payout_id', '=', payout.id)
      .execute();
    expect(rows).toHaveLength(1);
    await expectBalanced(project.id);
  });

  it('never pays out more than the escrow: the service refuses, and so does the database', async () => {
    const project = await t.newListedProject({ credits: 10, initiative });
    const a = await t.newPaidOrder({
      buyer: supplier,
      project: project.id,
      credits: project.threshold - 1,
    });
    await t.newPaidOrder({ buyer: otherSupplier, project: project.id, credits: 1 });
    const payout = (await t.funding(admin.as, project.id)).tranches[0];
    // Most of the money goes back before the payout is made.
    expectStatus(await t.orders.refund(admin.as, a.id), 200);
    expectStatus(await approve(admin.as, payout.id), 200);
    expectProblem(await markPaid(secondAdmin.as, payout.id), 409, 'PAYOUT.INSUFFICIENT_ESCROW');
    await expect(
      sql`INSERT INTO money_ledger (project_id, entry_type, amount_cents, method, payout_id) VALUES (${project.id}, 'payout', ${payout.amountCents}, 'bank', ${payout.id})`.execute(
        t.db,
      ),
    ).rejects.toThrow(/exceeds the escrow/);
    // A payout row never moves backwards or changes its amount.
    await expect(
      sql`UPDATE payouts SET amount_cents = 1 WHERE id = ${payout.id}`.execute(t.db),
    ).rejects.toThrow(/refused/);
    await expect(sql`DELETE FROM payouts WHERE id = ${payout.id}`.execute(t.db)).rejects.toThrow(
      /refused/,
    );
    await expectBalanced(project.id);
    expectStatus(await t.get(admin.as, `/v1/payouts/00000000-0000-4000-8000-000000000000`), 404);
    expectStatus(await approve(admin.as, '00000000-0000-4000-8000-000000000000'), 404);
    await t.expectInvariants();
  });
});
