import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

const ALLOWED_ORIGIN = 'https://app.example';
const SECRET_MESSAGE = 'db password=hunter2 leaked';

/** Every error of the API is RFC 9457 problem+json, and carries the id of its request. */
function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json();
  expect(body).toMatchObject({ status, code });
  expect(body.type).toMatch(/^https:\/\//);
  expect(typeof body.title).toBe('string');
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.requestId).toEqual(expect.any(String));
  expect(response.headers['x-request-id']).toBe(body.requestId);
  return body;
}

describe('HTTP problems and cross-cutting behaviour', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: { BODY_LIMIT_BYTES: '2048', CORS_ORIGINS: ALLOWED_ORIGIN },
      // The database throttle must not answer before the per-address rate limit does.
      loginThrottle: { windowSeconds: 900, perAccount: 1000, perAddress: 1000 },
      ready: false,
    });
    t.app.get('/test/explode', async () => {
      throw new Error(SECRET_MESSAGE);
    });
    await t.app.ready();
  });
  afterAll(() => t?.close());

  it('answers an unknown route with a 404 problem', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/no-such-thing?x=1' });
    const body = expectProblem(response, 404, 'ROUTE.NOT_FOUND');
    expect(body).toMatchObject({
      type: 'https://impactbeurs.nl/problems/route-not-found',
      title: 'Not Found',
      instance: '/v1/no-such-thing',
    });
    expect(body.detail).toContain('GET /v1/no-such-thing');
  });

  it('gives each request its own id', async () => {
    const a = await t.app.inject({ method: 'GET', url: '/nowhere' });
    const b = await t.app.inject({ method: 'GET', url: '/nowhere' });
    expect(a.json().requestId).not.toBe(b.json().requestId);
  });

  it('answers a failed validation with VALIDATION.FAILED and the failing fields', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'ab', password: 42 },
    });
    const body = expectProblem(response, 400, 'VALIDATION.FAILED');
    expect(body.instance).toBe('/v1/auth/login');
    expect(Array.isArray(body.errors)).toBe(true);
    for (const error of body.errors) {
      expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
      expect(error.message.length).toBeGreaterThan(0);
    }
    const paths = body.errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('names only the fields that fail', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: 'short' },
    });
    const body = expectProblem(response, 400, 'VALIDATION.FAILED');
    expect(body.errors).toEqual([{ path: 'body.refreshToken', message: expect.any(String) }]);
  });

  it('answers a body that is not JSON with REQUEST.MALFORMED', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.example", "password": ',
    });
    const body = expectProblem(response, 400, 'REQUEST.MALFORMED');
    expect(body.instance).toBe('/v1/auth/login');
  });

  it('answers a body over BODY_LIMIT_BYTES with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'big@test.example', password: 'x'.repeat(4096) },
    });
    const body = expectProblem(response, 413, 'REQUEST.BODY_TOO_LARGE');
    expect(body.title).toBe('Content Too Large');

    // Just under the limit is read (and then fails validation or credentials, not size).
    const small = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'small@test.example', password: 'x'.repeat(1500) },
      remoteAddress: '10.9.9.9',
    });
    expect(small.statusCode).not.toBe(413);
  });

  it('masks server errors: INTERNAL.ERROR with the request id, never the message or stack', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/test/explode' });
    const body = expectProblem(response, 500, 'INTERNAL.ERROR');
    expect(body.title).toBe('Internal Server Error');
    expect(body.detail).toContain(body.requestId);
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('password=');
    expect(response.body).not.toContain(SECRET_MESSAGE);
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
    expect(body).not.toHaveProperty('stack');
  });

  it('sends x-request-id on successful responses too', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers (helmet)', async () => {
    for (const url of ['/health/live', '/no-such-route']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('allows a CORS preflight from a configured origin only', async () => {
    const preflight = (origin: string) =>
      t.app.inject({
        method: 'OPTIONS',
        url: '/v1/auth/login',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });

    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.statusCode).toBeLessThan(300);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(String(allowed.headers['access-control-allow-methods'])).toContain('POST');

    const refused = await preflight('https://evil.example');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();

    // Simple requests: the allowed origin may read x-request-id, another origin gets nothing.
    const simple = await t.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { origin: ALLOWED_ORIGIN },
    });
    expect(simple.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(String(simple.headers['access-control-expose-headers'])).toContain('x-request-id');
    const other = await t.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('rate-limits sign-in per client address: the 21st request in a minute gets 429 with Retry-After', async () => {
    const address = '10.20.30.40';
    const attempt = (i: number, remoteAddress = address) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: `nobody${i}@test.example`, password: 'wrong password' },
        remoteAddress,
      });

    for (let i = 0; i < 20; i++) {
      const response = await attempt(i);
      expect(response.statusCode, response.body).toBe(401);
    }
    const limited = await attempt(20);
    const body = expectProblem(limited, 429, 'RATE_LIMIT.EXCEEDED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.retryAfter).toBe(retryAfter);

    // The limit is per address: another client is not affected.
    expect((await attempt(21, '10.20.30.41')).statusCode).toBe(401);
  });
});
