import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_REDACT_PATHS, loggerOptions } from '../../src/app.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type FixtureUser } from '../helpers/fixtures.js';

/** Collects every line the logger writes. */
class CapturingStream {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.join('');
  }
  records(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

describe('logging: secrets never reach the logs', () => {
  const stream = new CapturingStream();
  let t: TestApp;
  let admin: FixtureUser;
  let member: FixtureUser;

  beforeAll(async () => {
    // The production logger options (its redaction), at the most talkative level.
    const production = loggerOptions('trace');
    if (typeof production !== 'object' || production === null)
      throw new Error('loggerOptions must return options');
    t = await createTestApp({ logger: { ...production, stream } });
    const platform = await createOrganisation(t.db, 'platform', { kvkNumber: null });
    const supplier = await createOrganisation(t.db, 'supplier');
    admin = await createUser(t.db, platform, 'admin');
    member = await createUser(t.db, supplier, 'member');
  });
  afterAll(() => t?.close());

  it('redacts the paths the production logger declares', () => {
    const production = loggerOptions('info');
    expect(production).toMatchObject({ level: 'info', redact: { paths: LOG_REDACT_PATHS } });
    expect(LOG_REDACT_PATHS).toEqual(
      expect.arrayContaining(['req.headers.authorization', '*.password', '*.refreshToken']),
    );
  });

  it('keeps passwords and tokens out of the log through sign-in, refresh, /v1/me and accepting an invitation', async () => {
    const secrets: string[] = [member.password];

    const failed = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: member.email, password: 'a wrong password 123' },
    });
    expect(failed.statusCode).toBe(401);
    secrets.push('a wrong password 123');

    const login = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: member.email, password: member.password },
    });
    expect(login.statusCode).toBe(200);
    const first = login.json<{ accessToken: string; refreshToken: string }>();
    secrets.push(first.accessToken, first.refreshToken);

    const refresh = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(refresh.statusCode).toBe(200);
    const second = refresh.json<{ accessToken: string; refreshToken: string }>();
    secrets.push(second.accessToken, second.refreshToken);

    const me = await t.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${second.accessToken}` },
    });
    expect(me.statusCode).toBe(200);

    const adminLogin = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: admin.email, password: admin.password },
    });
    expect(adminLogin.statusCode).toBe(200);
    const adminTokens = adminLogin.json<{ accessToken: string; refreshToken: string }>();
    secrets.push(adminTokens.accessToken, adminTokens.refreshToken);

    const invite = await t.app.inject({
      method: 'POST',
      url: `/v1/organisations/${member.organisationId}/invitations`,
      headers: { authorization: `Bearer ${adminTokens.accessToken}` },
      payload: { email: 'invitee@test.example', role: 'member' },
    });
    expect(invite.statusCode, invite.body).toBe(201);
    const invitationToken = invite.json<{ token: string }>().token;
    secrets.push(invitationToken);

    const inviteePassword = 'invitee secret password 42';
    secrets.push(inviteePassword);
    const accept = await t.app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token: invitationToken, name: 'Invited Person', password: inviteePassword },
    });
    expect(accept.statusCode, accept.body).toBe(201);

    // The requests were logged at all (otherwise the assertions below prove nothing).
    const records = stream.records();
    const urls = records.map((record) => (record.req as { url?: string } | undefined)?.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        '/v1/auth/login',
        '/v1/auth/refresh',
        '/v1/me',
        '/v1/invitations/accept',
      ]),
    );
    expect(
      records.some((record) => record.level === 10 || record.level === 20 || record.level === 30),
    ).toBe(true);

    const text = stream.text;
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
    }
    // Neither do the parts of a JWT (its signature alone is a secret).
    expect(text).not.toContain(second.accessToken.split('.')[2]!);
  });

  it('redacts credentials logged deliberately, at the top level and nested', () => {
    const before = stream.lines.length;
    t.app.log.info(
      {
        password: 'plain-password-x',
        refreshToken: 'refresh-token-y',
        accessToken: 'access-token-w',
        token: 'invitation-token-v',
        secret: 'signing-secret-u',
        nested: { password: 'nested-password-p', refreshToken: 'nested-refresh-r' },
        req: { headers: { authorization: 'Bearer zzz-authorization' } },
      },
      'deliberate log line',
    );
    const written = stream.lines.slice(before);
    expect(written).toHaveLength(1);
    const line = written[0]!;
    const record = JSON.parse(line) as Record<string, unknown>;
    expect(record.msg).toBe('deliberate log line');
    expect(record).toMatchObject({
      password: '[redacted]',
      refreshToken: '[redacted]',
      accessToken: '[redacted]',
      token: '[redacted]',
      secret: '[redacted]',
      nested: { password: '[redacted]', refreshToken: '[redacted]' },
    });
    for (const value of [
      'plain-password-x',
      'refresh-token-y',
      'access-token-w',
      'invitation-token-v',
      'signing-secret-u',
      'nested-password-p',
      'nested-refresh-r',
      'zzz-authorization',
    ]) {
      expect(line).not.toContain(value);
    }
  });
});
