import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOpenApiTypes, OPENAPI_FILE } from '../../src/cli/openapi.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, signIn } from '../helpers/fixtures.js';

/**
 * The conventions of docs/api-contract.md, enforced over the whole checked-in document (and,
 * where the document alone cannot tell, over the running app): a new route that breaks one
 * fails here, whoever writes it.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Header {
  $ref?: string;
  required?: boolean;
  schema?: Schema;
}
interface Response {
  content?: Record<string, { schema?: Schema }>;
  headers?: Record<string, Header>;
}
interface Operation {
  operationId: string;
  description?: string;
  parameters?: { in: string; name: string }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; headers?: Record<string, Header> };
}

/**
 * POSTs to something other than a collection that answer 201 because they create a record
 * that did not exist and can be made once (docs/api-contract.md, "Status codes"). A new one
 * belongs here only after that question has been asked.
 */
/** Actions answered before their work is done, so that the answer tells nothing. */
const ACCEPTED_FOR_LATER = ['requestPasswordReset'];
const CREATING_ACTIONS = [
  'acceptInvitation', // the user the invitation becomes
  'assignPanel', // the plan's review and its panel
  'submitReviewScores', // a reviewer's scores
  'recordReviewConsensus', // the panel's consensus
  'confirmAward', // the award
];

