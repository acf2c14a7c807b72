import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  expectStatus,
  scoresBody,
  type Person,
  TestContext,
} from '../factory/index.js';

describe('review rules', () => {
  let t: TestContext;
  let admin: Person;
  let secondAdmin: Person;
  let reviewers: Person[];
  let initiative: Person;
  let supplier: Person;

  beforeAll(async () => {
    t = await TestContext.create();
    admin = await t.platformAdmin();
    secondAdmin = await t.newAdmin();
    reviewers = await t.newReviewPanel(6);
    initiative = await t.newInitiative();
    supplier = await t.newSupplier();
  });
  afterAll(() => t.close());

  describe('assigning the panel', () => {
    it('refuses a member of the plan’s own organisation: 422 REVIEW.SAME_ORGANISATION', async () => {
      const plan = await t.insertPlan({ initiative });
      const ids = [reviewers[0]!.user.id, reviewers[1]!.user.id, initiative.user.id];
      const response = await t.reviews.assign(admin.as, plan.id, ids);
      expectProblem(response, 422, 'REVIEW.SAME_ORGANISATION');
      expect(response.json().errors).toEqual([
        { path: 'body.reviewerIds.2', message: expect.any(String) },
      ]);
      // Nothing was assigned, the plan is still waiting for its panel.
      const project = await t.db
        .selectFrom('projects')
        .select('status')
        .where('id', '=', plan.id)
        .executeTakeFirstOrThrow();
      expect(project.status).toBe('submitted');
      const assigned = await t.db
        .selectFrom('panel_assignments')
        .select('id')
        .where('round_id', '=', plan.roundId!)
        .execute();
      expect(assigned).toHaveLength(0);
    });

    it('refuses anyone who is not an active reviewer: 422 REVIEW.NOT_A_REVIEWER', async () => {
      const plan = await t.insertPlan({ initiative });
      const two = [reviewers[0]!.user.id, reviewers[1]!.user.id];
      const disabled = await t.newUser({ organisation: admin.organisation, role: 'reviewer' });
      await t.db
        .updateTable('users')
        .set({ status: 'disabled' })
        .where('id', '=', disabled.id)
        .execute();
      for (const other of [supplier.user.id, admin.user.id, disabled.id, randomUUID()]) {
        expectProblem(
          await t.reviews.assign(admin.as, plan.id, [...two, other]),
          422,
          'REVIEW.NOT_A_REVIEWER',
        );
      }
    });

    it('refuses a reviewer named twice (400) and one already on the round (409 REVIEW.ALREADY_ASSIGNED)', async () => {
      const plan = await t.insertPlan({ initiative });
      const [a, b, c, d] = reviewers.map((r) => r.user.id);
      expectProblem(
        await t.reviews.assign(admin.as, plan.id, [a!, a!, b!]),
        400,
        'VALIDATION.FAILED',
      );
      expectStatus(await t.reviews.assign(admin.as, plan.id, [a!, b!, c!]), 201);
      expectProblem(
        await t.reviews.assign(admin.as, plan.id, [d!, a!]),
        409,
        'REVIEW.ALREADY_ASSIGNED',
      );
      const assigned = await t.db
        .selectFrom('panel_assignments')
        .select('reviewer_id')
        .where('round_id', '=', plan.roundId!)
        .execute();
      expect(assigned.map((r) => r.reviewer_id).sort()).toEqual([a, b, c].sort());
    });

    it('refuses a panel smaller than PANEL_MIN: 422 REVIEW.PANEL_TOO_SMALL', async () => {
      const plan = await t.insertPlan({ initiative });
      expectProblem(
        await t.reviews.assign(admin.as, plan.id, [reviewers[0]!.user.id]),
        422,
        'REVIEW.PANEL_TOO_SMALL',
      );
    });

    it('refuses a plan that is not submitted or in review: 409 REVIEW.INVALID_STATE', async () => {
      const draft = await t.insertPlan({ initiative, status: 'draft' });
      const ids = reviewers.slice(0, 3).map((r) => r.user.id);
      expectProblem(await t.reviews.assign(admin.as, draft.id, ids), 409, 'REVIEW.INVALID_STATE');
      expectProblem(await t.reviews.assign(admin.as, randomUUID(), ids), 404, 'RESOURCE.NOT_FOUND');
    });
  });

  describe('blind review', () => {
    it('a reviewer that has not scored sees no other scores, not even how many there are', async () => {
      const plan = await t.insertPlan({ initiative });
      const panel = reviewers.slice(0, 3);
      const ids = await t.reviews.assignAndDeclare(admin.as, plan.id, panel);
      expectStatus(await t.reviews.score(panel[1]!.as, ids[1]!, [5, 5, 5, 5]), 201);
      expectStatus(await t.reviews.score(panel[2]!.as, ids[2]!, [1, 1, 1, 1]), 201);

      const before = await t.reviews.review(panel[0]!.as, plan.id);
      expectStatus(before, 200);
      const body = before.json();
      expect(body.viewer).toBe('reviewer');
      expect(body.panel).toEqual([
        expect.objectContaining({
          assignmentId: ids[0],
          reviewerId: panel[0]!.user.id,
          scored: false,
          score: null,
        }),
      ]);
      expect(body.evaluation).toBeNull();
      expect(body.consensus).toBeNull();
      expect(body.award).toBeNull();
      // Nothing of the others' scores anywhere in the document.
      expect(before.body).not.toContain(ids[1]);
      expect(before.body).not.toContain(ids[2]);
      expect(before.body).not.toMatch(/Reach [0-9]|overallComment|scoredReviewers|medians/);

      expectStatus(await t.reviews.score(panel[0]!.as, ids[0]!, [3, 3, 3, 3]), 201);
      const after = await t.reviews.review(panel[0]!.as, plan.id);
      expectStatus(after, 200);
      const scores = Object.fromEntries(
        after
          .json()
          .panel.map((m: { assignmentId: string; score: { reach: { score: number } } }) => [
            m.assignmentId,
            m.score.reach.score,
          ]),
      );
      expect(scores).toEqual({ [ids[0]!]: 3, [ids[1]!]: 5, [ids[2]!]: 1 });
      expect(after.json().evaluation).toBeNull();
    });

    it('a submitted score cannot be changed: 409 REVIEW.ALREADY_SCORED', async () => {
      const plan = await t.insertPlan({ initiative });
      const panel = reviewers.slice(0, 3);
      const ids = await t.reviews.assignAndDeclare(admin.as, plan.id, panel);
      expectStatus(await t.reviews.score(panel[0]!.as, ids[0]!, [3, 3, 3, 3]), 201);
      expectProblem(
        await t.reviews.score(panel[0]!.as, ids[0]!, [5, 5, 5, 5]),
        409,
        'REVIEW.ALREADY_SCORED',
      );
      const row = await t.db
        .selectFrom('review_scores')
        .selectAll()
        .where('assignment_id', '=', ids[0]!)
        .executeTakeFirstOrThrow();
      expect(row.reach).toBe(3);
    });
  });

  describe('declarations', () => {
    it('a reviewer must declare before scoring, declares once, and a conflict recuses it', async () => {
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
      expectProblem(
        await t.reviews.score(panel[0]!.as, id, [3, 3, 3, 3]),
        409,
        'REVIEW.DECLARATION_REQUIRED',
      );
      const declared = await t.reviews.declare(
        panel[0]!.as,
        id,
        'conflict',
        'I advised this initiative last year.',
      );
      expectStatus(declared, 200);
      expect(declared.json().declaration).toBe('conflict');
      expectProblem(
        await t.reviews.declare(panel[0]!.as, id, 'none'),
        409,
        'REVIEW.ALREADY_DECLARED',
      );
      expectProblem(await t.reviews.score(panel[0]!.as, id, [3, 3, 3, 3]), 409, 'REVIEW.RECUSED');
      const scores = await t.db
        .selectFrom('review_scores')
        .select('assignment_id')
        .where('assignment_id', '=', id)
        .execute();
      expect(scores).toHaveLength(0);
    });

    it('the award waits for a replacement of a recused reviewer, and uses the replacement’s score', async () => {
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
      const ids: string[] = [];
      for (const member of panel) ids.push(await t.reviews.assignmentOf(member.as, plan.id));
      expectStatus(await t.reviews.declare(panel[0]!.as, ids[0]!, 'none'), 200);
      expectStatus(await t.reviews.declare(panel[1]!.as, ids[1]!, 'none'), 200);
      expectStatus(await t.reviews.declare(panel[2]!.as, ids[2]!, 'conflict'), 200);
      expectStatus(await t.reviews.score(panel[0]!.as, ids[0]!, [4, 4, 4, 4]), 201);
      expectStatus(await t.reviews.score(panel[1]!.as, ids[1]!, [4, 4, 4, 4]), 201);
      expectProblem(await t.reviews.award(admin.as, plan.id), 409, 'REVIEW.PANEL_INCOMPLETE');
      const waiting = (await t.reviews.review(admin.as, plan.id)).json();
      expect(waiting.evaluation).toMatchObject({
        activeReviewers: 2,
        recusedReviewers: 1,
        scoredReviewers: 2,
        complete: false,
        awardPreview: null,
      });

      const replacement = reviewers[3]!;
      expectStatus(await t.reviews.assign(admin.as, plan.id, [replacement.user.id]), 201);
      const replacementId = await t.reviews.assignmentOf(replacement.as, plan.id);
      expectProblem(await t.reviews.award(admin.as, plan.id), 409, 'REVIEW.PANEL_INCOMPLETE');
      expectStatus(await t.reviews.declare(replacement.as, replacementId, 'none'), 200);
      expectProblem(await t.reviews.award(admin.as, plan.id), 409, 'REVIEW.PANEL_INCOMPLETE');
      expectStatus(await t.reviews.score(replacement.as, replacementId, [2, 2, 2, 2]), 201);

      const response = await t.reviews.award(admin.as, plan.id);
      expectStatus(response, 201);
      const award = response.json();
      expect(
        award.panelScores.reviewers.map((r: { assignmentId: string }) => r.assignmentId).sort(),
      ).toEqual([ids[0], ids[1], replacementId].sort());
      expect(award.panelScores.medians).toEqual({ reach: 4, depth: 4, durability: 4, indirect: 4 });
    });

    it('another reviewer’s assignment is not found: 404 on declaration and scores', async () => {
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
      for (const other of [reviewers[1]!, reviewers[4]!, admin]) {
        expectProblem(await t.reviews.declare(other.as, id, 'none'), 404, 'RESOURCE.NOT_FOUND');
        expectProblem(await t.reviews.score(other.as, id, [3, 3, 3, 3]), 404, 'RESOURCE.NOT_FOUND');
      }
      const row = await t.db
        .selectFrom('panel_assignments')
        .select('declaration')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.declaration).toBeNull();
    });
  });

  describe('scoring input', () => {
    it('refuses flags on lines that are not in the submitted plan (422) and scores out of range (400)', async () => {
      const plan = await t.insertPlan({ initiative });
      const other = await t.insertPlan({ initiative });
      const panel = reviewers.slice(0, 3);
      const ids = await t.reviews.assignAndDeclare(admin.as, plan.id, panel);
      const foreign = await t.reviews.score(
        panel[0]!.as,
        ids[0]!,
        [3, 3, 3, 3],
        [plan.budgetLineIds[0]!, other.budgetLineIds[0]!],
      );
      expectProblem(foreign, 422, 'REVIEW.UNKNOWN_BUDGET_LINE');
      expect(foreign.json().errors).toEqual([
        { path: 'body.ineligibleBudgetLineIds.1', message: expect.any(String) },
      ]);
      for (const body of [
        scoresBody([6, 3, 3, 3]),
        scoresBody([3, -1, 3, 3]),
        scoresBody([3, 3, 2.5, 3]),
        { ...scoresBody([3, 3, 3, 3]), reach: { score: 3, rationale: '' } },
        { ...scoresBody([3, 3, 3, 3]), overallComment: undefined },
      ]) {
        const response = await t.app.inject({
          method: 'POST',
          url: `/v1/reviews/assignments/${ids[0]}/scores`,
          headers: panel[0]!.as.headers,
          payload: body,
        });
        expectProblem(response, 400, 'VALIDATION.FAILED');
      }
      const scores = await t.db
        .selectFrom('review_scores')
        .select('assignment_id')
        .where('round_id', '=', plan.roundId!)
        .execute();
      expect(scores).toHaveLength(0);
    });
    it('keeps a reason per flagged line with the score, final and blind like the scores', async () => {
      const plan = await t.insertPlan({ initiative });
      const panel = reviewers.slice(0, 3);
      const ids = await t.reviews.assignAndDeclare(admin.as, plan.id, panel);
      const [flagged, other] = plan.budgetLineIds as [string, string];
      const post = (body: unknown) =>
        t.app.inject({
          method: 'POST',
          url: `/v1/reviews/assignments/${ids[0]}/scores`,
          headers: panel[0]!.as.headers,
          payload: body as object,
        });
      // A reason for a line that is not flagged, two reasons for one line, an empty reason: 400.
      for (const ineligibleReasons of [
        [{ budgetLineId: other, reason: 'Not flagged.' }],
        [
          { budgetLineId: flagged, reason: 'Once.' },
          { budgetLineId: flagged, reason: 'Twice.' },
        ],
        [{ budgetLineId: flagged, reason: '   ' }],
      ]) {
        const refused = await post({ ...scoresBody([3, 3, 3, 3], [flagged]), ineligibleReasons });
        expectProblem(refused, 400, 'VALIDATION.FAILED');
      }

      const reason = 'A van is not part of the training.';
      const scored = await post({
        ...scoresBody([3, 3, 3, 3], [flagged]),
        ineligibleReasons: [{ budgetLineId: flagged, reason: `  ${reason} ` }],
      });
      expectStatus(scored, 201);
      expect(scored.json().score.ineligibleReasons).toEqual([{ budgetLineId: flagged, reason }]);

      // The admin reads it in the review; a score sent without reasons has none.
      const second = await t.reviews.score(panel[1]!.as, ids[1]!, [3, 3, 3, 3], [flagged]);
      expectStatus(second, 201);
      const review = await t.reviews.review(admin.as, plan.id);
      expectStatus(review, 200);
      const members = review.json().panel as {
        assignmentId: string;
        score: { ineligibleReasons: unknown[] } | null;
      }[];
      expect(members.find((m) => m.assignmentId === ids[0])!.score!.ineligibleReasons).toEqual([
        { budgetLineId: flagged, reason },
      ]);
      expect(members.find((m) => m.assignmentId === ids[1])!.score!.ineligibleReasons).toEqual([]);
      // Blind: the third reviewer, not yet scored, sees neither the scores nor the reasons.
      const blind = await t.reviews.review(panel[2]!.as, plan.id);
      expectStatus(blind, 200);
      expect(JSON.stringify(blind.json())).not.toContain(reason);
    });
  });

  describe('consensus', () => {
    it('is needed when a criterion spreads by 3, and the award waits for it', async () => {
      const plan = await t.newScoredPlan({
        panel: reviewers,
        initiative,
        scores: [
          [1, 3, 3, 3],
          [4, 3, 3, 3],
          [3, 4, 3, 3],
        ],
      });
      const review = (await t.reviews.review(admin.as, plan.id)).json();
      expect(review.evaluation).toMatchObject({
        divergentCriteria: ['reach'],
        consensusNeeded: true,
        consensusRecorded: false,
        awardPreview: null,
      });
      expectProblem(await t.reviews.award(admin.as, plan.id), 409, 'REVIEW.CONSENSUS_REQUIRED');

      const recorded = await t.reviews.consensus(admin.as, plan.id, [3, 3, 3, 3]);
      expectStatus(recorded, 201);
      expect(recorded.json().consensus).toMatchObject({
        reach: 3,
        depth: 3,
        durability: 3,
        indirect: 3,
        enteredBy: admin.user.id,
      });
      expect(recorded.json().evaluation).toMatchObject({
        consensusRecorded: true,
        scoreSource: 'consensus',
        awardPreview: { impactScore: '0.60000' },
      });
      expectProblem(
        await t.reviews.consensus(secondAdmin.as, plan.id, [4, 4, 4, 4]),
        409,
        'REVIEW.CONSENSUS_RECORDED',
      );
    });

    it('is not needed at a spread of exactly 2: 409 REVIEW.CONSENSUS_NOT_NEEDED, the medians decide', async () => {
      const plan = await t.newScoredPlan({
        panel: reviewers,
        initiative,
        scores: [
          [1, 3, 3, 3],
          [3, 3, 3, 5],
          [3, 4, 3, 3],
        ],
      });
      expectProblem(
        await t.reviews.consensus(admin.as, plan.id, [3, 3, 3, 3]),
        409,
        'REVIEW.CONSENSUS_NOT_NEEDED',
      );
      const response = await t.reviews.award(admin.as, plan.id);
      expectStatus(response, 201);
      expect(response.json()).toMatchObject({
        scoreSource: 'median',
        panelScores: { scores: { reach: 3, depth: 3, durability: 3, indirect: 3 } },
      });
    });

    it('is refused while the panel is incomplete: 409 REVIEW.PANEL_INCOMPLETE', async () => {
      const plan = await t.insertPlan({ initiative });
      const panel = reviewers.slice(0, 3);
      const ids = await t.reviews.assignAndDeclare(admin.as, plan.id, panel);
      expectStatus(await t.reviews.score(panel[0]!.as, ids[0]!, [0, 0, 0, 0]), 201);
      expectStatus(await t.reviews.score(panel[1]!.as, ids[1]!, [5, 5, 5, 5]), 201);
      expectProblem(
        await t.reviews.consensus(admin.as, plan.id, [3, 3, 3, 3]),
        409,
        'REVIEW.PANEL_INCOMPLETE',
      );
    });

    it('four eyes: the admin who entered the consensus cannot confirm the award (403); another can', async () => {
      const plan = await t.insertPlan({ initiative });
      const panel = reviewers.slice(0, 3);
      const ids = await t.reviews.assignAndDeclare(admin.as, plan.id, panel);
      const [training, coaching] = plan.budgetLineIds;
      expectStatus(await t.reviews.score(panel[0]!.as, ids[0]!, [0, 3, 3, 3], [training!]), 201);
      expectStatus(await t.reviews.score(panel[1]!.as, ids[1]!, [4, 3, 3, 3]), 201);
      expectStatus(await t.reviews.score(panel[2]!.as, ids[2]!, [4, 3, 3, 3]), 201);
      // The consensus overrides the majority on the lines too: coaching out, training in.
      expectProblem(
        await t.reviews.consensus(admin.as, plan.id, [2, 3, 3, 3], [randomUUID()]),
        422,
        'REVIEW.UNKNOWN_BUDGET_LINE',
      );
      expectStatus(await t.reviews.consensus(admin.as, plan.id, [2, 3, 3, 3], [coaching!]), 201);

      expectProblem(await t.reviews.award(admin.as, plan.id), 403, 'AWARD.FOUR_EYES');
      const project = await t.db
        .selectFrom('projects')
        .select('status')
        .where('id', '=', plan.id)
        .executeTakeFirstOrThrow();
      expect(project.status).toBe('in_review');

      const response = await t.reviews.award(secondAdmin.as, plan.id);
      expectStatus(response, 201);
      // S = 0.3×2/5 + 0.3×3/5 + 0.2×3/5 + 0.2×3/5 = 0.12 + 0.18 + 0.12 + 0.12 = 0.54
      // E = 6 000 000 + 1 000 000 = 7 000 000; N = floor(7 000 000 × 0.54 / 3 800) = floor(994.7…) = 994
      // T = min(994, 1 053) = 994
      expect(response.json()).toMatchObject({
        scoreSource: 'consensus',
        confirmedBy: secondAdmin.user.id,
        panelScores: {
          consensus: { reach: 2, depth: 3, durability: 3, indirect: 3 },
          medians: { reach: 4 },
          scores: { reach: 2 },
        },
        rejectedLines: [expect.objectContaining({ id: coaching })],
        eligibleCostCents: 7_000_000,
        impactScore: '0.54000',
        supply: 994,
        threshold: 994,
        decision: 'approved',
      });
    });
  });

  describe('changes requested and a second round', () => {
    it('closes the round with the questions; the next round starts empty and the first keeps its scores', async () => {
      const plan = await t.insertPlan({ initiative });
      const panel = reviewers.slice(0, 3);
      const ids = await t.reviews.assignAndDeclare(admin.as, plan.id, panel);
      expectStatus(await t.reviews.score(panel[0]!.as, ids[0]!, [2, 2, 2, 2]), 201);
      expectStatus(await t.reviews.score(panel[1]!.as, ids[1]!, [3, 3, 3, 3]), 201);

      const returned = await t.reviews.requestChanges(
        admin.as,
        plan.id,
        'How many participants reach paid work within a year?',
      );
      expectStatus(returned, 200);
      expect(returned.json()).toMatchObject({
        projectStatus: 'changes_requested',
        round: {
          number: 1,
          status: 'changes_requested',
          questions: 'How many participants reach paid work within a year?',
        },
      });
      // The third reviewer is too late: the round is closed.
      expectProblem(
        await t.reviews.score(panel[2]!.as, ids[2]!, [4, 4, 4, 4]),
        409,
        'REVIEW.INVALID_STATE',
      );
      expectProblem(await t.reviews.requestChanges(admin.as, plan.id), 409, 'REVIEW.INVALID_STATE');
      expectProblem(await t.reviews.award(admin.as, plan.id), 409, 'REVIEW.INVALID_STATE');
      expectProblem(
        await t.reviews.assign(admin.as, plan.id, [reviewers[3]!.user.id]),
        409,
        'REVIEW.INVALID_STATE',
      );

      // The initiative resubmits (the plan API's job; here by SQL): round 2 opens.
      const round1 = await t.db
        .selectFrom('review_rounds')
        .selectAll()
        .where('id', '=', plan.roundId!)
        .executeTakeFirstOrThrow();
      await t.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('projects')
          .set({ status: 'submitted', review_round: 2 })
          .where('id', '=', plan.id)
          .execute();
        await trx
          .insertInto('review_rounds')
          .values({
            project_id: plan.id,
            round_number: 2,
            plan_snapshot: JSON.stringify(round1.plan_snapshot),
            submitted_by: initiative.user.id,
            submitted_at: t.clock.now(),
          })
          .execute();
      });

      const ids2 = await t.reviews.assignAndDeclare(admin.as, plan.id, reviewers.slice(1, 4));
      const current = (await t.reviews.review(admin.as, plan.id)).json();
      expect(current).toMatchObject({
        projectStatus: 'in_review',
        round: { number: 2, status: 'open' },
      });
      expect(current.rounds).toEqual([
        { number: 1, status: 'changes_requested' },
        { number: 2, status: 'open' },
      ]);
      expect(current.panel.map((m: { assignmentId: string }) => m.assignmentId).sort()).toEqual(
        [...ids2].sort(),
      );
      expect(current.panel.every((m: { scored: boolean }) => !m.scored)).toBe(true);

      const history = await t.reviews.review(admin.as, plan.id, 1);
      expectStatus(history, 200);
      const first = history.json();
      expect(first.round).toMatchObject({ number: 1, status: 'changes_requested' });
      expect(
        first.panel
          .filter((m: { scored: boolean }) => m.scored)
          .map((m: { score: { reach: { score: number } } }) => m.score.reach.score)
          .sort(),
      ).toEqual([2, 3]);

      // The reviewer on round 1 only sees round 1; the one on both sees both.
      const onlyFirst = await t.reviews.review(panel[0]!.as, plan.id);
      expectStatus(onlyFirst, 200);
      expect(onlyFirst.json().rounds).toEqual([{ number: 1, status: 'changes_requested' }]);
      expectProblem(await t.reviews.review(panel[0]!.as, plan.id, 2), 404, 'RESOURCE.NOT_FOUND');
      const both = await t.reviews.review(panel[1]!.as, plan.id);
      expect(both.json().rounds.map((r: { number: number }) => r.number)).toEqual([1, 2]);
      expect(both.json().round.number).toBe(2);

      // Round 2 completes and is awarded on its own scores.
      for (const [index, member] of reviewers.slice(1, 4).entries()) {
        expectStatus(await t.reviews.score(member.as, ids2[index]!, [5, 5, 5, 5]), 201);
      }
      const award = await t.reviews.award(admin.as, plan.id);
      expectStatus(award, 201);
      expect(award.json()).toMatchObject({ roundNumber: 2, impactScore: '1.00000' });
      const kept = await t.db
        .selectFrom('review_scores')
        .select('reach')
        .where('round_id', '=', plan.roundId!)
        .execute();
      expect(kept.map((r) => r.reach).sort()).toEqual([2, 3]);
    });
  });

  describe('illegal transitions answer 409 with a stable code', () => {
    it('scoring or declaring on a plan that is no longer in review', async () => {
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
      const ids: string[] = [];
      for (const member of panel) ids.push(await t.reviews.assignmentOf(member.as, plan.id));
      expectStatus(await t.reviews.declare(panel[0]!.as, ids[0]!, 'none'), 200);
      expectStatus(await t.reviews.requestChanges(admin.as, plan.id), 200);
      expectProblem(
        await t.reviews.score(panel[0]!.as, ids[0]!, [3, 3, 3, 3]),
        409,
        'REVIEW.INVALID_STATE',
      );
      expectProblem(
        await t.reviews.declare(panel[1]!.as, ids[1]!, 'none'),
        409,
        'REVIEW.INVALID_STATE',
      );
      const list = (await t.reviews.assignments(panel[0]!.as))
        .json()
        .items.find((a: { id: string }) => a.id === ids[0]);
      expect(list).toMatchObject({
        roundStatus: 'changes_requested',
        projectStatus: 'changes_requested',
        scored: false,
      });
    });

    it('requesting changes, recording a consensus, awarding or listing a plan that was only submitted', async () => {
      const plan = await t.insertPlan({ initiative });
      expectProblem(await t.reviews.requestChanges(admin.as, plan.id), 409, 'REVIEW.INVALID_STATE');
      expectProblem(
        await t.reviews.consensus(admin.as, plan.id, [3, 3, 3, 3]),
        409,
        'REVIEW.INVALID_STATE',
      );
      expectProblem(await t.reviews.award(admin.as, plan.id), 409, 'REVIEW.INVALID_STATE');
      expectProblem(await t.reviews.list(admin.as, plan.id), 409, 'LISTING.NOT_APPROVED');
    });

    it('listing a plan in review, or awarding one whose panel has not all scored', async () => {
      const plan = await t.insertPlan({ initiative });
      const panel = reviewers.slice(0, 4);
      const ids = await t.reviews.assignAndDeclare(admin.as, plan.id, panel);
      expectProblem(await t.reviews.list(admin.as, plan.id), 409, 'LISTING.NOT_APPROVED');
      for (const index of [0, 1, 2])
        expectStatus(await t.reviews.score(panel[index]!.as, ids[index]!, [3, 3, 3, 3]), 201);
      // Three of four is not a complete panel: every reviewer who is not recused must score.
      expectProblem(await t.reviews.award(admin.as, plan.id), 409, 'REVIEW.PANEL_INCOMPLETE');
      expectStatus(await t.reviews.score(panel[3]!.as, ids[3]!, [3, 3, 3, 3]), 201);
      expectStatus(await t.reviews.award(admin.as, plan.id), 201);
      expectProblem(await t.reviews.requestChanges(admin.as, plan.id), 409, 'REVIEW.INVALID_STATE');
      expectProblem(
        await t.reviews.assign(admin.as, plan.id, [reviewers[4]!.user.id]),
        409,
        'REVIEW.INVALID_STATE',
      );
    });
  });
});
