import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type FixtureUser } from '../helpers/fixtures.js';

describe('POST /v1/auth/login', () => {
  let t: TestApp;
  let member: FixtureUser;

  beforeAll(async () => {
    t = await createTestApp({
      loginThrottle: { windowSeconds: 900, perAccount: 3, perAddress: 6 },
    });
    const supplier = await createOrganisation(t.db, 'supplier');
    member = await createUser(t.db, supplier, 'member');
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, remoteAddress = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password },
      remoteAddress,
    });

  it('returns an access token the API accepts and a refresh token', async () => {
    const response = await login(member.email.toUpperCase(), member.password);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const [header, payload] = body.accessToken
      .split('.')
      .slice(0, 2)
      .map((part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header.alg).toBe('HS256');
    expect(payload).toMatchObject({
      sub: member.id,
      iss: 'impactbeurs',
      aud: 'impactbeurs-api',
      typ: 'access',
    });
    expect(payload.exp - payload.iat).toBe(900);

    const me = await t.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: member.id, email: member.email, role: 'member' });
    expect(me.json().user).not.toHaveProperty('passwordHash');
    expect(me.body).not.toContain('argon2');
  });

  it('refuses a wrong password and an unknown account alike', async () => {
    const wrong = await login(member.email, 'wrong password here', '10.0.0.2');
    const unknown = await login('nobody@test.example', 'wrong password here', '10.0.0.2');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 401, code: 'AUTH.INVALID_CREDENTIALS' });
    }
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('throttles an account after repeated failures, from any address, with Retry-After', async () => {
    const supplier = await createOrganisation(t.db, 'supplier');
    const target = await createUser(t.db, supplier, 'member');
    for (let i = 0; i < 3; i++) {
      expect((await login(target.email, 'not the password', `10.1.0.${i}`)).statusCode).toBe(401);
    }
    // Even the right password is refused while throttled, so guessing gains nothing.
    const throttled = await login(target.email, target.password, '10.1.0.99');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json()).toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS', status: 429 });
    const retryAfter = Number(throttled.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);

    // Other accounts are not affected.
    expect((await login(member.email, member.password, '10.1.0.98')).statusCode).toBe(200);

    // Once the window has passed, the account can sign in again.
    t.clock.advance((retryAfter + 1) * 1000);
    expect((await login(target.email, target.password, '10.1.0.97')).statusCode).toBe(200);
  });

  it('throttles an address that tries many accounts', async () => {
    for (let i = 0; i < 6; i++) {
      expect(
        (await login(`guess${i}@test.example`, 'not the password', '10.2.0.1')).statusCode,
      ).toBe(401);
    }
    const throttled = await login(member.email, member.password, '10.2.0.1');
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // The account itself is fine from elsewhere.
    expect((await login(member.email, member.password, '10.2.0.2')).statusCode).toBe(200);
  });

  it('validates the body as problem+json with the failing fields', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'a' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION.FAILED',
      errors: expect.arrayContaining([
        expect.objectContaining({ path: 'body.email' }),
        expect.objectContaining({ path: 'body.password' }),
      ]),
    });
  });

  it('records successful and failed sign-ins in the audit trail', async () => {
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'subject_id', 'actor_user_id'])
      .where('subject_id', '=', member.id)
      .execute();
    expect(events.some((e) => e.action === 'auth.logged_in' && e.actor_user_id === member.id)).toBe(
      true,
    );
    expect(events.some((e) => e.action === 'auth.login_failed' && e.actor_user_id === null)).toBe(
      true,
    );
  });
});
