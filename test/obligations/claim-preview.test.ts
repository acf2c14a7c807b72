import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClaimJson,
  expectProblem,
  expectStatus,
  type ListedProject,
  type Person,
  TestContext,
} from '../factory/index.js';

/**
 * GET /v1/claims/preview (issue 19): what a claim would count toward a contract, shown before
 * claiming, computed by the same checks and arithmetic as POST /v1/claims — so the preview
 * and the claim made right after it agree to the cent, the last partial credit included.
 */
describe('the claim preview', () => {
  let t: TestContext;
  let project: ListedProject;
  let price: number;

  beforeAll(async () => {
    t = await TestContext.create({ env: { MAX_RESERVED_SHARE_PERCENT: '100' } });
    project = await t.newListedProject({ credits: 200 });
    price = t.config.creditPriceCents;
  }, 60_000);
  afterAll(async () => t?.close());

  const url = (certificateId: string, contractId: string, credits?: number) =>
    `/v1/claims/preview?certificateId=${certificateId}&contractId=${contractId}${
      credits === undefined ? '' : `&credits=${credits}`
    }`;

  /** A contract whose obligation is `wholeCredits` credits' worth and €22 more. */
  const contractOf = (supplier: Person, wholeCredits: number, coordinator?: Person) =>
    t.newContract({
      supplier,
      ...(coordinator ? { coordinator } : {}),
      body: { obligation: { basis: 'fixed', fixedAmountCents: wholeCredits * price + 22_00 } },
    });

  it('shows what a claim counts, suggests the credits that still count, and the claim agrees', async () => {
    const supplier = await t.newSupplier();
    const certificate = await t.newCertificate({ owner: supplier, project, credits: 12 });
    const contract = await contractOf(supplier, 10);

    const preview = await t.getJson(supplier, url(certificate.id, contract.id));
    // Ten whole credits and €22 remain: eleven credits count, the eleventh in part.
    expect(preview).toMatchObject({
      certificateId: certificate.id,
      contractId: contract.id,
      availableCredits: 12,
      suggestedCredits: 11,
      credits: 11,
      unitPriceCents: price,
      creditFactorBp: 10_000,
      roomCents: 10 * price + 22_00,
      valueCents: 11 * price,
      countedCents: 10 * price + 22_00,
      lastCreditPartial: true,
      spentUncountedCents: price - 22_00,
      currency: 'EUR',
      refusal: null,
    });

    // Whole credits that fit count in full.
    expect(await t.getJson(supplier, url(certificate.id, contract.id, 4))).toMatchObject({
      credits: 4,
      valueCents: 4 * price,
      countedCents: 4 * price,
      lastCreditPartial: false,
      spentUncountedCents: 0,
      refusal: null,
    });
    // Twelve would leave more than the last credit over: the refusal a claim would meet.
    expect(await t.getJson(supplier, url(certificate.id, contract.id, 12))).toMatchObject({
      credits: 12,
      countedCents: 0,
      refusal: 'CLAIM.CREDIT_SHARE_CAP',
    });
    expect(await t.getJson(supplier, url(certificate.id, contract.id, 13))).toMatchObject({
      refusal: 'CLAIM.CREDITS_UNAVAILABLE',
    });

    // The claim made on the preview counts exactly what the preview said.
    const response = await t.post(
      supplier,
      '/v1/claims',
      { certificateId: certificate.id, contractId: contract.id, credits: preview.credits },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expectStatus(response, 201);
    expect(response.json<ClaimJson>()).toMatchObject({
      valueCents: preview.valueCents,
      countedCents: preview.countedCents,
    });

    // A pending claim holds its part: nothing is left, and the one free credit counts for nothing.
    expect(await t.getJson(supplier, url(certificate.id, contract.id))).toMatchObject({
      availableCredits: 1,
      suggestedCredits: 0,
      roomCents: 0,
      credits: 1,
      refusal: 'CLAIM.CREDIT_SHARE_CAP',
    });
  });

  it('answers the refusals of a closed contract and of a contract that takes no credits', async () => {
    const supplier = await t.newSupplier();
    const certificate = await t.newCertificate({ owner: supplier, project, credits: 2 });
    const noCredits = await t.newContract({
      supplier,
      body: { valuation: { acceptsCredits: false } },
    });
    const contract = await contractOf(supplier, 5);
    expectStatus(await t.post(contract.coordinator, `/v1/contracts/${contract.id}/close`, {}), 200);
    expect(await t.getJson(supplier, url(certificate.id, contract.id))).toMatchObject({
      refusal: 'CONTRACT.CLOSED',
    });
    expect(await t.getJson(supplier, url(certificate.id, noCredits.id))).toMatchObject({
      refusal: 'CLAIM.CREDITS_NOT_ACCEPTED',
    });
  });

  it('shows nothing of another organisation’s certificate or contract, and writes nothing', async () => {
    const supplier = await t.newSupplier();
    const other = await t.newSupplier();
    const mine = await t.newCertificate({ owner: supplier, project, credits: 1 });
    const theirs = await t.newCertificate({ owner: other, project, credits: 1 });
    const myContract = await contractOf(supplier, 1);
    const theirContract = await contractOf(other, 1);
    expectProblem(await t.get(supplier, url(theirs.id, myContract.id)), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await t.get(supplier, url(mine.id, theirContract.id)), 404, 'RESOURCE.NOT_FOUND');
    // Only supplier members preview claims.
    expectStatus(await t.get(myContract.coordinator, url(mine.id, myContract.id)), 403);
    expectProblem(await t.get(supplier, url(mine.id, myContract.id, 0)), 400, 'VALIDATION.FAILED');

    const before = await t.countRows();
    await t.getJson(supplier, url(mine.id, myContract.id));
    expect(await t.countRows()).toEqual(before);
    expect((await t.certificateRow(mine.id)).claimed_credits).toBe(0);
  });
});
