import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../src/db/types.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type FixtureUser, signIn } from '../helpers/fixtures.js';

interface TokenPairBody {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

const DAY_MS = 86_400_000;

// The auth routes are rate limited per client address (20 a minute); give every call its own.
let addressSequence = 0;
const nextAddress = () => {
  addressSequence++;
  return `10.20.${Math.floor(addressSequence / 250)}.${(addressSequence % 250) + 1}`;
};

/** The stored form of a refresh token, computed here so the test does not lean on src/lib/tokens. */
const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

describe('POST /v1/auth/refresh', () => {
  let t: TestApp;
  let supplier: OrganisationRow;
  let admin: FixtureUser;

  beforeAll(async () => {
    t = await createTestApp();
    supplier = await createOrganisation(t.db, 'supplier');
    const platform = await createOrganisation(t.db, 'platform', { kvkNumber: null });
    admin = await createUser(t.db, platform, 'admin');
  });
  afterAll(() => t.close());

  const refresh = (refreshToken: string, remoteAddress = nextAddress()) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken },
      remoteAddress,
    });

  const me = (accessToken: string) =>
    t.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${accessToken}` },
    });

  const newUser = () => createUser(t.db, supplier, 'member');
  const login = (user: FixtureUser) => signIn(t.app, user, nextAddress());

  function expectProblem(
    response: Awaited<ReturnType<typeof refresh>>,
    status: number,
    code: string,
  ) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status, code });
    expect(response.body).not.toContain('accessToken');
  }

  it('exchanges a refresh token for a new pair whose access token works', async () => {
    const user = await newUser();
    const session = await login(user);

    const response = await refresh(session.refreshToken);
    expect(response.statusCode, response.body).toBe(200);
    const pair = response.json<TokenPairBody>();
    expect(pair).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(pair.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.refreshToken).not.toBe(session.refreshToken);
    // Each refresh token lives 30 days from its issue, by the injected clock.
    expect(Date.parse(pair.refreshTokenExpiresAt)).toBe(t.clock.now().getTime() + 30 * DAY_MS);

    const claims = JSON.parse(Buffer.from(pair.accessToken.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ sub: user.id, org: user.organisationId, typ: 'access' });

    const meResponse = await me(pair.accessToken);
    expect(meResponse.statusCode, meResponse.body).toBe(200);
    expect(meResponse.json().user).toMatchObject({ id: user.id, email: user.email });

    // The new refresh token is itself good for exactly one more exchange.
    const again = await refresh(pair.refreshToken);
    expect(again.statusCode, again.body).toBe(200);
    expect((await me(again.json<TokenPairBody>().accessToken)).statusCode).toBe(200);
  });

  it('rotates the token: presenting a used one again is reuse and revokes that sign-in only', async () => {
    const user = await newUser();
    const first = await login(user);
    const second = await login(user); // another sign-in of the same user: its own family

    const rotated = await refresh(first.refreshToken);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const successor = rotated.json<TokenPairBody>();

    const reuse = await refresh(first.refreshToken);
    expectProblem(reuse, 401, 'AUTH.REFRESH_TOKEN_REUSED');

    // The reuse revoked the whole family, including the token the rotation issued.
    expectProblem(await refresh(successor.refreshToken), 401, 'AUTH.INVALID_REFRESH_TOKEN');
    // Presenting the used token yet again is still reuse, and still refused.
    expectProblem(await refresh(first.refreshToken), 401, 'AUTH.REFRESH_TOKEN_REUSED');

    // The other sign-in keeps working, and so does its chain.
    const other = await refresh(second.refreshToken);
    expect(other.statusCode, other.body).toBe(200);
    const otherPair = other.json<TokenPairBody>();
    expect((await me(otherPair.accessToken)).statusCode).toBe(200);
    expect((await refresh(otherPair.refreshToken)).statusCode).toBe(200);
  });

  it('records reuse in the audit trail, with the family and the number of tokens revoked', async () => {
    const user = await newUser();
    const session = await login(user);
    const successor = await refresh(session.refreshToken);
    expect(successor.statusCode).toBe(200);

    const reuse = await refresh(session.refreshToken);
    expectProblem(reuse, 401, 'AUTH.REFRESH_TOKEN_REUSED');

    const family = await t.db
      .selectFrom('refresh_tokens')
      .select('family_id')
      .where('token_hash', '=', sha256(session.refreshToken))
      .executeTakeFirstOrThrow();

    const adminSession = await login(admin);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/v1/audit?action=auth.refresh_token_reused&subjectId=${user.id}`,
      headers: adminSession.headers,
    });
    expect(audit.statusCode, audit.body).toBe(200);
    const events = audit.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'auth.refresh_token_reused',
      subjectType: 'user',
      subjectId: user.id,
      // Whoever presented the token is not known to be the user.
      actorUserId: null,
      requestId: reuse.headers['x-request-id'],
      summary: { familyId: family.family_id, tokensRevoked: 2 },
    });
    expect(JSON.stringify(events[0])).not.toContain(session.refreshToken);
  });

  it('refuses unknown and garbage tokens', async () => {
    const user = await newUser();
    await login(user); // so that refresh_tokens is not empty

    for (const token of [
      randomBytes(32).toString('base64url'),
      'x'.repeat(60),
      `${'a'.repeat(30)} '; drop table users; --`,
    ]) {
      expectProblem(await refresh(token), 401, 'AUTH.INVALID_REFRESH_TOKEN');
    }

    const missing = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: {},
      remoteAddress: nextAddress(),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION.FAILED' });

    const tooShort = await refresh('short');
    expect(tooShort.statusCode).toBe(400);
  });

  it('cannot be used as an access token, nor an access token as a refresh token', async () => {
    const user = await newUser();
    const session = await login(user);

    const asBearer = await me(session.refreshToken);
    expect(asBearer.statusCode).toBe(401);

    const asRefresh = await refresh(session.accessToken);
    expect([400, 401]).toContain(asRefresh.statusCode);
    // The real refresh token was not touched by either attempt.
    expect((await refresh(session.refreshToken)).statusCode).toBe(200);
  });

  it('of concurrent refreshes with the same token exactly one succeeds', async () => {
    for (let round = 0; round < 5; round++) {
      const user = await newUser();
      const session = await login(user);

      const responses = await Promise.all([
        refresh(session.refreshToken),
        refresh(session.refreshToken),
        refresh(session.refreshToken),
      ]);

      const winners = responses.filter((r) => r.statusCode === 200);
      const losers = responses.filter((r) => r.statusCode !== 200);
      expect(winners, responses.map((r) => `${r.statusCode} ${r.body}`).join('\n')).toHaveLength(1);
      for (const loser of losers) expectProblem(loser, 401, 'AUTH.REFRESH_TOKEN_REUSED');
      expect((await me(winners[0]!.json<TokenPairBody>().accessToken)).statusCode).toBe(200);

      // Only one successor token was ever issued for the sign-in.
      const family = await t.db
        .selectFrom('refresh_tokens')
        .select('family_id')
        .where('token_hash', '=', sha256(session.refreshToken))
        .executeTakeFirstOrThrow();
      const tokens = await t.db
        .selectFrom('refresh_tokens')
        .select('id')
        .where('family_id', '=', family.family_id)
        .execute();
      expect(tokens).toHaveLength(2);
    }
  });

  // Moves the clock forward; later tests issue their tokens relative to the moved clock.
  it('refuses a refresh token older than 30 days, while a rotated one lives 30 days from its rotation', async () => {
    const user = await newUser();
    const early = await login(user);
    const late = await login(user);

    t.clock.advanceDays(29);
    const stillValid = await refresh(early.refreshToken);
    expect(stillValid.statusCode, stillValid.body).toBe(200);
    const successor = stillValid.json<TokenPairBody>();

    t.clock.advance(DAY_MS + 1000); // 30 days and a second after sign-in
    expectProblem(await refresh(late.refreshToken), 401, 'AUTH.INVALID_REFRESH_TOKEN');

    // The successor was issued on day 29, so it has most of its 30 days left.
    const renewed = await refresh(successor.refreshToken);
    expect(renewed.statusCode, renewed.body).toBe(200);

    t.clock.advanceDays(31);
    expectProblem(
      await refresh(renewed.json<TokenPairBody>().refreshToken),
      401,
      'AUTH.INVALID_REFRESH_TOKEN',
    );
  });
});
