import { createHmac, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type FixtureUser, signIn } from '../helpers/fixtures.js';

/*
 * Tokens are built by hand here (base64url JSON, HMAC from node:crypto), so these tests
 * hold whatever JWT library the API uses.
 */

const ISSUER = 'impactbeurs';
const AUDIENCE = 'impactbeurs-api';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function hmacToken(
  payload: Record<string, unknown>,
  options: {
    secret?: string;
    alg?: 'HS256' | 'HS384' | 'HS512';
    header?: Record<string, unknown>;
  } = {},
): string {
  const alg = options.alg ?? 'HS256';
  const signingInput = `${encode(options.header ?? { alg, typ: 'JWT' })}.${encode(payload)}`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  const signature = createHmac(hash, options.secret ?? TEST_JWT_SECRET)
    .update(signingInput)
    .digest('base64url');
  return `${signingInput}.${signature}`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('access token checks', () => {
  let t: TestApp;
  let member: FixtureUser;
  let admin: FixtureUser;

  beforeAll(async () => {
    t = await createTestApp();
    const supplier = await createOrganisation(t.db, 'supplier');
    member = await createUser(t.db, supplier, 'member');
    const platform = await createOrganisation(t.db, 'platform', { kvkNumber: null });
    admin = await createUser(t.db, platform, 'admin');
  });
  afterAll(() => t.close());

  /** Claims the API itself would issue for the member, valid right now. */
  const claimsFor = (user: FixtureUser, overrides: Record<string, unknown> = {}) => ({
    sub: user.id,
    org: user.organisationId,
    gen: 0,
    typ: 'access',
    iss: ISSUER,
    aud: AUDIENCE,
    iat: nowSeconds() - 10,
    exp: nowSeconds() + 600,
    ...overrides,
  });

  const me = (authorization?: string) =>
    t.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: authorization === undefined ? {} : { authorization },
    });
  const meWith = (token: string) => me(`Bearer ${token}`);

  function expectUnauthorized(response: LightMyRequestResponse, code?: string) {
    expect(response.statusCode, response.body).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body).toMatchObject({ status: 401, code: code ?? expect.stringMatching(/^AUTH\./) });
    expect(body.requestId).toBe(response.headers['x-request-id']);
    // Nothing about the user leaks into the refusal.
    expect(response.body).not.toContain(member.email);
    expect(response.body).not.toContain(member.id);
  }

  it('accepts a hand-built HS256 token with the right claims (the control for every refusal below)', async () => {
    const response = await meWith(hmacToken(claimsFor(member)));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user).toMatchObject({ id: member.id, email: member.email });

    const issued = await signIn(t.app, member);
    expect((await me(issued.headers.authorization)).statusCode).toBe(200);
  });

  it('answers 401 AUTH.REQUIRED as problem+json when the header is missing', async () => {
    expectUnauthorized(await me(), 'AUTH.REQUIRED');
  });

  it('refuses malformed Authorization headers and tokens', async () => {
    const valid = hmacToken(claimsFor(member));
    for (const authorization of [
      '',
      'Bearer',
      'Bearer not-a-jwt',
      'Bearer a.b.c',
      `Bearer ${valid}x`,
      `Bearer ${valid.split('.').slice(0, 2).join('.')}`,
      // Another scheme carrying a valid token is not a bearer token.
      `Basic ${valid}`,
      `Token ${valid}`,
    ]) {
      const response = await me(authorization);
      expect(response.statusCode, `${authorization}: ${response.body}`).toBe(401);
      expectUnauthorized(response);
    }
    // A header not shaped `Bearer <token>` is a malformed request (RFC 6750 allows 400); never a success or a 500.
    for (const authorization of ['Bearer ', `Bearer ${valid} ${valid}`]) {
      const response = await me(authorization);
      expect([400, 401], response.body).toContain(response.statusCode);
      expect(response.json().code).toMatch(/^AUTH\./);
    }
  });

  it('refuses a token signed with another secret', async () => {
    expectUnauthorized(
      await meWith(
        hmacToken(claimsFor(member), {
          secret: 'another-secret-that-is-also-long-enough-for-hs256',
        }),
      ),
      'AUTH.INVALID_TOKEN',
    );
  });

  it('refuses a payload changed after signing', async () => {
    const [header, , signature] = hmacToken(claimsFor(member)).split('.');
    const forged = `${header}.${encode(claimsFor(admin))}.${signature}`;
    expectUnauthorized(await meWith(forged), 'AUTH.INVALID_TOKEN');
  });

  it('refuses unsigned tokens (alg "none")', async () => {
    const claims = claimsFor(member);
    const variants = [
      `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`,
      `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}`,
      `${encode({ alg: 'None', typ: 'JWT' })}.${encode(claims)}.`,
      // A valid signature does not rescue a header that claims none.
      hmacToken(claims, { header: { alg: 'none', typ: 'JWT' } }),
    ];
    for (const token of variants) expectUnauthorized(await meWith(token));
  });

  it('refuses HS384 and HS512 tokens even with the right secret', async () => {
    for (const alg of ['HS384', 'HS512'] as const) {
      expectUnauthorized(await meWith(hmacToken(claimsFor(member), { alg })));
    }
  });

  it('refuses a wrong or missing issuer', async () => {
    expectUnauthorized(await meWith(hmacToken(claimsFor(member, { iss: 'someone-else' }))));
    expectUnauthorized(await meWith(hmacToken(claimsFor(member, { iss: undefined }))));
  });

  it('refuses a token of another token generation, or without one', async () => {
    // The user's generation is 0 until it is first disabled; a token claiming any other is void.
    expectUnauthorized(
      await meWith(hmacToken(claimsFor(member, { gen: 1 }))),
      'AUTH.ACCOUNT_DISABLED',
    );
    expectUnauthorized(await meWith(hmacToken(claimsFor(member, { gen: undefined }))));
    expectUnauthorized(await meWith(hmacToken(claimsFor(member, { gen: '0' }))));
  });

  it('refuses a wrong or missing audience', async () => {
    expectUnauthorized(await meWith(hmacToken(claimsFor(member, { aud: 'another-api' }))));
    expectUnauthorized(await meWith(hmacToken(claimsFor(member, { aud: undefined }))));
  });

  it('refuses an expired token, and one without an expiry', async () => {
    const now = nowSeconds();
    expectUnauthorized(
      await meWith(hmacToken(claimsFor(member, { iat: now - 1000, exp: now - 60 }))),
    );
    expectUnauthorized(await meWith(hmacToken(claimsFor(member, { exp: undefined }))));
  });

  it('refuses a token that is not yet valid', async () => {
    expectUnauthorized(await meWith(hmacToken(claimsFor(member, { nbf: nowSeconds() + 600 }))));
  });

  it('refuses ill-typed claims and headers rather than failing on them', async () => {
    const sign = (header: Record<string, unknown>, payload: unknown) => {
      const input = `${encode(header)}.${encode(payload)}`;
      return `${input}.${createHmac('sha256', TEST_JWT_SECRET).update(input).digest('base64url')}`;
    };
    const tokens = [
      hmacToken(claimsFor(member, { exp: 'tomorrow' })),
      hmacToken(claimsFor(member, { nbf: 'now' })),
      hmacToken(claimsFor(member, { aud: 42 })),
      hmacToken(claimsFor(member, { sub: 42 })),
      sign({ alg: 'HS256', typ: 'JWT' }, 'just a string'),
      sign({ alg: 'HS256', typ: 'JWT' }, [claimsFor(member)]),
      sign({ alg: 'HS256', typ: 'JWT', crit: ['exp'] }, claimsFor(member)),
      sign({ alg: 'HS256', typ: 'JWT', crit: ['x-unknown'], 'x-unknown': true }, claimsFor(member)),
      `${Buffer.from('not json').toString('base64url')}.${encode(claimsFor(member))}.abc`,
      `${encode({ alg: 'HS256', typ: 'JWT' })}.${Buffer.from('{"sub":').toString('base64url')}.abc`,
    ];
    for (const token of tokens) {
      const response = await meWith(token);
      expect(
        response.statusCode,
        `${Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()}: ${response.body}`,
      ).toBe(401);
    }
  });

  it('refuses a token that is not an access token', async () => {
    expectUnauthorized(
      await meWith(hmacToken(claimsFor(member, { typ: 'refresh' }))),
      'AUTH.INVALID_TOKEN',
    );
    expectUnauthorized(
      await meWith(hmacToken(claimsFor(member, { typ: undefined }))),
      'AUTH.INVALID_TOKEN',
    );
  });

  it('refuses a correctly signed token whose subject is no user', async () => {
    expectUnauthorized(
      await meWith(hmacToken(claimsFor(member, { sub: randomUUID() }))),
      'AUTH.INVALID_TOKEN',
    );
    expectUnauthorized(await meWith(hmacToken(claimsFor(member, { sub: undefined }))));
  });

  it('takes who the caller is from the database, not from the token’s org claim', async () => {
    const response = await meWith(hmacToken(claimsFor(member, { org: admin.organisationId })));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().organisation.id).toBe(member.organisationId);
  });
});
