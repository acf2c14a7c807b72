import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type FixtureUser } from '../helpers/fixtures.js';

/*
 * Correctly signed tokens (HS256 with the service's secret, right issuer and audience,
 * not expired) whose claims have the wrong shape. Each must be refused as a bad token,
 * 401 AUTH.INVALID_TOKEN, and never reach the database as it is (a `sub` that is not a
 * UUID answered 500). Built by hand, so the test holds whatever JWT library the API uses.
 */

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function signed(payload: Record<string, unknown>): string {
  const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  const signature = createHmac('sha256', TEST_JWT_SECRET).update(input).digest('base64url');
  return `${input}.${signature}`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('access token claims are checked for shape', () => {
  let t: TestApp;
  let member: FixtureUser;

  beforeAll(async () => {
    t = await createTestApp();
    member = await createUser(t.db, await createOrganisation(t.db, 'supplier'), 'member');
  });
  afterAll(() => t.close());

  const claims = (overrides: Record<string, unknown> = {}) => ({
    sub: member.id,
    org: member.organisationId,
    gen: 0,
    sid: randomUUID(),
    typ: 'access',
    iss: 'impactbeurs',
    aud: 'impactbeurs-api',
    iat: nowSeconds() - 10,
    exp: nowSeconds() + 600,
    ...overrides,
  });

  const me = (token: string) =>
    t.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });

  it('accepts the well-shaped token (the control), with or without a session id', async () => {
    expect((await me(signed(claims()))).statusCode).toBe(200);
    expect((await me(signed(claims({ sid: undefined })))).statusCode).toBe(200);
  });

  const BAD_CLAIMS: [string, Record<string, unknown>][] = [
    ['sub not a UUID', { sub: 'not-a-uuid' }],
    ['sub empty', { sub: '' }],
    ['sub almost a UUID', { sub: '6f1c2a4e-9b7d-4c3a-8e5f-0a1b2c3d4e5fx' }],
    ['sub UUID with a bad digit', { sub: '00000000-0000-4000-8000-00000000000g' }],
    ['sub SQL', { sub: "' OR 1=1 --" }],
    ['sub very long', { sub: 'a'.repeat(10_000) }],
    ['sub a number', { sub: 42 }],
    ['sub an object', { sub: { id: 'x' } }],
    ['sub an array', { sub: ['x'] }],
    ['org not a UUID', { org: 'acme' }],
    ['org missing', { org: undefined }],
    ['org a number', { org: 1 }],
    ['gen negative', { gen: -1 }],
    ['gen a fraction', { gen: 0.5 }],
    ['gen a string', { gen: '0' }],
    ['gen huge', { gen: 1e300 }],
    ['gen null', { gen: null }],
    ['typ refresh', { typ: 'refresh' }],
    ['typ missing', { typ: undefined }],
    ['sid not a UUID', { sid: 'session' }],
    ['sid a number', { sid: 7 }],
  ];

  it.each(BAD_CLAIMS)('refuses %s with 401 AUTH.INVALID_TOKEN', async (_name, overrides) => {
    const response = await me(signed(claims(overrides)));
    expect(response.statusCode, response.body).toBe(401);
    expect(response.json()).toMatchObject({ status: 401, code: 'AUTH.INVALID_TOKEN' });
  });
});
