import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAward } from '../../src/modules/awards/award-formula.js';
import { methodology } from '../../src/lib/award-methodology.js';
import { expectProblem, expectStatus, type Person, TestContext } from '../factory/index.js';

const DAY_MS = 86_400_000;

describe('review path: assign → declare → score → award → list', () => {
  let t: TestContext;
  let admin: Person;
  let secondAdmin: Person;
  let reviewers: Person[];
  let initiative: Person;
  let planId: string;
  let lineIds: string[];
  let assignmentIds: string[];

  beforeAll(async () => {
    t = await TestContext.create();
    admin = await t.platformAdmin();
    secondAdmin = await t.newAdmin();
    reviewers = await t.newReviewPanel(6);
    initiative = await t.newInitiative();
    const plan = await t.insertPlan({ initiative });
    planId = plan.id;
    lineIds = plan.budgetLineIds;
  });
  afterAll(() => t.close());

  const auditActions = async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/audit?subjectId=${planId}&limit=100`,
      headers: admin.as.headers,
    });
    expectStatus(response, 200);
    return response.json().items as {
      action: string;
      actorUserId: string;
      summary: Record<string, unknown>;
    }[];
  };

  it('assigns three reviewers: 201, the plan moves to in_review', async () => {
    const panel = reviewers.slice(0, 3);
    const response = await t.reviews.assign(
      admin.as,
      planId,
      panel.map((p) => p.user.id),
    );
    expectStatus(response, 201);
    const body = response.json();
    expect(body).toMatchObject({
      projectId: planId,
      projectStatus: 'in_review',
      viewer: 'admin',
      round: { number: 1, status: 'open' },
      panelMin: 3,
    });
    expect(body.panel.map((m: { reviewerId: string }) => m.reviewerId).sort()).toEqual(
      panel.map((p) => p.user.id).sort(),
    );
    expect(
      body.panel.every(
        (m: { declaration: unknown; scored: boolean }) => m.declaration === null && !m.scored,
      ),
    ).toBe(true);
    expect(body.plan.budgetLines.map((l: { id: string }) => l.id)).toEqual(lineIds);
    expect(body.evaluation).toMatchObject({
      activeReviewers: 3,
      scoredReviewers: 0,
      complete: false,
      medians: null,
      awardPreview: null,
    });
    const row = await t.db
      .selectFrom('projects')
      .select('status')
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('in_review');
  });

  it('each reviewer finds the plan in its own assignments and declares no conflict', async () => {
    assignmentIds = [];
    for (const reviewer of reviewers.slice(0, 3)) {
      const list = await t.reviews.assignments(reviewer.as);
      expectStatus(list, 200);
      const items = list.json().items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        projectId: planId,
        title: 'Rijbewijs voor werkzoekenden',
        initiative: { id: initiative.organisation.id, name: initiative.organisation.name },
        roundNumber: 1,
        roundStatus: 'open',
        projectStatus: 'in_review',
        declaration: null,
        scored: false,
      });
      const declared = await t.reviews.declare(reviewer.as, items[0].id, 'none');
      expectStatus(declared, 200);
      expect(declared.json()).toMatchObject({
        id: items[0].id,
        declaration: 'none',
        scored: false,
      });
      expect(declared.json().declaredAt).toBe(t.clock.now().toISOString());
      assignmentIds.push(items[0].id);
    }
  });

  it('each reviewer scores once: 201 with its score; the materials line is flagged by two of three', async () => {
    const materials = lineIds[2]!;
    const panelScores: [number, number, number, number][] = [
      [4, 3, 4, 2],
      [4, 4, 3, 2],
      [3, 3, 4, 3],
    ];
    const flags = [[materials], [materials, lineIds[1]!], []];
    for (const [index, reviewer] of reviewers.slice(0, 3).entries()) {
      const response = await t.reviews.score(
        reviewer.as,
        assignmentIds[index]!,
        panelScores[index]!,
        flags[index]!,
      );
      expectStatus(response, 201);
      expect(response.json()).toMatchObject({
        assignment: { id: assignmentIds[index], scored: true },
        score: { reach: { score: panelScores[index]![0] }, ineligibleBudgetLineIds: flags[index] },
      });
    }
  });

  it('shows the admin the medians, the rejected line and the award preview', async () => {
    const response = await t.reviews.review(admin.as, planId);
    expectStatus(response, 200);
    const { evaluation } = response.json();
    expect(evaluation).toMatchObject({
      activeReviewers: 3,
      scoredReviewers: 3,
      complete: true,
      medians: { reach: 4, depth: 3, durability: 4, indirect: 2 },
      divergentCriteria: [],
      consensusNeeded: false,
      rejectedBudgetLineIds: [lineIds[2]],
      eligibleCostCents: 9_000_000,
      awardPreview: {
        methodologyVersion: 'v1',
        creditPriceCents: 3800,
        impactScore: '0.66000',
        supply: 1563,
        threshold: 1053,
        decision: 'approved',
      },
    });
  });

  it('confirms the award: supply and threshold as computed by hand, every parameter stored', async () => {
    // S = 0.3×4/5 + 0.3×3/5 + 0.2×4/5 + 0.2×2/5 = 0.24 + 0.18 + 0.16 + 0.08 = 0.66
    // E = 6 000 000 + 3 000 000 (materials rejected by 2 of 3 flags; coaching flagged once stays)
    // N = floor(9 000 000 × 0.66 / 3 800) = floor(1 563.15…) = 1 563
    // T = min(1 563, ceil(4 000 000 / 3 800) = ceil(1 052.63…) = 1 053) = 1 053
    t.clock.advance(60_000);
    const response = await t.reviews.award(
      admin.as,
      planId,
      'Sterk plan met duidelijke uitstroom naar werk.',
    );
    expectStatus(response, 201);
    const award = response.json();
    expect(award).toMatchObject({
      projectId: planId,
      roundNumber: 1,
      methodologyVersion: 'v1',
      creditPriceCents: 3800,
      scoreSource: 'median',
      eligibleCostCents: 9_000_000,
      minimumBudgetCents: 4_000_000,
      impactScore: '0.66000',
      supply: 1563,
      threshold: 1053,
      decision: 'approved',
      reasons: [],
      publicRationale: 'Sterk plan met duidelijke uitstroom naar werk.',
      confirmedBy: admin.user.id,
      confirmedAt: t.clock.now().toISOString(),
    });
    expect(award.parameters).toEqual(methodology('v1'));
    expect(award.panelScores.medians).toEqual({ reach: 4, depth: 3, durability: 4, indirect: 2 });
    expect(award.panelScores.scores).toEqual({ reach: 4, depth: 3, durability: 4, indirect: 2 });
    expect(award.panelScores.consensus).toBeNull();
    expect(award.panelScores.reviewers).toHaveLength(3);
    expect(
      award.acceptedLines.map((l: { id: string; amountCents: number }) => [l.id, l.amountCents]),
    ).toEqual([
      [lineIds[0], 6_000_000],
      [lineIds[1], 3_000_000],
    ]);
    expect(award.rejectedLines).toEqual([
      expect.objectContaining({ id: lineIds[2], amountCents: 1_000_000, flags: 2 }),
    ]);

    // The stored row alone recomputes the award.
    const row = await t.db
      .selectFrom('awards')
      .selectAll()
      .where('project_id', '=', planId)
      .executeTakeFirstOrThrow();
    const stored = row.panel_scores as {
      scores: Record<'reach' | 'depth' | 'durability' | 'indirect', number>;
    };
    const recomputed = computeAward({
      parameters: row.parameters as ReturnType<typeof methodology>,
      doubledScores: {
        reach: stored.scores.reach * 2,
        depth: stored.scores.depth * 2,
        durability: stored.scores.durability * 2,
        indirect: stored.scores.indirect * 2,
      },
      eligibleCostCents: (row.accepted_lines as { amountCents: number }[]).reduce(
        (sum, l) => sum + l.amountCents,
        0,
      ),
      minimumBudgetCents: Number(row.minimum_budget_cents),
      creditPriceCents: row.credit_price_cents,
    });
    expect(recomputed).toMatchObject({
      supply: row.supply,
      threshold: row.threshold,
      decision: row.decision,
    });
    expect(Number(row.eligible_cost_cents)).toBe(9_000_000);
    expect(Number(row.impact_score)).toBe(0.66);

    const project = await t.db
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(project).toMatchObject({
      status: 'approved',
      supply: 1563,
      threshold: 1053,
      public_rationale: 'Sterk plan met duidelijke uitstroom naar werk.',
    });
    const round = await t.db
      .selectFrom('review_rounds')
      .select('status')
      .where('project_id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(round.status).toBe('decided');
  });

  it('a second award answers 409 AWARD.ALREADY_CONFIRMED', async () => {
    expectProblem(await t.reviews.award(secondAdmin.as, planId), 409, 'AWARD.ALREADY_CONFIRMED');
    const count = await t.db
      .selectFrom('awards')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('project_id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses a funding deadline that is not in the future or too far out: 422', async () => {
    const past = new Date(t.clock.now().getTime() - 1000).toISOString();
    expectProblem(
      await t.reviews.list(admin.as, planId, { fundingDeadline: past }),
      422,
      'LISTING.DEADLINE_NOT_IN_FUTURE',
    );
    const now = t.clock.now().toISOString();
    expectProblem(
      await t.reviews.list(admin.as, planId, { fundingDeadline: now }),
      422,
      'LISTING.DEADLINE_NOT_IN_FUTURE',
    );
    const tooFar = new Date(t.clock.now().getTime() + 731 * DAY_MS).toISOString();
    expectProblem(
      await t.reviews.list(admin.as, planId, { fundingDeadline: tooFar }),
      422,
      'LISTING.DEADLINE_TOO_FAR',
    );
    expectProblem(
      await t.reviews.list(admin.as, planId, { fundingDeadline: 'next tuesday' }),
      400,
      'VALIDATION.FAILED',
    );
    const row = await t.db
      .selectFrom('projects')
      .select('status')
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('approved');
  });

  it('lists the project with the default deadline and issues exactly its supply', async () => {
    t.clock.advance(60_000);
    const listedAt = t.clock.now();
    const response = await t.reviews.list(admin.as, planId);
    expectStatus(response, 200);
    expect(response.json()).toEqual({
      projectId: planId,
      status: 'listed',
      supply: 1563,
      threshold: 1053,
      listedAt: listedAt.toISOString(),
      fundingDeadline: new Date(listedAt.getTime() + 90 * DAY_MS).toISOString(),
      credits: { supply: 1563, reserved: 0, sold: 0, available: 1563 },
    });
    const balance = await t.db
      .selectFrom('project_credit_balances')
      .selectAll()
      .where('project_id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(balance).toEqual({
      project_id: planId,
      supply: 1563,
      reserved: 0,
      sold: 0,
      next_serial: 1,
    });
    const ledger = await t.db
      .selectFrom('credit_ledger')
      .selectAll()
      .where('project_id', '=', planId)
      .execute();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      entry_type: 'issue',
      quantity: 1563,
      reference_type: 'award',
      actor_user_id: admin.user.id,
    });
    const project = await t.db
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(project.status).toBe('listed');
    expect(project.listed_at?.toISOString()).toBe(listedAt.toISOString());
  });

  it('listing twice answers 409 LISTING.ALREADY_LISTED and issues nothing more', async () => {
    expectProblem(await t.reviews.list(admin.as, planId), 409, 'LISTING.ALREADY_LISTED');
    const ledger = await t.db
      .selectFrom('credit_ledger')
      .selectAll()
      .where('project_id', '=', planId)
      .execute();
    expect(ledger).toHaveLength(1);
  });

  it('wrote an audit event for every step, without scores in the scoring events', async () => {
    const events = await auditActions();
    const actions = events.map((e) => e.action);
    expect(actions.filter((a) => a === 'review.assigned')).toHaveLength(1);
    expect(actions.filter((a) => a === 'review.declared')).toHaveLength(3);
    expect(actions.filter((a) => a === 'review.scored')).toHaveLength(3);
    expect(actions.filter((a) => a === 'award.confirmed')).toHaveLength(1);
    expect(actions.filter((a) => a === 'project.listed')).toHaveLength(1);
    for (const event of events.filter((e) => e.action === 'review.scored')) {
      expect(Object.keys(event.summary).sort()).toEqual(['assignmentId', 'roundNumber']);
      expect(JSON.stringify(event.summary)).not.toMatch(/rationale|reach|depth/i);
    }
    const awarded = events.find((e) => e.action === 'award.confirmed')!;
    expect(awarded).toMatchObject({
      actorUserId: admin.user.id,
      summary: { supply: 1563, threshold: 1053, decision: 'approved' },
    });
  });
});

describe('a plan whose impact is below the cut-off', () => {
  let t: TestContext;
  let admin: Person;
  let reviewers: Person[];
  let initiative: Person;

  beforeAll(async () => {
    t = await TestContext.create();
    admin = await t.platformAdmin();
    reviewers = await t.newReviewPanel(6);
    initiative = await t.newInitiative();
  });
  afterAll(() => t.close());

  it('is rejected with the reason, and cannot be listed', async () => {
    // medians 2, 2, 2, 1 → S = 0.12 + 0.12 + 0.08 + 0.04 = 0.36 < 0.4
    const plan = await t.newScoredPlan({
      panel: reviewers,
      initiative,
      scores: [
        [2, 2, 2, 1],
        [2, 2, 2, 1],
        [2, 3, 2, 1],
      ],
    });
    const response = await t.reviews.award(
      admin.as,
      plan.id,
      'The expected impact is too small for the cost.',
    );
    expectStatus(response, 201);
    expect(response.json()).toMatchObject({
      impactScore: '0.36000',
      decision: 'rejected',
      reasons: ['IMPACT_BELOW_CUTOFF'],
      supply: 0,
      threshold: 0,
    });
    const project = await t.db
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(project).toMatchObject({ status: 'rejected', supply: null, threshold: null });
    expectProblem(await t.reviews.list(admin.as, plan.id), 409, 'LISTING.NOT_APPROVED');
    const balance = await t.db
      .selectFrom('project_credit_balances')
      .selectAll()
      .where('project_id', '=', plan.id)
      .executeTakeFirst();
    expect(balance).toBeUndefined();
  });

  it('an explicit funding deadline is kept as given', async () => {
    const plan = await t.newScoredPlan({
      panel: reviewers,
      initiative,
      scores: [
        [4, 4, 4, 4],
        [4, 4, 4, 4],
        [4, 4, 4, 4],
      ],
    });
    expectStatus(await t.reviews.award(admin.as, plan.id), 201);
    const deadline = new Date(t.clock.now().getTime() + 30 * DAY_MS).toISOString();
    const response = await t.reviews.list(admin.as, plan.id, { fundingDeadline: deadline });
    expectStatus(response, 200);
    expect(response.json().fundingDeadline).toBe(deadline);
  });
});
