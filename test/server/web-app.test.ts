import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP } from '../../src/plugins/web-app.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const INDEX = '<!doctype html><html lang="nl"><title>fixture</title><div id="root"></div></html>';

/** A tiny stand-in for `vite build`'s output: the server serves whatever web/dist holds. */
function fixtureDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'impactbeurs-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), INDEX);
  writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log("app");\n');
  return dir;
}

describe('web app served by the API process', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = fixtureDist();
    t = await createTestApp({ env: { WEB_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html for app pages, never cached, with the strict CSP', async () => {
    for (const url of [
      '/',
      '/projects',
      '/projects/0b7c2d3e-1111-4222-8333-444455556666',
      '/verify',
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: HTML });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toBe(APP_CSP);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    }
  });

  it('serves hashed assets as immutable for a year', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toContain('console.log');
  });

  it('answers a missing asset with 404, not with the app', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/assets/missing-0000.js',
      headers: HTML,
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toBe(INDEX);
  });

  it('leaves API 404s as problem+json, even for a browser', async () => {
    for (const url of [
      '/v1/no-such-thing',
      '/v1',
      '/health/nope',
      '/.well-known/nope',
      '/docs/nope',
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: HTML });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe('ROUTE.NOT_FOUND');
    }
  });

  it('answers clients that do not ask for HTML with problem+json', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/projects',
      headers: { accept: 'application/json' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('ROUTE.NOT_FOUND');
  });

  it('leaves the API, its documents and the verification page as they are', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/health/live', headers: HTML });
    expect(health.statusCode).toBe(200);
    expect(health.body).not.toBe(INDEX);
    const spec = await t.app.inject({ method: 'GET', url: '/openapi.json', headers: HTML });
    expect(spec.json().openapi).toMatch(/^3\./);
    const projects = await t.app.inject({ method: 'GET', url: '/v1/projects', headers: HTML });
    expect(projects.statusCode).toBe(200);
    expect(projects.json()).toHaveProperty('items');
    const verify = await t.app.inject({
      method: 'GET',
      url: '/verify/0000000000000000000000000A',
      headers: HTML,
    });
    expect(verify.statusCode).toBe(404);
    expect(verify.body).not.toBe(INDEX);
    expect(verify.headers['content-type']).toMatch(/^text\/html/);
  });

  it('keeps the app out of the API document', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(spec.paths)).not.toContain('/*');
  });
});

describe('without a built web app', () => {
  it('starts and serves the API; unknown pages stay problem+json 404', async () => {
    const t = await createTestApp();
    try {
      const health = await t.app.inject({ method: 'GET', url: '/health/live' });
      expect(health.statusCode).toBe(200);
      const page = await t.app.inject({ method: 'GET', url: '/projects', headers: HTML });
      expect(page.statusCode).toBe(404);
      expect(page.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await t.close();
    }
  });
});
