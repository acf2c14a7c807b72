import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/types.js';
import { DEMO_PASSWORD, seedDemo, seedFirstAdmin, type SeedLogin } from '../../src/seed/seed.js';
import { formatDemoLogins } from '../../src/startup.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { signIn } from '../helpers/fixtures.js';

async function counts(db: Kysely<DB>) {
  const count = async (table: 'organisations' | 'users' | 'audit_events') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { organisations: await count('organisations'), users: await count('users'), auditEvents: await count('audit_events') };
}

async function usersWithKinds(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.email', 'users.role', 'organisations.kind', 'organisations.name'])
    .execute();
}

describe('seedDemo on a fresh database', () => {
  let t: TestApp;
  let logins: SeedLogin[] | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    expect(await counts(t.db)).toEqual({ organisations: 0, users: 0, auditEvents: 0 });
    logins = await seedDemo(t.db);
  });
  afterAll(() => t?.close());

  it('creates one organisation of each kind', async () => {
    const organisations = await t.db.selectFrom('organisations').select(['kind', 'status']).execute();
    expect(organisations.map((o) => o.kind).sort()).toEqual(['authority', 'initiative', 'platform', 'supplier']);
    expect(organisations.every((o) => o.status === 'active')).toBe(true);
  });

  it('creates users with every role, in the kinds of organisation that have it', async () => {
    const users = await usersWithKinds(t.db);
    const pairs = new Set(users.map((user) => `${user.kind}:${user.role}`));
    expect([...pairs].sort()).toEqual([
      'authority:coordinator',
      'authority:viewer',
      'initiative:member',
      'platform:admin',
      'platform:reviewer',
      'supplier:member',
    ]);
  });

  it('returns the logins it created, matching the users in the database', async () => {
    expect(logins).toBeDefined();
    const users = await usersWithKinds(t.db);
    const byEmail = (a: { email: string }, b: { email: string }) => (a.email < b.email ? -1 : 1);
    expect([...logins!].sort(byEmail)).toEqual(
      users.map((user) => ({ email: user.email, role: user.role, organisation: user.name })).sort(byEmail),
    );
  });

  it('records what it created in the audit trail', async () => {
    const events = await t.db.selectFrom('audit_events').select(['action', 'summary']).execute();
    const { organisations, users } = await counts(t.db);
    expect(events.filter((e) => e.action === 'organisation.created')).toHaveLength(organisations);
    expect(events.filter((e) => e.action === 'user.created')).toHaveLength(users);
    expect(events.every((e) => (e.summary as { source?: string }).source === 'seed')).toBe(true);
  });

  it('lets every printed demo login sign in through the API with DEMO_PASSWORD', async () => {
    for (const login of logins!) {
      const session = await signIn(t.app, { email: login.email, password: DEMO_PASSWORD }, '10.50.0.1');
      const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: session.headers });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ user: { email: login.email, role: login.role }, organisation: { name: login.organisation } });
    }
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: logins![0]!.email, password: 'not-the-demo-password' },
      remoteAddress: '10.50.0.2',
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('creates nothing when called again', async () => {
    const before = await counts(t.db);
    expect(await seedDemo(t.db)).toBeUndefined();
    expect(await counts(t.db)).toEqual(before);
  });

  it('does not add a first admin to a database that has data', async () => {
    const before = await counts(t.db);
    expect(await seedFirstAdmin(t.db, { email: 'late-admin@test.example', password: 'late admin password' })).toBe(false);
    expect(await counts(t.db)).toEqual(before);
    expect(await t.db.selectFrom('users').where('email', '=', 'late-admin@test.example').select('id').executeTakeFirst()).toBeUndefined();
  });

  it('formats the demo logins listing every email and the password', () => {
    const text = formatDemoLogins(logins!);
    expect(text).toContain(DEMO_PASSWORD);
    const lines = text.split('\n');
    for (const login of logins!) {
      const line = lines.find((candidate) => candidate.trim().startsWith(`${login.email} `));
      expect(line, login.email).toBeDefined();
      expect(line).toContain(login.role);
      expect(line).toContain(login.organisation);
    }
    expect(lines).toHaveLength(logins!.length + 1);
  });
});

describe('seedFirstAdmin', () => {
  let t: TestApp;
  const admin = { email: 'Root@Impactbeurs.Test', password: 'first admin password 2026' };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('creates a platform admin on an empty database, who can sign in', async () => {
    expect(await seedFirstAdmin(t.db, admin)).toBe(true);
    expect(await counts(t.db)).toMatchObject({ organisations: 1, users: 1 });

    const session = await signIn(t.app, { email: 'root@impactbeurs.test', password: admin.password });
    const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: session.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: 'root@impactbeurs.test', role: 'admin', organisationKind: 'platform' },
      organisation: { kind: 'platform' },
    });
    // A platform admin indeed: the admin-only audit trail opens.
    const audit = await t.app.inject({ method: 'GET', url: '/v1/audit', headers: session.headers });
    expect(audit.statusCode).toBe(200);
  });

  it('does nothing the second time', async () => {
    const before = await counts(t.db);
    expect(await seedFirstAdmin(t.db, { email: 'second@impactbeurs.test', password: 'another admin password' })).toBe(false);
    expect(await counts(t.db)).toEqual(before);
  });

  it('leaves room for demo data beside the first admin, in the same platform organisation', async () => {
    const logins = await seedDemo(t.db);
    expect(logins).toBeDefined();
    const organisations = await t.db.selectFrom('organisations').select('kind').execute();
    expect(organisations.map((o) => o.kind).sort()).toEqual(['authority', 'initiative', 'platform', 'supplier']);
    // The first admin still signs in with its own password.
    await signIn(t.app, { email: 'root@impactbeurs.test', password: admin.password });
  });
});
