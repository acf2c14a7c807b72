import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessJobQueue } from '../../src/jobs/in-process-queue.js';
import type { Lang } from '../../src/lib/format.js';
import {
  createMailService,
  MAIL_MAX_ATTEMPTS,
  MAIL_SWEEP_JOB,
  type MailService,
  registerMailJobs,
  retryDelaySeconds,
} from '../../src/modules/mail/mail.service.js';
import { OutboxTransport, SmtpTransport } from '../../src/modules/mail/mail.transport.js';
import { ACCOUNT_TEMPLATE_NAMES, type TemplateData } from '../../src/modules/mail/templates.js';

/** The account messages; the notifications have their own test (notifications.test.ts). */
type TemplateName = (typeof ACCOUNT_TEMPLATE_NAMES)[number];
const TEMPLATE_NAMES = ACCOUNT_TEMPLATE_NAMES;
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, signIn } from '../helpers/fixtures.js';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

const PUBLIC_URL = 'http://impactbeurs.test';

/** The web app's route paths, read from its route table: a link must open one of these pages. */
function webRoutePaths(): string[] {
  const root = path.resolve(import.meta.dirname, '../../web/src/app');
  const sources = ['routes.tsx', 'signed-in-routes.tsx'].map((file) =>
    readFileSync(path.join(root, file), 'utf8'),
  );
  return sources.flatMap((source) =>
    [...source.matchAll(/path: '([^']+)'/g)].map((match) => `/${match[1]}`),
  );
}

const SAMPLE: { [K in TemplateName]: TemplateData[K] } = {
  invitation: {
    organisationName: 'Gemeente <Utrecht> & Co',
    role: 'coordinator',
    token: 'invitation-token-0123456789abcdef',
    expiresAt: '2026-12-12T10:00:00.000Z',
  },
  'supplier-invitation': {
    supplierName: 'Schoonmaak Nieuw B.V.',
    authorityName: 'Gemeente Utrecht',
    contractReference: 'INK-2026-001',
    token: 'supplier-token-0123456789abcdef',
    expiresAt: '2026-12-12T10:00:00.000Z',
  },
  'password-reset': {
    name: 'Anna de Vries',
    token: 'reset-token-0123456789abcdefghij',
    expiresAt: '2026-12-05T11:00:00.000Z',
  },
};

const LINK_PATH: Record<TemplateName, string> = {
  invitation: '/invitations/accept',
  'supplier-invitation': '/invitations/accept',
  'password-reset': '/wachtwoord-herstellen',
};

