import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_REFERENCE_FILE, renderErrorReference } from '../../src/cli/error-reference.js';
import { type ErrorCode, errorCatalogue } from '../../src/lib/error-catalogue.js';
import { AppError, conflict, forbidden } from '../../src/lib/errors.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CATALOGUE_FILE = 'src/lib/error-catalogue.ts';
const CODE_LITERAL = /['"`]([A-Z][A-Z0-9_]*\.[A-Z][A-Z0-9_]*)['"`]/g;

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** Code-shaped string literals per file; codes a route only documents do not count as used. */
async function codeLiterals(folder: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const file of await sourceFiles(folder)) {
    if (file === CATALOGUE_FILE) continue;
    const text = (await readFile(join(ROOT, file), 'utf8')).replace(
      /problemResponses\([^)]*\)/g,
      '',
    );
    for (const [, code] of text.matchAll(CODE_LITERAL)) {
      found.set(code!, [...(found.get(code!) ?? []), file]);
    }
  }
  return found;
}

describe('error catalogue', () => {
  const codes = Object.keys(errorCatalogue) as ErrorCode[];

  it('lists each code once, shaped AREA.REASON, with an error status and a one-sentence meaning', () => {
    expect(codes.length).toBeGreaterThan(90);
    for (const code of codes) {
      const { status, meaning } = errorCatalogue[code];
      expect(code).toMatch(/^[A-Z][A-Z_]*\.[A-Z][A-Z_]*$/);
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
      expect(meaning, code).toMatch(/^[A-Z`].*\.$/);
      expect(meaning.length, code).toBeLessThan(200);
    }
  });

  it('has no dead entries: every code is raised somewhere in src/', async () => {
    const used = await codeLiterals('src');
    const dead = codes.filter((code) => !used.has(code));
    expect(dead).toEqual([]);
  });

  it('catalogues every code-shaped string in src/ and test/', async () => {
    const found = new Map([...(await codeLiterals('src')), ...(await codeLiterals('test'))]);
    const unknown = [...found].filter(([code]) => !(code in errorCatalogue));
    expect(unknown).toEqual([]);
  });

  it('is published as docs/errors.md, up to date (npm run openapi writes it)', async () => {
    const reference = await readFile(ERROR_REFERENCE_FILE, 'utf8');
    expect(reference).toBe(renderErrorReference());
    for (const code of codes) {
      expect(reference).toContain(`| \`${code}\` | ${errorCatalogue[code].status} |`);
    }
  });

  it('takes the status of a thrown error from the catalogue, checked by the compiler', () => {
    expect(conflict('ORDER.INSUFFICIENT_CREDITS', 'none left')).toMatchObject({
      status: 409,
      code: 'ORDER.INSUFFICIENT_CREDITS',
    });
    const uncatalogued = ['ORDER', 'NO_SUCH_CODE'].join('.');
    // @ts-expect-error a code that is not catalogued does not compile
    expect(conflict(uncatalogued, 'x').code).toBe(uncatalogued);
    // @ts-expect-error ORDER.AMOUNT_MISMATCH is catalogued as 422, not 409
    expect(conflict('ORDER.AMOUNT_MISMATCH', 'x').status).toBe(409);
    // @ts-expect-error AUTH.FORBIDDEN is a 403, not a 404
    expect(new AppError(404, 'AUTH.FORBIDDEN', 'x').status).toBe(404);
    expect(forbidden('AUTH.FORBIDDEN', 'x').status).toBe(errorCatalogue['AUTH.FORBIDDEN'].status);
  });
});

/** The codes the error handler itself answers with, each with its catalogued status. */
describe('error handler codes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: { BODY_LIMIT_BYTES: '2048', VERIFY_RATE_LIMIT_PER_MINUTE: '1' },
      ready: false,
    });
    t.app.get('/test/explode', async () => {
      throw new Error('boom');
    });
    t.app.get('/test/client-error', async () => {
      throw Object.assign(new Error('aborted'), { statusCode: 400 });
    });
    t.app.get('/test/unavailable', async () => {
      throw Object.assign(new Error('pool closed'), { statusCode: 503 });
    });
    await t.app.ready();
  });
  afterAll(() => t?.close());

  function expectCatalogued(response: LightMyRequestResponse, code: ErrorCode) {
    expect(response.headers['content-type'], response.body).toMatch(/^application\/problem\+json/);
    expect(response.json(), response.body).toMatchObject({
      code,
      status: errorCatalogue[code].status,
    });
    expect(response.statusCode).toBe(errorCatalogue[code].status);
  }

  const login = '/v1/auth/login';
  const json = { 'content-type': 'application/json' };

  it('answers validation and body errors with their catalogued status', async () => {
    const inject = t.app.inject.bind(t.app);
    expectCatalogued(
      await inject({ method: 'POST', url: login, payload: { email: 1 } }),
      'VALIDATION.FAILED',
    );
    expectCatalogued(
      await inject({ method: 'POST', url: login, headers: json, payload: '{"email":' }),
      'REQUEST.MALFORMED',
    );
    expectCatalogued(
      await inject({ method: 'POST', url: login, headers: json, payload: '' }),
      'REQUEST.MALFORMED',
    );
    expectCatalogued(
      await inject({
        method: 'POST',
        url: login,
        payload: { email: 'a@b.example', password: 'x'.repeat(4096) },
      }),
      'REQUEST.BODY_TOO_LARGE',
    );
    expectCatalogued(
      await inject({
        method: 'POST',
        url: login,
        headers: { 'content-type': 'application/xml' },
        payload: '<login/>',
      }),
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    );
    // Any other client error of the HTTP layer, such as a body stream that breaks off.
    expectCatalogued(await inject({ method: 'GET', url: '/test/client-error' }), 'REQUEST.INVALID');
  });

  it('answers missing, invalid and expired access tokens with 401', async () => {
    expectCatalogued(await t.app.inject({ method: 'GET', url: '/v1/me' }), 'AUTH.REQUIRED');
    expectCatalogued(
      await t.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: 'Bearer a.b.c' },
      }),
      'AUTH.INVALID_TOKEN',
    );
    // Issued a day ago, so its lifetime (counted from iat) is over.
    const claims = {
      sub: randomUUID(),
      org: randomUUID(),
      gen: 0,
      typ: 'access' as const,
      iat: Math.floor(Date.now() / 1000) - 86_400,
    };
    const expired = t.app.jwt.sign(claims);
    expectCatalogued(
      await t.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: `Bearer ${expired}` },
      }),
      'AUTH.TOKEN_EXPIRED',
    );
  });

  it('answers unknown routes, rate limits and server errors with their catalogued status', async () => {
    expectCatalogued(await t.app.inject({ method: 'GET', url: '/v1/nowhere' }), 'ROUTE.NOT_FOUND');
    const verify = { method: 'GET', url: `/v1/verify/${'Z'.repeat(26)}` } as const;
    await t.app.inject({ ...verify, remoteAddress: '10.66.0.1' });
    expectCatalogued(
      await t.app.inject({ ...verify, remoteAddress: '10.66.0.1' }),
      'RATE_LIMIT.EXCEEDED',
    );
    expectCatalogued(await t.app.inject({ method: 'GET', url: '/test/explode' }), 'INTERNAL.ERROR');
    expectCatalogued(
      await t.app.inject({ method: 'GET', url: '/test/unavailable' }),
      'SERVICE.UNAVAILABLE',
    );
  });
});
