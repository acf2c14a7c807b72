import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus } from '../helpers/listed-project.js';
import { createFundingWorld, type FundingWorld } from './funding-world.js';

/** Escrow and payouts in two tranches, with four eyes (DESIGN §4 Money, §5.5). */
describe('payouts', () => {
  let f: FundingWorld;

  beforeAll(async () => {
    f = await createFundingWorld();
  });
  afterAll(async () => f?.close());

  const approve = (who: { headers: { authorization: string } }, id: string) =>
    f.post(who as never, `/v1/payouts/${id}/approve`);
  const markPaid = (
    who: { headers: { authorization: string } },
    id: string,
    bankReference = 'NL-TRF-000123',
  ) => f.post(who as never, `/v1/payouts/${id}/mark-paid`, { bankReference });

  async function expectBalanced(projectId: string) {
    const ledger = await f.ledger(projectId);
    const funding = await f.funding(f.m.admin.as, projectId);
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
    const submitted = await f.post(
      f.m.initiativeMember.as,
      `/v1/projects/${projectId}/outcome-reports`,
      {
        kind: 'final',
        periodStart: '2026-01-01',
        periodEnd: '2026-06-30',
        participants: [{ targetGroup: 'participatiewet', participants: 12 }],
        outcomes: [{ outcomeType: 'paid_work', achieved: 7, banenafspraak: 2 }],
        spending: [],
        narrative: 'Het traject is afgerond; de meeste deelnemers werken nu.',
      },
    );
    expectStatus(submitted, 201);
    return submitted.json<{ id: string }>().id;
  }

  it('tranche 1 at funding, tranche 2 (the rest) at the accepted final report; four eyes at every step; the ledger balances after each', async () => {
    const project = await f.listProject(20);
    await f.buyByStripe(f.m.supplier, project.id, 8);
    await f.buyByInvoice(f.m.otherSupplier, project.id, 5);
    await f.buyByInvoice(f.m.otherSupplier, project.id, 4);
    const first = (await expectBalanced(project.id)).tranches[0];
    const tranche1 = project.threshold * project.priceCents;
    expect(first).toMatchObject({ tranche: 1, amountCents: tranche1, status: 'due' });

    // Initiatives see their own payouts only; buyers none.
    const own = await f.get(f.m.initiativeMember.as, `/v1/payouts?projectId=${project.id}`);
    expectStatus(own, 200);
    expect(own.json().items).toEqual([
      expect.objectContaining({
        id: first.id,
        amountCents: tranche1,
        status: 'due',
        project: { id: project.id, title: expect.any(String) },
      }),
    ]);
    expect((await f.get(f.otherInitiativeMember.as, '/v1/payouts')).json().items).toEqual([]);
    expectStatus(await f.get(f.otherInitiativeMember.as, `/v1/payouts/${first.id}`), 404);
    expectStatus(await f.get(f.m.supplier.as, `/v1/payouts/${first.id}`), 404);
    expectStatus(await f.get(f.m.supplier.as, '/v1/payouts'), 404);
    expectStatus(await approve(f.m.initiativeMember.as, first.id), 403);
    expectStatus(await approve(f.m.supplier.as, first.id), 403);

    // The payouts-due list, also as CSV.
    const due = await f.get(f.m.admin.as, '/v1/payouts?status=open');
    expect(due.json().items.map((p: { id: string }) => p.id)).toContain(first.id);
    const csv = await f.get(f.m.admin.as, '/v1/payouts/export');
    expectStatus(csv, 200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain(first.id);
    expect(csv.body).toContain(`${tranche1 / 100}.00`);
    expectStatus(await f.get(f.m.initiativeMember.as, '/v1/payouts/export'), 403);

    // due → approved (one admin) → paid (another), with the bank reference.
    expectProblem(await markPaid(f.m.admin.as, first.id), 409, 'PAYOUT.NOT_APPROVED');
    expectStatus(await approve(f.m.admin.as, first.id), 200);
    expectStatus(await approve(f.m.admin.as, first.id), 200); // a repeat of one's own approval
    expectProblem(await approve(f.secondAdmin.as, first.id), 409, 'PAYOUT.INVALID_STATE');
    expectProblem(await markPaid(f.m.admin.as, first.id), 403, 'PAYOUT.FOUR_EYES');
    const paid = await markPaid(f.secondAdmin.as, first.id, 'NL-TRF-1');
    expectStatus(paid, 200);
    expect(paid.json()).toMatchObject({
      status: 'paid',
      approvedBy: f.m.admin.user.id,
      paidBy: f.secondAdmin.user.id,
      bankReference: 'NL-TRF-1',
    });
    expectStatus(await markPaid(f.secondAdmin.as, first.id, 'NL-TRF-1'), 200); // a repeat: nothing new
    expectProblem(
      await markPaid(f.thirdAdmin.as, first.id, 'NL-TRF-2'),
      409,
      'PAYOUT.INVALID_STATE',
    );
    let funding = await expectBalanced(project.id);
    expect(funding.escrow).toMatchObject({
      paidOutCents: tranche1,
      escrowCents: 17 * project.priceCents - tranche1,
    });
    expect((await f.ledger(project.id)).paidOut).toBe(tranche1);
    const publicView = await f.funding(null, project.id);
    expect(publicView.tranches[0]).toMatchObject({ status: 'paid', bankReference: null, id: null });

    // The final report accepted by the first admin: the rest becomes due; that admin may neither approve nor pay it.
    const reportId = await finalReport(project.id);
    expectStatus(await f.post(f.m.admin.as, `/v1/outcome-reports/${reportId}/accept`), 200);
    funding = await expectBalanced(project.id);
    expect(funding.status).toBe('completed');
    const rest = 17 * project.priceCents - tranche1;
    const second = funding.tranches.find((t: { tranche: number }) => t.tranche === 2);
    expect(second).toMatchObject({
      amountCents: rest,
      status: 'due',
      dueReason: 'final outcome report accepted',
    });
    expect((await f.get(f.m.admin.as, `/v1/payouts/${second.id}`)).json().reportAcceptedBy).toBe(
      f.m.admin.user.id,
    );
    expectProblem(await approve(f.m.admin.as, second.id), 403, 'PAYOUT.FOUR_EYES');
    expectStatus(await approve(f.secondAdmin.as, second.id), 200);
    expectProblem(await markPaid(f.secondAdmin.as, second.id), 403, 'PAYOUT.FOUR_EYES');
    expectProblem(await markPaid(f.m.admin.as, second.id), 403, 'PAYOUT.FOUR_EYES');
    expectStatus(await markPaid(f.thirdAdmin.as, second.id, 'NL-TRF-3'), 200);
    funding = await expectBalanced(project.id);
    expect(funding.escrow).toMatchObject({ escrowCents: 0, paidOutCents: 17 * project.priceCents });

    // The platform-wide ledger report agrees.
    const report = await f.get(f.m.admin.as, '/v1/funding/ledger');
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
    expectStatus(await f.get(f.m.initiativeMember.as, '/v1/funding/ledger'), 403);
    await f.expectInvariants();
  });

  it('two admins recording the same payout at once: one payment, one ledger row', async () => {
    const project = await f.listProject(10);
    await f.buyByInvoice(f.m.supplier, project.id, project.threshold);
    const payout = (await f.funding(f.m.admin.as, project.id)).tranches[0];
    expectStatus(await approve(f.m.admin.as, payout.id), 200);
    const results = await Promise.all([
      markPaid(f.secondAdmin.as, payout.id, 'NL-A'),
      markPaid(f.thirdAdmin.as, payout.id, 'NL-B'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await f.t.db
      .selectFrom('money_ledger')
      .select('id')
      .where('payout_id', '=', payout.id)
      .execute();
    expect(rows).toHaveLength(1);
    await expectBalanced(project.id);
  });

  it('never pays out more than the escrow: the service refuses, and so does the database', async () => {
    const project = await f.listProject(10);
    const a = await f.buyByInvoice(f.m.supplier, project.id, project.threshold - 1);
    await f.buyByInvoice(f.m.otherSupplier, project.id, 1);
    const payout = (await f.funding(f.m.admin.as, project.id)).tranches[0];
    // Most of the money goes back before the payout is made.
    expectStatus(await f.orders.refund(f.m.admin.as, a.id), 200);
    expectStatus(await approve(f.m.admin.as, payout.id), 200);
    expectProblem(await markPaid(f.secondAdmin.as, payout.id), 409, 'PAYOUT.INSUFFICIENT_ESCROW');
    await expect(
      sql`INSERT INTO money_ledger (project_id, entry_type, amount_cents, method, payout_id) VALUES (${project.id}, 'payout', ${payout.amountCents}, 'bank', ${payout.id})`.execute(
        f.t.db,
      ),
    ).rejects.toThrow(/exceeds the escrow/);
    // A payout row never moves backwards or changes its amount.
    await expect(
      sql`UPDATE payouts SET amount_cents = 1 WHERE id = ${payout.id}`.execute(f.t.db),
    ).rejects.toThrow(/refused/);
    await expect(sql`DELETE FROM payouts WHERE id = ${payout.id}`.execute(f.t.db)).rejects.toThrow(
      /refused/,
    );
    await expectBalanced(project.id);
    expectStatus(
      await f.get(f.m.admin.as, `/v1/payouts/00000000-0000-4000-8000-000000000000`),
      404,
    );
    expectStatus(await approve(f.m.admin.as, '00000000-0000-4000-8000-000000000000'), 404);
    await f.expectInvariants();
  });
});
