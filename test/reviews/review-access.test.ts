import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, type Person, TestContext } from '../factory/index.js';

describe('review access', () => {
  let t: TestContext;
  let admin: Person;
  let secondAdmin: Person;
  let reviewers: Person[];
  let initiative: Person;
  let supplier: Person;
  let coordinator: Person;

  beforeAll(async () => {
    t = await TestContext.create();
    admin = await t.platformAdmin();
    secondAdmin = await t.newAdmin();
    reviewers = await t.newReviewPanel(6);
    initiative = await t.newInitiative();
    supplier = await t.newSupplier();
    coordinator = await t.newAuthority();
  });
  afterAll(() => t.close());

  it('only platform admins assign, request changes, record a consensus, award and list: 403 for everyone else', async () => {
    const plan = await t.insertPlan({ initiative });
    const ids = reviewers.slice(0, 3).map((r) => r.user.id);
    for (const who of [reviewers[0]!, initiative, supplier, coordinator]) {
      expectProblem(await t.reviews.assign(who.as, plan.id, ids), 403, 'AUTH.FORBIDDEN');
      expectProblem(await t.reviews.requestChanges(who.as, plan.id), 403, 'AUTH.FORBIDDEN');
      expectProblem(
        await t.reviews.consensus(who.as, plan.id, [3, 3, 3, 3]),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(await t.reviews.award(who.as, plan.id), 403, 'AUTH.FORBIDDEN');
      expectProblem(await t.reviews.list(who.as, plan.id), 403, 'AUTH.FORBIDDEN');
    }
    const assigned = await t.db
      .selectFrom('panel_assignments')
      .select('id')
      .where('round_id', '=', plan.roundId!)
      .execute();
    expect(assigned).toHaveLength(0);
    const unauthenticated = await t.app.inject({
      method: 'GET',
      url: `/v1/plans/${plan.id}/review`,
    });
    expectProblem(unauthenticated, 401, 'AUTH.REQUIRED');
  });

  it('admins award and list only after a complete review; awarding and listing are refused for everyone else at every step', async () => {
    const plan = await t.newScoredPlan({
      panel: reviewers,
      initiative,
      scores: [
        [4, 4, 4, 4],
        [4, 4, 4, 4],
        [4, 4, 4, 4],
      ],
    });
    for (const who of [plan.panel[0]!, initiative, supplier]) {
      expectProblem(await t.reviews.award(who.as, plan.id), 403, 'AUTH.FORBIDDEN');
    }
    expectStatus(await t.reviews.award(admin.as, plan.id), 201);
    for (const who of [plan.panel[0]!, initiative, supplier]) {
      expectProblem(await t.reviews.list(who.as, plan.id), 403, 'AUTH.FORBIDDEN');
    }
    expectStatus(await t.reviews.list(admin.as, plan.id), 200);
  });

  it('the review is visible to admins and to reviewers on the panel only: 404 for everyone else', async () => {
    const plan = await t.insertPlan({ initiative });
    const panel = reviewers.slice(0, 3);
    await t.reviews.assignAndDeclare(admin.as, plan.id, panel);
    expectStatus(await t.reviews.review(admin.as, plan.id), 200);
    expectStatus(await t.reviews.review(secondAdmin.as, plan.id), 200);
    expectStatus(await t.reviews.review(panel[2]!.as, plan.id), 200);
    for (const who of [reviewers[4]!, initiative, supplier, coordinator]) {
      expectProblem(await t.reviews.review(who.as, plan.id), 404, 'RESOURCE.NOT_FOUND');
    }
    expectProblem(await t.reviews.review(admin.as, randomUUID()), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await t.reviews.review(admin.as, plan.id, 7), 404, 'RESOURCE.NOT_FOUND');
  });

  it('a reviewer not on the panel gets 404 on another reviewer’s assignment', async () => {
    const plan = await t.insertPlan({ initiative });
    const panel = reviewers.slice(0, 3);
    expectStatus(
      await t.reviews.assign(
        admin.as,
        plan.id,
        panel.map((p) => p.user.id),
      ),
      201,
    );
    const id = await t.reviews.assignmentOf(panel[0]!.as, plan.id);
    const outsider = reviewers[5]!;
    expectProblem(await t.reviews.declare(outsider.as, id, 'none'), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(await t.reviews.score(outsider.as, id, [3, 3, 3, 3]), 404, 'RESOURCE.NOT_FOUND');
    expectProblem(
      await t.reviews.declare(outsider.as, randomUUID(), 'none'),
      404,
      'RESOURCE.NOT_FOUND',
    );
  });

  it('the assignments list shows a reviewer its own assignments only, and only reviewers have one', async () => {
    const plan = await t.insertPlan({ initiative });
    await t.reviews.assignAndDeclare(admin.as, plan.id, reviewers.slice(0, 3));
    const outsider = (await t.reviews.assignments(reviewers[5]!.as)).json();
    expect(outsider.items.map((a: { projectId: string }) => a.projectId)).not.toContain(plan.id);
    for (const who of [admin, initiative, supplier]) {
      expectProblem(await t.reviews.assignments(who.as), 403, 'AUTH.FORBIDDEN');
    }
  });

  it('pages through a reviewer’s assignments, newest first, with a cursor', async () => {
    const reviewer = reviewers[0]!;
    const all = (await t.reviews.assignments(reviewer.as, '?limit=100')).json().items as {
      id: string;
      assignedAt: string;
    }[];
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.reviews.assignments(
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
      await t.reviews.assignments(reviewer.as, '?cursor=bm90LWEtY3Vyc29y'),
      400,
      'VALIDATION.INVALID_CURSOR',
    );
  });
});

describe('review data in the database', () => {
  let t: TestContext;
  let admin: Person;
  let secondAdmin: Person;
  let reviewers: Person[];
  let initiative: Person;

  beforeAll(async () => {
    t = await TestContext.create();
    admin = await t.platformAdmin();
    secondAdmin = await t.newAdmin();
    reviewers = await t.newReviewPanel(6);
    initiative = await t.newInitiative();
  });
  afterAll(() => t.close());

  it('refuses to update or delete a submitted score, a consensus or an award', async () => {
    const plan = await t.newScoredPlan({
      panel: reviewers,
      initiative,
      scores: [
        [0, 3, 3, 3],
        [4, 3, 3, 3],
        [4, 3, 3, 3],
      ],
    });
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

    expectStatus(await t.reviews.consensus(admin.as, plan.id, [3, 3, 3, 3]), 201);
    await expect(
      sql`UPDATE review_consensus SET reach = 5 WHERE round_id = ${plan.roundId}`.execute(t.db),
    ).rejects.toThrow();
    expectStatus(await t.reviews.award(secondAdmin.as, plan.id), 201);
    await expect(
      sql`UPDATE awards SET supply = supply + 1 WHERE round_id = ${plan.roundId}`.execute(t.db),
    ).rejects.toThrow();
    expectStatus(await t.reviews.list(admin.as, plan.id), 200);
    await expect(
      sql`UPDATE credit_ledger SET quantity = quantity + 1 WHERE project_id = ${plan.id}`.execute(
        t.db,
      ),
    ).rejects.toThrow();
  });

  it('concurrent double scoring: exactly one succeeds, the other answers 409 REVIEW.ALREADY_SCORED', async () => {
    const plan = await t.insertPlan({ initiative });
    const panel = reviewers.slice(0, 3);
    const ids = await t.reviews.assignAndDeclare(admin.as, plan.id, panel);
    const responses = await Promise.all([
      t.reviews.score(panel[0]!.as, ids[0]!, [1, 1, 1, 1]),
      t.reviews.score(panel[0]!.as, ids[0]!, [5, 5, 5, 5]),
      t.reviews.score(panel[0]!.as, ids[0]!, [3, 3, 3, 3]),
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
      .where('subject_id', '=', plan.id)
      .execute();
    expect(events).toHaveLength(1);
  });

  it('concurrent awards and listings: one of each succeeds, credits are issued once', async () => {
    const plan = await t.newScoredPlan({
      panel: reviewers,
      initiative,
      scores: [
        [4, 4, 4, 4],
        [4, 4, 4, 4],
        [4, 4, 4, 4],
      ],
    });
    const awards = await Promise.all([
      t.reviews.award(admin.as, plan.id),
      t.reviews.award(secondAdmin.as, plan.id),
    ]);
    expect(awards.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const lists = await Promise.all([
      t.reviews.list(admin.as, plan.id),
      t.reviews.list(secondAdmin.as, plan.id),
    ]);
    expect(lists.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    // S = 0.8; N = floor(10 000 000 × 0.8 / 3 800) = 2 105
    const balance = await t.db
      .selectFrom('project_credit_balances')
      .selectAll()
      .where('project_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(balance).toMatchObject({ supply: 2105, reserved: 0, sold: 0 });
    const ledger = await t.db
      .selectFrom('credit_ledger')
      .select('quantity')
      .where('project_id', '=', plan.id)
      .execute();
    expect(ledger).toEqual([{ quantity: 2105 }]);
  });

  it('concurrent assignments of the same reviewer: one succeeds', async () => {
    const plan = await t.insertPlan({ initiative });
    const base = reviewers.slice(0, 3).map((r) => r.user.id);
    expectStatus(await t.reviews.assign(admin.as, plan.id, base), 201);
    const extra = reviewers[3]!.user.id;
    const responses = await Promise.all([
      t.reviews.assign(admin.as, plan.id, [extra]),
      t.reviews.assign(secondAdmin.as, plan.id, [extra]),
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
