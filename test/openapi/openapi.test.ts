import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOpenApi, OPENAPI_FILE } from '../../src/cli/openapi.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** Operations that must be callable without a token (there may be more, such as the public catalogue). */
const PUBLIC_OPERATIONS = [
  'login',
  'refreshTokens',
  'logout',
  'acceptInvitation',
  'live',
  'ready',
  'getProjectFunding',
];

interface Response {
  description?: string;
  content?: Record<string, { schema?: unknown }>;
}
interface Operation {
  operationId?: string;
  security?: unknown[];
  responses?: Record<string, Response>;
}
interface Document {
  openapi: string;
  security?: unknown[];
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, unknown> };
}

function operations(document: Document): { method: string; path: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      method,
      path,
      operation: item[method]!,
    })),
  );
}

describe('OpenAPI document', () => {
  let checkedIn: string;
  let document: Document;
  let t: TestApp;

  beforeAll(async () => {
    checkedIn = await readFile(OPENAPI_FILE, 'utf8');
    document = JSON.parse(checkedIn) as Document;
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('is up to date with the route schemas (npm run openapi:check)', async () => {
    expect(await generateOpenApi()).toBe(checkedIn);
  });

  it('is what the running API serves at /openapi.json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(document);
  });

  it('is OpenAPI 3.1 with bearer authentication as the default', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(document.components?.securitySchemes?.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('gives every operation a unique operationId', () => {
    const all = operations(document);
    expect(all.length).toBeGreaterThan(10);
    const ids = all.map(({ operation }) => operation.operationId);
    for (const [index, id] of ids.entries()) {
      expect(id, `${all[index]!.method} ${all[index]!.path}`).toMatch(/^[a-z][A-Za-z0-9]+$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents a success response with a schema (or 204) for every operation', () => {
    for (const { method, path, operation } of operations(document)) {
      const where = `${method} ${path}`;
      const successes = Object.entries(operation.responses ?? {}).filter(([status]) =>
        /^2\d\d$/.test(status),
      );
      expect(successes.length, where).toBeGreaterThan(0);
      for (const [status, response] of successes) {
        if (status === '204') continue;
        // JSON, or a declared document (certificate and invoice PDFs, CSV and XLSX exports).
        const schema =
          response.content?.['application/json']?.schema ??
          response.content?.['application/pdf']?.schema ??
          response.content?.['text/csv; charset=utf-8']?.schema ??
          response.content?.['text/html; charset=utf-8']?.schema ??
          response.content?.['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']
            ?.schema;
        expect(schema, `${where} ${status}`).toBeDefined();
      }
    }
  });

  it('documents 400 and 500 as problem+json for every operation, and every other error too', () => {
    for (const { method, path, operation } of operations(document)) {
      const where = `${method} ${path}`;
      const responses = operation.responses ?? {};
      expect(Object.keys(responses), where).toEqual(expect.arrayContaining(['400', '500']));
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]\d\d$/.test(status)) continue;
        // The verification page is for people: an unknown code is a page of its own.
        if (operation.operationId === 'viewVerificationPage' && status === '404') continue;
        expect(Object.keys(response.content ?? {}), `${where} ${status}`).toEqual([
          'application/problem+json',
        ]);
        expect(response.content!['application/problem+json']!.schema, `${where} ${status}`).toEqual(
          {
            $ref: '#/components/schemas/Problem',
          },
        );
      }
    }
  });

  it('marks the public operations with security: [] and leaves the others to bearerAuth', () => {
    const all = operations(document);
    const byId = new Map(all.map((entry) => [entry.operation.operationId, entry.operation]));
    for (const id of PUBLIC_OPERATIONS) {
      expect(byId.get(id)?.security, id).toEqual([]);
    }
    for (const { method, path, operation } of all) {
      const where = `${method} ${path} (${operation.operationId})`;
      if (operation.security === undefined) {
        // No override: the document-wide bearerAuth applies, and a 401 is documented.
        expect(Object.keys(operation.responses ?? {}), where).toContain('401');
      } else {
        // The only override allowed is "no authentication at all".
        expect(operation.security, where).toEqual([]);
      }
    }
  });

  it('says truthfully which operations need a token: the others answer without one', async () => {
    const ANY_ID = '00000000-0000-4000-8000-000000000000';
    for (const { method, path, operation } of operations(document)) {
      const where = `${method} ${path} (${operation.operationId})`;
      const response = await t.app.inject({
        method: method.toUpperCase() as 'GET',
        url: path.replace(/\{[^}]+\}/g, ANY_ID),
        ...(['post', 'put', 'patch'].includes(method) ? { payload: {} } : {}),
        remoteAddress: `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      });
      if (operation.security === undefined) {
        expect(response.statusCode, `${where}: ${response.body}`).toBe(401);
        expect(response.json().code, where).toBe('AUTH.REQUIRED');
      } else {
        expect(response.statusCode, `${where}: ${response.body}`).not.toBe(401);
        expect(response.statusCode, `${where}: ${response.body}`).toBeLessThan(500);
      }
    }
  });

  it('passes Redocly lint with the recommended rules, without warnings', async () => {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        'node_modules/.bin/redocly',
        ['lint', 'openapi/openapi.json', '--extends', 'recommended'],
        {
          cwd: ROOT,
          timeout: 60_000,
          env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off' },
        },
        (error, stdout, stderr) => {
          const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code: exitCode, output: `${stdout}\n${stderr}` });
        },
      );
    });
    expect(code, output).toBe(0);
    expect(output).toContain('Your API description is valid');
    expect(output, output).not.toMatch(/You have \d+ warnings?/);
    expect(output, output).not.toMatch(/(Warning|Error) was generated by/);
  }, 60_000);
});
