import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../src/db/types.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type SignedIn, signIn } from '../helpers/fixtures.js';

const NEW_PASSWORD = 'een heel ander wachtwoord';

let sequence = 0;
const nextAddress = () => `10.60.${Math.floor(++sequence / 250)}.${(sequence % 250) + 1}`;

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

describe('POST /v1/me/password', () => {
  let t: TestApp;
  let supplier: OrganisationRow;

  beforeAll(async () => {
    t = await createTestApp();
    supplier = await createOrganisation(t.db, 'supplier');
  });
  afterAll(() => t.close());

  const change = (session: SignedIn, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/me/password',
      headers: session.headers,
      payload,
      remoteAddress: nextAddress(),
    });
  const me = (accessToken: string) =>
    t.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${accessToken}` },
    });
  const refresh = (refreshToken: string) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken },
      remoteAddress: nextAddress(),
    });
  const login = (email: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password },
      remoteAddress: nextAddress(),
    });

  it('refuses a wrong current password with 422 and changes nothing', async () => {
    const user = await createUser(t.db, supplier, 'member');
    const session = await signIn(t.app, user, nextAddress());
    const other = await signIn(t.app, user, nextAddress());

    const response = await change(session, {
      currentPassword: 'niet het goede wachtwoord',
      newPassword: NEW_PASSWORD,
    });
    expectProblem(response, 422, 'AUTH.CURRENT_PASSWORD_INCORRECT');
    expect(response.json()).toMatchObject({ errors: [{ path: 'body.currentPassword' }] });

    expect((await login(user.email, user.password)).statusCode).toBe(200);
    expectProblem(await login(user.email, NEW_PASSWORD), 401, 'AUTH.INVALID_CREDENTIALS');
    expect((await me(session.accessToken)).statusCode).toBe(200);
    expect((await refresh(other.refreshToken)).statusCode).toBe(200);
  });

  it('holds the new password to the same rules as elsewhere', async () => {
    const user = await createUser(t.db, supplier, 'member');
    const session = await signIn(t.app, user, nextAddress());
    for (const newPassword of ['kort', 'x'.repeat(257)]) {
      const response = await change(session, { currentPassword: user.password, newPassword });
      expectProblem(response, 400, 'VALIDATION.FAILED');
      expect(response.json()).toMatchObject({ errors: [{ path: 'body.newPassword' }] });
    }
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/v1/me/password',
        payload: { currentPassword: user.password, newPassword: NEW_PASSWORD },
      }),
      401,
      'AUTH.REQUIRED',
    );
  });

  it('changes the password and ends every other session, keeping this one', async () => {
    const user = await createUser(t.db, supplier, 'member');
    const session = await signIn(t.app, user, nextAddress());
    const otherDevice = await signIn(t.app, user, nextAddress());
    const colleague = await signIn(
      t.app,
      await createUser(t.db, supplier, 'member'),
      nextAddress(),
    );

    const response = await change(session, {
      currentPassword: user.password,
      newPassword: NEW_PASSWORD,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ accessToken: string; tokenType: string; expiresIn: number }>();
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);

    // The other session: its refresh token is revoked and its access token void.
    expectProblem(await refresh(otherDevice.refreshToken), 401, 'AUTH.INVALID_REFRESH_TOKEN');
    expect((await me(otherDevice.accessToken)).statusCode).toBe(401);
    // This session goes on, with the fresh access token and its own refresh token.
    expect((await me(body.accessToken)).statusCode).toBe(200);
    expect((await refresh(session.refreshToken)).statusCode).toBe(200);
    // Another user is untouched.
    expect((await me(colleague.accessToken)).statusCode).toBe(200);
    expect((await refresh(colleague.refreshToken)).statusCode).toBe(200);

    expectProblem(await login(user.email, user.password), 401, 'AUTH.INVALID_CREDENTIALS');
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_id', '=', user.id)
      .where('action', '=', 'auth.password_changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.summary)).not.toContain(NEW_PASSWORD);
  });
});
