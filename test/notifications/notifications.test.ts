import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/lib/format.js';
import {
  type DomainEventType,
  type DomainObjectType,
  recordEvent,
} from '../../src/modules/events/events.js';
import { createNotificationSubscriber } from '../../src/modules/notifications/notifications.subscriber.js';
import { createMailService, type MailService } from '../../src/modules/mail/mail.service.js';
import { SmtpTransport } from '../../src/modules/mail/mail.transport.js';
import {
  MANDATORY_NOTIFICATIONS,
  NOTIFICATION_NAMES,
  type NotificationData,
  type NotificationName,
} from '../../src/modules/mail/notification-templates.js';
import type { TemplateData } from '../../src/modules/mail/templates.js';
import { readPdf } from '../certificates/pdf-reader.js';
import { expectStatus, type Person, TestContext } from '../factory/index.js';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

const PUBLIC_URL = 'http://impactbeurs.test';
const PROJECT_ID = '0b7c2a8e-3f6d-4d1a-9c55-7a1e2f3b4c5d';
const CERTIFICATE_ID = '5d3f1a2b-8c7e-4f60-a1b2-c3d4e5f6a7b8';
const CONTRACT_ID = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';

/**
 * The web app's route paths, read from its route tables, as patterns (`:id` matches one
 * segment): the app's own and each feature's (the per-role lists in features/<x>/routes.tsx).
 */
