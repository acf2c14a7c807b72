import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  type ContractJson,
  type ListedProject,
  type Person,
  type SignedIn,
  TestContext,
} from '../factory/index.js';

/**
 * Counting once under contention. On the PostgreSQL server (CI) the requests truly race
 * across connections; on the embedded database the same requests queue on its one
 * connection, so the assertions hold there too but prove less.
 */
describe('claims and approvals at once', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let project: ListedProject;
  /** Ten authorities, each with a coordinator and ten contracts with the world's supplier. */
  let authorities: { person: Person; coordinator: SignedIn; contracts: ContractJson[] }[];

  beforeAll(async () => {
    t = await TestContext.create({
      env: { MAX_RESERVED_SHARE_PERCENT: '100', DATABASE_POOL_SIZE: '20' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    project = await t.newListedProject({ credits: 400 });
    authorities = [];
    for (let a = 0; a < 10; a++) {
      const coordinator = await t.newAuthority();
      const contracts: ContractJson[] = [];
      for (let c = 0; c < 10; c++) contracts.push(await t.newContract({ coordinator, supplier }));
      authorities.push({ person: coordinator, coordinator: coordinator.as, contracts });
    }
  }, 120_000);
  afterAll(async () => t?.close());

  const statuses = (responses: LightMyRequestResponse[]) =>
    responses
      .map((r) => r.statusCode)
      .sort()
      .join(',');

  it('lets 100 concurrent claims on a 50-credit certificate, across ten authorities, take exactly its 50 credits', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 50, project });
    const contracts = authorities.flatMap((a) => a.contracts);
    const responses = await Promise.all(
      contracts.map((contract) =>
        t.obligations.claim(supplier.as, {
          certificateId: certificate.id,
          contractId: contract.id,
          credits: 1,
        }),
      ),
    );
    const created = responses.filter((r) => r.statusCode === 201);
    const refused = responses.filter((r) => r.statusCode === 409);
    expect(created.length, statuses(responses)).toBe(50);
    expect(refused.length, statuses(responses)).toBe(50);
    for (const response of refused) expectProblem(response, 409, 'CLAIM.CREDITS_UNAVAILABLE');
    expect(await t.claimedCredits(certificate.id)).toBe(50);

    // Their coordinators approve all 50 at once, each also trying a second time: 50 approvals, no more.
    const claims = created.map((r) => r.json<{ id: string; authority: { id: string } }>());
    const coordinatorOf = new Map<string, SignedIn>();
    for (const [index, authority] of authorities.entries()) {
      const claim = claims.find((c) =>
        authority.contracts.some((k) => k.authority.id === c.authority.id),
      );
      if (claim) coordinatorOf.set(claim.authority.id, authorities[index]!.coordinator);
    }
    const approvals = await Promise.all(
      claims.flatMap((claim) =>
        [0, 1].map(() => t.obligations.approve(coordinatorOf.get(claim.authority.id)!, claim.id)),
      ),
    );
    expect(approvals.filter((r) => r.statusCode === 200).length, statuses(approvals)).toBe(50);
    for (const response of approvals.filter((r) => r.statusCode !== 200))
      expectProblem(response, 409, 'CLAIM.NOT_PENDING');
    const approved = await t.db
      .selectFrom('claims')
      .select(({ fn }) => fn.sum<number>('credits').as('credits'))
      .where('certificate_id', '=', certificate.id)
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow();
    expect(Number(approved.credits)).toBe(50);
    expect(await t.claimedCredits(certificate.id)).toBe(50);
    await t.orders.expectInvariants();
  });

  it('keeps concurrent approvals on one contract within its credit share cap', async () => {
    const { coordinator } = authorities[0]!;
    const price = t.config.creditPriceCents;
    // Obligation 5% of (40 × price × 20) = 40 credits' worth; the cap starts at 100%.
    const contract = await t.newContract({
      coordinator: authorities[0]!.person,
      supplier,
      body: { valueCents: 40 * price * 20 },
    });
    expect(contract.progress.requiredCents).toBe(40 * price);
    const certificates = await Promise.all(
      [0, 1, 2, 3].map(() => t.newCertificate({ owner: supplier, credits: 10, project })),
    );
    const claims = [];
    for (const certificate of certificates) {
      for (let i = 0; i < 5; i++)
        claims.push(
          await t.obligations.placeClaim(supplier.as, {
            certificateId: certificate.id,
            contractId: contract.id,
            credits: 2,
          }),
        );
    }
    // 20 pending claims of 2 credits = 40 credits' worth; now only 25% (10 credits) may be filled by credits.
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/v1/contracts/${contract.id}`,
      headers: coordinator.headers,
      payload: { valuation: { creditShareCapBp: 2_500 } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const approvals = await Promise.all(
      claims.map((claim) => t.obligations.approve(coordinator, claim.id)),
    );
    expect(approvals.filter((r) => r.statusCode === 200).length, statuses(approvals)).toBe(5);
    for (const response of approvals.filter((r) => r.statusCode !== 200))
      expectProblem(response, 409, 'CLAIM.CREDIT_SHARE_CAP');
    expect((await t.obligations.contract(coordinator, contract.id)).progress).toMatchObject({
      approvedCents: 10 * price,
      creditCapCents: 10 * price,
    });
    await t.orders.expectInvariants();
  });

  it('never leaves an approved claim on a certificate revoked while its approval was racing', async () => {
    const { coordinator, contracts } = authorities[1]!;
    const certificate = await t.newCertificate({ owner: supplier, credits: 10, project });
    const claims = [];
    for (const contract of contracts.slice(0, 5))
      claims.push(
        await t.obligations.placeClaim(supplier.as, {
          certificateId: certificate.id,
          contractId: contract.id,
          credits: 2,
        }),
      );
    const [refund, ...approvals] = await Promise.all([
      t.orders.refund(admin.as, certificate.orderId),
      ...claims.map((claim) => t.obligations.approve(coordinator, claim.id)),
    ]);
    const approvedCount = approvals.filter((r) => r.statusCode === 200).length;
    if (refund!.statusCode === 200) {
      // the refund came first (or between): whatever it found pending it rejected, and no approval followed it
      const rows = await t.db
        .selectFrom('claims')
        .select('status')
        .where('certificate_id', '=', certificate.id)
        .execute();
      expect(rows.every((row) => row.status === 'rejected' || row.status === 'invalidated')).toBe(
        true,
      );
      expect(approvedCount).toBe(0);
    } else {
      // an approval came first: the refund waits for the authority (409), and the approvals stand
      expectProblem(refund!, 409, 'ORDER.CERTIFICATE_CLAIMED');
      expect(approvedCount).toBeGreaterThan(0);
    }
    await t.orders.expectInvariants();
  });
});
