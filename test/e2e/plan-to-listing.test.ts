import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedIn, TestContext } from '../factory/index.js';
import { awardByHand } from '../helpers/award-by-hand.js';
import { validPlanInput } from '../factory/plans.js';

/**
 * The whole path of issue 3, through the HTTP API only: once the fixtures have made the
 * users, every step is a request, and every figure is checked against what the public
 * page says. No SQL, no service calls, no formula module.
 */

const DAY_MS = 86_400_000;

type Scores = [reach: number, depth: number, durability: number, indirect: number];

function expectStatus(response: LightMyRequestResponse, status: number) {
  expect(response.statusCode, response.body).toBe(status);
}

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expectStatus(response, status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

/** The people of the path, signed in: an initiative member, a supplier, two admins, four reviewers. */
async function setUp(t: TestContext) {
  return {
    member: await t.newInitiative(),
    supplier: await t.newSupplier(),
    admin: await t.platformAdmin(),
    secondAdmin: await t.newAdmin(),
    reviewers: await t.newReviewPanel(4),
  };
}

function http(t: TestContext) {
  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, who?: SignedIn, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(who ? { headers: who.headers } : {}),
      ...(payload ? { payload } : {}),
    });
  const api = {
    get: (url: string, who?: SignedIn) => send('GET', url, who),
    post: (url: string, who: SignedIn, payload: object = {}) => send('POST', url, who, payload),
    patch: (url: string, who: SignedIn, payload: object) => send('PATCH', url, who, payload),
    scoresBody: (
      [reach, depth, durability, indirect]: Scores,
      ineligibleBudgetLineIds: string[] = [],
    ) => ({
      reach: { score: reach, rationale: `REVIEWER-RATIONALE reach ${reach}` },
      depth: { score: depth, rationale: `REVIEWER-RATIONALE depth ${depth}` },
      durability: { score: durability, rationale: `REVIEWER-RATIONALE durability ${durability}` },
      indirect: { score: indirect, rationale: `REVIEWER-RATIONALE indirect ${indirect}` },
      overallComment: 'REVIEWER-COMMENT: a sound plan.',
      ineligibleBudgetLineIds,
    }),
    /** The reviewer's own assignment on the plan's given round, found the way a reviewer finds it. */
    async assignmentOf(reviewer: SignedIn, planId: string, roundNumber: number): Promise<string> {
      const response = await api.get('/v1/reviews/assignments?limit=100', reviewer);
      expectStatus(response, 200);
      const found = (
        response.json().items as { id: string; projectId: string; roundNumber: number }[]
      ).find((a) => a.projectId === planId && a.roundNumber === roundNumber);
      expect(found, `assignment on ${planId} round ${roundNumber}`).toBeDefined();
      return found!.id;
    },
  };
  return api;
}

