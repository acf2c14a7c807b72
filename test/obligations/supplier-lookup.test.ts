import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueKvk } from '../helpers/fixtures.js';
import { type Cast, expectProblem, expectStatus, TestContext } from '../factory/index.js';

/** The contract form finds a supplier by KvK number (issue 19): coordinators only, name and number only. */
describe('GET /v1/contracts/supplier', () => {
  let t: TestContext;
  let cast: Cast;

  beforeAll(async () => {
    t = await TestContext.create();
    cast = await t.newCast();
  }, 120_000);
  afterAll(async () => t?.close());

  const lookup = (kvkNumber: string) =>
    `/v1/contracts/supplier?kvkNumber=${encodeURIComponent(kvkNumber)}`;

  it('answers a coordinator the supplier’s name and KvK number, nothing else', async () => {
    const supplier = cast.organisations.supplier;
    const response = await t.get(cast.as.coordinator, lookup(supplier.kvk_number!));
    expectStatus(response, 200);
    expect(response.json()).toStrictEqual({
      name: supplier.name,
      kvkNumber: supplier.kvk_number,
    });
  });

  it('answers 404 for a KvK number no supplier has, and for one that is not a supplier', async () => {
    expectProblem(await t.get(cast.as.coordinator, lookup(uniqueKvk())), 404, 'RESOURCE.NOT_FOUND');
    for (const other of [cast.organisations.initiative, cast.organisations.authority]) {
      expectProblem(
        await t.get(cast.as.coordinator, lookup(other.kvk_number!)),
        404,
        'RESOURCE.NOT_FOUND',
      );
    }
  });

  it('refuses a malformed KvK number', async () => {
    expectProblem(await t.get(cast.as.coordinator, lookup('1234')), 400, 'VALIDATION.FAILED');
  });

  it('refuses a viewer, a supplier, an initiative and the public', async () => {
    const kvk = cast.organisations.supplier.kvk_number!;
    for (const who of [cast.as.viewer, cast.as.supplierMember, cast.as.initiativeMember]) {
      expectProblem(await t.get(who, lookup(kvk)), 403, 'AUTH.FORBIDDEN');
    }
    expectStatus(await t.get(null, lookup(kvk)), 401);
  });

  it('is rate-limited per client address', async () => {
    const kvk = cast.organisations.supplier.kvk_number!;
    const headers = { 'x-forwarded-for': '203.0.113.77' };
    let limited = 0;
    for (let i = 0; i < 31; i++) {
      const response = await t.get(cast.as.coordinator, lookup(kvk), headers);
      if (response.statusCode === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
    const response = await t.get(cast.as.coordinator, lookup(kvk), headers);
    expectProblem(response, 429, 'RATE_LIMIT.EXCEEDED');
    expect(response.headers['retry-after']).toBeDefined();
  });
});
