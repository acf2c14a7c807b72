import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CertificateRef,
  type ClaimJson,
  type ContractJson,
  expectProblem,
  expectStatus,
  type ListedProject,
  type Person,
  TestContext,
} from '../factory/index.js';

/**
 * The last partial credit (issue 19): a claim may count its last credit in part, up to what
 * is left of the obligation, so an obligation can be met to the cent; the rest of that
 * credit is spent with the claim. The database holds the line as it holds counting once.
 */
describe('the last partial credit', () => {
  let t: TestContext;
  let project: ListedProject;
  let price: number;

  beforeAll(async () => {
    t = await TestContext.create({
      env: { MAX_RESERVED_SHARE_PERCENT: '100', DATABASE_POOL_SIZE: '10' },
    });
    project = await t.newListedProject({ credits: 400 });
    price = t.config.creditPriceCents;
  }, 60_000);
  afterAll(async () => t?.close());

  /** A contract whose obligation is `wholeCredits` credits' worth and €22 more, ending on `endsOn`. */
  async function contractOf(
    supplier: Person,
    wholeCredits: number,
    options: { coordinator?: Person; endsOn?: string } = {},
  ) {
    return t.newContract({
      supplier,
      ...(options.coordinator ? { coordinator: options.coordinator } : {}),
      body: {
        obligation: { basis: 'fixed', fixedAmountCents: wholeCredits * price + 22_00 },
        ...(options.endsOn ? { endsOn: options.endsOn } : {}),
      },
    });
  }

  const claim = (
    supplier: Person,
    certificate: CertificateRef,
    contractId: string,
    credits: number,
  ) =>
    t.post(
      supplier,
      '/v1/claims',
      { certificateId: certificate.id, contractId, credits },
      { 'idempotency-key': randomUUID() },
    );
  const approve = (coordinator: Person, claimId: string) =>
    t.post(coordinator, `/v1/claims/${claimId}/approve`, {});

  async function claimed(
    supplier: Person,
    certificate: CertificateRef,
    contractId: string,
    credits: number,
  ) {
    const response = await claim(supplier, certificate, contractId, credits);
    expectStatus(response, 201);
    return response.json<ClaimJson>();
  }

  it('meets a €22 remainder with the last credit in part: met to the cent, not overdue', async () => {
    const supplier = await t.newSupplier();
    const certificate = await t.newCertificate({ owner: supplier, project, credits: 12 });
    const contract = await contractOf(supplier, 10, { endsOn: '2027-01-31' });
    const required = 10 * price + 22_00;
    expect(contract.progress.requiredCents).toBe(required);

    const whole = await claimed(supplier, certificate, contract.id, 10);
    expect(whole).toMatchObject({ valueCents: 10 * price, countedCents: 10 * price });
    expectStatus(await approve(contract.coordinator, whole.id), 200);

    // Two credits would leave more than the last one over: refused, with what is left.
    const tooMany = await claim(supplier, certificate, contract.id, 2);
    expectProblem(tooMany, 409, 'CLAIM.CREDIT_SHARE_CAP');
    expect(tooMany.json()).toMatchObject({ remainingCapCents: 22_00 });

    const last = await claimed(supplier, certificate, contract.id, 1);
    expect(last).toMatchObject({
      status: 'pending',
      credits: 1,
      valueCents: price,
      countedCents: 22_00,
    });
    const approved = await approve(contract.coordinator, last.id);
    expectStatus(approved, 200);
    expect(approved.json()).toMatchObject({ status: 'approved', countedCents: 22_00 });

    // The contract and the supplier's wallet: met to the cent, and not overdue after the end date.
    t.clock.advanceDays(800);
    const after = await t.getJson<ContractJson>(
      contract.coordinator,
      `/v1/contracts/${contract.id}`,
    );
    expect(after.progress).toMatchObject({
      requiredCents: required,
      approvedCents: required,
      pendingCents: 0,
      remainingCents: 0,
      filledShareBp: 10_000,
      overdue: false,
    });
    const wallet = await t.getJson<{
      items: { contractId: string; progress: ContractJson['progress'] }[];
    }>(supplier, '/v1/obligations');
    expect(wallet.items.find((o) => o.contractId === contract.id)?.progress).toMatchObject({
      approvedCents: required,
      remainingCents: 0,
      overdue: false,
    });
    t.clock.advanceDays(-800);

    // The rest of the partial credit is spent: 11 of 12 credits are held, one is free.
    expect((await t.certificateRow(certificate.id)).claimed_credits).toBe(11);
    const elsewhere = await contractOf(supplier, 5);
    expectProblem(
      await claim(supplier, certificate, elsewhere.id, 2),
      409,
      'CLAIM.CREDITS_UNAVAILABLE',
    );
    await claimed(supplier, certificate, elsewhere.id, 1);
    // A met obligation takes no more.
    const other = await t.newCertificate({ owner: supplier, project, credits: 1 });
    const full = await claim(supplier, other, contract.id, 1);
    expectProblem(full, 409, 'CLAIM.CREDIT_SHARE_CAP');
    expect(full.json()).toMatchObject({ remainingCapCents: 0 });
    await t.expectInvariants();
  });

  it('counts one claim of eleven credits as ten in full and the last in part', async () => {
    const supplier = await t.newSupplier();
    const certificate = await t.newCertificate({ owner: supplier, project, credits: 11 });
    const contract = await contractOf(supplier, 10);
    const one = await claimed(supplier, certificate, contract.id, 11);
    expect(one).toMatchObject({ valueCents: 11 * price, countedCents: 10 * price + 22_00 });
    expectStatus(await approve(contract.coordinator, one.id), 200);
    const after = await t.getJson<ContractJson>(
      contract.coordinator,
      `/v1/contracts/${contract.id}`,
    );
    expect(after.progress).toMatchObject({ remainingCents: 0, filledShareBp: 10_000 });

    // Withdrawn, its credits and the remainder are free again; a new claim counts them anew.
    expectStatus(
      await t.post(contract.coordinator, `/v1/claims/${one.id}/withdraw`, {
        reason: 'Wrong contract',
      }),
      200,
    );
    expect((await t.certificateRow(certificate.id)).claimed_credits).toBe(0);
    const again = await t.getJson<ContractJson>(
      contract.coordinator,
      `/v1/contracts/${contract.id}`,
    );
    expect(again.progress).toMatchObject({ approvedCents: 0, remainingCents: 10 * price + 22_00 });
    await t.expectInvariants();
  });

  it('counts the last credit up to the credit share cap, not past it', async () => {
    const supplier = await t.newSupplier();
    const certificate = await t.newCertificate({ owner: supplier, project, credits: 3 });
    // Credits may fill half of an obligation of 4 credits' worth less €44: less than 2 credits' worth.
    const contract = await t.newContract({
      supplier,
      body: {
        obligation: { basis: 'fixed', fixedAmountCents: 4 * price - 44_00 },
        valuation: { creditShareCapBp: 5_000 },
      },
    });
    const cap = Math.floor(((4 * price - 44_00) * 5_000) / 10_000);
    expect(contract.progress.creditCapCents).toBe(cap);
    const c = await claimed(supplier, certificate, contract.id, 2);
    expect(c.countedCents).toBe(cap);
    expectStatus(await approve(contract.coordinator, c.id), 200);
    const after = await t.getJson<ContractJson>(
      contract.coordinator,
      `/v1/contracts/${contract.id}`,
    );
    expect(after.progress).toMatchObject({
      approvedCents: cap,
      remainingCents: 4 * price - 44_00 - cap,
    });
    await t.expectInvariants();
  });

  it('refuses to lower the obligation below what approved claims count', async () => {
    const supplier = await t.newSupplier();
    const certificate = await t.newCertificate({ owner: supplier, project, credits: 5 });
    const contract = await contractOf(supplier, 10);
    const c = await claimed(supplier, certificate, contract.id, 5);
    expectStatus(await approve(contract.coordinator, c.id), 200);
    const lowered = await t.patch(contract.coordinator, `/v1/contracts/${contract.id}`, {
      obligation: { basis: 'fixed', fixedAmountCents: 5 * price - 1 },
    });
    expectProblem(lowered, 409, 'CONTRACT.OBLIGATION_BELOW_COUNTED');
    expect(lowered.json()).toMatchObject({ countedCents: 5 * price });
    const exact = await t.patch(contract.coordinator, `/v1/contracts/${contract.id}`, {
      obligation: { basis: 'fixed', fixedAmountCents: 5 * price },
    });
    expectStatus(exact, 200);
    expect(exact.json().progress).toMatchObject({ remainingCents: 0, filledShareBp: 10_000 });
    await t.expectInvariants();
  });

  it('holds the line in the database, whatever the services check', async () => {
    const supplier = await t.newSupplier();
    const certificate = await t.newCertificate({ owner: supplier, project, credits: 10 });
    const contract = await contractOf(supplier, 2);
    const row = {
      certificate_id: certificate.id,
      contract_id: contract.id,
      authority_id: contract.authority.id,
      supplier_id: supplier.organisation.id,
      unit_price_cents: price,
      credit_factor_bp: 10_000,
      created_by: supplier.user.id,
    };
    // Only the last credit may count in part: two credits counting less than one credit's worth are refused.
    await expect(
      t.db
        .insertInto('claims')
        .values({ ...row, credits: 2, value_cents: 2 * price, counted_cents: price })
        .execute(),
    ).rejects.toThrow(/claims_counted_within_value/);
    await expect(
      t.db
        .insertInto('claims')
        .values({ ...row, credits: 1, value_cents: price, counted_cents: price + 1 })
        .execute(),
    ).rejects.toThrow(/claims_counted_within_value/);

    const approveRow = (id: string) =>
      t.db
        .updateTable('claims')
        .set({
          status: 'approved',
          decided_at: new Date(),
          decided_by: contract.coordinator.user.id,
        })
        .where('id', '=', id)
        .execute();
    const insert = async (credits: number, counted: number) =>
      (
        await t.db
          .insertInto('claims')
          .values({ ...row, credits, value_cents: credits * price, counted_cents: counted })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;

    // A claim counting its last credit in part is approved only when it meets the obligation exactly.
    const short = await insert(1, 22_00 - 1);
    await expect(approveRow(short)).rejects.toThrow(/does not meet the obligation exactly/);
    // Whole claims past the obligation: the contract's counter refuses.
    const a = await insert(2, 2 * price);
    await approveRow(a);
    const b = await insert(1, price);
    await expect(approveRow(b)).rejects.toThrow(/contracts_counted_within_obligation/);
    const exact = await insert(1, 22_00);
    await approveRow(exact);
    expect(
      (
        await t.db
          .selectFrom('contracts')
          .select('counted_cents')
          .where('id', '=', contract.id)
          .executeTakeFirstOrThrow()
      ).counted_cents,
    ).toBe(2 * price + 22_00);
    // A decided claim keeps what it counts.
    await expect(
      t.db.updateTable('claims').set({ counted_cents: 1 }).where('id', '=', exact).execute(),
    ).rejects.toThrow(/keeps its value/);
    // Leave no pending rows behind for the other scenarios' invariants.
    for (const id of [short, b])
      await t.db
        .updateTable('claims')
        .set({ status: 'rejected', decided_at: new Date(), decision_reason: 'test' })
        .where('id', '=', id)
        .execute();
    await t.expectInvariants();
  });

  it('two claims racing for the last remainder: one counts it, the other is refused cleanly', async () => {
    const supplier = await t.newSupplier();
    const [first, second, third] = await Promise.all([
      t.newCertificate({ owner: supplier, project, credits: 10 }),
      t.newCertificate({ owner: supplier, project, credits: 1 }),
      t.newCertificate({ owner: supplier, project, credits: 1 }),
    ]);
    const contract = await contractOf(supplier, 10);
    const whole = await claimed(supplier, first!, contract.id, 10);
    expectStatus(await approve(contract.coordinator, whole.id), 200);

    const responses = await Promise.all([
      claim(supplier, second!, contract.id, 1),
      claim(supplier, third!, contract.id, 1),
    ]);
    const created = responses.filter((r) => r.statusCode === 201);
    const refused = responses.filter((r) => r.statusCode !== 201);
    expect(created.length, responses.map((r) => r.body).join('\n')).toBe(1);
    expectProblem(refused[0]!, 409, 'CLAIM.CREDIT_SHARE_CAP');
    expect(refused[0]!.json()).toMatchObject({ remainingCapCents: 0 });
    const winner = created[0]!.json<ClaimJson>();
    expect(winner.countedCents).toBe(22_00);

    // Approvals racing for the remainder: two pending claims made while the obligation was
    // larger, then the obligation lowered so only €22 is left; both are approved at once.
    const other = await t.newSupplier();
    const [big, x, y] = await Promise.all([
      t.newCertificate({ owner: other, project, credits: 10 }),
      t.newCertificate({ owner: other, project, credits: 1 }),
      t.newCertificate({ owner: other, project, credits: 1 }),
    ]);
    const k = await contractOf(other, 20);
    const bigClaim = await claimed(other, big!, k.id, 10);
    const xClaim = await claimed(other, x!, k.id, 1);
    const yClaim = await claimed(other, y!, k.id, 1);
    expectStatus(await approve(k.coordinator, bigClaim.id), 200);
    expectStatus(
      await t.patch(k.coordinator, `/v1/contracts/${k.id}`, {
        obligation: { basis: 'fixed', fixedAmountCents: 10 * price + 22_00 },
      }),
      200,
    );
    const approvals = await Promise.all([
      approve(k.coordinator, xClaim.id),
      approve(k.coordinator, yClaim.id),
    ]);
    expect(
      approvals.filter((r) => r.statusCode === 200).length,
      approvals.map((r) => r.body).join('\n'),
    ).toBe(1);
    const lost = approvals.find((r) => r.statusCode !== 200)!;
    expectProblem(lost, 409, 'CLAIM.CREDIT_SHARE_CAP');
    expect(approvals.find((r) => r.statusCode === 200)!.json()).toMatchObject({
      countedCents: 22_00,
    });
    const after = await t.getJson<ContractJson>(k.coordinator, `/v1/contracts/${k.id}`);
    expect(after.progress).toMatchObject({ approvedCents: 10 * price + 22_00, remainingCents: 0 });
    // The pending loser still waits; rejecting it frees its credit.
    const loser = [xClaim, yClaim].find(
      (c) => c.id !== approvals.find((r) => r.statusCode === 200)!.json<ClaimJson>().id,
    )!;
    expectStatus(
      await t.post(k.coordinator, `/v1/claims/${loser.id}/reject`, { reason: 'Met' }),
      200,
    );
    await t.expectInvariants();
  });

  it('keeps counting once: a partially counted credit never counts at a second authority', async () => {
    const supplier = await t.newSupplier();
    const certificate = await t.newCertificate({ owner: supplier, project, credits: 1 });
    const here = await contractOf(supplier, 0);
    const there = await contractOf(supplier, 0);
    const responses = await Promise.all([
      claim(supplier, certificate, here.id, 1),
      claim(supplier, certificate, there.id, 1),
    ]);
    expect(responses.filter((r) => r.statusCode === 201).length).toBe(1);
    expectProblem(
      responses.find((r) => r.statusCode !== 201)!,
      409,
      'CLAIM.CREDITS_UNAVAILABLE',
    );
    const made = responses.find((r) => r.statusCode === 201)!.json<ClaimJson>();
    expect(made.countedCents).toBe(22_00);
    const coordinator = made.contract.id === here.id ? here.coordinator : there.coordinator;
    expectStatus(await approve(coordinator, made.id), 200);
    const rows = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM claims WHERE certificate_id = ${certificate.id} AND status IN ('pending', 'approved')`.execute(
      t.db,
    );
    expect(Number(rows.rows[0]!.n)).toBe(1);
    await t.expectInvariants();
  });
});
