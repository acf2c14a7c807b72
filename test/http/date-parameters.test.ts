import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedDate, boundedDateTime } from '../../src/lib/dates.js';
import { type Person, TestContext, type SignedIn } from '../factory/index.js';

/**
 * Every date a client sends is bounded to 2000-01-01 … 2099-12-31 and refused otherwise
 * with 400 VALIDATION.FAILED; none answers 500 (`?to=9999-12-31` on the authority report
 * did: one day later is the year 10000). The query parameters are found in the API
 * document, so a report or export added later is fuzzed too.
 */

const BAD_DATES = [
  '9999-12-31',
  '2100-01-01',
  '1999-12-31',
  '0000-01-01',
  '0001-01-01',
  '+010000-01-01',
  '-000001-01-01',
  '10000-01-01',
  '99999-12-31',
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-1-1',
  '26-01-01',
  '2026/01/01',
  '20260101',
  '',
  ' ',
  'null',
  'today',
  '2026-01-01\u0000',
  '9'.repeat(300),
];
const BAD_DATE_TIMES = [
  ...BAD_DATES,
  '9999-12-31T23:59:59Z',
  '2100-01-01T00:00:00Z',
  '1999-12-31T23:59:59Z',
  '+010000-01-01T00:00:00Z',
  '2026-01-01T25:00:00Z',
  '2026-01-01',
];
const EDGE_DATES = ['2000-01-01', '2099-12-31'];
const EDGE_DATE_TIMES = ['2000-01-01T00:00:00Z', '2099-12-31T23:59:59Z'];

interface DateParameter {
  path: string;
  name: string;
  format: 'date' | 'date-time';
  required: string[];
}

/** GET operations of the document with a query parameter of format date or date-time. */
function dateParameters(document: Record<string, unknown>): DateParameter[] {
  const found: DateParameter[] = [];
  const paths = document['paths'] as Record<string, Record<string, unknown>>;
  for (const [path, operations] of Object.entries(paths)) {
    const get = operations['get'] as
      | { parameters?: { in: string; name: string; required?: boolean; schema?: unknown }[] }
      | undefined;
    const query = (get?.parameters ?? []).filter((p) => p.in === 'query');
    for (const parameter of query) {
      const format = (parameter.schema as { format?: string } | undefined)?.format;
      if (format !== 'date' && format !== 'date-time') continue;
      found.push({
        path,
        name: parameter.name,
        format,
        required: query.filter((p) => p.required && p.name !== parameter.name).map((p) => p.name),
      });
    }
  }
  return found;
}

const VALID_FOR: Record<string, string> = { from: '2026-01-01', to: '2026-01-31' };

let addressSequence = 0;
const nextAddress = () => `10.80.${Math.floor(++addressSequence / 250)}.${addressSequence % 250}`;

describe('date parameters', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let coordinator: Person;
  let parameters: DateParameter[];

  beforeAll(async () => {
    t = await TestContext.create();
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    parameters = dateParameters(t.app.swagger() as unknown as Record<string, unknown>);
  }, 120_000);
  afterAll(() => t.close());

  /** Who may read each report: so that a valid date gets all the way to the report. */
  function caller(path: string): SignedIn | undefined {
    if (path.startsWith('/v1/stats')) return undefined;
    if (path.startsWith('/v1/reports/authority')) return coordinator.as;
    if (path.startsWith('/v1/reports/supplier')) return supplier.as;
    return admin.as;
  }

  function call(parameter: DateParameter, value: string): Promise<LightMyRequestResponse> {
    const query = new URLSearchParams();
    for (const name of parameter.required) query.set(name, VALID_FOR[name] ?? '2026-01-15');
    query.set(parameter.name, value);
    const who = caller(parameter.path);
    return t.app.inject({
      method: 'GET',
      url: `${parameter.path}?${query.toString()}`,
      headers: who ? who.headers : {},
      remoteAddress: nextAddress(),
    });
  }

  it('finds the date parameters of every report and export in the document', () => {
    const names = parameters.map((p) => `${p.path}?${p.name}`);
    for (const expected of [
      '/v1/reports/authority?to',
      '/v1/reports/authority.csv?to',
      '/v1/reports/authority.xlsx?to',
      '/v1/reports/supplier.xlsx?from',
      '/v1/stats.csv?from',
      '/v1/audit?from',
      '/v1/funding/reconciliation?to',
    ])
      expect(names).toContain(expected);
  });

  it('refuses every out-of-range or malformed date with 400 VALIDATION.FAILED, never 500', async () => {
    const failures: string[] = [];
    for (const parameter of parameters) {
      for (const value of parameter.format === 'date' ? BAD_DATES : BAD_DATE_TIMES) {
        const response = await call(parameter, value);
        const code = (response.json() as { code?: string }).code;
        if (response.statusCode !== 400 || code !== 'VALIDATION.FAILED')
          failures.push(
            `${parameter.path}?${parameter.name}=${JSON.stringify(value)} → ${response.statusCode} ${code}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers the first and last day of the range (never 500)', async () => {
    for (const parameter of parameters) {
      for (const value of parameter.format === 'date' ? EDGE_DATES : EDGE_DATE_TIMES) {
        const response = await call(parameter, value);
        expect(response.statusCode, `${parameter.path}?${parameter.name}=${value}`).toBeLessThan(
          500,
        );
      }
    }
    for (const suffix of ['', '.csv', '.xlsx']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/v1/reports/authority${suffix}?to=2099-12-31`,
        headers: coordinator.as.headers,
      });
      expect(response.statusCode, `${suffix}: ${response.body.slice(0, 300)}`).toBe(200);
    }
  });

  it('answers 400 to ?to=9999-12-31 on the authority report and its .xlsx', async () => {
    for (const suffix of ['', '.xlsx']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/v1/reports/authority${suffix}?to=9999-12-31`,
        headers: coordinator.as.headers,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'VALIDATION.FAILED',
        errors: [{ path: 'querystring.to', message: 'must lie between 2000-01-01 and 2099-12-31' }],
      });
    }
  });

  it('bounds dates in bodies too (a contract’s term)', async () => {
    for (const field of ['startsOn', 'endsOn']) {
      for (const value of ['9999-12-31', '1999-12-31', '+010000-01-01']) {
        const body = t.contractBody(supplier.organisation.kvk_number, {
          startsOn: '2026-01-01',
          endsOn: '2027-01-01',
          [field]: value,
        });
        const response = await t.post(coordinator.as, '/v1/contracts', body);
        expect(response.statusCode, `${field}=${value}: ${response.body}`).toBe(400);
        expect(response.json()).toMatchObject({ code: 'VALIDATION.FAILED' });
      }
    }
    const edges = await t.post(
      coordinator.as,
      '/v1/contracts',
      t.contractBody(supplier.organisation.kvk_number, {
        startsOn: '2000-01-01',
        endsOn: '2099-12-31',
      }),
    );
    expect(edges.statusCode, edges.body).toBe(201);
  });

  it('the shared schemas: dates and date-times within 2000–2099 only', () => {
    const date = boundedDate();
    const dateTime = boundedDateTime();
    for (const value of EDGE_DATES) expect(date.safeParse(value).success, value).toBe(true);
    for (const value of BAD_DATES) expect(date.safeParse(value).success, value).toBe(false);
    for (const value of EDGE_DATE_TIMES)
      expect(dateTime.safeParse(value).success, value).toBe(true);
    expect(dateTime.safeParse('2050-06-01T12:00:00+02:00').success).toBe(true);
    for (const value of BAD_DATE_TIMES)
      expect(dateTime.safeParse(value).success, value).toBe(false);
  });
});
