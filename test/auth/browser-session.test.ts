import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../src/db/types.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type FixtureUser, signIn } from '../helpers/fixtures.js';

const COOKIE = 'impactbeurs_refresh';
const WEB = { 'x-impactbeurs-client': 'web' };
const REFRESH_TTL_SECONDS = 30 * 86_400;

// The auth routes are rate limited per client address (20 a minute); give every call its own.
let addressSequence = 0;
const nextAddress = () => {
  addressSequence++;
  return `10.40.${Math.floor(addressSequence / 250)}.${(addressSequence % 250) + 1}`;
};

/** The refresh cookie as the response sets it, parsed from Set-Cookie (light-my-request parses it). */
function refreshCookieOf(response: LightMyRequestResponse) {
  const cookies = response.cookies.filter((cookie) => cookie.name === COOKIE);
  expect(cookies.length, JSON.stringify(response.headers['set-cookie'])).toBeLessThanOrEqual(1);
  return cookies[0];
}

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

describe('browser sessions (X-Impactbeurs-Client: web)', () => {
  let t: TestApp;
  let supplier: OrganisationRow;

  beforeAll(async () => {
    t = await createTestApp();
    supplier = await createOrganisation(t.db, 'supplier');
  });
  afterAll(() => t.close());

  const newUser = () => createUser(t.db, supplier, 'member');

  const webLogin = (user: FixtureUser, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: { ...WEB, ...headers },
      payload: { email: user.email, password: user.password },
      remoteAddress: nextAddress(),
    });

  const post = (
    url: string,
    options: { headers?: Record<string, string>; cookie?: string; payload?: object } = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: options.headers ?? {},
      ...(options.cookie !== undefined ? { cookies: { [COOKIE]: options.cookie } } : {}),
      ...(options.payload ? { payload: options.payload } : {}),
      remoteAddress: nextAddress(),
    });

  const me = (accessToken: string) =>
    t.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${accessToken}` },
    });

  it('signs in with the refresh token in an HttpOnly, SameSite=Strict cookie and not in the body', async () => {
    const user = await newUser();
    const response = await webLogin(user);
    expect(response.statusCode, response.body).toBe(200);

    const body = response.json<Record<string, unknown>>();
    expect(Object.keys(body).sort()).toEqual([
      'accessToken',
      'expiresIn',
      'refreshTokenExpiresAt',
      'tokenType',
    ]);
    expect((await me(body.accessToken as string)).statusCode).toBe(200);

    const cookie = refreshCookieOf(response);
    expect(cookie).toBeDefined();
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Strict');
    expect(cookie!.path).toBe('/v1/auth');
    expect(cookie!.maxAge).toBe(REFRESH_TTL_SECONDS);
    // PUBLIC_URL is http:// in these tests: a Secure cookie would never come back.
    expect(cookie!.secure).toBeFalsy();
    expect(JSON.stringify(body)).not.toContain(cookie!.value);
  });

  it('refreshes from the cookie alone, rotates it, and refuses the old cookie afterwards', async () => {
    const first = refreshCookieOf(await webLogin(await newUser()))!.value;

    const refreshed = await post('/v1/auth/refresh', { headers: WEB, cookie: first });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const body = refreshed.json<Record<string, unknown>>();
    expect(body).not.toHaveProperty('refreshToken');
    expect((await me(body.accessToken as string)).statusCode).toBe(200);
    const second = refreshCookieOf(refreshed);
    expect(second).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/v1/auth' });
    expect(second!.maxAge).toBe(REFRESH_TTL_SECONDS);
    expect(second!.value).not.toBe(first);

    // The old cookie is reuse: refused, its sign-in revoked, and the browser told to drop it.
    const replay = await post('/v1/auth/refresh', { headers: WEB, cookie: first });
    expectProblem(replay, 401, 'AUTH.REFRESH_TOKEN_REUSED');
    const dropped = refreshCookieOf(replay);
    expect(dropped?.value).toBe('');
    expect(dropped?.maxAge).toBe(0);
    expectProblem(
      await post('/v1/auth/refresh', { headers: WEB, cookie: second!.value }),
      401,
      'AUTH.INVALID_REFRESH_TOKEN',
    );
  });

  it('answers 401 to a browser refresh without a cookie', async () => {
    expectProblem(
      await post('/v1/auth/refresh', { headers: WEB }),
      401,
      'AUTH.INVALID_REFRESH_TOKEN',
    );
  });

  it('logs out: the session ends and the cookie is cleared', async () => {
    const cookie = refreshCookieOf(await webLogin(await newUser()))!.value;

    const response = await post('/v1/auth/logout', { headers: WEB, cookie });
    expect(response.statusCode, response.body).toBe(204);
    const cleared = refreshCookieOf(response);
    expect(cleared).toMatchObject({ name: COOKIE, value: '', path: '/v1/auth', maxAge: 0 });

    expectProblem(
      await post('/v1/auth/refresh', { headers: WEB, cookie }),
      401,
      'AUTH.INVALID_REFRESH_TOKEN',
    );
  });

  describe('cross-site requests', () => {
    it('refuses a cookie without the header: a cross-site form cannot set it', async () => {
      const cookie = refreshCookieOf(await webLogin(await newUser()))!.value;
      for (const url of ['/v1/auth/refresh', '/v1/auth/logout']) {
        const response = await post(url, { cookie });
        expectProblem(response, 403, 'AUTH.CROSS_SITE_REQUEST');
        expect(refreshCookieOf(response)).toBeUndefined();
      }
      // Neither request used the session: it still refreshes from the web app.
      expect((await post('/v1/auth/refresh', { headers: WEB, cookie })).statusCode).toBe(200);
    });

    it('refuses the header from another origin on every browser-session route', async () => {
      const user = await newUser();
      const cookie = refreshCookieOf(await webLogin(user))!.value;
      for (const origin of [
        'https://evil.example',
        'http://impactbeurs.test.evil.example',
        'null',
      ]) {
        const headers = { ...WEB, origin };
        const login = await webLogin(user, { origin });
        expectProblem(login, 403, 'AUTH.CROSS_SITE_REQUEST');
        expect(refreshCookieOf(login)).toBeUndefined();
        expectProblem(
          await post('/v1/auth/refresh', { headers, cookie }),
          403,
          'AUTH.CROSS_SITE_REQUEST',
        );
        expectProblem(
          await post('/v1/auth/logout', { headers, cookie }),
          403,
          'AUTH.CROSS_SITE_REQUEST',
        );
        expectProblem(
          await post('/v1/invitations/accept', {
            headers,
            payload: { token: 'x'.repeat(43), name: 'Iemand', password: 'een lang wachtwoord' },
          }),
          403,
          'AUTH.CROSS_SITE_REQUEST',
        );
      }
      // None of them touched the session.
      const own = await post('/v1/auth/refresh', {
        headers: { ...WEB, origin: 'http://impactbeurs.test' },
        cookie,
      });
      expect(own.statusCode, own.body).toBe(200);
    });

    it('accepts the own origin (PUBLIC_URL), and no Origin header at all', async () => {
      const user = await newUser();
      const withOrigin = await webLogin(user, { origin: 'http://impactbeurs.test' });
      expect(withOrigin.statusCode, withOrigin.body).toBe(200);
      expect(refreshCookieOf(withOrigin)).toBeDefined();
      expect((await webLogin(user)).statusCode).toBe(200);
    });

    it('gives no other origin CORS access, with or without credentials', async () => {
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/v1/auth/refresh',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'x-impactbeurs-client',
        },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    });
  });

  describe('API clients (no header) are unchanged', () => {
    it('sign in and refresh with the refresh token in the body, and get no cookie', async () => {
      const user = await newUser();
      const login = await post('/v1/auth/login', {
        payload: { email: user.email, password: user.password },
      });
      expect(login.statusCode, login.body).toBe(200);
      expect(refreshCookieOf(login)).toBeUndefined();
      expect(login.headers['set-cookie']).toBeUndefined();
      const pair = login.json<{ refreshToken: string; accessToken: string }>();
      expect(pair.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const refreshed = await post('/v1/auth/refresh', {
        payload: { refreshToken: pair.refreshToken },
      });
      expect(refreshed.statusCode, refreshed.body).toBe(200);
      expect(refreshed.headers['set-cookie']).toBeUndefined();
      const next = refreshed.json<{ refreshToken: string }>();
      expect(next.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const logout = await post('/v1/auth/logout', {
        payload: { refreshToken: next.refreshToken },
      });
      expect(logout.statusCode).toBe(204);
      expect(logout.headers['set-cookie']).toBeUndefined();
    });

    it('must still send the refresh token: without it (and without a cookie) the body fails validation', async () => {
      const response = await post('/v1/auth/refresh', { payload: {} });
      expectProblem(response, 400, 'VALIDATION.FAILED');
      expect(response.json()).toMatchObject({ errors: [{ path: 'body.refreshToken' }] });
    });

    it('does not read the cookie when the body has a token: the body is what it presents', async () => {
      const cookieSession = refreshCookieOf(await webLogin(await newUser()))!.value;
      const bearer = await signIn(t.app, await newUser(), nextAddress());
      const response = await post('/v1/auth/refresh', {
        cookie: cookieSession,
        payload: { refreshToken: bearer.refreshToken },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['set-cookie']).toBeUndefined();
      // The cookie's session was not rotated by it.
      expect(
        (await post('/v1/auth/refresh', { headers: WEB, cookie: cookieSession })).statusCode,
      ).toBe(200);
    });
  });

  it('signs the new user in when the web app accepts an invitation', async () => {
    const platform = await createOrganisation(t.db, 'platform', { kvkNumber: null });
    const admin = await signIn(t.app, await createUser(t.db, platform, 'admin'), nextAddress());
    const email = `web.${process.pid}.${Date.now()}@uitnodiging.example`;
    const created = await t.app.inject({
      method: 'POST',
      url: `/v1/organisations/${supplier.id}/invitations`,
      headers: admin.headers,
      payload: { email, role: 'member' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token } = created.json<{ token: string }>();

    const accepted = await post('/v1/invitations/accept', {
      headers: { ...WEB, origin: 'http://impactbeurs.test' },
      payload: { token, name: 'Nieuwe Collega', password: 'een lang genoeg wachtwoord' },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ email, role: 'member' });
    const cookie = refreshCookieOf(accepted);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/v1/auth' });

    const refreshed = await post('/v1/auth/refresh', { headers: WEB, cookie: cookie!.value });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const whoAmI = await me(refreshed.json<{ accessToken: string }>().accessToken);
    expect(whoAmI.json()).toMatchObject({ user: { email, name: 'Nieuwe Collega' } });
  });
});

describe('browser sessions on an https address, in development', () => {
  let t: TestApp;
  let user: FixtureUser;

  beforeAll(async () => {
    t = await createTestApp({
      env: { PUBLIC_URL: 'https://impactbeurs.example', NODE_ENV: 'development' },
    });
    user = await createUser(t.db, await createOrganisation(t.db, 'supplier'), 'member');
  });
  afterAll(() => t.close());

  const login = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: { ...WEB, ...headers },
      payload: { email: user.email, password: user.password },
      remoteAddress: nextAddress(),
    });

  it('marks the cookie Secure', async () => {
    const response = await login({ origin: 'https://impactbeurs.example' });
    expect(response.statusCode, response.body).toBe(200);
    expect(refreshCookieOf(response)).toMatchObject({ secure: true, httpOnly: true });
  });

  it('accepts the request’s own host (a dev server proxying the API), and no other', async () => {
    const own = await login({ host: 'localhost:5173', origin: 'http://localhost:5173' });
    expect(own.statusCode, own.body).toBe(200);
    expectProblem(
      await login({ host: 'localhost:5173', origin: 'http://localhost:3000' }),
      403,
      'AUTH.CROSS_SITE_REQUEST',
    );
  });
});