function webRoutes(): RegExp[] {
  const web = path.resolve(import.meta.dirname, '../../web/src');
  const features = path.join(web, 'features');
  const files = [
    path.join(web, 'app', 'routes.tsx'),
    path.join(web, 'app', 'signed-in-routes.tsx'),
    ...readdirSync(features)
      .map((feature) => path.join(features, feature, 'routes.tsx'))
      .filter((file) => existsSync(file)),
  ];
  return files
    .map((file) => readFileSync(file, 'utf8'))
    .flatMap((source) => [...source.matchAll(/path: '([^'*]+)'/g)].map((m) => m[1]!))
    .map((route) => new RegExp(`^/${route.replace(/:[a-zA-Z]+/g, '[^/]+')}$`));
}

const TITLE = 'Buurt <b>&</b> Werk';
const base = { name: 'Anna de Vries' };
const project = { ...base, projectId: PROJECT_ID, projectTitle: TITLE };

const SAMPLE: { [K in NotificationName]: NotificationData[K] } = {
  'plan-submitted': { ...project, initiativeName: 'Stichting Buurt' },
  'plan-questions': project,
  'plan-awarded': { ...project, supply: 1200, threshold: 800 },
  'project-listed': project,
  'review-assigned': project,
  'review-panel-complete': project,
  'order-placed': {
    ...base,
    orderId: PROJECT_ID,
    projectTitle: TITLE,
    quantity: 1500,
    amountCents: 5_700_000,
    paymentReference: 'IB-REF-123',
    payBefore: '20 december 2026',
    invoiceNumber: null,
  },
  'purchase-placed': {
    ...base,
    purchaseId: PROJECT_ID,
    lines: [
      { projectTitle: TITLE, quantity: 1000 },
      { projectTitle: 'Leerwerkbedrijf Noord', quantity: 500 },
    ],
    amountCents: 5_700_000,
    paymentReference: 'RF18 5390 0754 7034',
    payBefore: '20 december 2026',
    invoiceNumber: null,
  },
  'purchase-paid': {
    ...base,
    purchaseId: PROJECT_ID,
    amountCents: 5_700_000,
    lines: [
      {
        projectTitle: TITLE,
        credits: 1000,
        certificateId: CERTIFICATE_ID,
        certificateNumber: 'IB-2026-000001',
        verificationCode: 'ABCD2345EFGH',
      },
    ],
  },
  'order-paid': {
    ...base,
    orderId: PROJECT_ID,
    projectTitle: TITLE,
    quantity: 1500,
    amountCents: 5_700_000,
  },
  'order-refunded': { ...base, orderId: PROJECT_ID, projectTitle: TITLE, amountCents: 3800 },
  'certificate-issued': {
    ...base,
    certificateId: CERTIFICATE_ID,
    certificateNumber: 'IB-2026-000001',
    verificationCode: 'ABCD-EFGH-JKLM',
    projectTitle: TITLE,
    credits: 10,
  },
  'contract-registered': {
    ...base,
    contractId: PROJECT_ID,
    authorityName: 'Gemeente Utrecht',
    contractReference: 'K-1',
  },
  'claim-submitted': { ...base, supplierName: 'Bouw B.V.', contractReference: 'K-1', credits: 5 },
  'claim-approved': {
    ...base,
    certificateId: CERTIFICATE_ID,
    contractId: CONTRACT_ID,
    authorityName: 'Gemeente Utrecht',
    contractReference: 'K-1',
    credits: 5,
  },
  'claim-rejected': {
    ...base,
    certificateId: CERTIFICATE_ID,
    contractId: CONTRACT_ID,
    authorityName: 'Gemeente Utrecht',
    contractReference: 'K-1',
    credits: 5,
    reason: 'Niet binnen de looptijd',
  },
  'claim-withdrawn': {
    ...base,
    certificateId: CERTIFICATE_ID,
    contractId: CONTRACT_ID,
    authorityName: 'Gemeente Utrecht',
    contractReference: 'K-1',
    credits: 5,
    reason: null,
  },
  'funding-reached': { ...project, audience: 'buyer' },
  'funding-failed': { ...project, audience: 'buyer', refundCents: 123_456 },
  'outcome-report-due': { ...project, endDate: '31 december 2026' },
  'outcome-report-returned': project,
  'outcome-report-accepted': { ...project, final: true },
  'payout-approved': { ...project, tranche: 1, amountCents: 3_040_000 },
  'payout-paid': { ...project, tranche: 2, amountCents: 760_000, bankReference: 'NL-TX-1' },
  'webhook-endpoint-disabled': {
    ...base,
    url: 'https://monitor.example/hook',
    description: 'WIZZR',
  },
};

function links(mail: ParsedMail): string[] {
  const html = typeof mail.html === 'string' ? mail.html : '';
  return [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
}

const addressOf = (mail: ParsedMail) =>
  mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined;

describe('every notification, rendered and sent through a real SMTP server', () => {
  let t: TestContext;
  let smtp: TestSmtpServer;
  let mail: MailService;
  const routes = webRoutes();

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await TestContext.create({ mailTransport: new SmtpTransport(smtp.url) });
    mail = createMailService({
      db: t.db,
      clock: t.clock,
      jobs: t.jobs,
      transport: new SmtpTransport(smtp.url),
      from: t.config.mail.from,
      publicUrl: PUBLIC_URL,
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  for (const template of NOTIFICATION_NAMES) {
    for (const language of ['nl', 'en'] as const) {
      it(`${template} in ${language}: both parts, escaped, one link to a page of the web app`, async () => {
        const to = `${template}.${language}@ontvanger.example`;
        const before = smtp.received.length;
        const id = await t.db.transaction().execute((trx) =>
          mail.queue(trx, {
            to,
            template,
            language: language as Lang,
            data: SAMPLE[template] as TemplateData[typeof template],
          }),
        );
        await mail.deliver(id);
        await smtp.waitFor(before + 1);
        const received = smtp.received.at(-1)!;
        expect(addressOf(received)).toBe(to);
        expect(received.headers.get('content-language')).toBe(language);
        expect(received.subject).toBeTruthy();
        expect(received.html).toContain(`<html lang="${language}">`);
        expect(received.html).toMatch(/<h1[^>]*>/);
        expect(received.text).toContain(language === 'nl' ? 'Beste Anna de Vries' : 'Dear Anna');
        expect(received.text).toMatch(
          language === 'nl' ? /Met vriendelijke groet/ : /Kind regards/,
        );
        // Values are escaped in the HTML part.
        expect(received.html).not.toContain('<b>');
        // Mandatory ones say so; optional ones say where to switch them off.
        if (MANDATORY_NOTIFICATIONS.includes(template))
          expect(received.text).toMatch(language === 'nl' ? /krijgt u altijd/ : /always get/);
        else expect(received.text).toContain(`${PUBLIC_URL}/account`);
        // Amounts in euros, never cents.
        if (
          template === 'order-placed' ||
          template === 'purchase-placed' ||
          template === 'purchase-paid'
        )
          expect(received.text).toMatch(language === 'nl' ? /€\s57\.000,00/ : /€57,000\.00/);

        const [link, ...more] = links(received);
        expect(more).toEqual([]);
        expect(received.text).toContain(link);
        const url = new URL(link!);
        expect(url.origin).toBe(PUBLIC_URL);
        expect(routes.some((route) => route.test(url.pathname))).toBe(true);
        // A certificate's and a claim's message lead to the certificate's page.
        if (
          template === 'certificate-issued' ||
          (template.startsWith('claim-') && template !== 'claim-submitted')
        )
          expect(url.pathname).toBe(`/certificates/${CERTIFICATE_ID}`);
        const row = await t.db
          .selectFrom('email_messages')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({ status: 'sent', data: null });
      });
    }
  }
});

/** A mail service like the app's, on the context's database, queue and SMTP server. */
function appMail(t: TestContext, smtpUrl = currentSmtpUrl): MailService {
  return createMailService({
    db: t.db,
    clock: t.clock,
    jobs: t.jobs,
    transport: new SmtpTransport(smtpUrl),
    from: t.config.mail.from,
    publicUrl: t.config.publicUrl,
  });
}
let currentSmtpUrl = '';

describe('notifications of real events', () => {
  let t: TestContext;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    currentSmtpUrl = smtp.url;
    t = await TestContext.create({ mailTransport: new SmtpTransport(smtp.url) });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const mailsTo = (person: Person) =>
    smtp.received.filter((m) => addressOf(m) === person.user.email);

  async function dispatch(): Promise<void> {
    await t.runJob('events.dispatch');
  }

  async function messagesOf(template: string, recipient: string) {
    return t.db
      .selectFrom('email_messages')
      .selectAll()
      .where('template', '=', template)
      .where('recipient', '=', recipient)
      .execute();
  }

  it('an invoice order: the buyer gets the order-placed mail with the invoice PDF, once', async () => {
    const listed = await t.newListedProject({ credits: 40 });
    const buyer = await t.newSupplier();
    await t.newOrder({ buyer, project: listed, credits: 3 });
    await dispatch();
    const placed = smtp.received.filter(
      (m) => addressOf(m) === buyer.user.email && /bestelling/i.test(m.subject ?? ''),
    );
    expect(placed).toHaveLength(1);
    const [attachment, ...others] = placed[0]!.attachments;
    expect(others).toEqual([]);
    expect(attachment!.contentType).toBe('application/pdf');
    expect(attachment!.filename).toMatch(/-nl\.pdf$/);
    const pdf = await readPdf(attachment!.content);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    // The invoice issued at placement: its number, the project, a due date, never "paid".
    const order = await t.db
      .selectFrom('orders')
      .select('invoice_number')
      .where('created_by', '=', buyer.user.id)
      .executeTakeFirstOrThrow();
    expect(pdf.flat).toContain(`Factuurnummer ${order.invoice_number}`);
    expect(pdf.flat).toContain('Impactcredits in het project');
    expect(pdf.flat).toContain('Vervaldatum');
    expect(pdf.flat).not.toContain('Betaald op');
    // The queue kept only a reference: once sent, the row has no data at all.
    const rows = await messagesOf('order-placed', buyer.user.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sent', data: null });
    expect(rows[0]!.domain_event_id).not.toBeNull();

    // The dispatch and the job run again, and the event handed to the subscriber once more
    // (as a dispatch that died before it committed would): nothing is written or sent twice.
    await dispatch();
    const event = await t.db
      .selectFrom('domain_events')
      .selectAll()
      .where('id', '=', rows[0]!.domain_event_id!)
      .executeTakeFirstOrThrow();
    const again = createNotificationSubscriber({ mail: appMail(t) });
    await t.db.transaction().execute((trx) =>
      again.subscriber.handle(trx, {
        id: event.id,
        seq: Number(event.seq),
        type: event.type as DomainEventType,
        objectType: event.object_type as DomainObjectType,
        objectId: event.object_id,
        organisationIds: event.organisation_ids,
        occurredAt: event.occurred_at,
      }),
    );
    await again.flush();
    await t.runJobs();
    expect(await messagesOf('order-placed', buyer.user.email)).toHaveLength(1);
    expect(
      smtp.received.filter(
        (m) => addressOf(m) === buyer.user.email && /bestelling/i.test(m.subject ?? ''),
      ),
    ).toHaveLength(1);
  });

  it('an invoice purchase: the buyer gets one mail with the purchase’s one invoice, once', async () => {
    const first = await t.newListedProject({ credits: 40 });
    const second = await t.newListedProject({ credits: 40 });
    const buyer = await t.newSupplier();
    const key = randomUUID();
    const body = {
      lines: [
        { projectId: first.id, credits: 3 },
        { projectId: second.id, credits: 2 },
      ],
      paymentMethod: 'invoice',
    };
    const placed = await t.post(buyer, '/v1/purchases', body, { 'idempotency-key': key });
    expectStatus(placed, 201);
    const purchase = placed.json<{ id: string; invoiceNumber: string }>();
    // The same request again (a double click) tells nobody twice.
    expectStatus(await t.post(buyer, '/v1/purchases', body, { 'idempotency-key': key }), 201);
    await dispatch();
    await dispatch();

    const mails = mailsTo(buyer).filter((m) => /aankoop/i.test(m.subject ?? ''));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(first.title);
    expect(mails[0]!.text).toContain(second.title);
    const [attachment, ...others] = mails[0]!.attachments;
    expect(others).toEqual([]);
    expect(attachment!.filename).toBe(`${purchase.invoiceNumber}-nl.pdf`);
    const pdf = await readPdf(attachment!.content);
    expect(pdf.flat).toContain(`Factuurnummer ${purchase.invoiceNumber}`);
    expect(pdf.flat).not.toContain('Betaald op');
    // One purchase mail, not one order mail per line.
    expect(await messagesOf('purchase-placed', buyer.user.email)).toHaveLength(1);
    expect(await messagesOf('order-placed', buyer.user.email)).toHaveLength(0);
  });

  it('a purchase paid: the buyer gets one mail naming every line’s certificate, not a mail per line', async () => {
    const first = await t.newListedProject({ credits: 40 });
    const second = await t.newListedProject({ credits: 40 });
    const buyer = await t.newSupplier();
    const admin = await t.platformAdmin();
    const placed = await t.post(
      buyer,
      '/v1/purchases',
      {
        lines: [
          { projectId: first.id, credits: 3 },
          { projectId: second.id, credits: 2 },
        ],
        paymentMethod: 'invoice',
      },
      { 'idempotency-key': randomUUID() },
    );
    expectStatus(placed, 201);
    const purchase = placed.json<{ id: string; amountCents: number }>();
    const pay = () =>
      t.post(admin, `/v1/purchases/${purchase.id}/mark-paid`, {
        amountCents: purchase.amountCents,
        bankReference: 'NL-BANK-MAIL',
      });
    expectStatus(await pay(), 200);
    // Marked paid twice (a second click): still one mail.
    expectStatus(await pay(), 200);
    await dispatch();
    await dispatch();

    const certificates = await t.db
      .selectFrom('certificates as c')
      .innerJoin('orders as o', 'o.id', 'c.order_id')
      .select(['c.id', 'c.number', 'c.verification_code'])
      .where('o.purchase_id', '=', purchase.id)
      .execute();
    expect(certificates).toHaveLength(2);
    const [mail, ...more] = mailsTo(buyer).filter((m) =>
      /betaling ontvangen/i.test(m.subject ?? ''),
    );
    expect(more).toEqual([]);
    for (const certificate of certificates) {
      expect(mail!.text).toContain(certificate.number);
      expect(mail!.text).toContain(certificate.verification_code);
    }
    expect(mail!.text).toContain(first.title);
    expect(mail!.text).toContain(second.title);
    expect(links(mail!)).toEqual([`${t.config.publicUrl}/purchases/${purchase.id}`]);
    expect(await messagesOf('purchase-paid', buyer.user.email)).toHaveLength(1);
    // The lines' own events still happened (webhooks name each certificate), without mails.
    const issued = await t.db
      .selectFrom('domain_events')
      .select('object_id')
      .where('type', '=', 'certificate.issued')
      .where(
        'object_id',
        'in',
        certificates.map((c) => c.id),
      )
      .execute();
    expect(issued).toHaveLength(2);
    expect(await messagesOf('order-paid', buyer.user.email)).toHaveLength(0);
    expect(await messagesOf('certificate-issued', buyer.user.email)).toHaveLength(0);
  });

  it('an order of its own, paid: the order-paid and certificate-issued mails as before', async () => {
    const buyer = await t.newSupplier();
    const listed = await t.newListedProject({ credits: 40 });
    await t.newPaidOrder({ buyer, project: listed, credits: 2 });
    await dispatch();
    expect(await messagesOf('order-paid', buyer.user.email)).toHaveLength(1);
    expect(await messagesOf('certificate-issued', buyer.user.email)).toHaveLength(1);
    expect(await messagesOf('purchase-paid', buyer.user.email)).toHaveLength(0);
  });

  it('preferences: optional ones can be switched off, mandatory ones cannot', async () => {
    const buyer = await t.newSupplier();
    const initial = await t.getJson<{
      notifications: { type: string; mandatory: boolean; enabled: boolean }[];
    }>(buyer.as, '/v1/me/notification-preferences');
    expect(initial.notifications).toContainEqual({
      type: 'funding-reached',
      mandatory: false,
      enabled: true,
    });
    expect(initial.notifications).toContainEqual({
      type: 'order-paid',
      mandatory: true,
      enabled: true,
    });
    const refused = await t.put(buyer.as, '/v1/me/notification-preferences', {
      disabled: ['order-paid'],
    });
    expect(refused.statusCode).toBe(400);
    const updated = await t.put(buyer.as, '/v1/me/notification-preferences', {
      disabled: ['funding-reached'],
    });
    expectStatus(updated, 200);
    expect(updated.json().notifications).toContainEqual({
      type: 'funding-reached',
      mandatory: false,
      enabled: false,
    });
    expect(await t.auditCount('user.notification_preferences_changed', buyer.user.id)).toBe(1);
    expect((await t.get(null, '/v1/me/notification-preferences')).statusCode).toBe(401);
  });

  it('funding reached: the initiative and the buyers hear, in their language; an opted-out buyer gets only the mandatory mails', async () => {
    const keen = await t.newSupplier();
    const quiet = await t.newSupplier();
    expectStatus(await t.patch(keen.as, '/v1/me', { language: 'en' }), 200);
    expectStatus(
      await t.put(quiet.as, '/v1/me/notification-preferences', { disabled: ['funding-reached'] }),
      200,
    );
    const listed = await t.newListedProject({ credits: 20 });
    await t.newPaidOrder({ buyer: keen, project: listed, credits: 1 });
    // The quiet buyer's order reaches the threshold.
    const most = Math.max(
      1,
      Math.floor((listed.supply * t.config.orders.maxReservedSharePercent) / 100),
    );
    for (let left = listed.threshold - 1; left > 0; left -= most)
      await t.newPaidOrder({ buyer: quiet, project: listed, credits: Math.min(left, most) });
    await dispatch();

    // The buyer whose sale funded the project is among the event's organisations.
    const funded = await t.db
      .selectFrom('domain_events')
      .selectAll()
      .where('type', '=', 'project.funded')
      .where('object_id', '=', listed.id)
      .executeTakeFirstOrThrow();
    expect(funded.organisation_ids).toContain(quiet.organisation.id);
    expect(funded.organisation_ids).toContain(keen.organisation.id);

    expect(await messagesOf('funding-reached', keen.user.email)).toHaveLength(1);
    expect(await messagesOf('funding-reached', listed.initiative.user.email)).toHaveLength(1);
    expect(await messagesOf('funding-reached', quiet.user.email)).toHaveLength(0);
    // Mandatory ones still reach the quiet buyer.
    expect((await messagesOf('order-paid', quiet.user.email)).length).toBeGreaterThan(0);
    expect((await messagesOf('certificate-issued', quiet.user.email)).length).toBeGreaterThan(0);

    const english = smtp.received.find(
      (m) => addressOf(m) === keen.user.email && /is funded/.test(m.subject ?? ''),
    );
    expect(english?.headers.get('content-language')).toBe('en');
    expect(links(english!)[0]).toBe(`${t.config.publicUrl}/projects/${listed.id}`);
    const dutch = smtp.received.find(
      (m) =>
        addressOf(m) === listed.initiative.user.email && /is gefinancierd/.test(m.subject ?? ''),
    );
    expect(dutch?.text).toContain('Het eerste deel van het geld');
    expect(mailsTo(keen).length).toBeGreaterThan(0);
  });

  it('a listed project and a submitted claim reach the initiative and the authority’s coordinators', async () => {
    const listed = await t.newListedProject({ credits: 10 });
    await dispatch();
    expect(await messagesOf('project-listed', listed.initiative.user.email)).toHaveLength(1);
    expect(await messagesOf('plan-awarded', listed.initiative.user.email)).toHaveLength(1);
    const admin = await t.platformAdmin();
    expect((await messagesOf('plan-submitted', admin.user.email)).length).toBeGreaterThan(0);
    expect((await messagesOf('review-panel-complete', admin.user.email)).length).toBeGreaterThan(0);

    const claim = await t.newClaim();
    await dispatch();
    const row = await t.db
      .selectFrom('claims')
      .select(['authority_id', 'supplier_id'])
      .where('id', '=', claim.id)
      .executeTakeFirstOrThrow();
    const coordinators = await t.db
      .selectFrom('users')
      .select('email')
      .where('organisation_id', '=', row.authority_id)
      .where('role', '=', 'coordinator')
      .execute();
    expect(coordinators.length).toBeGreaterThan(0);
    for (const { email } of coordinators)
      expect(await messagesOf('claim-submitted', email)).toHaveLength(1);
  });

  it('a funded project past its end date: the final report is due, told once', async () => {
    const funded = await t.newFundedProject({ credits: 20 });
    const project = await t.db
      .selectFrom('projects')
      .select(sql<string>`end_date::text`.as('end_date'))
      .where('id', '=', funded.id)
      .executeTakeFirstOrThrow();
    await t.runJob('outcomes.report-due');
    await dispatch();
    expect(await messagesOf('outcome-report-due', funded.initiative.user.email)).toHaveLength(0);

    // The day after its end date (in the Netherlands).
    const after = new Date(`${project.end_date}T23:30:00Z`).getTime() + 86_400_000;
    t.clock.advance(Math.max(0, after - t.clock.now().getTime()));
    await t.runJob('outcomes.report-due');
    await t.runJob('outcomes.report-due');
    await dispatch();
    const due = await messagesOf('outcome-report-due', funded.initiative.user.email);
    expect(due).toHaveLength(1);
    expect(due[0]!.status).toBe('sent');
  });

  it('a disabled webhook endpoint is e-mailed to its organisation’s managers', async () => {
    const coordinator = await t.newAuthority();
    const created = await t.post(coordinator.as, '/v1/webhook-endpoints', {
      // A public address: no DNS needed in the test.
      url: 'https://93.184.216.34/hook',
      eventTypes: ['claim.submitted'],
      description: 'WIZZR',
    });
    expectStatus(created, 201);
    const endpoint = created.json<{ id: string; secret: string }>();
    // Its signing secret is stored encrypted, never as the secret itself.
    const stored = await t.db
      .selectFrom('webhook_endpoints')
      .select('secret')
      .where('id', '=', endpoint.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(stored.secret).not.toContain(endpoint.secret.slice(6));

    await t.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('webhook_endpoints')
        .set({ enabled: false, disabled_reason: 'failing' })
        .where('id', '=', endpoint.id)
        .execute();
      await recordEvent(trx, {
        type: 'webhook_endpoint.disabled',
        objectId: endpoint.id,
        occurredAt: t.clock.now(),
      });
    });
    await dispatch();
    const sent = smtp.received.filter(
      (m) => addressOf(m) === coordinator.user.email && /webhook/i.test(m.subject ?? ''),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('https://93.184.216.34/hook');
    expect(links(sent[0]!)[0]).toBe(`${t.config.publicUrl}/webhooks`);
  });
});