describe('API conventions over the whole document', () => {
  let document: Document;
  let all: { method: string; path: string; operation: Operation }[];

  beforeAll(async () => {
    document = JSON.parse(await readFile(OPENAPI_FILE, 'utf8')) as Document;
    all = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        method,
        path,
        operation: item[method]!,
      })),
    );
  });

  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref
      ? resolve(document.components.schemas[schema.$ref.replace('#/components/schemas/', '')])
      : schema;
  const header = (response: Response, name: string): Header | undefined => {
    const found = response.headers?.[name];
    return found?.$ref
      ? document.components.headers?.[found.$ref.replace('#/components/headers/', '')]
      : found;
  };
  const where = (entry: { method: string; path: string; operation: Operation }) =>
    `${entry.method.toUpperCase()} ${entry.path} (${entry.operation.operationId})`;

  it('documents 413 and 415 on every operation that reads a body', () => {
    const withBody = all.filter(({ method }) => ['post', 'put', 'patch'].includes(method));
    expect(withBody.length).toBeGreaterThan(40);
    for (const entry of withBody) {
      for (const status of ['413', '415']) {
        expect(
          entry.operation.responses[status]?.content?.['application/problem+json'],
          `${where(entry)} ${status}`,
        ).toBeDefined();
      }
    }
  });

  it('documents X-Request-Id on every response, and Retry-After on every 429 and 503', () => {
    for (const entry of all) {
      for (const [status, response] of Object.entries(entry.operation.responses)) {
        expect(header(response, 'X-Request-Id')?.required, `${where(entry)} ${status}`).toBe(true);
        if (status === '429' || status === '503')
          expect(header(response, 'Retry-After')?.required, `${where(entry)} ${status}`).toBe(true);
      }
    }
  });

  it('documents the rate-limit headers on every response of a rate-limited operation, and names its limit', () => {
    const limited = all.filter(({ operation }) =>
      Object.values(operation.responses).some((r) => r.headers?.['X-RateLimit-Limit']),
    );
    expect(limited.map(({ operation }) => operation.operationId)).toEqual(
      expect.arrayContaining([
        'login',
        'listProjects',
        'verifyCertificateCode',
        'viewVerificationPage',
      ]),
    );
    for (const entry of limited) {
      expect(entry.operation.description, where(entry)).toMatch(
        /Rate limit: \d+ requests per [a-z0-9 ]+ per client address/,
      );
      expect(Object.keys(entry.operation.responses), where(entry)).toContain('429');
      for (const [status, response] of Object.entries(entry.operation.responses))
        for (const name of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'])
          expect(header(response, name)?.required, `${where(entry)} ${status} ${name}`).toBe(true);
    }
  });

  it('documents Idempotent-Replayed on the successes of operations that take an Idempotency-Key', () => {
    const idempotent = all.filter(({ operation }) =>
      (operation.parameters ?? []).some((p) => p.in === 'header' && p.name === 'idempotency-key'),
    );
    expect(idempotent.map(({ operation }) => operation.operationId).sort()).toEqual([
      'createClaim',
      'createOrder',
      'createPurchase',
    ]);
    for (const entry of idempotent)
      for (const [status, response] of Object.entries(entry.operation.responses))
        if (status.startsWith('2'))
          expect(header(response, 'Idempotent-Replayed'), where(entry)).toBeDefined();
  });

  it('documents X-Content-SHA256 on every PDF download', () => {
    const pdfs = all.filter(
      ({ operation }) => operation.responses['200']?.content?.['application/pdf'],
    );
    expect(pdfs.length).toBe(5);
    for (const entry of pdfs)
      expect(header(entry.operation.responses['200']!, 'X-Content-SHA256')?.required).toBe(true);
  });

  it('shapes every list as {items, nextCursor}, nextCursor a string or null', () => {
    let lists = 0;
    for (const entry of all) {
      const schema = resolve(
        entry.operation.responses['200']?.content?.['application/json']?.schema,
      );
      if (!schema?.properties?.items || resolve(schema.properties.items)?.type !== 'array')
        continue;
      lists++;
      expect(schema.required, where(entry)).toEqual(
        expect.arrayContaining(['items', 'nextCursor']),
      );
      const nextCursor = resolve(schema.properties.nextCursor);
      const types = nextCursor?.anyOf?.map((s) => s.type) ?? [nextCursor?.type].flat();
      expect(types.sort(), where(entry)).toEqual(['null', 'string']);
    }
    expect(lists).toBeGreaterThanOrEqual(18);
  });

  it('marks a JSON body optional exactly when `{}` would do, and types other bodies as binary', () => {
    for (const entry of all) {
      const body = entry.operation.requestBody;
      if (!body) continue;
      const json = body.content['application/json'];
      if (!json) {
        for (const [mediaType, { schema }] of Object.entries(body.content))
          expect(schema?.format, `${where(entry)} ${mediaType}`).toBe('binary');
        continue;
      }
      const schema = resolve(json.schema);
      const needsFields =
        (schema?.required?.length ?? 0) > 0 ||
        (schema?.oneOf ?? schema?.anyOf ?? schema?.allOf) !== undefined;
      // A body with required fields is required; one without may still be (a refinement such
      // as "name at least one field", which the document cannot show): run time tells below.
      if (needsFields) expect(body.required, where(entry)).toBe(true);
      if (json.schema?.$ref === '#/components/schemas/EmptyBodyInput')
        expect(body.required, where(entry)).toBe(false);
    }
  });

  it('answers 201 for creation and 200 for actions', () => {
    for (const entry of all) {
      const successes = Object.keys(entry.operation.responses).filter((s) => s.startsWith('2'));
      expect(successes.length, where(entry)).toBe(1);
      const [status] = successes;
      if (entry.method !== 'post') {
        expect(status, where(entry)).toBe('200');
        continue;
      }
      // A POST to a collection (a path that lists with GET) creates one of its members.
      const collection = document.paths[entry.path]?.get !== undefined;
      const creates = collection || CREATING_ACTIONS.includes(entry.operation.operationId);
      if (creates) expect(status, where(entry)).toBe('201');
      // 202: the work is done by a job, so the answer cannot depend on it (password reset).
      else if (ACCEPTED_FOR_LATER.includes(entry.operation.operationId))
        expect(status, where(entry)).toBe('202');
      else expect(['200', '204'], where(entry)).toContain(status);
    }
  });

  it('sends and documents CSV as text/csv; charset=utf-8, and no other text/csv', () => {
    let csv = 0;
    for (const entry of all) {
      for (const mediaType of Object.keys(entry.operation.responses['200']?.content ?? {})) {
        if (!mediaType.startsWith('text/csv')) continue;
        csv++;
        expect(mediaType, where(entry)).toBe('text/csv; charset=utf-8');
      }
    }
    expect(csv).toBe(6);
  });

  it('generates client types where inputs with a default are optional and binary bodies are Blobs', async () => {
    const types = await generateOpenApiTypes(await readFile(OPENAPI_FILE, 'utf8'));
    // SubmitReviewScoresInput.ineligibleBudgetLineIds has `default: []`.
    const scores = types.slice(types.indexOf('SubmitReviewScoresInput: {'));
    expect(scores.slice(0, scores.indexOf('\n        };'))).toContain(
      'ineligibleBudgetLineIds?: string[];',
    );
    // The PDF upload: required, and a Blob.
    expect(types).toMatch(/requestBody: \{\s*content: \{\s*"application\/pdf": Blob;/);
    expect(types).not.toMatch(/"application\/pdf": string/);
  });
});

const BODY_OPTIONAL_FOR_BROWSER_SESSIONS_ONLY = new Set(['/v1/auth/refresh', '/v1/auth/logout']);

describe('API conventions at run time', () => {
  let t: TestApp;
  let admin: { authorization: string };
  let document: Document;

  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: 'https://app.impactbeurs.test' } });
    const platform = await createOrganisation(t.db, 'platform', { kvkNumber: null });
    admin = (await signIn(t.app, await createUser(t.db, platform, 'admin'))).headers;
    document = JSON.parse(await readFile(OPENAPI_FILE, 'utf8')) as Document;
  }, 60_000);
  afterAll(async () => t?.close());

  it('accepts no body and `{}` alike wherever the body is optional', async () => {
    const ANY_ID = '00000000-0000-4000-8000-000000000000';
    let checked = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of ['post', 'put', 'patch'] as const) {
        const body = item[method]?.requestBody;
        if (!body || body.required !== false) continue;
        // Their body is optional only for the web app, whose refresh token is in a cookie;
        // an API client must send it (test/auth/browser-session.test.ts holds both sides).
        if (BODY_OPTIONAL_FOR_BROWSER_SESSIONS_ONLY.has(path)) continue;
        checked++;
        const url = path.replace(/\{[^}]+\}/g, ANY_ID);
        const upper = method.toUpperCase() as 'POST';
        const none = await t.app.inject({ method: upper, url, headers: admin });
        const empty = await t.app.inject({ method: upper, url, headers: admin, payload: {} });
        // Both reach the handler (which finds nothing): neither is refused by validation.
        for (const response of [none, empty]) {
          expect(response.statusCode, `${method} ${path}: ${response.body}`).not.toBe(400);
          expect(response.statusCode, `${method} ${path}: ${response.body}`).toBeLessThan(500);
        }
        expect(none.statusCode, `${method} ${path}`).toBe(empty.statusCode);
      }
    }
    expect(checked).toBeGreaterThan(10);
  }, 60_000);

  it('refuses a body that is not JSON with 415 and a body over the limit with 413', async () => {
    const xml = await t.app.inject({
      method: 'POST',
      url: '/v1/plans',
      headers: { ...admin, 'content-type': 'application/xml' },
      payload: '<plan/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    const large = await t.app.inject({
      method: 'POST',
      url: '/v1/plans',
      headers: admin,
      payload: { title: 'x'.repeat(t.config.bodyLimitBytes + 1) },
    });
    expect(large.statusCode).toBe(413);
    expect(large.json().code).toBe('REQUEST.BODY_TOO_LARGE');
  });

  it('lets a browser read every documented response header (CORS)', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/projects',
      headers: { origin: 'https://app.impactbeurs.test' },
    });
    const exposed = (response.headers['access-control-expose-headers'] as string)
      .split(',')
      .map((name) => name.trim().toLowerCase());
    const documented = Object.keys(document.components.headers ?? {}).filter(
      (name) => !name.startsWith('Retry-After-'),
    );
    expect(documented.length).toBe(8);
    for (const name of documented) expect(exposed, name).toContain(name.toLowerCase());
  });
});
