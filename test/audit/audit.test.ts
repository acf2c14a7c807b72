import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/lib/pagination.js';
import { type Person, type SignedIn, TestContext, type User } from '../factory/index.js';
import { uniqueKvk } from '../helpers/fixtures.js';

interface AuditEventBody {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  summary: Record<string, unknown>;
  requestId: string | null;
}

interface AuditPage {
  items: AuditEventBody[];
  nextCursor: string | null;
}

describe('audit trail', () => {
  let t: TestContext;
  let platformAdmin: Person;
  let admin: SignedIn;
  let reviewer: User;
  let initiativeMember: User;
  let supplierMember: User;
  let coordinator: User;
  let viewer: User;

  beforeAll(async () => {
    t = await TestContext.create();
    platformAdmin = await t.platformAdmin();
    admin = platformAdmin.as;
    reviewer = await t.newUser({ role: 'reviewer' });
    initiativeMember = await t.newUser({ role: 'member', kind: 'initiative' });
    supplierMember = await t.newUser({ role: 'member', kind: 'supplier' });
    coordinator = await t.newUser({ role: 'coordinator' });
    viewer = await t.newUser({ role: 'viewer', organisation: coordinator.organisation });
  });
  afterAll(() => t?.close());

  async function insertEvent(values: {
    action: string;
    subjectType?: string;
    subjectId?: string | null;
    actorUserId?: string | null;
    actorOrganisationId?: string | null;
    occurredAt?: Date;
  }) {
    const row = await t.db
      .insertInto('audit_events')
      .values({
        action: values.action,
        subject_type: values.subjectType ?? 'thing',
        subject_id: values.subjectId ?? null,
        actor_user_id: values.actorUserId ?? null,
        actor_organisation_id: values.actorOrganisationId ?? null,
        summary: JSON.stringify({ note: 'test' }),
        request_id: null,
        ...(values.occurredAt ? { occurred_at: values.occurredAt } : {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return row;
  }

  async function list(
    query: Record<string, string | number>,
    headers: Record<string, string> = admin.headers,
  ) {
    const search = new URLSearchParams(
      Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
    );
    return t.app.inject({ method: 'GET', url: `/v1/audit?${search.toString()}`, headers });
  }

  async function listOk(query: Record<string, string | number>): Promise<AuditPage> {
    const response = await list(query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AuditPage>();
  }

  describe('append-only at the database', () => {
    async function readRow(id: string) {
      return t.db
        .selectFrom('audit_events')
        .selectAll()
        .where('id', '=', Number(id))
        .executeTakeFirst();
    }

    it('refuses UPDATE, DELETE and TRUNCATE and leaves the row unchanged', async () => {
      const inserted = await insertEvent({ action: 'test.append_only', subjectId: 'immutable' });
      const id = String(inserted.id);
      const before = await readRow(id);
      expect(before).toBeDefined();
      const countBefore = await t.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();

      await expect(
        sql`UPDATE audit_events SET action = 'test.tampered' WHERE id = ${id}`.execute(t.db),
      ).rejects.toThrow(/append-only/);
      await expect(
        sql`UPDATE audit_events SET summary = '{}'::jsonb`.execute(t.db),
      ).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_events WHERE id = ${id}`.execute(t.db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`TRUNCATE audit_events`.execute(t.db)).rejects.toThrow(/append-only/);

      expect(await readRow(id)).toEqual(before);
      const countAfter = await t.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(countAfter.n)).toBe(Number(countBefore.n));
    });
  });

  describe('GET /v1/audit', () => {
    it('requires a signed-in user', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/v1/audit' });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 401, code: 'AUTH.REQUIRED' });
    });

    it('is for platform admins only', async () => {
      for (const user of [reviewer, initiativeMember, supplierMember, coordinator, viewer]) {
        const session = (await t.signIn(user)).as;
        const response = await list({}, session.headers);
        expect(response.statusCode, `${user.role} ${response.body}`).toBe(403);
        expect(response.json()).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN' });
        expect(response.body).not.toContain('"items"');
      }
      const response = await list({});
      expect(response.statusCode).toBe(200);
    });

    it('lists events newest first', async () => {
      const a = await insertEvent({ action: 'test.ordering' });
      const b = await insertEvent({ action: 'test.ordering' });
      const c = await insertEvent({ action: 'test.ordering' });
      const page = await listOk({ action: 'test.ordering' });
      expect(page.items.map((event) => event.id)).toEqual([c.id, b.id, a.id].map(String));

      const everything = await listOk({ limit: 100 });
      const ids = everything.items.map((event) => BigInt(event.id));
      expect(ids.length).toBeGreaterThan(3);
      for (let i = 1; i < ids.length; i++) expect(ids[i]! < ids[i - 1]!).toBe(true);
    });

    it('filters by action, subject, organisation, actor and time', async () => {
      const initiative = initiativeMember.organisation.id;
      const supplier = supplierMember.organisation.id;
      const e1 = await insertEvent({
        action: 'test.filtered',
        subjectType: 'widget',
        subjectId: 'w1',
        actorUserId: initiativeMember.id,
        actorOrganisationId: initiative,
        occurredAt: new Date('2001-01-01T00:00:00Z'),
      });
      const e2 = await insertEvent({
        action: 'test.filtered',
        subjectType: 'widget',
        subjectId: 'w2',
        actorUserId: supplierMember.id,
        actorOrganisationId: supplier,
        occurredAt: new Date('2001-06-01T00:00:00Z'),
      });
      const e3 = await insertEvent({
        action: 'test.filtered',
        subjectType: 'gadget',
        subjectId: 'w1',
        actorUserId: initiativeMember.id,
        actorOrganisationId: initiative,
        occurredAt: new Date('2002-01-01T00:00:00Z'),
      });
      const e4 = await insertEvent({
        action: 'test.other',
        subjectType: 'widget',
        subjectId: 'w1',
        actorOrganisationId: initiative,
      });
      const ids = async (query: Record<string, string>) =>
        (await listOk(query)).items.map((event) => event.id);

      expect(await ids({ action: 'test.filtered' })).toEqual([e3.id, e2.id, e1.id].map(String));
      expect(await ids({ action: 'test.filtered', subjectType: 'widget' })).toEqual(
        [e2.id, e1.id].map(String),
      );
      expect(await ids({ subjectType: 'widget', subjectId: 'w1' })).toEqual(
        [e4.id, e1.id].map(String),
      );
      expect(await ids({ action: 'test.filtered', organisationId: initiative })).toEqual(
        [e3.id, e1.id].map(String),
      );
      expect(await ids({ action: 'test.filtered', organisationId: supplier })).toEqual([
        String(e2.id),
      ]);
      expect(await ids({ action: 'test.filtered', actorUserId: supplierMember.id })).toEqual([
        String(e2.id),
      ]);
      // from is inclusive, to exclusive.
      expect(
        await ids({
          action: 'test.filtered',
          from: '2001-06-01T00:00:00Z',
          to: '2002-01-01T00:00:00Z',
        }),
      ).toEqual([String(e2.id)]);
      expect(await ids({ action: 'test.filtered', from: '2001-06-01T00:00:00Z' })).toEqual(
        [e3.id, e2.id].map(String),
      );
      expect(await ids({ action: 'test.filtered', to: '2001-06-01T02:00:00+02:00' })).toEqual([
        String(e1.id),
      ]);
      expect(await ids({ action: 'test.nothing_like_this' })).toEqual([]);

      const [event] = (await listOk({ action: 'test.filtered', subjectType: 'gadget' })).items;
      expect(event).toEqual({
        id: String(e3.id),
        occurredAt: '2002-01-01T00:00:00.000Z',
        actorUserId: initiativeMember.id,
        actorOrganisationId: initiative,
        action: 'test.filtered',
        subjectType: 'gadget',
        subjectId: 'w1',
        summary: { note: 'test' },
        requestId: null,
      });
    });

    it('pages with a keyset cursor until nextCursor is null', async () => {
      const inserted: string[] = [];
      for (let i = 0; i < 7; i++)
        inserted.push(String((await insertEvent({ action: 'test.paged' })).id));

      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      do {
        const page: AuditPage = await listOk({
          action: 'test.paged',
          limit: 3,
          ...(cursor ? { cursor } : {}),
        });
        sizes.push(page.items.length);
        seen.push(...page.items.map((event) => event.id));
        cursor = page.nextCursor;
      } while (cursor !== null && sizes.length < 10);

      expect(sizes).toEqual([3, 3, 1]);
      expect(seen).toEqual([...inserted].reverse());

      // An event recorded after the first page was read does not shift the later pages.
      const first = await listOk({ action: 'test.paged', limit: 3 });
      await insertEvent({ action: 'test.paged' });
      const second = await listOk({ action: 'test.paged', limit: 3, cursor: first.nextCursor! });
      expect(second.items.map((event) => event.id)).toEqual(seen.slice(3, 6));

      // Exactly `limit` rows left: no further page is announced.
      const exact = await listOk({ action: 'test.paged', limit: 8 });
      expect(exact.items).toHaveLength(8);
      expect(exact.nextCursor).toBeNull();
    });

    it('refuses a cursor it did not issue with 400', async () => {
      for (const cursor of [
        'not-a-cursor!!',
        encodeCursor({ name: 'x' }),
        encodeCursor({ id: 'abc' }),
        encodeCursor({ id: '1 OR 1=1' }),
      ]) {
        const response = await list({ cursor });
        expect(response.statusCode, `${cursor}: ${response.body}`).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json().code).toMatch(/^VALIDATION\./);
      }
    });

    it('validates the query', async () => {
      const queries: Record<string, string | number>[] = [
        { limit: 0 },
        { limit: 101 },
        { from: 'yesterday' },
        { organisationId: 'not-a-uuid' },
      ];
      for (const query of queries) {
        const response = await list(query);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ code: 'VALIDATION.FAILED' });
        expect(response.json().errors[0].path).toMatch(/^querystring\./);
      }
    });
  });

  describe('events record who caused them, and in which request', () => {
    it('carries the request id of the request that made the change', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/organisations',
        headers: admin.headers,
        payload: { kind: 'supplier', name: 'Audit Test B.V.', kvkNumber: uniqueKvk() },
      });
      expect(created.statusCode, created.body).toBe(201);
      const requestId = created.headers['x-request-id'];
      expect(requestId).toEqual(expect.any(String));
      const organisationId = created.json<{ id: string }>().id;

      const page = await listOk({ subjectType: 'organisation', subjectId: organisationId });
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({
        action: 'organisation.created',
        subjectType: 'organisation',
        subjectId: organisationId,
        actorUserId: platformAdmin.user.id,
        actorOrganisationId: platformAdmin.organisation.id,
        requestId,
      });
    });

    it('records a sign-in with the request id of the login request', async () => {
      const login = await t.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: viewer.email, password: viewer.password },
      });
      expect(login.statusCode).toBe(200);
      const page = await listOk({
        action: 'auth.logged_in',
        actorUserId: viewer.id,
        limit: 1,
      });
      expect(page.items[0]).toMatchObject({
        subjectId: viewer.id,
        actorOrganisationId: viewer.organisation.id,
        requestId: login.headers['x-request-id'],
      });
    });
  });
});
