import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  createReviewWorld,
  expectProblem,
  expectStatus,
  reviewApi,
  type ReviewWorld,
} from './review-helpers.js';

describe('review access', () => {
  let t: TestApp;
  let w: ReviewWorld;
  let api: ReturnType<typeof reviewApi>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createReviewWorld(t);
    api = reviewApi(t);
  });
  afterAll(() => t.close());

  it('only platform admins assign, request changes, record a consensus, award and list: 403 for everyone else', async () => {
    const plan = await w.newPlan();
    const ids = w.reviewers.slice(0, 3).map((r) => r.user.id);
    for (const who of [w.reviewers[0]!, w.initiativeMember, w.supplierMember, w.coordinator]) {
      expectProblem(await api.assign(who.as, plan.projectId, ids), 403, 'AUTH.FORBIDDEN');
      expectProblem(await api.requestChanges(who.as, plan.projectId), 403, 'AUTH.FORBIDDEN');
      expectProblem(
        await api.consensus(who.as, plan.projectId, [3, 3, 3, 3]),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(await api.award(who.as, plan.projectId), 403, 'AUTH.FORBIDDEN');
      expectProblem(await api.list(who.as, plan.projectId), 403, 'AUTH.FORBIDDEN');
    }
    const assigned = await t.db
      .selectFrom('panel_assignments')
      .select('id')
      .where('round_id', '=', plan.roundId!)
      .execute();
    expect(assigned).toHaveLength(0);
    const unauthenticated = await t.app.inject({
      method: 'GET',
      url: `/v1/plans/${plan.projectId}/review`,
    });
    expectProblem(unauthenticated, 401, 'AUTH.REQUIRED');
  });

  it('admins award and list only after a complete review; awarding and listing are refused for everyone else at every step', async () => {
    const plan = await api.scoredPlan(w, [
      [4, 4, 4, 4],
      [4, 4, 4, 4],
      [4, 4, 4, 4],
    ]);
    for (const who of [plan.panel[0]!, w.initiativeMember, w.supplierMember]) {
      expectProblem(await api.award(who.as, plan.projectId), 403, 'AUTH.FORBIDDEN');
    }
    expectStatus(await api.award(w.admin.as, plan.projectId), 201);
    for (const who of [plan.panel[0]!, w.initiativeMember, w.supplierMember]) {
      expectProblem(await api.list(who.as, plan.projectId), 403, 'AUTH.FORBIDDEN');
    }
    expectStatus(await api.list(w.admin.as, plan.projectId), 200);
  });

  it('the review is visible to admins and to reviewers on the panel only: 404 for everyone else', async () => {
    const plan = await w.newPlan();
    const panel = w.reviewers.slice(0, 3);
    await api.assignAndDeclare(w.admin.as, plan.projectId, panel);
    expectStatus(await api.review(w.admin.as, plan.projectId), 200);
    expectStatus(await api.review(w.secondAdmin.as, plan.projectId), 200);
    expectStatus(await api.review(panel[2]!.as, plan.projectId), 200);
    for (const who of [w.reviewers[4]!, w.initiativeMember, w.supplierMember, w.coordinator]) {
      expectProblem(await api.review(who.as, plan.projectId), 404, 'RESOURCE.NOT_FOUND');
    }
    expectProblem(await api.review(w.admin.as, randomUUID()), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await api.review(w.admin.as, plan.projectId, 7), 404, 'RESOURCE.NOT_FOUND');
  });

  it('a reviewer not on the panel gets 404 on another reviewer’s assignment', async () => {
    const plan = await w.newPlan();
    const panel = w.reviewers.slice(0, 3);
    expectStatus(
      await api.assign(
        w.admin.as,
        plan.projectId,
        panel.map((p) => p.user.id),
      ),
      201,
    );
    const id = await api.assignmentOf(panel[0]!.as, plan.projectId);
    const outsider = w.reviewers[5]!;
    expectProblem(await api.declare(outsider.as, id, 'none'), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await api.score(outsider.as, id, [3, 3, 3, 3]), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await api.declare(outsider.as, randomUUID(), 'none'), 404, 'RESOURCE.NOT_FOUND');
  });

  it('the assignments list shows a reviewer its own assignments only, and only reviewers have one', async () => {
    const plan = await w.newPlan();
    await api.assignAndDeclare(w.admin.as, plan.projectId, w.reviewers.slice(0, 3));
    const outsider = (await api.assignments(w.reviewers[5]!.as)).json();
    expect(outsider.items.map((a: { projectId: string }) => a.projectId)).not.toContain(
      plan.projectId,
    );
    for (const who of [w.admin, w.initiativeMember, w.supplierMember]) {
      expectProblem(await api.assignments(who.as), 403, 'AUTH.FORBIDDEN');
    }
  });

  it('pages through a reviewer’s assignments, newest first, with a cursor', async () => {
    const reviewer = w.reviewers[0]!;
    const all = (await api.assignments(reviewer.as, '?limit=100')).json().items as {
      id: string;
      assignedAt: string;
    }[];
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.assignments(
        reviewer.as,
        `?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expectStatus(page, 200);
      seen.push(...page.json().items.map((a: { id: string }) => a.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((a) => a.id));
    const times = all.map((a) => Date.parse(a.assignedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expectProblem(
      await api.assignments(reviewer.as, '?cursor=bm90LWEtY3Vyc29y'),
      400,
      'VALIDATION.INVALID_CURSOR',
    );
  });
});

describe('review data in the database', () => {
  let t: TestApp;
  let w: ReviewWorld;
  let api: ReturnType<typeof reviewApi>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createReviewWorld(t);
    api = reviewApi(t);
  });
  afterAll(() => t.close());

  it('refuses to update or delete a submitted score, a consensus or an award', async () => {
    const plan = await api.scoredPlan(w, [
      [0, 3, 3, 3],
      [4, 3, 3, 3],
      [4, 3, 3, 3],
    ]);
    await expect(
      sql`UPDATE review_scores SET reach = 5 WHERE assignment_id = ${plan.assignmentIds[0]}`.execute(
        t.db,
      ),
    ).rejects.toThrow();
    await expect(
      sql`DELETE FROM review_scores WHERE assignment_id = ${plan.assignmentIds[0]}`.execute(t.db),
    ).rejects.toThrow();
    const row = await t.db
      .selectFrom('review_scores')
      .select('reach')
      .where('assignment_id', '=', plan.assignmentIds[0]!)
      .executeTakeFirstOrThrow();
    expect(row.reach).toBe(0);

    expectStatus(await api.consensus(w.admin.as, plan.projectId, [3, 3, 3, 3]), 201);
    await expect(
      sql`UPDATE review_consensus SET reach = 5 WHERE round_id = ${plan.roundId}`.execute(t.db),
    ).rejects.toThrow();
    expectStatus(await api.award(w.secondAdmin.as, plan.projectId), 201);
    await expect(
      sql`UPDATE awards SET supply = supply + 1 WHERE round_id = ${plan.roundId}`.execute(t.db),
    ).rejects.toThrow();
    expectStatus(await api.list(w.admin.as, plan.projectId), 200);
    await expect(
      sql`UPDATE credit_ledger SET quantity = quantity + 1 WHERE project_id = ${plan.projectId}`.execute(
        t.db,
      ),
    ).rejects.toThrow();
  });

  it('concurrent double scoring: exactly one succeeds, the other answers 409 REVIEW.ALREADY_SCORED', async () => {
    const plan = await w.newPlan();
    const panel = w.reviewers.slice(0, 3);
    const ids = await api.assignAndDeclare(w.admin.as, plan.projectId, panel);
    const responses = await Promise.all([
      api.score(panel[0]!.as, ids[0]!, [1, 1, 1, 1]),
      api.score(panel[0]!.as, ids[0]!, [5, 5, 5, 5]),
      api.score(panel[0]!.as, ids[0]!, [3, 3, 3, 3]),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const response of responses.filter((r) => r.statusCode === 409))
      expectProblem(response, 409, 'REVIEW.ALREADY_SCORED');
    const rows = await t.db
      .selectFrom('review_scores')
      .selectAll()
      .where('assignment_id', '=', ids[0]!)
      .execute();
    expect(rows).toHaveLength(1);
    const winner = responses.find((r) => r.statusCode === 201)!.json();
    expect(rows[0]!.reach).toBe(winner.score.reach.score);
    const events = await t.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'review.scored')
      .where('subject_id', '=', plan.projectId)
      .execute();
    expect(events).toHaveLength(1);
  });

  it('concurrent awards and listings: one of each succeeds, credits are issued once', async () => {
    const plan = await api.scoredPlan(w, [
      [4, 4, 4, 4],
      [4, 4, 4, 4],
      [4, 4, 4, 4],
    ]);
    const awards = await Promise.all([
      api.award(w.admin.as, plan.projectId),
      api.award(w.secondAdmin.as, plan.projectId),
    ]);
    expect(awards.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const lists = await Promise.all([
      api.list(w.admin.as, plan.projectId),
      api.list(w.secondAdmin.as, plan.projectId),
    ]);
    expect(lists.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    // S = 0.8; N = floor(10 000 000 × 0.8 / 3 800) = 2 105
    const balance = await t.db
      .selectFrom('project_credit_balances')
      .selectAll()
      .where('project_id', '=', plan.projectId)
      .executeTakeFirstOrThrow();
    expect(balance).toMatchObject({ supply: 2105, reserved: 0, sold: 0 });
    const ledger = await t.db
      .selectFrom('credit_ledger')
      .select('quantity')
      .where('project_id', '=', plan.projectId)
      .execute();
    expect(ledger).toEqual([{ quantity: 2105 }]);
  });

  it('concurrent assignments of the same reviewer: one succeeds', async () => {
    const plan = await w.newPlan();
    const base = w.reviewers.slice(0, 3).map((r) => r.user.id);
    expectStatus(await api.assign(w.admin.as, plan.projectId, base), 201);
    const extra = w.reviewers[3]!.user.id;
    const responses = await Promise.all([
      api.assign(w.admin.as, plan.projectId, [extra]),
      api.assign(w.secondAdmin.as, plan.projectId, [extra]),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await t.db
      .selectFrom('panel_assignments')
      .select('id')
      .where('round_id', '=', plan.roundId!)
      .where('reviewer_id', '=', extra)
      .execute();
    expect(rows).toHaveLength(1);
  });
});
