import { createHash, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDisputeToCertificate } from '../../src/modules/payments/disputes.js';
import { TEST_SIGNING_JWK } from '../helpers/app.js';
import { readPdf } from './pdf-reader.js';
import {
  expectProblem,
  expectStatus,
  type Person,
  TestContext,
  type OrderJson,
  type OrdersApi,
} from '../factory/index.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('certificates through the API', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let coordinator: Person;
  let api: OrdersApi;
  let orderOfA: OrderJson;
  let orderOfB: OrderJson;
  let certificateId: string;
  let code: string;

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const verifyPdf = (payload: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/verify/pdf',
      headers: { 'content-type': 'application/pdf' },
      payload,
    });
  const verifyJws = (jws: string) =>
    t.app.inject({ method: 'POST', url: '/v1/verify/jws', payload: { jws } });

  async function paidOrder(who: Person, projectId: string, quantity: number): Promise<OrderJson> {
    const order = await api.place(who.as, { projectId, quantity, paymentMethod: 'invoice' });
    const paid = await api.markPaid(admin.as, order.id, order.amountCents);
    expectStatus(paid, 200);
    return paid.json<OrderJson>();
  }

  beforeAll(async () => {
    t = await TestContext.create({ env: { MAX_RESERVED_SHARE_PERCENT: '100' } });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    api = t.orders;
    const projectId = (await t.newListedProject({ credits: 40, title: 'Groen Doet Goed' })).id;
    orderOfA = await paidOrder(supplier, projectId, 12);
    orderOfB = await paidOrder(otherSupplier, projectId, 3);
    certificateId = orderOfA.certificate!.id;
    const read = await get(`/v1/certificates/${certificateId}`, supplier.as.headers);
    expectStatus(read, 200);
    code = read.json().verificationCode;
  }, 120_000);
  afterAll(async () => t?.close());

  it('lists and reads the supplier’s own certificates only', async () => {
    const list = await get('/v1/certificates', supplier.as.headers);
    expectStatus(list, 200);
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([certificateId]);
    const read = await get(`/v1/certificates/${certificateId}`, supplier.as.headers);
    expect(read.json()).toMatchObject({
      number: orderOfA.certificate!.number,
      status: 'active',
      credits: 12,
      verificationUrl: `http://impactbeurs.test/verify/${code}`,
      project: { title: 'Groen Doet Goed' },
    });
    const all = await get('/v1/certificates', admin.as.headers);
    expect(all.json().items).toHaveLength(2);
    expectProblem(
      await get(
        `/v1/certificates?organisationId=${otherSupplier.organisation.id}`,
        supplier.as.headers,
      ),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(await get('/v1/certificates'), 401, 'AUTH.REQUIRED');
  });

  it('serves the same PDF bytes on every download, records their SHA-256, and verifies an upload of them', async () => {
    const first = await get(`/v1/certificates/${certificateId}/pdf`, supplier.as.headers);
    expectStatus(first, 200);
    expect(first.headers['content-type']).toBe('application/pdf');
    const bytes = first.rawPayload;
    t.clock.advance(60_000);
    const second = await get(`/v1/certificates/${certificateId}/pdf`, supplier.as.headers);
    expect(second.rawPayload.equals(bytes)).toBe(true);
    expect(first.headers['x-content-sha256']).toBe(sha256(bytes));
    const stored = await t.db
      .selectFrom('certificate_documents')
      .select(['sha256', 'lang'])
      .where('certificate_id', '=', certificateId)
      .execute();
    expect(stored).toEqual([{ sha256: sha256(bytes), lang: 'nl' }]);

    const text = (await readPdf(bytes)).flat;
    expect(text).toContain(orderOfA.certificate!.number);
    expect(text).toContain(code);

    const english = await get(`/v1/certificates/${certificateId}/pdf?lang=en`, supplier.as.headers);
    expectStatus(english, 200);
    expect(english.rawPayload.equals(bytes)).toBe(false);

    const genuine = await verifyPdf(bytes);
    expectStatus(genuine, 200);
    expect(genuine.json()).toMatchObject({
      genuine: true,
      status: 'active',
      valid: true,
      number: orderOfA.certificate!.number,
    });
    expect((await verifyPdf(english.rawPayload)).json()).toMatchObject({ genuine: true });

    const tampered = Buffer.from(bytes);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = tampered[middle]! ^ 0x01;
    const forged = await verifyPdf(tampered);
    expectStatus(forged, 200);
    expect(forged.json()).toEqual({ genuine: false, message: expect.any(String) });

    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/v1/verify/pdf',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(wrongType.statusCode).toBe(415);
  });

  it('issues a JWS that verifies, and refuses a changed payload or an unknown key', async () => {
    const response = await get(`/v1/certificates/${certificateId}/jws`, supplier.as.headers);
    expectStatus(response, 200);
    const { jws, kid } = response.json<{ jws: string; kid: string }>();
    expect(kid).toBe(TEST_SIGNING_JWK.kid);
    const valid = await verifyJws(jws);
    expectStatus(valid, 200);
    expect(valid.json()).toMatchObject({
      valid: true,
      kid,
      certificate: { status: 'active', number: orderOfA.certificate!.number },
    });

    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const facts = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const inflated = Buffer.from(
      JSON.stringify({ ...facts, credits: facts.credits * 10 }),
    ).toString('base64url');
    expect((await verifyJws(`${header}.${inflated}.${signature}`)).json()).toMatchObject({
      valid: false,
      reason: 'bad_signature',
      certificate: null,
    });
    const otherKid = Buffer.from(
      JSON.stringify({ alg: 'EdDSA', kid: 'nobody', typ: 'ib-certificate+jws' }),
    ).toString('base64url');
    expect((await verifyJws(`${otherKid}.${payload}.${signature}`)).json()).toMatchObject({
      valid: false,
      reason: 'unknown_kid',
    });
    expect((await verifyJws('not a jws')).json()).toMatchObject({
      valid: false,
      reason: 'malformed',
    });

    const jwks = await get('/.well-known/jwks.json');
    expectStatus(jwks, 200);
    expect(jwks.json()).toEqual({
      keys: [{ kty: 'OKP', crv: 'Ed25519', x: TEST_SIGNING_JWK.x, kid, alg: 'EdDSA', use: 'sig' }],
    });
    expect(jwks.body).not.toContain('"d"');
  });

  it('verifies a code publicly without personal data; unknown and malformed codes answer 404', async () => {
    const response = await get(`/v1/verify/${code}`);
    expectStatus(response, 200);
    expect(response.json()).toMatchObject({
      genuine: true,
      status: 'active',
      supplier: { name: supplier.organisation.name },
      credits: 12,
      serialStart: orderOfA.certificate!.serialStart,
      serialEnd: orderOfA.certificate!.serialEnd,
      valueCents: orderOfA.amountCents,
    });
    const users = await t.db.selectFrom('users').select(['name', 'email']).execute();
    const page = await get(`/verify/${code}`);
    const jws = (await get(`/v1/certificates/${certificateId}/jws`, supplier.as.headers)).json()
      .jws;
    const bodies = [response.body, page.body, (await verifyJws(jws)).body];
    for (const body of bodies) {
      for (const user of users) {
        expect(body).not.toContain(user.email);
        expect(body).not.toContain(user.name);
      }
    }
    expectProblem(await get(`/v1/verify/${'A'.repeat(27)}`), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await get('/v1/verify/short'), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(
      await get(`/v1/verify/${encodeURIComponent("x' OR 1=1 --")}`),
      404,
      'RESOURCE.NOT_FOUND',
    );
  });

  it('shows the verification page with a banner in Dutch and in English', async () => {
    const dutch = await get(`/verify/${code}`);
    expectStatus(dutch, 200);
    expect(dutch.headers['content-type']).toMatch(/^text\/html/);
    expect(dutch.body).toContain('<html lang="nl">');
    expect(dutch.body).toContain('Geldig certificaat');
    expect(dutch.body).toContain(`href="/verify/${code}?lang=en"`);
    expect(dutch.body).not.toContain('<script');
    const english = await get(`/verify/${code}?lang=en`);
    expect(english.body).toContain('Valid certificate');
    expect(english.body).toContain('<html lang="en">');
    const unknown = await get(`/verify/${'B'.repeat(27)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Onbekend certificaat');
  });

  it('hides another organisation’s certificate and invoice (404)', async () => {
    const ofB = orderOfB.certificate!.id;
    for (const url of [
      `/v1/certificates/${ofB}`,
      `/v1/certificates/${ofB}/pdf`,
      `/v1/certificates/${ofB}/jws`,
      `/v1/orders/${orderOfB.id}/invoice.pdf`,
    ]) {
      expectProblem(await get(url, supplier.as.headers), 404, 'RESOURCE.NOT_FOUND');
      expectProblem(await get(url, coordinator.as.headers), 404, 'RESOURCE.NOT_FOUND');
    }
    expectProblem(
      await get(`/v1/certificates/${randomUUID()}`, supplier.as.headers),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expectStatus(await get(`/v1/certificates/${ofB}/pdf`, admin.as.headers), 200);
  });

  it('serves a paid order’s invoice PDF, the same bytes each time', async () => {
    const first = await get(`/v1/orders/${orderOfA.id}/invoice.pdf`, supplier.as.headers);
    expectStatus(first, 200);
    expect(first.headers['content-type']).toBe('application/pdf');
    const second = await get(`/v1/orders/${orderOfA.id}/invoice.pdf`, supplier.as.headers);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    const text = (await readPdf(first.rawPayload)).flat;
    expect(text).toContain(orderOfA.invoiceNumber!);
    const unpaid = await api.place(supplier.as, {
      projectId: orderOfA.project.id,
      quantity: 1,
      paymentMethod: 'invoice',
    });
    // An invoice order's invoice is there from its placement, to pay from.
    expectStatus(await get(`/v1/orders/${unpaid.id}/invoice.pdf`, supplier.as.headers), 200);
  });

  it('follows disputes: suspended while open, reinstated when won, revoked when lost', async () => {
    const ofB = orderOfB.certificate!.id;
    const status = async () =>
      (
        await get(
          `/v1/verify/${(await get(`/v1/certificates/${ofB}`, admin.as.headers)).json().verificationCode}`,
        )
      ).json().status;
    const dispute = (state: string, closedAt: Date | null) =>
      t.db.transaction().execute((trx) =>
        applyDisputeToCertificate(trx, api.ctx(), {
          id: 'dp_test_1',
          orderId: orderOfB.id,
          chargeId: 'ch_test_1',
          amountCents: orderOfB.amountCents,
          status: state,
          reason: 'fraudulent',
          openedAt: t.clock.now(),
          closedAt,
        }),
      );
    await dispute('needs_response', null);
    expect(await status()).toBe('suspended');
    await dispute('won', t.clock.now());
    expect(await status()).toBe('active');
    await dispute('needs_response', null);
    await dispute('lost', t.clock.now());
    expect(await status()).toBe('revoked');
    await dispute('won', t.clock.now());
    expect(await status()).toBe('revoked');
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', ofB)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'certificate.suspended',
      'certificate.reinstated',
      'certificate.suspended',
      'certificate.revoked',
    ]);
  });

  it('shows a refunded certificate as revoked on every verification route', async () => {
    const pdf = (await get(`/v1/certificates/${certificateId}/pdf`, supplier.as.headers))
      .rawPayload;
    const jws = (await get(`/v1/certificates/${certificateId}/jws`, supplier.as.headers)).json()
      .jws;
    expectStatus(await api.refund(admin.as, orderOfA.id), 200);
    const checks: LightMyRequestResponse[] = [
      await get(`/v1/verify/${code}`),
      await verifyPdf(pdf),
    ];
    for (const check of checks)
      expect(check.json()).toMatchObject({ status: 'revoked', valid: false });
    expect((await verifyJws(jws)).json()).toMatchObject({
      valid: true,
      certificate: { status: 'revoked', valid: false },
    });
    expect((await get(`/verify/${code}`)).body).toContain('Certificaat ingetrokken');
    expect((await get(`/verify/${code}?lang=en`)).body).toContain('Certificate revoked');
  });
});