function links(mail: ParsedMail): string[] {
  const html = typeof mail.html === 'string' ? mail.html : '';
  return [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
}

describe('e-mail through a real SMTP server', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let mail: MailService;
  let jobs: InProcessJobQueue;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await createTestApp({ mailTransport: new SmtpTransport(smtp.url) });
    jobs = t.jobs as InProcessJobQueue;
    // The same service the app uses, on the same database and queue, to queue each template.
    mail = createMailService({
      db: t.db,
      clock: t.clock,
      jobs,
      transport: new SmtpTransport(smtp.url),
      from: t.config.mail.from,
      publicUrl: PUBLIC_URL,
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function queueOne<K extends TemplateName>(
    template: K,
    language: Lang,
    to = `${template}.${language}@ontvanger.example`,
  ): Promise<string> {
    const id = await t.db
      .transaction()
      .execute((trx) =>
        mail.queue(trx, { to, template, language, data: SAMPLE[template] as TemplateData[K] }),
      );
    return id;
  }

  const row = (id: string) =>
    t.db.selectFrom('email_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  for (const template of TEMPLATE_NAMES) {
    for (const language of ['nl', 'en'] as const) {
      it(`sends ${template} in ${language}: HTML and plain text, a link to the web app's page`, async () => {
        const before = smtp.received.length;
        const id = await queueOne(template, language);
        await mail.deliver(id);
        await smtp.waitFor(before + 1);
        const received = smtp.received.at(-1)!;

        expect(received.to).toMatchObject({ text: `${template}.${language}@ontvanger.example` });
        expect(received.headers.get('content-language')).toBe(language);
        expect(received.messageId).toBe(`<${id}@impactbeurs.test>`);
        // Both parts, in the right language.
        expect(received.text).toBeTruthy();
        expect(received.html).toContain(`<html lang="${language}">`);
        expect(received.html).toContain('<title>');
        expect(received.html).toMatch(/<h1[^>]*>/);
        const dutch = /Met vriendelijke groet/;
        if (language === 'nl') expect(received.text).toMatch(dutch);
        else {
          expect(received.text).not.toMatch(dutch);
          expect(received.text).toMatch(/Kind regards/);
        }
        // Values are escaped in the HTML part.
        expect(received.html).not.toContain('<Utrecht>');

        // One action link, the same in both parts, to a page the web app has.
        const [link, ...more] = links(received);
        expect(more).toEqual([]);
        expect(received.text).toContain(link);
        const url = new URL(link!);
        expect(url.origin).toBe(PUBLIC_URL);
        expect(url.pathname).toBe(LINK_PATH[template]);
        expect(webRoutePaths()).toContain(url.pathname);
        // The token travels in the fragment, which browsers never send to a server.
        expect(url.search).toBe('');
        expect(url.hash).toBe(`#token=${SAMPLE[template].token}`);

        // Recorded: to whom, which template, when; the contents dropped once sent.
        const recorded = await row(id);
        expect(recorded).toMatchObject({
          recipient: `${template}.${language}@ontvanger.example`,
          template,
          language,
          status: 'sent',
          attempts: 1,
          data: null,
        });
        expect(recorded.sent_at).toBeInstanceOf(Date);
      });
    }
  }

  it('retries a refusing server with backoff, then delivers once', async () => {
    const before = smtp.received.length;
    smtp.failNext(2);
    const id = await queueOne('password-reset', 'nl', 'retry@ontvanger.example');
    await mail.dispatch(id);
    await jobs.drain();
    let recorded = await row(id);
    expect(recorded).toMatchObject({ status: 'queued', attempts: 1 });
    expect(recorded.last_error).toMatch(/451|Try again/);
    expect(recorded.data).not.toBeNull();
    expect(recorded.next_attempt_at.getTime() - t.clock.now().getTime()).toBe(
      retryDelaySeconds(1) * 1000,
    );

    // Not due yet: nothing happens.
    await mail.deliver(id);
    expect((await row(id)).attempts).toBe(1);

    t.clock.advance(retryDelaySeconds(1) * 1000);
    await mail.deliver(id);
    recorded = await row(id);
    expect(recorded).toMatchObject({ status: 'queued', attempts: 2 });
    expect(recorded.next_attempt_at.getTime() - t.clock.now().getTime()).toBe(
      retryDelaySeconds(2) * 1000,
    );
    expect(retryDelaySeconds(2)).toBe(2 * retryDelaySeconds(1));

    t.clock.advance(retryDelaySeconds(2) * 1000);
    await mail.deliver(id);
    await smtp.waitFor(before + 1);
    recorded = await row(id);
    expect(recorded).toMatchObject({ status: 'sent', attempts: 3, data: null, last_error: null });
    expect(smtp.refused).toBeGreaterThanOrEqual(2);
    expect(
      smtp.received.filter(
        (m) => m.to && 'text' in m.to && m.to.text === 'retry@ontvanger.example',
      ),
    ).toHaveLength(1);

    // A repeated job for a sent message sends nothing more.
    await mail.deliver(id);
    await mail.dispatch(id);
    await jobs.drain();
    expect(smtp.received.length).toBe(before + 1);
  });

  it(`gives up after ${MAIL_MAX_ATTEMPTS} attempts and drops the contents`, async () => {
    smtp.failNext(MAIL_MAX_ATTEMPTS + 5);
    const id = await queueOne('invitation', 'en', 'never@ontvanger.example');
    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      await mail.deliver(id);
      t.clock.advance(3600_000);
    }
    const recorded = await row(id);
    expect(recorded).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS, data: null });
    expect(recorded.last_error).toMatch(/451|Try again/);
    smtp.failNext(0);
  });

  it('the periodic sweep sends a message whose job was lost', async () => {
    const app = await createTestApp({ mailTransport: new SmtpTransport(smtp.url) });
    try {
      const appJobs = app.jobs as InProcessJobQueue;
      const admin = await createUser(
        app.db,
        await createOrganisation(app.db, 'platform', { kvkNumber: null }),
        'admin',
      );
      const organisation = await createOrganisation(app.db, 'supplier');
      const session = await signIn(app.app, admin);
      const before = smtp.received.length;
      const created = await app.app.inject({
        method: 'POST',
        url: `/v1/organisations/${organisation.id}/invitations`,
        headers: session.headers,
        payload: { email: 'verloren@ontvanger.example', role: 'member' },
      });
      expect(created.statusCode, created.body).toBe(201);
      // The process stops before the job runs: the message is recorded, its job gone.
      expect(appJobs.discard('mail.deliver')).toBe(1);
      const [lost] = await app.db.selectFrom('email_messages').selectAll().execute();
      expect(lost).toMatchObject({ status: 'queued', recipient: 'verloren@ontvanger.example' });

      // A sweep right away leaves it to its job (it may still come); a minute later it sends.
      await appJobs.send(MAIL_SWEEP_JOB, {});
      await appJobs.drain();
      expect(smtp.received.length).toBe(before);
      app.clock.advance(61_000);
      await appJobs.send(MAIL_SWEEP_JOB, {});
      await appJobs.drain();
      await smtp.waitFor(before + 1);
      expect(smtp.received.at(-1)!.subject).toMatch(/Uitnodiging voor/);
      expect(
        (await app.db.selectFrom('email_messages').selectAll().executeTakeFirstOrThrow()).status,
      ).toBe('sent');
    } finally {
      await app.close();
    }
  });

  it('a sending message whose worker died is taken again after its lease', async () => {
    const before = smtp.received.length;
    const id = await queueOne('password-reset', 'en', 'lease@ontvanger.example');
    await t.db
      .updateTable('email_messages')
      .set({ status: 'sending', lease_until: t.clock.now(), attempts: 1 })
      .where('id', '=', id)
      .execute();
    t.clock.advance(1000);
    expect(await mail.sweep()).toBeGreaterThanOrEqual(1);
    await jobs.drain();
    await smtp.waitFor(before + 1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('with mail switched off (MAIL_DISABLED) records the message and marks it failed at once', async () => {
    const off = createMailService({
      db: t.db,
      clock: t.clock,
      jobs,
      transport: undefined,
      from: t.config.mail.from,
      publicUrl: PUBLIC_URL,
    });
    const before = smtp.received.length;
    const id = await t.db.transaction().execute((trx) =>
      off.queue(trx, {
        to: 'off@ontvanger.example',
        template: 'password-reset',
        language: 'nl',
        data: SAMPLE['password-reset'],
      }),
    );
    await off.deliver(id);
    expect(await row(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      data: null,
      last_error: 'mail is switched off (MAIL_DISABLED)',
    });
    expect(smtp.received.length).toBe(before);
  });

  it('the database refuses to keep the contents of a sent or failed message', async () => {
    const id = await queueOne('password-reset', 'nl', 'check@ontvanger.example');
    await expect(
      sql`UPDATE email_messages SET status = 'sent', sent_at = now() WHERE id = ${id}`.execute(
        t.db,
      ),
    ).rejects.toThrow(/email_messages_data_only_while_pending/);
    await expect(
      sql`UPDATE email_messages SET status = 'failed' WHERE id = ${id}`.execute(t.db),
    ).rejects.toThrow(/email_messages_data_only_while_pending/);
    await expect(
      sql`UPDATE email_messages SET data = NULL WHERE id = ${id}`.execute(t.db),
    ).rejects.toThrow(/email_messages_data_only_while_pending/);
  });

  it('invitations made by an admin are e-mailed in the language asked, or the inviter’s', async () => {
    const admin = await createUser(
      t.db,
      await createOrganisation(t.db, 'platform', { kvkNumber: null }),
      'admin',
    );
    await t.db.updateTable('users').set({ language: 'en' }).where('id', '=', admin.id).execute();
    const session = await signIn(t.app, admin);
    const organisation = await createOrganisation(t.db, 'authority', { name: 'Gemeente Test' });
    const before = smtp.received.length;
    for (const [email, language] of [
      ['inviter.language@ontvanger.example', undefined],
      ['asked.dutch@ontvanger.example', 'nl'],
    ] as const) {
      const created = await t.app.inject({
        method: 'POST',
        url: `/v1/organisations/${organisation.id}/invitations`,
        headers: session.headers,
        payload: { email, role: 'coordinator', ...(language ? { language } : {}) },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    await jobs.drain();
    await smtp.waitFor(before + 2);
    const [english, dutch] = smtp.received.slice(before);
    expect(english!.subject).toBe('Invitation to join Gemeente Test on Impactbeurs');
    expect(english!.text).toContain('as coordinator');
    expect(dutch!.subject).toBe('Uitnodiging voor Gemeente Test op Impactbeurs');
    expect(dutch!.text).toContain('als coördinator');
    // The link works: the invitee accepts with the token from the e-mail.
    const token = new URL(links(dutch!)[0]!).hash.replace('#token=', '');
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token, name: 'Nieuwe Coördinator', password: 'een lang en eigen wachtwoord' },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });
});

describe('the outbox in development', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('writes .eml files that /dev/outbox lists; production has no such page', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'impactbeurs-outbox-'));
    dirs.push(dir);
    const t = await createTestApp({ mailTransport: new OutboxTransport(dir) });
    try {
      const jobs = t.jobs as InProcessJobQueue;
      const service = createMailService({
        db: t.db,
        clock: t.clock,
        jobs,
        transport: new OutboxTransport(dir),
        from: t.config.mail.from,
        publicUrl: PUBLIC_URL,
      });
      await registerMailJobs(new InProcessJobQueue({ autoRun: false }), service);
      const id = await t.db.transaction().execute((trx) =>
        service.queue(trx, {
          to: 'outbox@ontvanger.example',
          template: 'password-reset',
          language: 'nl',
          data: SAMPLE['password-reset'],
        }),
      );
      await service.deliver(id);
      const page = await t.app.inject({ method: 'GET', url: '/dev/outbox' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('outbox@ontvanger.example');
      expect(page.body).toContain('Nieuw wachtwoord instellen voor Impactbeurs');
      const file = /href="\/dev\/outbox\/([^"]+)"/.exec(page.body)![1]!;
      const raw = await t.app.inject({ method: 'GET', url: `/dev/outbox/${file}` });
      expect(raw.statusCode).toBe(200);
      expect(raw.body).toContain('Content-Type: multipart/alternative');
    } finally {
      await t.close();
    }

    const production = await createTestApp({
      env: { NODE_ENV: 'production', MAIL_DISABLED: 'true' },
      mailTransport: new OutboxTransport(dir),
    });
    try {
      const page = await production.app.inject({ method: 'GET', url: '/dev/outbox' });
      expect(page.statusCode).toBe(404);
    } finally {
      await production.close();
    }
  });
});
