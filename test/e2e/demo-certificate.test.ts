import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerificationCache } from '../../src/modules/certificates/verification-cache.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/seed.js';
import { decodeQrFromPdf } from '../certificates/pdf-reader.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type SignedIn, signIn } from '../helpers/fixtures.js';
import { expectStatus } from '../factory/index.js';

/**
 * Issue 5's "done when", with the demo accounts and the app configured as the server runs
 * it (verification answers cached, forgotten on the database's notifications): a supplier
 * buys credits, downloads the certificate, the QR code on it opens a page that says the
 * certificate is valid, uploading the PDF confirms it, and a copy with one byte changed
 * is not genuine.
 */
describe('demo: a certificate an authority can check', () => {
  let t: TestApp;
  let supplier: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp({ verificationCache: new VerificationCache() });
    await seedDemo(t.db, t.config, t.clock);
    supplier = await signIn(
      t.app,
      { email: 'leverancier@devries.example', password: DEMO_PASSWORD },
      '10.71.0.1',
    );
    admin = await signIn(
      t.app,
      { email: 'admin@impactbeurs.example', password: DEMO_PASSWORD },
      '10.71.0.2',
    );
  }, 120_000);
  afterAll(async () => t?.close());

  it('buys, downloads, scans, uploads, and refuses a changed copy', async () => {
    const catalogue = (await t.app.inject({ method: 'GET', url: '/v1/projects?limit=50' })).json()
      .items as { id: string; status: string }[];
    const project = catalogue.find((p) => p.status === 'listed')!;
    const order = await t.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...supplier.headers, 'idempotency-key': 'demo-certificate-order' },
      payload: { projectId: project.id, quantity: 3, paymentMethod: 'invoice' },
    });
    expectStatus(order, 201);
    const paid = await t.app.inject({
      method: 'POST',
      url: `/v1/orders/${order.json().id}/mark-paid`,
      headers: admin.headers,
      payload: { amountCents: order.json().amountCents, bankReference: 'NL-DEMO-CERT-1' },
    });
    expectStatus(paid, 200);
    const certificate = paid.json().certificate as { id: string; number: string };

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/v1/certificates/${certificate.id}/pdf`,
      headers: supplier.headers,
    });
    expectStatus(pdf, 200);
    const qr = await decodeQrFromPdf(pdf.rawPayload);
    expect(qr?.data).toMatch(new RegExp(`^${t.config.publicUrl}/verify/[0-9A-Z]+$`));
    const scanned = new URL(qr!.data);

    // What the phone opens, twice: the second answer comes from memory and says the same.
    for (let i = 0; i < 2; i++) {
      const page = await t.app.inject({ method: 'GET', url: scanned.pathname });
      expectStatus(page, 200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain(certificate.number);
      expect(page.body).toContain('Geldig certificaat');
      expect(page.body).not.toMatch(/ingetrokken|opgeschort/);
      expect(page.body).not.toMatch(/<script/i);
    }
    const json = await t.app.inject({ method: 'GET', url: `/v1${scanned.pathname}` });
    expect(json.json()).toMatchObject({
      status: 'active',
      valid: true,
      number: certificate.number,
      credits: 3,
    });

    const upload = (payload: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/verify/pdf',
        headers: { 'content-type': 'application/pdf' },
        payload,
      });
    expect((await upload(pdf.rawPayload)).json()).toMatchObject({
      genuine: true,
      status: 'active',
      number: certificate.number,
    });
    const changed = Buffer.from(pdf.rawPayload);
    changed[changed.length - 100] = changed[changed.length - 100]! ^ 0x20;
    expect((await upload(changed)).json()).toEqual({ genuine: false, message: expect.any(String) });
  });
});
