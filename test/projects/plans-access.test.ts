import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/lib/pagination.js';
import { type FixtureUser, type Person, type SignedIn, TestContext } from '../factory/index.js';
import { insertPlan, validPlanInput } from '../factory/plans.js';

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

type Who =
  | 'memberA'
  | 'colleagueA'
  | 'memberB'
  | 'admin'
  | 'reviewer'
  | 'otherReviewer'
  | 'supplierMember'
  | 'coordinator'
  | 'viewer';

describe('project plans: who may see and change what', () => {
  let t: TestContext;
  const users = {} as Record<Who, FixtureUser>;
  const as = {} as Record<Who, SignedIn>;
  /** A's draft (made through the API), B's submitted plan (inserted, with round 1). */
  let planA: string;
  let planB: { projectId: string; roundId: string | null };

  beforeAll(async () => {
    t = await TestContext.create();
    const memberA = await t.newInitiative();
    const memberB = await t.newInitiative();
    const coordinator = await t.newAuthority();
    const people: Record<Who, Person> = {
      memberA,
      colleagueA: await t.newInitiative({ organisation: memberA.organisation }),
      memberB,
      admin: await t.platformAdmin(),
      reviewer: await t.newReviewer(),
      otherReviewer: await t.newReviewer(),
      supplierMember: await t.newSupplier(),
      coordinator,
      viewer: await t.newAuthority({ role: 'viewer', organisation: coordinator.organisation }),
    };
    for (const who of Object.keys(people) as Who[]) {
      users[who] = people[who].user;
      as[who] = people[who].as;
    }

    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/plans',
      headers: as.memberA.headers,
      payload: validPlanInput(),
    });
    expect(created.statusCode, created.body).toBe(201);
    planA = created.json().id;
    planB = await insertPlan(t.db, memberB.organisation, memberB.user, 'submitted');
  });
  afterAll(() => t?.close());

  const list = (who: Who, query = '') =>
    t.app.inject({ method: 'GET', url: `/v1/plans${query}`, headers: as[who].headers });
  const get = (who: Who, id: string) =>
    t.app.inject({ method: 'GET', url: `/v1/plans/${id}`, headers: as[who].headers });
  const patch = (who: Who, id: string) =>
    t.app.inject({
      method: 'PATCH',
      url: `/v1/plans/${id}`,
      headers: as[who].headers,
      payload: { title: `Overgenomen door ${who}` },
    });
  const submit = (who: Who, id: string) =>
    t.app.inject({ method: 'POST', url: `/v1/plans/${id}/submit`, headers: as[who].headers });
  const listedIds = async (who: Who, query = '') => {
    const response = await list(who, query);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().items as { id: string }[]).map((item) => item.id);
  };
  const titleOf = async (id: string) =>
    (
      await t.db
        .selectFrom('projects')
        .select('title')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).title;

  async function assign(reviewer: FixtureUser, roundId: string) {
    await t.db
      .insertInto('panel_assignments')
      .values({
        round_id: roundId,
        reviewer_id: reviewer.id,
        assigned_by: users.admin.id,
        assigned_at: new Date(),
      })
      .execute();
  }

  it('requires a signed-in user for every plan route', async () => {
    for (const [method, url] of [
      ['GET', '/v1/plans'],
      ['POST', '/v1/plans'],
      ['GET', `/v1/plans/${planA}`],
      ['PATCH', `/v1/plans/${planA}`],
      ['POST', `/v1/plans/${planA}/submit`],
    ] as const) {
      expectProblem(
        await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {} }),
        401,
        'AUTH.REQUIRED',
      );
    }
  });

  describe('initiatives', () => {
    it('an initiative member lists and reads its own organisation’s plans, a colleague’s too', async () => {
      expect(await listedIds('memberA')).toEqual([planA]);
      expect(await listedIds('colleagueA')).toEqual([planA]);
      expect((await get('colleagueA', planA)).statusCode).toBe(200);
      expect(await listedIds('memberB')).toEqual([planB.projectId]);
    });

    it('initiative A cannot read, edit or submit B’s plan: 404, as if it did not exist', async () => {
      expectProblem(await get('memberA', planB.projectId), 404, 'RESOURCE.NOT_FOUND');
      expectProblem(await patch('memberA', planB.projectId), 404, 'RESOURCE.NOT_FOUND');
      expectProblem(await submit('memberA', planB.projectId), 404, 'RESOURCE.NOT_FOUND');
      expectProblem(await get('memberB', planA), 404, 'RESOURCE.NOT_FOUND');
      expectProblem(await patch('memberB', planA), 404, 'RESOURCE.NOT_FOUND');
      expectProblem(await submit('memberB', planA), 404, 'RESOURCE.NOT_FOUND');
      // the same answer as a plan that does not exist at all
      const missing = await get('memberA', '6f1c8f5e-2b7a-4c1e-9a53-0d2f4b1e7c90');
      expectProblem(missing, 404, 'RESOURCE.NOT_FOUND');
      expect((await get('memberA', planB.projectId)).json().detail).toBe(missing.json().detail);
      expect(await titleOf(planA)).toBe(validPlanInput().title);
      expect(await titleOf(planB.projectId)).toBe(validPlanInput().title);
    });

    it('a colleague in the same initiative may edit the plan', async () => {
      const response = await patch('colleagueA', planA);
      expect(response.statusCode, response.body).toBe(200);
      expect(await titleOf(planA)).toBe('Overgenomen door colleagueA');
    });
  });

  describe('suppliers and authorities', () => {
    for (const who of ['supplierMember', 'coordinator', 'viewer'] as const) {
      it(`${who}: 403 on the list and on creating, 404 on a plan`, async () => {
        expectProblem(await list(who), 403, 'AUTH.FORBIDDEN');
        expectProblem(
          await t.app.inject({
            method: 'POST',
            url: '/v1/plans',
            headers: as[who].headers,
            payload: validPlanInput(),
          }),
          403,
          'AUTH.FORBIDDEN',
        );
        for (const id of [planA, planB.projectId]) {
          expectProblem(await get(who, id), 404, 'RESOURCE.NOT_FOUND');
          expectProblem(await patch(who, id), 404, 'RESOURCE.NOT_FOUND');
          expectProblem(await submit(who, id), 404, 'RESOURCE.NOT_FOUND');
        }
      });
    }
  });

  describe('reviewers', () => {
    it('see nothing before an assignment', async () => {
      expect(await listedIds('reviewer')).toEqual([]);
      expectProblem(await get('reviewer', planB.projectId), 404, 'RESOURCE.NOT_FOUND');
      expectProblem(await get('reviewer', planA), 404, 'RESOURCE.NOT_FOUND');
    });

    it('see exactly the plans assigned to them, and cannot change them', async () => {
      await assign(users.reviewer, planB.roundId!);
      expect(await listedIds('reviewer')).toEqual([planB.projectId]);
      const response = await get('reviewer', planB.projectId);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        id: planB.projectId,
        status: 'submitted',
        reviewRound: 1,
      });
      expectProblem(await get('reviewer', planA), 404, 'RESOURCE.NOT_FOUND');
      expectProblem(await patch('reviewer', planB.projectId), 403, 'AUTH.FORBIDDEN');
      expectProblem(await submit('reviewer', planB.projectId), 403, 'AUTH.FORBIDDEN');
      // another reviewer's assignment shows them nothing
      expect(await listedIds('otherReviewer')).toEqual([]);
      expectProblem(await get('otherReviewer', planB.projectId), 404, 'RESOURCE.NOT_FOUND');
    });

    it('cannot create plans', async () => {
      expectProblem(
        await t.app.inject({
          method: 'POST',
          url: '/v1/plans',
          headers: as.reviewer.headers,
          payload: validPlanInput(),
        }),
        403,
        'AUTH.FORBIDDEN',
      );
    });
  });

  describe('platform admins', () => {
    it('list and read every plan, but neither create, edit nor submit one', async () => {
      const ids = await listedIds('admin');
      expect(ids).toEqual(expect.arrayContaining([planA, planB.projectId]));
      for (const id of [planA, planB.projectId])
        expect((await get('admin', id)).statusCode).toBe(200);
      expectProblem(await patch('admin', planA), 403, 'AUTH.FORBIDDEN');
      expectProblem(await submit('admin', planA), 403, 'AUTH.FORBIDDEN');
      expectProblem(
        await t.app.inject({
          method: 'POST',
          url: '/v1/plans',
          headers: as.admin.headers,
          payload: validPlanInput(),
        }),
        403,
        'AUTH.FORBIDDEN',
      );
      expect((await get('admin', planA)).json().status).toBe('draft');
    });

    it('filter by status', async () => {
      expect(await listedIds('admin', '?status=submitted')).toEqual([planB.projectId]);
      expect(await listedIds('admin', '?status=draft')).toEqual([planA]);
      expect(await listedIds('memberA', '?status=submitted')).toEqual([]);
      expectProblem(await list('admin', '?status=pending'), 400, 'VALIDATION.FAILED');
    });
  });

  it('answers 400 for an id that is not a uuid', async () => {
    expectProblem(await get('memberA', 'not-a-uuid'), 400, 'VALIDATION.FAILED');
  });

  describe('pagination', () => {
    it('pages through an initiative’s plans newest first, every plan exactly once, also when created at the same instant', async () => {
      const { user: member, organisation: org, as: session } = await t.newInitiative();
      const made: string[] = [];
      for (let i = 0; i < 5; i++) {
        // Pairs share a timestamp, so the id has to break the tie.
        if (i % 2 === 0) t.clock.advance(1_000);
        const response = await t.app.inject({
          method: 'POST',
          url: '/v1/plans',
          headers: session.headers,
          payload: { title: `Plan nummer ${i}` },
        });
        expect(response.statusCode, response.body).toBe(201);
        made.push(response.json().id);
      }
      // Plans made outside the API have microsecond timestamps; they page correctly as well.
      for (let i = 0; i < 2; i++) made.push((await insertPlan(t.db, org, member)).projectId);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response: LightMyRequestResponse = await t.app.inject({
          method: 'GET',
          url: `/v1/plans?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          headers: session.headers,
        });
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json() as {
          items: { id: string; createdAt: string }[];
          nextCursor: string | null;
        };
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);

      expect(pages).toBe(4);
      expect(seen).toHaveLength(made.length);
      expect(new Set(seen)).toEqual(new Set(made));
      const rows = await t.db
        .selectFrom('projects')
        .select(['id', 'created_at'])
        .where('initiative_id', '=', org.id)
        .execute();
      const createdAt = new Map(rows.map((row) => [row.id, row.created_at.getTime()]));
      for (let i = 1; i < seen.length; i++)
        expect(createdAt.get(seen[i - 1]!)!).toBeGreaterThanOrEqual(createdAt.get(seen[i]!)!);
    });

    it('refuses a forged or damaged cursor with 400, not 500', async () => {
      for (const cursor of [
        'not-base64-json',
        encodeCursor({ createdAt: "2026'; drop table projects; --", id: planA }),
        encodeCursor({ createdAt: '2026-01-01T00:00:00.000000Z', id: 'x' }),
      ]) {
        expectProblem(
          await list('admin', `?cursor=${encodeURIComponent(cursor)}`),
          400,
          'VALIDATION.INVALID_CURSOR',
        );
      }
    });
  });
});
