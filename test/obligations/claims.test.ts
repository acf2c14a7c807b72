import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  expectStatus,
  type ContractJson,
  type ListedProject,
  type Person,
  TestContext,
  type CertificateRef,
} from '../factory/index.js';

describe('claims of certificate credits against obligations', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let initiative: Person;
  let coordinator: Person;
  let viewer: Person;
  let otherCoordinator: Person;
  let project: ListedProject;
  let price: number;

  beforeAll(async () => {
    t = await TestContext.create({ env: { MAX_RESERVED_SHARE_PERCENT: '100' } });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    initiative = await t.newInitiative();
    coordinator = await t.newAuthority();
    viewer = await t.newAuthority({ role: 'viewer', organisation: coordinator.organisation });
    otherCoordinator = await t.newAuthority();
    project = await t.newListedProject({ credits: 400, initiative });
    price = t.config.creditPriceCents;
  }, 120_000);
  afterAll(async () => t?.close());

  it('walks a claim from pending to approved: the wallet, the contract and verification follow', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 10, project });
    const contract = await t.newContract({ coordinator, supplier });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 6,
    });
    expect(claim).toMatchObject({
      status: 'pending',
      credits: 6,
      unitPriceCents: price,
      creditFactorBp: 10_000,
      valueCents: 6 * price,
      certificate: { id: certificate.id, number: certificate.number, status: 'active' },
      contract: { id: contract.id, reference: contract.reference },
    });
    expect(claim.certificate.verificationUrl).toBe(
      `http://impactbeurs.test/verify/${certificate.verificationCode}`,
    );
    expect((await t.obligations.contract(coordinator.as, contract.id)).progress).toMatchObject({
      pendingCents: 6 * price,
      approvedCents: 0,
    });
    expect((await t.obligations.verification(certificate.verificationCode)).countedToward).toEqual(
      [],
    );

    // The coordinator's inbox shows it with the certificate's live status.
    const inbox = await t.get(coordinator.as, '/v1/claims?status=pending');
    expect(inbox.json().items.map((c: { id: string }) => c.id)).toContain(claim.id);

    const approved = await t.obligations.approve(coordinator.as, claim.id, 'Certificate verified');
    expectStatus(approved, 200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decisionReason: 'Certificate verified',
      valueCents: 6 * price,
    });
    expect((await t.obligations.contract(coordinator.as, contract.id)).progress).toMatchObject({
      pendingCents: 0,
      approvedCents: 6 * price,
      remainingCents: 50_000_00 - 6 * price,
      filledShareBp: Math.floor((6 * price * 10_000) / 50_000_00),
    });
    const wallet = await t.get(supplier.as, '/v1/obligations');
    expect(
      wallet.json().items.find((o: { contractId: string }) => o.contractId === contract.id)
        .progress,
    ).toMatchObject({ approvedCents: 6 * price });
    const verification = await t.obligations.verification(certificate.verificationCode);
    expect(verification.countedToward).toEqual([
      {
        authority: { name: coordinator.organisation.name },
        contractTitle: 'Onderhoud openbare ruimte',
        contractReference: contract.reference,
        credits: 6,
        valueCents: 6 * price,
        tenderNed: null,
        approvedAt: expect.any(String),
      },
    ]);
    const page = await t.app.inject({
      method: 'GET',
      url: `/verify/${certificate.verificationCode}`,
    });
    expect(page.body).toContain(contract.reference);

    // The remaining 4 credits may go elsewhere; a 5th may not.
    const other = await t.newContract({ coordinator: otherCoordinator, supplier });
    expectProblem(
      await t.obligations.claim(supplier.as, {
        certificateId: certificate.id,
        contractId: other.id,
        credits: 5,
      }),
      409,
      'CLAIM.CREDITS_UNAVAILABLE',
    );
    const refused = await t.obligations.claim(supplier.as, {
      certificateId: certificate.id,
      contractId: other.id,
      credits: 5,
    });
    expect(refused.json().available).toBe(4);
    await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: other.id,
      credits: 4,
    });
    expect(await t.claimedCredits(certificate.id)).toBe(10);
    await t.orders.expectInvariants();

    const events = await t.get(coordinator.as, `/v1/contracts/${contract.id}/events`);
    expect(events.json().items.map((e: { action: string }) => e.action)).toEqual([
      'claim.approved',
      'claim.created',
      'contract.created',
    ]);
  });

  it('counts pending claims too: the same credits cannot wait at two authorities', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 5, project });
    const a = await t.newContract({ coordinator, supplier });
    const b = await t.newContract({ coordinator: otherCoordinator, supplier });
    await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: a.id,
      credits: 5,
    });
    expectProblem(
      await t.obligations.claim(supplier.as, {
        certificateId: certificate.id,
        contractId: b.id,
        credits: 1,
      }),
      409,
      'CLAIM.CREDITS_UNAVAILABLE',
    );
  });

  it('frees the credits of a rejected claim and of a withdrawn approval', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 3, project });
    const contract = await t.newContract({ coordinator, supplier });
    const first = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 3,
    });
    expectProblem(
      await t.post(coordinator.as, `/v1/claims/${first.id}/reject`, {}),
      400,
      'VALIDATION.FAILED',
    );
    const rejected = await t.obligations.reject(coordinator.as, first.id, 'Wrong contract');
    expectStatus(rejected, 200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: 'Wrong contract' });
    expect(await t.claimedCredits(certificate.id)).toBe(0);
    expectProblem(await t.obligations.approve(coordinator.as, first.id), 409, 'CLAIM.NOT_PENDING');

    const second = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 3,
    });
    expectStatus(await t.obligations.approve(coordinator.as, second.id), 200);
    expectProblem(
      await t.obligations.withdraw(otherCoordinator.as, second.id),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expectProblem(await t.obligations.withdraw(supplier.as, second.id), 403, 'AUTH.FORBIDDEN');
    expectProblem(await t.obligations.withdraw(viewer.as, second.id), 403, 'AUTH.FORBIDDEN');
    const withdrawn = await t.obligations.withdraw(
      coordinator.as,
      second.id,
      'Counted twice in our own records',
    );
    expectStatus(withdrawn, 200);
    expect(withdrawn.json()).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: 'Counted twice in our own records',
    });
    expect(await t.claimedCredits(certificate.id)).toBe(0);
    expect((await t.obligations.contract(coordinator.as, contract.id)).progress.approvedCents).toBe(
      0,
    );
    expectProblem(
      await t.obligations.withdraw(coordinator.as, second.id),
      409,
      'CLAIM.NOT_APPROVED',
    );
    expect((await t.obligations.verification(certificate.verificationCode)).countedToward).toEqual(
      [],
    );
    await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 3,
    });
  });

  it('values a claim at the authority’s factor, and fixes the value at approval', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 10, project });
    const contract = await t.newContract({
      coordinator,
      supplier,
      body: { valuation: { creditFactorBp: 5_000 } },
    });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 4,
    });
    expect(claim).toMatchObject({ creditFactorBp: 5_000, valueCents: 2 * price });

    // A change of valuation before approval applies at approval…
    const patch = (valuation: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/v1/contracts/${contract.id}`,
        headers: coordinator.as.headers,
        payload: { valuation },
      });
    expectStatus(await patch({ creditFactorBp: 7_500 }), 200);
    const approved = await t.obligations.approve(coordinator.as, claim.id);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      creditFactorBp: 7_500,
      valueCents: 3 * price,
    });
    // …and never changes an approved claim afterwards.
    expectStatus(await patch({ creditFactorBp: 10_000 }), 200);
    const after = await t.get(coordinator.as, `/v1/claims/${claim.id}`);
    expect(after.json()).toMatchObject({ creditFactorBp: 7_500, valueCents: 3 * price });
    expect((await t.obligations.contract(coordinator.as, contract.id)).progress.approvedCents).toBe(
      3 * price,
    );
    // The database holds the line too.
    await expect(
      t.db.updateTable('claims').set({ value_cents: 1 }).where('id', '=', claim.id).execute(),
    ).rejects.toThrow(/keeps its value/);
  });

  it('refuses claims the authority does not accept, and those past the credit share cap', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 20, project });
    const noCredits = await t.newContract({
      coordinator,
      supplier,
      body: { valuation: { acceptsCredits: false } },
    });
    expectProblem(
      await t.obligations.claim(supplier.as, {
        certificateId: certificate.id,
        contractId: noCredits.id,
        credits: 1,
      }),
      409,
      'CLAIM.CREDITS_NOT_ACCEPTED',
    );

    // Obligation € 500 (5% of € 10.000), credits may fill 50%: € 250.
    const capped = await t.newContract({
      coordinator,
      supplier,
      body: {
        valueCents: 10_000_00,
        valuation: { creditShareCapBp: 5_000 },
      },
    });
    expect(capped.progress.creditCapCents).toBe(250_00);
    const fit = Math.floor(250_00 / price);
    // fit + 1 credits would fit with the last in part (test/obligations/partial-credit.test.ts); fit + 2 leave more over.
    const over = await t.obligations.claim(supplier.as, {
      certificateId: certificate.id,
      contractId: capped.id,
      credits: fit + 2,
    });
    expectProblem(over, 409, 'CLAIM.CREDIT_SHARE_CAP');
    expect(over.json().remainingCapCents).toBe(250_00);
    const ok = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: capped.id,
      credits: fit,
    });
    const more = await t.obligations.claim(supplier.as, {
      certificateId: certificate.id,
      contractId: capped.id,
      credits: 2,
    });
    expectProblem(more, 409, 'CLAIM.CREDIT_SHARE_CAP');
    expect(more.json().remainingCapCents).toBe(250_00 - fit * price);

    // Lowering the cap after the claim: approval re-checks it.
    expectStatus(
      await t.app.inject({
        method: 'PATCH',
        url: `/v1/contracts/${capped.id}`,
        headers: coordinator.as.headers,
        payload: { valuation: { creditShareCapBp: 1_000 } },
      }),
      200,
    );
    expectProblem(
      await t.obligations.approve(coordinator.as, ok.id),
      409,
      'CLAIM.CREDIT_SHARE_CAP',
    );
    // Turning credits off: approval refuses too.
    expectStatus(
      await t.app.inject({
        method: 'PATCH',
        url: `/v1/contracts/${capped.id}`,
        headers: coordinator.as.headers,
        payload: { valuation: { acceptsCredits: false, creditShareCapBp: 10_000 } },
      }),
      200,
    );
    expectProblem(
      await t.obligations.approve(coordinator.as, ok.id),
      409,
      'CLAIM.CREDITS_NOT_ACCEPTED',
    );
  });

  it('refuses claims on a closed contract, and closing while claims wait', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 2, project });
    const contract = await t.newContract({ coordinator, supplier });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 1,
    });
    expectProblem(
      await t.post(coordinator.as, `/v1/contracts/${contract.id}/close`),
      409,
      'CONTRACT.PENDING_CLAIMS',
    );
    expectStatus(await t.obligations.approve(coordinator.as, claim.id), 200);
    expectStatus(await t.post(coordinator.as, `/v1/contracts/${contract.id}/close`), 200);
    expectProblem(
      await t.obligations.claim(supplier.as, {
        certificateId: certificate.id,
        contractId: contract.id,
        credits: 1,
      }),
      409,
      'CONTRACT.CLOSED',
    );
  });

  it('answers a repeated Idempotency-Key with the first claim, and another body with 422', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 4, project });
    const contract = await t.newContract({ coordinator, supplier });
    const key = randomUUID();
    const body = { certificateId: certificate.id, contractId: contract.id, credits: 2 };
    const first = await t.obligations.claim(supplier.as, body, key);
    expectStatus(first, 201);
    const again = await t.obligations.claim(supplier.as, body, key);
    expectStatus(again, 201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await t.claimedCredits(certificate.id)).toBe(2);
    expectProblem(
      await t.obligations.claim(supplier.as, { ...body, credits: 1 }, key),
      422,
      'IDEMPOTENCY.KEY_REUSED',
    );
    expectProblem(await t.post(supplier.as, '/v1/claims', body), 400, 'VALIDATION.FAILED');
  });

  describe('access', () => {
    let certificate: CertificateRef;
    let contract: ContractJson;
    let claimId: string;

    beforeAll(async () => {
      certificate = await t.newCertificate({ owner: supplier, credits: 5, project });
      contract = await t.newContract({ coordinator, supplier });
      claimId = (
        await t.obligations.placeClaim(supplier.as, {
          certificateId: certificate.id,
          contractId: contract.id,
          credits: 1,
        })
      ).id;
    });

    it('refuses another supplier’s certificate and another supplier’s obligation with 404', async () => {
      const stranger = await t.newSupplier();
      const theirCertificate = await t.newCertificate({ owner: stranger, credits: 2, project });
      const theirContract = await t.newContract({
        coordinator,
        supplier,
        body: {
          supplier: { kvkNumber: stranger.organisation.kvk_number },
        },
      });
      expectProblem(
        await t.obligations.claim(supplier.as, {
          certificateId: theirCertificate.id,
          contractId: contract.id,
          credits: 1,
        }),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expectProblem(
        await t.obligations.claim(supplier.as, {
          certificateId: certificate.id,
          contractId: theirContract.id,
          credits: 1,
        }),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expectProblem(
        await t.obligations.claim(stranger.as, {
          certificateId: certificate.id,
          contractId: theirContract.id,
          credits: 1,
        }),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expect(await t.claimedCredits(theirCertificate.id)).toBe(0);
    });

    it('lets only the authority’s coordinators decide: viewers and the supplier 403, other authorities 404', async () => {
      expectProblem(await t.obligations.approve(viewer.as, claimId), 403, 'AUTH.FORBIDDEN');
      expectProblem(await t.obligations.approve(supplier.as, claimId), 403, 'AUTH.FORBIDDEN');
      expectProblem(await t.obligations.reject(supplier.as, claimId), 403, 'AUTH.FORBIDDEN');
      expectProblem(
        await t.obligations.approve(otherCoordinator.as, claimId),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expectProblem(
        await t.obligations.reject(otherCoordinator.as, claimId),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expectProblem(await t.obligations.approve(admin.as, claimId), 403, 'AUTH.FORBIDDEN');
      expectProblem(
        await t.obligations.approve(otherSupplier.as, claimId),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expect((await t.get(coordinator.as, `/v1/claims/${claimId}`)).json().status).toBe('pending');
    });

    it('shows a claim to its supplier, its authority and admins only', async () => {
      expectStatus(await t.get(supplier.as, `/v1/claims/${claimId}`), 200);
      expectStatus(await t.get(viewer.as, `/v1/claims/${claimId}`), 200);
      expectStatus(await t.get(admin.as, `/v1/claims/${claimId}`), 200);
      expectProblem(
        await t.get(otherCoordinator.as, `/v1/claims/${claimId}`),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expectProblem(
        await t.get(otherSupplier.as, `/v1/claims/${claimId}`),
        404,
        'RESOURCE.NOT_FOUND',
      );
      const theirs = await t.get(otherCoordinator.as, '/v1/claims?limit=100');
      expect(theirs.json().items.map((c: { id: string }) => c.id)).not.toContain(claimId);
      const listing = await t.get(otherSupplier.as, '/v1/claims?limit=100');
      expect(listing.json().items).toEqual([]);
      expectProblem(await t.get(initiative.as, '/v1/claims'), 403, 'AUTH.FORBIDDEN');
      expectProblem(
        await t.obligations.claim(coordinator.as, {
          certificateId: certificate.id,
          contractId: contract.id,
          credits: 1,
        }),
        403,
        'AUTH.FORBIDDEN',
      );
    });
  });
});
