import { createHash } from 'node:crypto';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from '../../openapi/api.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/seed.js';
import { DEMO_CLAIMS_PROJECT } from '../../src/seed/demo-obligations.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { contractViolations, type SeenResponse } from './openapi-validator.js';

/**
 * The contract test: a client generated from the checked-in document (openapi-typescript's
 * types in openapi/api.d.ts, called through openapi-fetch) walks the demo from sign-in to an
 * approved claim, and every response — status, documented headers, media type and body — is
 * checked against the document with Ajv (openapi-validator.ts). The requests go through
 * `app.inject`, so nothing listens; everything else is the real application and database.
 */
describe('the API as its OpenAPI document describes it (demo walk with a generated client)', () => {
  let t: TestApp;
  const seen: SeenResponse[] = [];
  let addressCounter = 0;

  /** A client for one caller, on its own client address (each address has its own rate limits). */
  function clientFor(token?: string): Client<paths> {
    const remoteAddress = `10.88.0.${++addressCounter}`;
    const client = createClient<paths>({
      baseUrl: 'http://impactbeurs.test',
      fetch: async (request: Request) => {
        const url = new URL(request.url);
        const payload = Buffer.from(await request.arrayBuffer());
        const response = await t.app.inject({
          method: request.method as 'GET',
          url: url.pathname + url.search,
          headers: Object.fromEntries(request.headers.entries()),
          ...(payload.length > 0 ? { payload } : {}),
          remoteAddress,
        });
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value === undefined) continue;
          for (const one of Array.isArray(value) ? value : [value])
            headers.append(name, String(one));
        }
        return new Response(response.statusCode === 204 ? null : response.rawPayload, {
          status: response.statusCode,
          headers,
        });
      },
    });
    const validate: Middleware = {
      async onRequest({ request }) {
        if (token) request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
      async onResponse({ request, response, schemaPath }) {
        const seenResponse: SeenResponse = {
          method: request.method,
          path: schemaPath,
          status: response.status,
          headers: response.headers,
          body: new Uint8Array(await response.clone().arrayBuffer()),
        };
        seen.push(seenResponse);
        const violations = contractViolations(seenResponse);
        if (violations.length > 0) throw new Error(violations.join('\n'));
        return response;
      },
    };
    client.use(validate);
    return client;
  }

  async function signIn(email: string): Promise<Client<paths>> {
    const { data, response } = await clientFor().POST('/v1/auth/login', {
      body: { email, password: DEMO_PASSWORD },
    });
    expect(response.status).toBe(200);
    return clientFor(data!.accessToken);
  }

  let supplier: Client<paths>;
  let coordinator: Client<paths>;
  let admin: Client<paths>;
  let anyone: Client<paths>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db, t.config, t.clock);
    anyone = clientFor();
    supplier = await signIn('leverancier@devries.example');
    coordinator = await signIn('coordinator@rotterdam.example');
    admin = await signIn('admin@impactbeurs.example');
  }, 120_000);
  afterAll(async () => t?.close());

  let orderId: string;
  let certificateId: string;
  let verificationCode: string;

  it('browses the catalogue and buys credits by invoice, replayed by its Idempotency-Key', async () => {
    expect((await anyone.GET('/health/live')).response.status).toBe(200);
    const me = await supplier.GET('/v1/me');
    expect(me.data!.organisation.kind).toBe('supplier');

    const catalogue = await anyone.GET('/v1/projects', { params: { query: { limit: 50 } } });
    expect(catalogue.data!.nextCursor === null || typeof catalogue.data!.nextCursor).toBeTruthy();
    const project = catalogue.data!.items.find((p) => p.title === DEMO_CLAIMS_PROJECT)!;
    expect(
      (await anyone.GET('/v1/projects/{id}', { params: { path: { id: project.id } } })).data,
    ).toMatchObject({ id: project.id });

    const order = {
      params: { header: { 'idempotency-key': 'contract-walk-order' } },
      body: { projectId: project.id, quantity: 5, paymentMethod: 'invoice' as const },
    };
    const first = await supplier.POST('/v1/orders', order);
    expect(first.response.status).toBe(201);
    expect(first.response.headers.get('idempotent-replayed')).toBeNull();
    const again = await supplier.POST('/v1/orders', order);
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data!.id).toBe(first.data!.id);
    orderId = first.data!.id;

    const paid = await admin.POST('/v1/orders/{id}/mark-paid', {
      params: { path: { id: orderId } },
      body: { amountCents: first.data!.amountCents, bankReference: 'NL-CONTRACT-1' },
    });
    expect(paid.response.status).toBe(200);
    certificateId = paid.data!.certificate!.id;
  });

  it('fetches the certificate and its PDF, and verifies it by code, page and upload', async () => {
    const list = await supplier.GET('/v1/certificates');
    expect(list.data!.items.some((c) => c.id === certificateId)).toBe(true);
    const certificate = await supplier.GET('/v1/certificates/{id}', {
      params: { path: { id: certificateId } },
    });
    verificationCode = certificate.data!.verificationCode;

    const pdf = await supplier.GET('/v1/certificates/{id}/pdf', {
      params: { path: { id: certificateId } },
      parseAs: 'arrayBuffer',
    });
    const bytes = Buffer.from(pdf.data as unknown as ArrayBuffer);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.response.headers.get('x-content-sha256')).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    );

    const byCode = await anyone.GET('/v1/verify/{code}', {
      params: { path: { code: verificationCode } },
    });
    expect(byCode.data).toMatchObject({ genuine: true, status: 'active' });

    const page = await anyone.GET('/verify/{code}', {
      params: { path: { code: verificationCode } },
      parseAs: 'text',
    });
    expect(page.response.status).toBe(200);
    expect(page.data).toContain('<html');
    const unknown = await anyone.GET('/verify/{code}', {
      params: { path: { code: 'NO-SUCH-CODE' } },
      parseAs: 'text',
    });
    expect(unknown.response.status).toBe(404);

    // The upload is typed as binary (a Blob) and sent as it is.
    const upload = await anyone.POST('/v1/verify/pdf', {
      body: new Blob([bytes], { type: 'application/pdf' }),
      bodySerializer: (body) => body,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(upload.data).toMatchObject({ genuine: true });
  });

  it('registers a contract as the authority, claims toward it and approves without a body', async () => {
    const contract = await coordinator.POST('/v1/contracts', {
      // valuation and percentageBp have defaults: the generated types let them be left out.
      body: {
        supplier: { kvkNumber: '70000002' },
        reference: 'RTD-CONTRACT-TEST',
        title: 'Contracttest onderhoud',
        valueCents: 10_000_000,
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        obligation: { basis: 'contract_value' },
      },
    });
    expect(contract.response.status).toBe(201);
    const contractId = contract.data!.id;

    const wallet = await supplier.GET('/v1/obligations');
    expect(wallet.data!.nextCursor).toBeNull();
    expect(wallet.data!.items.some((o) => o.contractId === contractId)).toBe(true);

    const claim = await supplier.POST('/v1/claims', {
      params: { header: { 'idempotency-key': 'contract-walk-claim' } },
      body: { certificateId, contractId, credits: 5 },
    });
    expect(claim.response.status).toBe(201);

    // No body at all (openapi-fetch then sends no Content-Type): the body is optional.
    const approved = await coordinator.POST('/v1/claims/{id}/approve', {
      params: { path: { id: claim.data!.id } },
    });
    expect(approved.response.status).toBe(200);
    expect(approved.data!.status).toBe('approved');

    const claims = await coordinator.GET('/v1/claims');
    expect(claims.data!.items.some((c) => c.id === claim.data!.id)).toBe(true);
    const csv = await coordinator.GET('/v1/claims/export', {
      params: { query: { format: 'csv' } },
      parseAs: 'text',
    });
    expect(csv.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');

    const verification = await anyone.GET('/v1/verify/{code}', {
      params: { path: { code: verificationCode } },
    });
    expect(verification.data!.countedToward).toEqual(
      expect.arrayContaining([expect.objectContaining({ contractReference: 'RTD-CONTRACT-TEST' })]),
    );
  });

  it('answers public exports, oversized and unsupported bodies and rate limits as documented', async () => {
    const stats = await anyone.GET('/v1/stats.csv', { parseAs: 'text' });
    expect(stats.response.status).toBe(200);

    const tooLarge = await admin.POST('/v1/plans', {
      body: { title: 'x'.repeat(2 * 1024 * 1024) } as never,
    });
    expect(tooLarge.response.status).toBe(413);
    expect((tooLarge.error as { code: string }).code).toBe('REQUEST.BODY_TOO_LARGE');

    const xml = await coordinator.POST('/v1/contracts/{id}/close', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
      body: '<close/>' as never,
      bodySerializer: (body) => body as unknown as string,
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.response.status).toBe(415);

    // Every sign-in attempt counts toward the address limit (20 a minute), successful or not.
    const stranger = clientFor();
    let last: Response | undefined;
    for (let attempt = 0; attempt < 21; attempt++) {
      last = (
        await stranger.POST('/v1/auth/login', {
          body: { email: 'leverancier@devries.example', password: DEMO_PASSWORD },
        })
      ).response;
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 60_000);

  it('saw only documented responses, each with its request id', () => {
    expect(seen.length).toBeGreaterThan(30);
    for (const response of seen) expect(response.headers.get('x-request-id')).toBeTruthy();
  });
});