describe('draft → submit → panel → declare → score ×3 → award → list → public page', () => {
  let t: TestContext;
  let p: Awaited<ReturnType<typeof setUp>>;
  let api: ReturnType<typeof http>;
  let planId: string;
  let lineIds: string[];
  const panel = () => p.reviewers.slice(0, 3);

  beforeAll(async () => {
    t = await TestContext.create();
    p = await setUp(t);
    api = http(t);
  });
  afterAll(() => t?.close());

  it('an initiative member starts a draft that is not yet complete', async () => {
    const full = validPlanInput();
    const response = await api.post('/v1/plans', p.member.as, {
      title: 'Rijbewijs voor werkzoekenden',
      summary: full.summary,
      municipalities: full.municipalities,
    });
    expectStatus(response, 201);
    const plan = response.json();
    expect(plan).toMatchObject({
      status: 'draft',
      initiativeId: p.member.organisation.id,
      reviewRound: 0,
      reviewRounds: [],
      budgetLines: [],
    });
    expect(plan.completeness.map((issue: { path: string }) => issue.path)).toEqual(
      expect.arrayContaining(['budgetLines', 'totalCostCents', 'contact.name']),
    );
    planId = plan.id;

    // An incomplete draft cannot be submitted; nobody outside the initiative sees it.
    expectProblem(
      await api.post(`/v1/plans/${planId}/submit`, p.member.as),
      422,
      'PLAN.INCOMPLETE',
    );
    expectStatus(await api.get(`/v1/plans/${planId}`, p.supplier.as), 404);
    expectStatus(await api.get(`/v1/projects/${planId}`), 404);
  });

  it('edits the draft until it is complete', async () => {
    const {
      title: _title,
      summary: _summary,
      municipalities: _municipalities,
      ...rest
    } = validPlanInput();
    const response = await api.patch(`/v1/plans/${planId}`, p.member.as, {
      ...rest,
      title: 'Rijbewijs voor werkzoekenden in Rotterdam-Zuid',
    });
    expectStatus(response, 200);
    const plan = response.json();
    expect(plan).toMatchObject({
      status: 'draft',
      title: 'Rijbewijs voor werkzoekenden in Rotterdam-Zuid',
      totalCostCents: 10_000_000,
      minimumBudgetCents: 4_000_000,
      completeness: [],
    });
    expect(
      plan.budgetLines.map((line: { description: string; amountCents: number }) => [
        line.description,
        line.amountCents,
      ]),
    ).toEqual([
      ['Driving lessons', 6_000_000],
      ['Job coach', 3_000_000],
      ['Study materials', 1_000_000],
    ]);
    lineIds = plan.budgetLines.map((line: { id: string }) => line.id);
  });

  it('submits it: round 1 opens, and the plan can no longer be edited', async () => {
    const response = await api.post(`/v1/plans/${planId}/submit`, p.member.as);
    expectStatus(response, 200);
    expect(response.json()).toMatchObject({
      status: 'submitted',
      reviewRound: 1,
      reviewRounds: [{ roundNumber: 1, status: 'open', questions: null }],
    });
    expectProblem(
      await api.patch(`/v1/plans/${planId}`, p.member.as, { summary: 'Too late.' }),
      409,
      'PLAN.NOT_EDITABLE',
    );
    // Listing before an award is refused.
    expectProblem(
      await api.post(`/v1/plans/${planId}/list`, p.admin.as),
      409,
      'LISTING.NOT_APPROVED',
    );
  });

  it('an admin assigns three reviewers: the plan is in review', async () => {
    expectStatus(
      await api.post(`/v1/plans/${planId}/panel`, p.member.as, {
        reviewerIds: panel().map((r) => r.user.id),
      }),
      403,
    );
    const response = await api.post(`/v1/plans/${planId}/panel`, p.admin.as, {
      reviewerIds: panel().map((r) => r.user.id),
    });
    expectStatus(response, 201);
    expect(response.json()).toMatchObject({
      projectStatus: 'in_review',
      round: { number: 1, status: 'open' },
      panelMin: 3,
    });
    expect(
      response
        .json()
        .panel.map((m: { reviewerId: string }) => m.reviewerId)
        .sort(),
    ).toEqual(
      panel()
        .map((r) => r.user.id)
        .sort(),
    );
  });

  it('each reviewer declares no conflict and scores, blind to the others until its own score is in', async () => {
    const scores: Scores[] = [
      [4, 3, 4, 3],
      [5, 3, 3, 3],
      [3, 4, 4, 2],
    ];
    // Two of three find the study materials not eligible; one also the job coach (one flag is not enough).
    const flags = [[lineIds[2]!], [lineIds[2]!, lineIds[1]!], []];
    for (const [index, reviewer] of panel().entries()) {
      const assignmentId = await api.assignmentOf(reviewer.as, planId, 1);
      expectProblem(
        await api.post(
          `/v1/reviews/assignments/${assignmentId}/scores`,
          reviewer.as,
          api.scoresBody(scores[index]!),
        ),
        409,
        'REVIEW.DECLARATION_REQUIRED',
      );
      const declared = await api.post(
        `/v1/reviews/assignments/${assignmentId}/declaration`,
        reviewer.as,
        { declaration: 'none' },
      );
      expectStatus(declared, 200);
      expect(declared.json()).toMatchObject({ declaration: 'none', scored: false });

      const before = await api.get(`/v1/plans/${planId}/review`, reviewer.as);
      expectStatus(before, 200);
      expect(before.json().panel).toEqual([
        expect.objectContaining({ reviewerId: reviewer.user.id, score: null }),
      ]);
      expect(before.json().evaluation).toBeNull();

      const scored = await api.post(
        `/v1/reviews/assignments/${assignmentId}/scores`,
        reviewer.as,
        api.scoresBody(scores[index]!, flags[index]!),
      );
      expectStatus(scored, 201);
      expect(scored.json()).toMatchObject({
        assignment: { scored: true },
        score: { reach: { score: scores[index]![0] } },
      });

      const after = await api.get(`/v1/plans/${planId}/review`, reviewer.as);
      expect(after.json().panel.filter((m: { scored: boolean }) => m.scored)).toHaveLength(
        index + 1,
      );
    }
  });

  it('the admin reads the review: medians, the rejected line and the award it would make', async () => {
    const response = await api.get(`/v1/plans/${planId}/review`, p.admin.as);
    expectStatus(response, 200);
    expect(response.json().evaluation).toMatchObject({
      activeReviewers: 3,
      scoredReviewers: 3,
      complete: true,
      medians: { reach: 4, depth: 3, durability: 4, indirect: 3 },
      divergentCriteria: [],
      consensusNeeded: false,
      rejectedBudgetLineIds: [lineIds[2]],
      eligibleCostCents: 9_000_000,
      awardPreview: { impactScore: '0.70000', supply: 1657, threshold: 1053, decision: 'approved' },
    });
  });

  it('the admin confirms the award', async () => {
    t.clock.advance(60_000);
    const response = await api.post(`/v1/plans/${planId}/award`, p.admin.as, {
      publicRationale: 'Heldere route van rijbewijs naar werk.',
    });
    expectStatus(response, 201);
    expect(response.json()).toMatchObject({
      roundNumber: 1,
      methodologyVersion: 'v1',
      scoreSource: 'median',
      impactScore: '0.70000',
      eligibleCostCents: 9_000_000,
      minimumBudgetCents: 4_000_000,
      supply: 1657,
      threshold: 1053,
      decision: 'approved',
      confirmedBy: p.admin.user.id,
    });
    expectProblem(
      await api.post(`/v1/plans/${planId}/award`, p.admin.as, { publicRationale: 'Again.' }),
      409,
      'AWARD.ALREADY_CONFIRMED',
    );
  });

  it('the admin lists the project: its credits are issued with the default funding period', async () => {
    t.clock.advance(60_000);
    const listedAt = t.clock.now();
    const response = await api.post(`/v1/plans/${planId}/list`, p.admin.as);
    expectStatus(response, 200);
    expect(response.json()).toEqual({
      projectId: planId,
      status: 'listed',
      supply: 1657,
      threshold: 1053,
      listedAt: listedAt.toISOString(),
      fundingDeadline: new Date(listedAt.getTime() + 90 * DAY_MS).toISOString(),
      credits: { supply: 1657, reserved: 0, sold: 0, available: 1657 },
    });
  });

  it('the public catalogue shows it, and its supply and threshold recompute by hand from the public award', async () => {
    const list = await api.get(
      '/v1/projects?municipality=GM0599&targetGroup=participatiewet&outcomeType=driving_licence&q=rijbewijs',
    );
    expectStatus(list, 200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: planId,
        title: 'Rijbewijs voor werkzoekenden in Rotterdam-Zuid',
        status: 'listed',
        impactScore: '0.70000',
      }),
    ]);

    const response = await api.get(`/v1/projects/${planId}`);
    expectStatus(response, 200);
    const project = response.json();
    const { award } = project;
    expect(award.publicRationale).toBe('Heldere route van rijbewijs naar werk.');

    // By hand, from nothing but the public response:
    // S = Σ weight × score / maxScore, the weights in basis points of 1.
    const w = award.parameters.weightsBasisPoints;
    const s = award.panelScores;
    const maxScore = award.parameters.maxScore;
    const price = award.parameters.creditPriceCents;
    expect({ w, s, maxScore, price }).toEqual({
      w: { reach: 3000, depth: 3000, durability: 2000, indirect: 2000 },
      s: { reach: 4, depth: 3, durability: 4, indirect: 3 },
      maxScore: 5,
      price: 3800,
    });
    // S × 100 000 = (3000×4 + 3000×3 + 2000×4 + 2000×3) × 10 / 5 = 35 000 × 2 = 70 000, so S = 0.70000
    const sHundredThousandths =
      ((w.reach * s.reach +
        w.depth * s.depth +
        w.durability * s.durability +
        w.indirect * s.indirect) *
        10) /
      maxScore;
    expect(sHundredThousandths).toBe(70_000);
    expect(award.parameters.cutoffBasisPoints * 10).toBeLessThanOrEqual(sHundredThousandths);
    // E: the accepted lines, 6 000 000 + 3 000 000 cents (the study materials were flagged by two of three).
    const accepted = (project.budgetLines as { amountCents: number; accepted: boolean }[]).filter(
      (line) => line.accepted,
    );
    const eligible = accepted.reduce((sum, line) => sum + line.amountCents, 0);
    expect(eligible).toBe(award.eligibleCostCents);
    expect(eligible).toBe(9_000_000);
    // N = floor(E × S / price) = floor(9 000 000 × 0.7 / 3 800) = floor(1 657.89…) = 1 657
    const supply = Math.floor((eligible * sHundredThousandths) / 100_000 / price);
    // T = min(N, ceil(minimumBudget / price)) = min(1 657, ceil(4 000 000 / 3 800) = ceil(1 052.63…) = 1 053) = 1 053
    const threshold = Math.min(supply, Math.ceil(award.minimumBudgetCents / price));
    expect([supply, threshold]).toEqual([1657, 1053]);

    expect(award).toMatchObject({
      impactScore: '0.70000',
      supply,
      threshold,
      scoreSource: 'median',
      methodologyVersion: 'v1',
    });
    expect(project.credits).toEqual({ supply, sold: 0, reserved: 0, available: supply, threshold });
    expect(project.budgetLines.map((line: { accepted: boolean }) => line.accepted)).toEqual([
      true,
      true,
      false,
    ]);

    // No reviewer identities, individual scores, rationales or contact details in public.
    const text = response.body;
    for (const reviewer of panel()) expect(text).not.toContain(reviewer.user.id);
    expect(text).not.toContain('REVIEWER-RATIONALE');
    expect(text).not.toContain('REVIEWER-COMMENT');
    expect(text).not.toContain('fatima@werkkracht.example');
  });

  it('the initiative sees its plan listed, with the decided round in its history, and every step audited', async () => {
    const plan = await api.get(`/v1/plans/${planId}`, p.member.as);
    expectStatus(plan, 200);
    expect(plan.json()).toMatchObject({
      status: 'listed',
      reviewRound: 1,
      reviewRounds: [{ roundNumber: 1, status: 'decided' }],
    });

    const audit = await api.get(`/v1/audit?subjectId=${planId}&limit=100`, p.admin.as);
    expectStatus(audit, 200);
    const actions = (audit.json().items as { action: string }[])
      .map((event) => event.action)
      .reverse();
    expect(actions).toEqual([
      'plan.created',
      'plan.updated',
      'plan.submitted',
      'review.assigned',
      'review.declared',
      'review.scored',
      'review.declared',
      'review.scored',
      'review.declared',
      'review.scored',
      'award.confirmed',
      'project.listed',
    ]);
  });
});

