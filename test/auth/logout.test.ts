import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../src/db/types.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type FixtureUser, signIn } from '../helpers/fixtures.js';

// The auth routes are rate limited per client address (20 a minute); give every call its own.
let addressSequence = 0;
const nextAddress = () => {
  addressSequence++;
  return `10.30.${Math.floor(addressSequence / 250)}.${(addressSequence % 250) + 1}`;
};

describe('POST /v1/auth/logout', () => {
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

  const logout = (refreshToken: string) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      payload: { refreshToken },
      remoteAddress: nextAddress(),
    });
  const refresh = (refreshToken: string) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken },
      remoteAddress: nextAddress(),
    });
  const me = (accessToken: string) =>
    t.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${accessToken}` },
    });

  const newUser = () => createUser(t.db, supplier, 'member');
  const login = (user: FixtureUser) => signIn(t.app, user, nextAddress());

  function expectRefused(response: Awaited<ReturnType<typeof refresh>>) {
    expect(response.statusCode, response.body).toBe(401);
    expect(response.json()).toMatchObject({ status: 401, code: 'AUTH.INVALID_REFRESH_TOKEN' });
  }

  it('answers 204 with no body and ends the session of the refresh token', async () => {
    const user = await newUser();
    const session = await login(user);

    const response = await logout(session.refreshToken);
    expect(response.statusCode, response.body).toBe(204);
    expect(response.body).toBe('');

    expectRefused(await refresh(session.refreshToken));
  });

  it('ends the whole sign-in: tokens issued by refresh, whichever token of it is presented', async () => {
    const user = await newUser();

    // Logging out with the newest token of the chain.
    const a = await login(user);
    const a2 = await refresh(a.refreshToken);
    expect(a2.statusCode).toBe(200);
    expect((await logout(a2.json().refreshToken)).statusCode).toBe(204);
    expectRefused(await refresh(a2.json().refreshToken));

    // Logging out with an already rotated token of the chain still ends its current token.
    const b = await login(user);
    const b2 = await refresh(b.refreshToken);
    expect(b2.statusCode).toBe(200);
    expect((await logout(b.refreshToken)).statusCode).toBe(204);
    expectRefused(await refresh(b2.json().refreshToken));
  });

  it('leaves the other sessions of the same user, and of other users, working', async () => {
    const user = await newUser();
    const colleague = await newUser();
    const ending = await login(user);
    const staying = await login(user);
    const colleagueSession = await login(colleague);

    expect((await logout(ending.refreshToken)).statusCode).toBe(204);
    expectRefused(await refresh(ending.refreshToken));

    for (const session of [staying, colleagueSession]) {
      const renewed = await refresh(session.refreshToken);
      expect(renewed.statusCode, renewed.body).toBe(200);
      expect((await me(renewed.json().accessToken)).statusCode).toBe(200);
    }
  });

  it('is idempotent: a second logout and an unknown token both answer 204', async () => {
    const user = await newUser();
    const session = await login(user);

    const first = await logout(session.refreshToken);
    const second = await logout(session.refreshToken);
    expect(first.statusCode).toBe(204);
    expect(second.statusCode).toBe(204);

    const unknown = await logout(randomBytes(32).toString('base64url'));
    expect(unknown.statusCode).toBe(204);
    expect(unknown.body).toBe('');

    expectRefused(await refresh(session.refreshToken));

    // Only the logout that ended something is recorded, with the user as actor.
    const adminSession = await login(admin);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/v1/audit?action=auth.logged_out&subjectId=${user.id}`,
      headers: adminSession.headers,
    });
    expect(audit.statusCode, audit.body).toBe(200);
    const events = audit.json().items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subjectType: 'user',
      subjectId: user.id,
      actorUserId: user.id,
      actorOrganisationId: supplier.id,
      requestId: first.headers['x-request-id'],
    });
  });

  it('refuses a request without a refresh token as a validation problem', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      payload: {},
      remoteAddress: nextAddress(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'VALIDATION.FAILED' });
  });
});
