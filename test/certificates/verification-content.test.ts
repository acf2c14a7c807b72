import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from '../../src/lib/format.js';
import { applyDisputeToCertificate } from '../../src/modules/payments/disputes.js';
import { uniqueKvk } from '../helpers/fixtures.js';
import { readPdf } from './pdf-reader.js';
import {
  expectProblem,
  expectStatus,
  type ListedProject,
  type Person,
  TestContext,
  type CertificateRef,
} from '../factory/index.js';

/**
 * What public verification tells about a certificate (issue 15): the supplier's name as at
 * issue, a public reason with a date instead of internal notes, what the credits were
 * counted toward and what is left, and a page that survives a black-and-white print. Every
 * public answer is checked: GET /v1/verify/{code}, the /verify page, POST /v1/verify/jws
 * and POST /v1/verify/pdf.
 */
describe('what verification shows', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let coordinator: Person;
  let project: ListedProject;

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  /** Every public answer about a certificate, as text. */
  async function publicAnswers(certificate: CertificateRef, buyer = supplier.as) {
    const jws = await get(`/v1/certificates/${certificate.id}/jws`, buyer.headers);
    expectStatus(jws, 200);
    const pdf = await get(`/v1/certificates/${certificate.id}/pdf`, buyer.headers);
    expectStatus(pdf, 200);
    const answers: Record<string, LightMyRequestResponse> = {
      json: await get(`/v1/verify/${certificate.verificationCode}`),
      pageNl: await get(`/verify/${certificate.verificationCode}`),
      pageEn: await get(`/verify/${certificate.verificationCode}?lang=en`),
      jws: await t.app.inject({
        method: 'POST',
        url: '/v1/verify/jws',
        payload: { jws: jws.json().jws },
      }),
      pdf: await t.app.inject({
        method: 'POST',
        url: '/v1/verify/pdf',
        headers: { 'content-type': 'application/pdf' },
        payload: pdf.rawPayload,
      }),
    };
    for (const answer of Object.values(answers)) expectStatus(answer, 200);
    return answers;
  }

  beforeAll(async () => {
    t = await TestContext.create({ env: { VERIFY_RATE_LIMIT_PER_MINUTE: '1000000' } });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    coordinator = await t.newAuthority();
    project = await t.newListedProject({ credits: 200 });
  }, 120_000);
  afterAll(async () => t?.close());

  it('keeps the supplier’s name as at issue; only the platform team renames, with a reason', async () => {
    const supplier = await t.newSupplier();
    const oldName = supplier.organisation.name;
    const certificate = await t.newCertificate({ owner: supplier, credits: 5, project });

    // The supplier cannot take another company's name (nor its KvK number).
    for (const payload of [{ name: otherSupplier.organisation.name }, { kvkNumber: uniqueKvk() }])
      expectProblem(
        await t.app.inject({
          method: 'PATCH',
          url: `/v1/organisations/${supplier.organisation.id}`,
          headers: supplier.as.headers,
          payload,
        }),
        400,
        'VALIDATION.FAILED',
      );
    const legal = (who: { headers: Record<string, string> }, payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: `/v1/organisations/${supplier.organisation.id}/legal-details`,
        headers: who.headers,
        payload,
      });
    expectProblem(
      await legal(supplier.as, { name: 'Overgenomen B.V.', reason: 'Wij heten nu zo' }),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(await legal(admin.as, { name: 'Zonder reden B.V.' }), 400, 'VALIDATION.FAILED');
    expectProblem(
      await legal(admin.as, {
        kvkNumber: otherSupplier.organisation.kvk_number,
        reason: 'Typefout',
      }),
      409,
      'ORGANISATION.KVK_TAKEN',
    );
    const unchanged = await t.db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', supplier.organisation.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.name).toBe(oldName);

    const newName = 'Doğan & Yıldız Bouw B.V.';
    const renamed = await legal(admin.as, {
      name: newName,
      reason: 'KvK-uittreksel van 1 december 2026: statutaire naamswijziging',
    });
    expectStatus(renamed, 200);
    expect(renamed.json()).toMatchObject({ name: newName });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_id', '=', supplier.organisation.id)
      .where('action', '=', 'organisation.legal_details_changed')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toMatchObject({
      reason: 'KvK-uittreksel van 1 december 2026: statutaire naamswijziging',
      from: { name: oldName, kvkNumber: supplier.organisation.kvk_number },
      to: { name: newName, kvkNumber: supplier.organisation.kvk_number },
    });

    // Verification: the name at issue, and what it is now.
    const answers = await publicAnswers(certificate, supplier.as);
    const expected = {
      name: oldName,
      kvkNumber: supplier.organisation.kvk_number,
      nameNow: newName,
      kvkNumberNow: null,
    };
    expect(answers.json!.json().supplier).toEqual(expected);
    expect(answers.jws!.json().certificate.supplier).toEqual(expected);
    expect(answers.pdf!.json().supplier).toEqual(expected);
    expect(answers.pageNl!.body).toContain(
      `<dd>${oldName}<span class="ib-verification__now">nu: Doğan &amp; Yıldız Bouw B.V.</span></dd>`,
    );
    expect(answers.pageEn!.body).toContain('now: Doğan &amp; Yıldız Bouw B.V.');
    // The PDF, first rendered after the rename, and the signed facts carry the name at issue.
    const pdf = await get(`/v1/certificates/${certificate.id}/pdf?lang=en`, supplier.as.headers);
    const text = (await readPdf(pdf.rawPayload)).flat;
    expect(text).toContain(`Supplier ${oldName}`);
    expect(text).not.toContain(newName);
    const jws = (await get(`/v1/certificates/${certificate.id}/jws`, supplier.as.headers)).json()
      .jws as string;
    expect(JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString())).toMatchObject({
      supplier: { name: oldName },
    });

    // A certificate issued after the rename carries the new name, and nothing "now".
    const later = await t.newCertificate({ owner: supplier, credits: 1, project });
    expect((await get(`/v1/verify/${later.verificationCode}`)).json().supplier).toEqual({
      name: newName,
      kvkNumber: supplier.organisation.kvk_number,
      nameNow: null,
      kvkNumberNow: null,
    });
  });

  it('shows a refund’s public reason and date, never the admin’s note', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 3, project });
    const note = 'Dubbele bestelling; klant belde 3x';
    expectStatus(await t.orders.refund(admin.as, certificate.orderId, note), 200);
    const revokedOn = t.clock.now();
    const answers = await publicAnswers(certificate);
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.body, name).not.toContain('Dubbele');
      expect(answer.body, name).not.toContain('statusReason');
    }
    const json = answers.json!.json();
    expect(json).toMatchObject({
      status: 'revoked',
      valid: false,
      publicReason: 'refunded',
      statusChangedAt: revokedOn.toISOString(),
      creditsRemaining: null,
    });
    expect(answers.jws!.json().certificate).toMatchObject({ publicReason: 'refunded' });
    expect(answers.pdf!.json()).toMatchObject({ publicReason: 'refunded' });
    expect(answers.pageNl!.body).toContain('De betaling is terugbetaald.');
    expect(answers.pageNl!.body).toContain(`Sinds ${formatDate(revokedOn, 'nl')}.`);
    expect(answers.pageEn!.body).toContain('The payment was refunded.');
    expect(answers.pageEn!.body).toContain(`Since ${formatDate(revokedOn, 'en')}.`);

    // Revoked: it cannot be used, and the page does not say it could still be.
    expect(answers.pageNl!.body).toContain('Kan niet worden ingezet (ingetrokken)');
    expect(answers.pageNl!.body).not.toContain('Nog niet ingezet');
    expect(answers.pageEn!.body).toContain('Cannot be used (revoked)');
    expect(answers.pageEn!.body).not.toContain('Not yet counted');
  });

  it('says a funding round failed, in the page’s language, without the internal sentence', async () => {
    const projectId = (await t.newListedProject({ credits: 20, title: 'Buurtmoestuin' })).id;
    const certificate = await t.newCertificate({ owner: supplier, credits: 2, project: projectId });
    await t.db
      .updateTable('projects')
      .set({
        status: 'failed',
        failed_at: t.clock.now(),
        failure_reason: 'threshold not reached by 2026-12-01',
      })
      .where('id', '=', projectId)
      .execute();
    expectStatus(
      await t.orders.refund(admin.as, certificate.orderId, 'project failed: threshold'),
      200,
    );
    const answers = await publicAnswers(certificate);
    for (const answer of Object.values(answers)) {
      expect(answer.body).not.toContain('threshold');
      expect(answer.body).not.toContain('2026-12-01');
    }
    expect(answers.json!.json().publicReason).toBe('funding_failed');
    expect(answers.pageNl!.body).toContain(
      'De financieringsronde van het project is mislukt; de betaling is teruggestort.',
    );
    expect(answers.pageEn!.body).toContain('The project’s funding round failed');
  });

  it('says a payment is disputed while it is, without the dispute’s details', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 2, project });
    await t.db.transaction().execute((trx) =>
      applyDisputeToCertificate(trx, t.orders.ctx(), {
        id: 'dp_content_1',
        orderId: certificate.orderId,
        chargeId: 'ch_content_1',
        amountCents: certificate.amountCents,
        status: 'needs_response',
        reason: 'fraudulent',
        openedAt: t.clock.now(),
        closedAt: null,
      }),
    );
    const answers = await publicAnswers(certificate);
    for (const answer of Object.values(answers)) {
      expect(answer.body).not.toContain('dp_content_1');
      expect(answer.body).not.toContain('fraudulent');
    }
    expect(answers.json!.json()).toMatchObject({
      status: 'suspended',
      publicReason: 'payment_disputed',
      creditsRemaining: null,
    });
    expect(answers.pageNl!.body).toContain('Over de betaling loopt of liep een geschil.');
    expect(answers.pageNl!.body).toContain('Kan nu niet worden ingezet (opgeschort)');
  });

  it('shows each approved claim with authority, contract, credits, euro value and date, and what is left', async () => {
    const certificate = await t.newCertificate({ owner: supplier, credits: 10, project });
    const contract = await t.newContract({ coordinator, supplier });
    const claim = await t.obligations.placeClaim(supplier.as, {
      certificateId: certificate.id,
      contractId: contract.id,
      credits: 4,
    });
    expectStatus(await t.obligations.approve(coordinator.as, claim.id), 200);
    const approvedOn = t.clock.now();
    const json = (await get(`/v1/verify/${certificate.verificationCode}`)).json();
    expect(json).toMatchObject({ status: 'active', credits: 10, creditsRemaining: 6 });
    expect(json.countedToward).toEqual([
      {
        authority: { name: coordinator.organisation.name },
        contractTitle: 'Onderhoud openbare ruimte',
        contractReference: contract.reference,
        credits: 4,
        valueCents: claim.valueCents,
        approvedAt: approvedOn.toISOString(),
        tenderNed: null,
      },
    ]);
    const page = (await get(`/verify/${certificate.verificationCode}`)).body;
    expect(page).toContain(
      `${coordinator.organisation.name} — Onderhoud openbare ruimte (kenmerk ${contract.reference}): 4 credits, ${formatMoney(claim.valueCents, 'nl')}, goedgekeurd op ${formatDate(approvedOn, 'nl')}`,
    );
    expect(page).toContain('<dt>Nog in te zetten credits</dt><dd>6</dd>');
    const english = (await get(`/verify/${certificate.verificationCode}?lang=en`)).body;
    expect(english).toContain(
      `(reference ${contract.reference}): 4 credits, ${formatMoney(claim.valueCents, 'en')}, approved on ${formatDate(approvedOn, 'en')}`,
    );
    expect(english).toContain('<dt>Credits still available</dt><dd>6</dd>');
  });

  describe('the page', () => {
    let active: CertificateRef;
    beforeAll(async () => {
      active = await t.newCertificate({ owner: supplier, credits: 1, project });
    });

    it('states the status in words and a symbol, not colour alone, also in print', async () => {
      const page = (await get(`/verify/${active.verificationCode}`)).body;
      expect(page).toContain('<h1 class="utrecht-heading-1">Geldig: Geldig certificaat</h1>');
      expect(page).toMatch(/<span class="ib-verification__symbol" aria-hidden="true">✓<\/span>/);
      expect(page).toContain('ib-verification__banner ib-verification__banner--active');
      // Without a built app (as here) the essentials are inline; the app's stylesheet has the
      // same rules (web/src/app/layout.css).
      expect(page).toContain('@media print');
      expect(page).toMatch(/\.ib-verification__banner\{[^}]*border:\.3rem solid #1a1a1a/);
      const english = (await get(`/verify/${active.verificationCode}?lang=en`)).body;
      expect(english).toContain('<h1 class="utrecht-heading-1">Valid: Valid certificate</h1>');
    });

    it('says when it checked', async () => {
      const now = t.clock.now();
      const page = (await get(`/verify/${active.verificationCode}`)).body;
      expect(page).toMatch(
        new RegExp(
          `<p class="utrecht-paragraph ib-verification__checked">Gecontroleerd op ${formatDate(now, 'nl')}, \\d{2}:\\d{2}`,
        ),
      );
      t.clock.advance(3 * 86_400_000);
      const later = (await get(`/verify/${active.verificationCode}?lang=en`)).body;
      expect(later).toContain(`Checked on ${formatDate(t.clock.now(), 'en')}, `);
    });

    it('speaks the browser’s language when no lang is given', async () => {
      const ask = (acceptLanguage: string, query = '') =>
        get(`/verify/${active.verificationCode}${query}`, { 'accept-language': acceptLanguage });
      const english = await ask('en-US,en;q=0.9');
      expect(english.body).toContain('<html lang="en">');
      expect(english.headers.vary).toMatch(/accept-language/i);
      expect((await ask('de-DE,de;q=0.9,en;q=0.5')).body).toContain('<html lang="en">');
      expect((await ask('fr-FR')).body).toContain('<html lang="nl">');
      expect((await ask('en;q=0.4,nl-BE;q=0.8')).body).toContain('<html lang="nl">');
      expect((await ask('en-GB', '?lang=nl')).body).toContain('<html lang="nl">');
      expect((await ask('en', '?lang=xx')).body).toContain('<html lang="en">');
    });

    it('repeats an unknown code and says what to do', async () => {
      const typed = '7ZK3M9Q2XW4HT8B1N6VRPA5DC0';
      const unknown = await get(`/verify/${typed}`);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body).toContain(`verificatiecode ${typed}`);
      expect(unknown.body).toContain('Controleer of de code precies zo is overgenomen');
      expect(unknown.body).toContain('Onbekend: Onbekend certificaat');
      const hostile = await get(`/verify/${encodeURIComponent('<b>x</b>')}?lang=en`);
      expect(hostile.statusCode).toBe(404);
      expect(hostile.body).toContain('verification code &lt;b&gt;x&lt;/b&gt;');
      expect(hostile.body).not.toContain('<b>x');
    });

    it('has a favicon, so browsers find no 404', async () => {
      const page = (await get(`/verify/${active.verificationCode}`)).body;
      expect(page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
      for (const url of ['/favicon.svg', '/favicon.ico']) {
        const icon = await get(url);
        expectStatus(icon, 200);
        expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
        expect(icon.body).toMatch(/^<svg /);
      }
    });

    it('sends a Permissions-Policy that switches powerful features off', async () => {
      for (const url of [
        `/verify/${active.verificationCode}`,
        `/v1/verify/${active.verificationCode}`,
      ]) {
        const policy = (await get(url)).headers['permissions-policy'];
        expect(policy).toContain('camera=()');
        expect(policy).toContain('geolocation=()');
        expect(policy).toContain('microphone=()');
      }
    });
  });
});
