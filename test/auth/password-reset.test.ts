import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../src/db/types.js';
import type { InProcessJobQueue } from '../../src/jobs/in-process-queue.js';
import { hashToken } from '../../src/lib/tokens.js';
import {
  PASSWORD_RESET_JOB,
  PASSWORD_RESETS_PER_HOUR,
} from '../../src/modules/auth/auth.service.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  createOrganisation,
  createUser,
  type FixtureUser,
  type SignedIn,
  signIn,
} from '../helpers/fixtures.js';

const NEW_PASSWORD = 'zeven vrolijke fietsbellen';

let sequence = 0;
const nextAddress = () => `10.71.${Math.floor(++sequence / 250)}.${(sequence % 250) + 1}`;

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

describe('password reset', () => {
  let t: TestApp;
  let jobs: InProcessJobQueue;
  let supplier: OrganisationRow;

  beforeAll(async () => {
    t = await createTestApp();
    jobs = t.jobs as InProcessJobQueue;
    supplier = await createOrganisation(t.db, 'supplier');
  });
  afterAll(() => t.close());

  const request = (email: string, remoteAddress = nextAddress()) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/password-reset',
      payload: { email },
      remoteAddress,
    });
  const confirm = (token: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/password-reset/confirm',
      payload: { token, password },
      remoteAddress: nextAddress(),
    });
  const login = (email: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password },
      remoteAddress: nextAddress(),
    });
  const mailsTo = (email: string) => t.mailer.sent.filter((mail) => mail.to === email);
  const tokenFrom = (mail: { text: string }) => {
    const url = new URL(/https?:\/\/\S+#token=\S+/.exec(mail.text)![0]);
    expect(url.pathname).toBe('/wachtwoord-herstellen');
    return url.hash.replace('#token=', '');
  };

  /** Asks for a reset and runs the job: the token from the e-mail. */
  async function resetToken(user: FixtureUser): Promise<string> {
    const before = mailsTo(user.email).length;
    expect((await request(user.email)).statusCode).toBe(202);
    await jobs.drain();
    const mails = mailsTo(user.email);
    expect(mails.length).toBe(before + 1);
    return tokenFrom(mails.at(-1)!);
  }

  it('answers an existing and an unknown address alike, and does the work in a job', async () => {
    const user = await createUser(t.db, supplier, 'member');
    const known = await request(user.email.toUpperCase());
    const unknown = await request('niemand@nergens.example');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(known.headers['content-type']).toBe(unknown.headers['content-type']);
    expect(known.json()).toEqual({ status: 'accepted', message: expect.any(String) });

    // The request itself looked nothing up and wrote nothing: both wait as jobs.
    expect(jobs.queued(PASSWORD_RESET_JOB)).toHaveLength(2);
    const tokensBefore = await t.db
      .selectFrom('password_reset_tokens')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(tokensBefore).toEqual([]);

    await jobs.drain();
    const [mail] = mailsTo(user.email);
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe('Nieuw wachtwoord instellen voor Impactbeurs');
    expect(mailsTo('niemand@nergens.example')).toEqual([]);

    // Stored as its SHA-256 only, valid for one hour.
    const token = tokenFrom(mail!);
    const [row] = await t.db
      .selectFrom('password_reset_tokens')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(row!.token_hash).toBe(hashToken(token));
    expect(row!.expires_at.getTime() - row!.created_at.getTime()).toBe(3600_000);

    // Both audited; the unknown address without a subject.
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'subject_id', 'summary'])
      .where('action', 'in', ['auth.password_reset_requested', 'auth.password_reset_refused'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'auth.password_reset_requested', subject_id: user.id }),
        expect.objectContaining({
          action: 'auth.password_reset_refused',
          subject_id: null,
          summary: { reason: 'unknown_account' },
        }),
      ]),
    );
  });

  it('sets the new password once; every session of the account ends', async () => {
    const user = await createUser(t.db, supplier, 'member');
    const first = await signIn(t.app, user, nextAddress());
    const second = await signIn(t.app, user, nextAddress());
    const token = await resetToken(user);

    const done = await confirm(token, NEW_PASSWORD);
    expect(done.statusCode, done.body).toBe(204);

    for (const session of [first, second] as SignedIn[]) {
      const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: session.headers });
      expect(me.statusCode).toBe(401);
      const refreshed = await t.app.inject({
        method: 'POST',
        url: '/v1/auth/refresh',
        payload: { refreshToken: session.refreshToken },
        remoteAddress: nextAddress(),
      });
      expect(refreshed.statusCode).toBe(401);
    }
    expectProblem(await login(user.email, user.password), 401, 'AUTH.INVALID_CREDENTIALS');
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);

    // Single use.
    expectProblem(
      await confirm(token, 'nog een ander wachtwoord'),
      400,
      'AUTH.RESET_TOKEN_INVALID',
    );
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);

    const audit = await t.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'auth.password_reset')
      .where('subject_id', '=', user.id)
      .execute();
    expect(audit).toEqual([{ summary: { sessionTokensRevoked: 2 } }]);
  });

  it('refuses a wrong token and an expired one, and an older link once a newer one is used', async () => {
    const user = await createUser(t.db, supplier, 'member');
    expectProblem(
      await confirm('this-token-was-never-issued-by-us-at-all', NEW_PASSWORD),
      400,
      'AUTH.RESET_TOKEN_INVALID',
    );

    const expiring = await resetToken(user);
    t.clock.advance(3600_000 + 1000);
    expectProblem(await confirm(expiring, NEW_PASSWORD), 410, 'AUTH.RESET_TOKEN_EXPIRED');
    expect((await login(user.email, user.password)).statusCode).toBe(200);

    const older = await resetToken(user);
    const newer = await resetToken(user);
    expect((await confirm(newer, NEW_PASSWORD)).statusCode).toBe(204);
    expectProblem(
      await confirm(older, 'weer een ander wachtwoord'),
      400,
      'AUTH.RESET_TOKEN_INVALID',
    );
  });

  it('a disabled account gets no e-mail, and its token stops working', async () => {
    const user = await createUser(t.db, supplier, 'member');
    const token = await resetToken(user);
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    expectProblem(await confirm(token, NEW_PASSWORD), 400, 'AUTH.RESET_TOKEN_INVALID');
    expect((await request(user.email)).statusCode).toBe(202);
    await jobs.drain();
    expect(mailsTo(user.email)).toHaveLength(1);
  });

  it(`sends an account at most ${PASSWORD_RESETS_PER_HOUR} e-mails an hour, answering alike`, async () => {
    const user = await createUser(t.db, supplier, 'member');
    const answers = [];
    for (let i = 0; i < PASSWORD_RESETS_PER_HOUR + 2; i++) answers.push(await request(user.email));
    await jobs.drain();
    expect(new Set(answers.map((a) => `${a.statusCode} ${a.body}`)).size).toBe(1);
    expect(mailsTo(user.email)).toHaveLength(PASSWORD_RESETS_PER_HOUR);
    t.clock.advance(3600_000 + 1000);
    expect((await request(user.email)).statusCode).toBe(202);
    await jobs.drain();
    expect(mailsTo(user.email)).toHaveLength(PASSWORD_RESETS_PER_HOUR + 1);
  });

  it('limits one client address to 5 requests in 15 minutes (429)', async () => {
    const address = nextAddress();
    for (let i = 0; i < 5; i++)
      expect((await request(`client${i}@nergens.example`, address)).statusCode).toBe(202);
    expectProblem(await request('client6@nergens.example', address), 429, 'RATE_LIMIT.EXCEEDED');
    // Another address is not affected.
    expect((await request('client7@nergens.example')).statusCode).toBe(202);
  });

  it('writes the e-mail in the user’s language, which the user sets with PATCH /v1/me', async () => {
    const user = await createUser(t.db, supplier, 'member');
    const session = await signIn(t.app, user, nextAddress());
    const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: session.headers });
    expect(me.json().user.language).toBe('nl');
    const changed = await t.app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: session.headers,
      payload: { language: 'en' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().user.language).toBe('en');
    const refused = await t.app.inject({
      method: 'PATCH',
      url: '/v1/me',
      headers: session.headers,
      payload: { language: 'de' },
    });
    expect(refused.statusCode).toBe(400);

    await resetToken(user);
    const mail = mailsTo(user.email).at(-1)!;
    expect(mail.subject).toBe('Set a new password for Impactbeurs');
    expect(mail.language).toBe('en');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('holds the password policy: length, breached or common, repeated characters', async () => {
    const user = await createUser(t.db, supplier, 'member');
    const token = await resetToken(user);
    expectProblem(await confirm(token, 'kort'), 400, 'VALIDATION.FAILED');
    for (const [password, code] of [
      [' '.repeat(12), 'PASSWORD.TOO_REPETITIVE'],
      ['\u0000'.repeat(12), 'PASSWORD.TOO_REPETITIVE'],
      ['abababababab', 'PASSWORD.TOO_REPETITIVE'],
      ['abcdefghijklm', 'PASSWORD.TOO_REPETITIVE'],
      ['qwerty123456', 'PASSWORD.TOO_COMMON'],
      ['1qaz2wsx3edc', 'PASSWORD.TOO_COMMON'],
      ['LeaveMeAlone', 'PASSWORD.TOO_COMMON'],
    ] as const) {
      const refused = await confirm(token, password);
      expectProblem(refused, 422, code);
      expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'body.password' })]);
    }
    // None of that used the token.
    expect((await confirm(token, NEW_PASSWORD)).statusCode).toBe(204);
  });

  it('the change-password route holds the same policy', async () => {
    const user = await createUser(t.db, supplier, 'member');
    const session = await signIn(t.app, user, nextAddress());
    const refused = await t.app.inject({
      method: 'POST',
      url: '/v1/me/password',
      headers: session.headers,
      payload: { currentPassword: user.password, newPassword: '            ' },
      remoteAddress: nextAddress(),
    });
    expectProblem(refused, 422, 'PASSWORD.TOO_REPETITIVE');
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'body.newPassword' })]);
  });

  it('of simultaneous confirmations with one token, exactly one succeeds (racing on the server)', async () => {
    const user = await createUser(t.db, supplier, 'member');
    const token = await resetToken(user);
    const answers = await Promise.all([
      confirm(token, 'eerste nieuwe wachtwoord'),
      confirm(token, 'tweede nieuwe wachtwoord'),
      confirm(token, 'derde nieuwe wachtwoord!'),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 400, 400]);
  });
});