describe('changes requested → edit → resubmit → a new round with a consensus → award → list', () => {
  let t: TestContext;
  let p: Awaited<ReturnType<typeof setUp>>;
  let api: ReturnType<typeof http>;
  let planId: string;
  let round1LineIds: string[];
  let round2LineIds: string[];
  const round1Panel = () => p.reviewers.slice(0, 3);
  const round2Panel = () => p.reviewers.slice(1, 4);

  const groenPlan = () =>
    validPlanInput({
      title: 'Groen werkleertraject',
      summary:
        'Jongeren en bijstandsgerechtigden werken een jaar in het groenonderhoud en halen hun diploma Medewerker groen.',
      municipalities: [
        { cbsCode: 'GM0513', name: 'Gouda' },
        { cbsCode: 'GM1892', name: 'Zuidplas' },
      ],
      targetGroups: [
        { targetGroup: 'youth', expectedParticipants: 6 },
        { targetGroup: 'participatiewet', expectedParticipants: 10 },
      ],
      expectedOutcomes: [
        { outcomeType: 'diploma', expectedCount: 12 },
        { outcomeType: 'paid_work', expectedCount: 8 },
      ],
      budgetLines: [
        { description: 'Werkbegeleiders groen', category: 'staff', amountCents: 6_240_000 },
        {
          description: 'BBL-opleiding Medewerker groen',
          category: 'training',
          amountCents: 3_150_000,
        },
        { description: 'Jobcoaching', category: 'coaching', amountCents: 1_480_000 },
        {
          description: 'Gereedschap en werkkleding',
          category: 'materials',
          amountCents: 1_260_000,
        },
        { description: 'Teamweekend', category: 'other', amountCents: 600_000 },
      ],
      totalCostCents: 12_730_000,
      minimumBudgetCents: 8_000_000,
    });

  beforeAll(async () => {
    t = await TestContext.create();
    p = await setUp(t);
    api = http(t);
  });
  afterAll(() => t?.close());

  it('round 1: submitted, assigned, one score in, then sent back with questions', async () => {
    const created = await api.post('/v1/plans', p.member.as, groenPlan());
    expectStatus(created, 201);
    planId = created.json().id;
    round1LineIds = created.json().budgetLines.map((line: { id: string }) => line.id);
    expectStatus(await api.post(`/v1/plans/${planId}/submit`, p.member.as), 200);
    expectStatus(
      await api.post(`/v1/plans/${planId}/panel`, p.admin.as, {
        reviewerIds: round1Panel().map((r) => r.user.id),
      }),
      201,
    );
    for (const reviewer of round1Panel()) {
      const assignmentId = await api.assignmentOf(reviewer.as, planId, 1);
      expectStatus(
        await api.post(`/v1/reviews/assignments/${assignmentId}/declaration`, reviewer.as, {
          declaration: 'none',
        }),
        200,
      );
    }
    const first = round1Panel()[0]!;
    const firstAssignment = await api.assignmentOf(first.as, planId, 1);
    expectStatus(
      await api.post(
        `/v1/reviews/assignments/${firstAssignment}/scores`,
        first.as,
        api.scoresBody([3, 3, 3, 2], [round1LineIds[4]!]),
      ),
      201,
    );

    const questions =
      'Waarom hoort een teamweekend bij het traject? En hoe ziet de nazorg na plaatsing eruit?';
    const response = await api.post(`/v1/plans/${planId}/request-changes`, p.admin.as, {
      questions,
    });
    expectStatus(response, 200);
    expect(response.json()).toMatchObject({
      projectStatus: 'changes_requested',
      round: { number: 1, status: 'changes_requested', questions },
    });

    // The round is closed: a reviewer who had not scored yet no longer can.
    const second = round1Panel()[1]!;
    const secondAssignment = await api.assignmentOf(second.as, planId, 1);
    expectProblem(
      await api.post(
        `/v1/reviews/assignments/${secondAssignment}/scores`,
        second.as,
        api.scoresBody([4, 4, 4, 4]),
      ),
      409,
      'REVIEW.INVALID_STATE',
    );
    expectProblem(
      await api.post(`/v1/plans/${planId}/award`, p.admin.as, { publicRationale: 'No.' }),
      409,
      'REVIEW.INVALID_STATE',
    );

    const plan = await api.get(`/v1/plans/${planId}`, p.member.as);
    expect(plan.json()).toMatchObject({
      status: 'changes_requested',
      reviewRounds: [{ roundNumber: 1, status: 'changes_requested', questions }],
    });
  });

  it('the initiative edits the plan and resubmits: round 2 opens, round 1 stays in the history', async () => {
    // The teamweekend goes; the other lines keep their ids.
    const kept = round1LineIds.slice(0, 4);
    const lines = groenPlan()
      .budgetLines.slice(0, 4)
      .map((line, index) => ({ id: kept[index], ...line }));
    lines[2] = { ...lines[2]!, description: 'Jobcoaching en zes maanden nazorg na plaatsing' };
    const edited = await api.patch(`/v1/plans/${planId}`, p.member.as, {
      budgetLines: lines,
      totalCostCents: 12_130_000,
      description:
        'Deelnemers werken vier dagen in een groenploeg en gaan één dag naar school; een jobcoach begeleidt zes maanden na plaatsing.',
    });
    expectStatus(edited, 200);
    expect(edited.json().completeness).toEqual([]);
    round2LineIds = edited.json().budgetLines.map((line: { id: string }) => line.id);
    expect(round2LineIds).toEqual(kept);

    const resubmitted = await api.post(`/v1/plans/${planId}/submit`, p.member.as);
    expectStatus(resubmitted, 200);
    expect(resubmitted.json()).toMatchObject({
      status: 'submitted',
      reviewRound: 2,
      reviewRounds: [
        {
          roundNumber: 1,
          status: 'changes_requested',
          questions: expect.stringContaining('teamweekend'),
        },
        { roundNumber: 2, status: 'open', questions: null },
      ],
    });
  });

  it('round 2: a new panel scores; the scores diverge, so an admin records a consensus and another admin confirms', async () => {
    expectStatus(
      await api.post(`/v1/plans/${planId}/panel`, p.admin.as, {
        reviewerIds: round2Panel().map((r) => r.user.id),
      }),
      201,
    );
    const scores: Scores[] = [
      [4, 4, 1, 3],
      [4, 5, 4, 3],
      [3, 4, 3, 4],
    ];
    for (const [index, reviewer] of round2Panel().entries()) {
      const assignmentId = await api.assignmentOf(reviewer.as, planId, 2);
      expectStatus(
        await api.post(`/v1/reviews/assignments/${assignmentId}/declaration`, reviewer.as, {
          declaration: 'none',
        }),
        200,
      );
      expectStatus(
        await api.post(
          `/v1/reviews/assignments/${assignmentId}/scores`,
          reviewer.as,
          api.scoresBody(scores[index]!),
        ),
        201,
      );
    }

    const review = await api.get(`/v1/plans/${planId}/review`, p.admin.as);
    expect(review.json()).toMatchObject({
      round: { number: 2, status: 'open' },
      rounds: [
        { number: 1, status: 'changes_requested' },
        { number: 2, status: 'open' },
      ],
      evaluation: {
        complete: true,
        medians: { reach: 4, depth: 4, durability: 3, indirect: 3 },
        divergentCriteria: ['durability'],
        consensusNeeded: true,
        awardPreview: null,
      },
    });
    expectProblem(
      await api.post(`/v1/plans/${planId}/award`, p.admin.as, { publicRationale: 'Too early.' }),
      409,
      'REVIEW.CONSENSUS_REQUIRED',
    );

    const consensus = await api.post(`/v1/plans/${planId}/consensus`, p.admin.as, {
      reach: 4,
      depth: 4,
      durability: 2,
      indirect: 3,
      rationale: 'Seizoenswerk maakt duurzame uitstroom onzeker.',
    });
    expectStatus(consensus, 201);
    expect(consensus.json().evaluation.awardPreview).toMatchObject({
      impactScore: '0.68000',
      supply: 2170,
      threshold: 2106,
    });

    // Four eyes: the admin who entered the consensus cannot confirm it.
    expectProblem(
      await api.post(`/v1/plans/${planId}/award`, p.admin.as, { publicRationale: 'Mine.' }),
      403,
      'AWARD.FOUR_EYES',
    );
    const award = await api.post(`/v1/plans/${planId}/award`, p.secondAdmin.as, {
      publicRationale: 'Leren en werken gaan goed samen.',
    });
    expectStatus(award, 201);
    expect(award.json()).toMatchObject({
      roundNumber: 2,
      scoreSource: 'consensus',
      supply: 2170,
      threshold: 2106,
      decision: 'approved',
      confirmedBy: p.secondAdmin.user.id,
    });
  });

  it('lists the project with a funding deadline of its own; the public page recomputes from the consensus', async () => {
    const deadline = new Date(t.clock.now().getTime() + 60 * DAY_MS).toISOString();
    const listed = await api.post(`/v1/plans/${planId}/list`, p.admin.as, {
      fundingDeadline: deadline,
    });
    expectStatus(listed, 200);
    expect(listed.json()).toMatchObject({
      status: 'listed',
      fundingDeadline: deadline,
      credits: { supply: 2170, available: 2170 },
    });

    const response = await api.get(`/v1/projects/${planId}`);
    expectStatus(response, 200);
    const project = response.json();
    // The plan as resubmitted: four lines, the teamweekend gone.
    expect(project.budgetLines.map((line: { description: string }) => line.description)).toEqual([
      'Werkbegeleiders groen',
      'BBL-opleiding Medewerker groen',
      'Jobcoaching en zes maanden nazorg na plaatsing',
      'Gereedschap en werkkleding',
    ]);
    expect(project.award).toMatchObject({
      scoreSource: 'consensus',
      panelScores: { reach: 4, depth: 4, durability: 2, indirect: 3 },
      eligibleCostCents: 12_130_000,
    });
    // S = 0.3×4/5 + 0.3×4/5 + 0.2×2/5 + 0.2×3/5 = 0.24 + 0.24 + 0.08 + 0.12 = 0.68 (the medians would give 0.72)
    // N = floor(12 130 000 × 0.68 / 3 800) = floor(2 170.63…) = 2 170
    // T = min(2 170, ceil(8 000 000 / 3 800) = ceil(2 105.26…) = 2 106) = 2 106
    const byHand = awardByHand(project.award);
    expect(byHand).toEqual({
      impactScore: '0.68000',
      supply: 2170,
      threshold: 2106,
      aboveCutoff: true,
    });
    expect(project.award).toMatchObject({
      impactScore: byHand.impactScore,
      supply: byHand.supply,
      threshold: byHand.threshold,
    });
    expect(project.credits).toMatchObject({
      supply: byHand.supply,
      threshold: byHand.threshold,
      available: byHand.supply,
    });
    expect(project.fundingDeadline).toBe(deadline);
    expect(response.body).not.toContain('Seizoenswerk maakt');
    expect(response.body).not.toContain('teamweekend');
  });

  it('keeps round 1 in the history: the plan lists both rounds, and round 1’s review can still be read', async () => {
    const plan = await api.get(`/v1/plans/${planId}`, p.member.as);
    expect(plan.json()).toMatchObject({
      status: 'listed',
      reviewRound: 2,
      reviewRounds: [
        {
          roundNumber: 1,
          status: 'changes_requested',
          questions: expect.stringContaining('teamweekend'),
        },
        { roundNumber: 2, status: 'decided' },
      ],
    });

    const round1 = await api.get(`/v1/plans/${planId}/review?round=1`, p.admin.as);
    expectStatus(round1, 200);
    const body = round1.json();
    expect(body).toMatchObject({ round: { number: 1, status: 'changes_requested' }, award: null });
    expect(
      body.plan.budgetLines.map((line: { description: string }) => line.description),
    ).toContain('Teamweekend');
    expect(body.plan.totalCostCents).toBe(12_730_000);
    expect(
      body.panel
        .filter((m: { scored: boolean }) => m.scored)
        .map((m: { reviewerId: string }) => m.reviewerId),
    ).toEqual([round1Panel()[0]!.user.id]);

    const round2 = await api.get(`/v1/plans/${planId}/review`, p.admin.as);
    expect(round2.json()).toMatchObject({
      round: { number: 2, status: 'decided' },
      award: { roundNumber: 2 },
    });

    // The first reviewer sat on round 1 only: that is the round it can open.
    const first = await api.get(`/v1/plans/${planId}/review`, round1Panel()[0]!.as);
    expectStatus(first, 200);
    expect(first.json()).toMatchObject({ rounds: [{ number: 1 }], round: { number: 1 } });
  });
});
