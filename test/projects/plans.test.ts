import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/modules/projects/plan-aggregate.js';
import { type Person, type SignedIn, TestContext } from '../factory/index.js';
import { validPlanInput } from '../factory/plans.js';

const PLAN_KEYS = [
  'budgetLines',
  'completeness',
  'contact',
  'createdAt',
  'currency',
  'description',
  'endDate',
  'expectedOutcomes',
  'id',
  'initiativeId',
  'minimumBudgetCents',
  'municipalities',
  'otherFunding',
  'reviewRound',
  'reviewRounds',
  'startDate',
  'status',
  'statusHistory',
  'submittedAt',
  'summary',
  'targetGroups',
  'title',
  'totalCostCents',
  'updatedAt',
];

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
  return response.json() as { errors?: { path: string; message: string }[] };
}

/** A 400 that names exactly the given failing fields. */
function expectInvalid(response: LightMyRequestResponse, ...paths: string[]) {
  const body = expectProblem(response, 400, 'VALIDATION.FAILED');
  expect(body.errors?.map((error) => error.path).sort(), response.body).toEqual([...paths].sort());
}

interface PlanBody {
  id: string;
  status: string;
  title: string;
  reviewRound: number;
  submittedAt: string | null;
  budgetLines: { id: string; description: string; category: string; amountCents: number }[];
  completeness: { path: string; message: string }[];
  reviewRounds: {
    roundNumber: number;
    status: string;
    submittedAt: string;
    questions: string | null;
    returnedAt: string | null;
  }[];
  [key: string]: unknown;
}

describe('project plans', () => {
  let t: TestContext;
  let initiative: Person;
  let admin: Person;
  let member: SignedIn;

  beforeAll(async () => {
    t = await TestContext.create();
    initiative = await t.newInitiative();
    admin = await t.platformAdmin();
    member = initiative.as;
  });
  afterAll(() => t?.close());

  const create = (payload: Record<string, unknown>, who = member) =>
    t.app.inject({ method: 'POST', url: '/v1/plans', headers: who.headers, payload });
  const get = (id: string, who = member) =>
    t.app.inject({ method: 'GET', url: `/v1/plans/${id}`, headers: who.headers });
  const patch = (id: string, payload: Record<string, unknown>, who = member) =>
    t.app.inject({ method: 'PATCH', url: `/v1/plans/${id}`, headers: who.headers, payload });
  const submit = (id: string, who = member) =>
    t.app.inject({ method: 'POST', url: `/v1/plans/${id}/submit`, headers: who.headers });

  async function createPlan(
    payload: Record<string, unknown> = validPlanInput(),
  ): Promise<PlanBody> {
    const response = await create(payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<PlanBody>();
  }

  const roundsOf = (projectId: string) =>
    t.db
      .selectFrom('review_rounds')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('round_number')
      .execute();
  const auditOf = (projectId: string, action: string) =>
    t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', projectId)
      .where('action', '=', action)
      .execute();
  const countProjects = async () =>
    (await t.db.selectFrom('projects').select('id').execute()).length;

  /** What the panel does when it sends a plan back; the reviews module owns it, so here it is SQL. */
  async function requestChanges(projectId: string, questions: string) {
    await t.db
      .updateTable('review_rounds')
      .set({
        status: 'changes_requested',
        questions,
        returned_by: admin.user.id,
        returned_at: new Date(),
      })
      .where('project_id', '=', projectId)
      .where('status', '=', 'open')
      .execute();
    await t.db
      .updateTable('projects')
      .set({ status: 'changes_requested' })
      .where('id', '=', projectId)
      .execute();
  }

  describe('create → edit → submit', () => {
    let plan: PlanBody;
    let snapshotAtSubmit: unknown;

    it('creates a draft for the caller’s initiative with exactly the schema’s fields', async () => {
      const input = validPlanInput();
      const response = await create(input);
      expect(response.statusCode, response.body).toBe(201);
      plan = response.json<PlanBody>();
      expect(Object.keys(plan).sort()).toEqual(PLAN_KEYS);
      expect(plan).toMatchObject({
        initiativeId: initiative.organisation.id,
        status: 'draft',
        reviewRound: 0,
        submittedAt: null,
        completeness: [],
        reviewRounds: [],
        currency: 'EUR',
        title: input.title,
        summary: input.summary,
        description: input.description,
        municipalities: input.municipalities,
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        totalCostCents: 10_000_000,
        minimumBudgetCents: 4_000_000,
        otherFunding: input.otherFunding,
        contact: input.contact,
      });
      expect(plan.targetGroups).toEqual(expect.arrayContaining(input.targetGroups));
      expect(plan.expectedOutcomes).toEqual(expect.arrayContaining(input.expectedOutcomes));
      // Budget lines keep their order and get ids (panel flags refer to them).
      expect(plan.budgetLines.map(({ id: _id, ...line }) => line)).toEqual(input.budgetLines);
      for (const line of plan.budgetLines) expect(line.id).toMatch(/^[0-9a-f-]{36}$/);

      const row = await t.db
        .selectFrom('projects')
        .selectAll()
        .where('id', '=', plan.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        initiative_id: initiative.organisation.id,
        created_by: initiative.user.id,
        status: 'draft',
      });
      const [event] = await auditOf(plan.id, 'plan.created');
      expect(event).toMatchObject({
        actor_user_id: initiative.user.id,
        actor_organisation_id: initiative.organisation.id,
        subject_type: 'project',
      });
    });

    it('reads the plan back as it was created', async () => {
      const response = await get(plan.id);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual(plan);
    });

    it('edits: replaces the given fields, keeps a budget line’s id when it is sent, and leaves the rest alone', async () => {
      const [first, second] = plan.budgetLines;
      const response = await patch(plan.id, {
        title: 'Rijbewijs en werk voor werkzoekenden',
        budgetLines: [
          {
            id: second!.id,
            description: 'Job coach (extended)',
            category: 'coaching',
            amountCents: 3_500_000,
          },
          { description: 'Exam fees', category: 'other', amountCents: 500_000 },
          {
            id: first!.id,
            description: 'Driving lessons',
            category: 'training',
            amountCents: 6_000_000,
          },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      const edited = response.json<PlanBody>();
      expect(edited.title).toBe('Rijbewijs en werk voor werkzoekenden');
      expect(
        edited.budgetLines
          .map((line) => line.id)
          .filter((id) => id === first!.id || id === second!.id),
      ).toEqual([second!.id, first!.id]);
      expect(edited.budgetLines[0]).toEqual({
        id: second!.id,
        description: 'Job coach (extended)',
        category: 'coaching',
        amountCents: 3_500_000,
      });
      expect(edited.budgetLines[1]!.id).not.toBe(plan.budgetLines[2]!.id);
      expect(edited.budgetLines).toHaveLength(3);
      // untouched fields stay as they were
      expect(edited.municipalities).toEqual(plan.municipalities);
      expect(edited.targetGroups).toEqual(plan.targetGroups);
      expect(edited.totalCostCents).toBe(10_000_000);
      expect(edited.completeness).toEqual([]);
      expect(edited.status).toBe('draft');

      const [event] = await auditOf(plan.id, 'plan.updated');
      expect(event!.summary).toEqual({ fields: ['title', 'budgetLines'] });
      plan = edited;
    });

    it('submits: status submitted, round 1 opened with the plan frozen in it, audited', async () => {
      const response = await submit(plan.id);
      expect(response.statusCode, response.body).toBe(200);
      const submitted = response.json<PlanBody>();
      expect(submitted).toMatchObject({ status: 'submitted', reviewRound: 1 });
      expect(submitted.submittedAt).toBe(t.clock.now().toISOString());
      expect(submitted.reviewRounds).toEqual([
        {
          roundNumber: 1,
          status: 'open',
          submittedAt: submitted.submittedAt,
          questions: null,
          returnedAt: null,
        },
      ]);

      const rounds = await roundsOf(plan.id);
      expect(rounds).toHaveLength(1);
      expect(rounds[0]).toMatchObject({
        round_number: 1,
        status: 'open',
        submitted_by: initiative.user.id,
      });
      const snapshot = readSnapshot(rounds[0]!.plan_snapshot);
      expect(snapshot).toEqual({
        snapshotVersion: 1,
        id: plan.id,
        initiativeId: initiative.organisation.id,
        title: submitted.title,
        summary: submitted.summary,
        description: submitted.description,
        startDate: submitted.startDate,
        endDate: submitted.endDate,
        municipalities: submitted.municipalities,
        targetGroups: submitted.targetGroups,
        expectedOutcomes: submitted.expectedOutcomes,
        budgetLines: submitted.budgetLines.map((line, position) => ({ ...line, position })),
        totalCostCents: submitted.totalCostCents,
        minimumBudgetCents: submitted.minimumBudgetCents,
        otherFunding: submitted.otherFunding,
        contact: submitted.contact,
      });
      snapshotAtSubmit = rounds[0]!.plan_snapshot;

      const events = await auditOf(plan.id, 'plan.submitted');
      expect(events).toHaveLength(1);
      expect(events[0]!.summary).toMatchObject({ roundNumber: 1, roundId: rounds[0]!.id });
      plan = submitted;
    });

    it('refuses to edit a submitted plan: 409 PLAN.NOT_EDITABLE, nothing changes', async () => {
      expectProblem(await patch(plan.id, { title: 'Stiekem aangepast' }), 409, 'PLAN.NOT_EDITABLE');
      expect((await get(plan.id)).json<PlanBody>().title).toBe(plan.title);
      expect(await auditOf(plan.id, 'plan.updated')).toHaveLength(1);
    });

    it('refuses to submit twice: 409 PLAN.INVALID_TRANSITION and still one round', async () => {
      expectProblem(await submit(plan.id), 409, 'PLAN.INVALID_TRANSITION');
      expect(await roundsOf(plan.id)).toHaveLength(1);
      expect((await get(plan.id)).json<PlanBody>().reviewRound).toBe(1);
    });

    it('keeps the snapshot as submitted when the plan is edited after the panel sends it back', async () => {
      await requestChanges(plan.id, 'Hoe worden deelnemers geworven?');
      t.clock.advance(60_000);
      const response = await patch(plan.id, {
        title: 'Rijbewijs, werk en werving',
        budgetLines: [
          {
            id: plan.budgetLines[0]!.id,
            description: 'Job coach',
            category: 'coaching',
            amountCents: 10_000_000,
          },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      const edited = response.json<PlanBody>();
      expect(edited.status).toBe('changes_requested');
      expect(edited.reviewRounds).toEqual([
        expect.objectContaining({
          roundNumber: 1,
          status: 'changes_requested',
          questions: 'Hoe worden deelnemers geworven?',
        }),
      ]);

      const [round] = await roundsOf(plan.id);
      expect(round!.plan_snapshot).toEqual(snapshotAtSubmit);
      expect(readSnapshot(round!.plan_snapshot).title).toBe(plan.title);
      expect(readSnapshot(round!.plan_snapshot).budgetLines).toHaveLength(3);
    });

    it('resubmits into round 2; round 1 stays in the history unchanged', async () => {
      const response = await submit(plan.id);
      expect(response.statusCode, response.body).toBe(200);
      const resubmitted = response.json<PlanBody>();
      expect(resubmitted).toMatchObject({ status: 'submitted', reviewRound: 2 });
      expect(resubmitted.reviewRounds.map((round) => [round.roundNumber, round.status])).toEqual([
        [1, 'changes_requested'],
        [2, 'open'],
      ]);
      const rounds = await roundsOf(plan.id);
      expect(rounds.map((round) => round.round_number)).toEqual([1, 2]);
      expect(rounds[0]!.plan_snapshot).toEqual(snapshotAtSubmit);
      const second = readSnapshot(rounds[1]!.plan_snapshot);
      expect(second.title).toBe('Rijbewijs, werk en werving');
      expect(second.budgetLines).toEqual([
        {
          id: plan.budgetLines[0]!.id,
          position: 0,
          description: 'Job coach',
          category: 'coaching',
          amountCents: 10_000_000,
        },
      ]);
      expect(await auditOf(plan.id, 'plan.submitted')).toHaveLength(2);
    });
  });

  describe('validation names the failing field', () => {
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['dates out of order', { startDate: '2027-06-01', endDate: '2027-05-31' }, ['body.endDate']],
      ['a date that does not exist', { startDate: '2027-02-30' }, ['body.startDate']],
      ['a date in another format', { endDate: '31-12-2027' }, ['body.endDate']],
      [
        'a negative budget line',
        { budgetLines: [{ description: 'Coach', category: 'coaching', amountCents: -100 }] },
        ['body.budgetLines.0.amountCents'],
      ],
      [
        'a zero budget line',
        { budgetLines: [{ description: 'Coach', category: 'coaching', amountCents: 0 }] },
        ['body.budgetLines.0.amountCents'],
      ],
      [
        'a fractional amount (cents are integers)',
        {
          budgetLines: [
            { description: 'Coach', category: 'coaching', amountCents: 100 },
            { description: 'Books', category: 'materials', amountCents: 99.5 },
          ],
        },
        ['body.budgetLines.1.amountCents'],
      ],
      ['an amount given as a string', { totalCostCents: '10000000' }, ['body.totalCostCents']],
      ['a zero total cost', { totalCostCents: 0 }, ['body.totalCostCents']],
      ['a negative minimum budget', { minimumBudgetCents: -1 }, ['body.minimumBudgetCents']],
      [
        'an absurdly large total',
        { totalCostCents: 100_000_000_001, minimumBudgetCents: 1 },
        ['body.totalCostCents'],
      ],
      [
        'negative other funding',
        { otherFunding: { amountCents: -5, description: 'Gemeente' } },
        ['body.otherFunding.amountCents'],
      ],
      [
        'other funding without saying from whom',
        { otherFunding: { amountCents: 5_000 } },
        ['body.otherFunding.description'],
      ],
      [
        'a minimum budget above the total cost',
        { totalCostCents: 1_000_000, minimumBudgetCents: 1_000_001 },
        ['body.minimumBudgetCents'],
      ],
      [
        'a municipality listed twice',
        {
          municipalities: [
            { cbsCode: 'GM0599', name: 'Rotterdam' },
            { cbsCode: 'gm0599', name: 'Rotterdam' },
          ],
        },
        ['body.municipalities.1.cbsCode'],
      ],
      [
        'a malformed CBS code',
        { municipalities: [{ cbsCode: 'GM59', name: 'Rotterdam' }] },
        ['body.municipalities.0.cbsCode'],
      ],
      [
        'a target group listed twice',
        {
          targetGroups: [
            { targetGroup: 'youth', expectedParticipants: 3 },
            { targetGroup: 'youth', expectedParticipants: 4 },
          ],
        },
        ['body.targetGroups.1.targetGroup'],
      ],
      [
        'an unknown target group',
        { targetGroups: [{ targetGroup: 'students', expectedParticipants: 3 }] },
        ['body.targetGroups.0.targetGroup'],
      ],
      [
        'zero participants',
        { targetGroups: [{ targetGroup: 'youth', expectedParticipants: 0 }] },
        ['body.targetGroups.0.expectedParticipants'],
      ],
      [
        'an outcome listed twice',
        {
          expectedOutcomes: [
            { outcomeType: 'diploma', expectedCount: 3 },
            { outcomeType: 'diploma', expectedCount: 1 },
          ],
        },
        ['body.expectedOutcomes.1.outcomeType'],
      ],
      [
        'an unknown budget category',
        { budgetLines: [{ description: 'Taxi', category: 'travel', amountCents: 100 }] },
        ['body.budgetLines.0.category'],
      ],
      ['a too-long title', { title: 'x'.repeat(201) }, ['body.title']],
      ['a too-short title', { title: 'ab' }, ['body.title']],
      ['no title', { title: undefined }, ['body.title']],
      ['a too-long summary', { summary: 'y'.repeat(1001) }, ['body.summary']],
      [
        'more than 100 budget lines',
        {
          budgetLines: Array.from({ length: 101 }, (_, i) => ({
            description: `Line ${i}`,
            category: 'other',
            amountCents: 100,
          })),
        },
        ['body.budgetLines'],
      ],
      [
        'an invalid contact email',
        { contact: { name: 'Fatima', email: 'not-an-email', phone: null } },
        ['body.contact.email'],
      ],
    ];

    it.each(cases)(
      'POST refuses %s with 400 and creates nothing',
      async (_name, overrides, paths) => {
        const before = await countProjects();
        expectInvalid(await create(validPlanInput(overrides)), ...paths);
        expect(await countProjects()).toBe(before);
      },
    );

    it('accepts the largest allowed amount exactly', async () => {
      const response = await create(
        validPlanInput({
          totalCostCents: 100_000_000_000,
          minimumBudgetCents: 100_000_000_000,
          budgetLines: [
            { description: 'Everything', category: 'other', amountCents: 100_000_000_000 },
          ],
        }),
      );
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().totalCostCents).toBe(100_000_000_000);
      expect(response.json().completeness).toEqual([]);
    });

    it('PATCH checks the edited field against the stored ones', async () => {
      const plan = await createPlan();
      expectInvalid(await patch(plan.id, { endDate: '2026-12-31' }), 'body.endDate');
      expectInvalid(await patch(plan.id, { startDate: '2028-01-01' }), 'body.startDate');
      expectInvalid(
        await patch(plan.id, { minimumBudgetCents: 10_000_001 }),
        'body.minimumBudgetCents',
      );
      expectInvalid(await patch(plan.id, { totalCostCents: 3_999_999 }), 'body.totalCostCents');
      // ...and applies the body's own rules as well
      expectInvalid(
        await patch(plan.id, { startDate: '2027-03-01', endDate: '2027-02-01' }),
        'body.endDate',
      );
      expectInvalid(await patch(plan.id, { totalCostCents: 12.5 }), 'body.totalCostCents');
      expectInvalid(await patch(plan.id, {}), 'body.');
      // Both moved together is fine.
      const response = await patch(plan.id, {
        totalCostCents: 3_000_000,
        minimumBudgetCents: 2_000_000,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(await auditOf(plan.id, 'plan.updated')).toHaveLength(1);
    });

    it('PATCH refuses a budget line id that is not one of the plan’s lines: 422 PLAN.UNKNOWN_BUDGET_LINE', async () => {
      const plan = await createPlan();
      const other = await createPlan();
      const stolenId = other.budgetLines[0]!.id;
      for (const id of [stolenId, '00000000-0000-4000-8000-000000000000']) {
        const body = expectProblem(
          await patch(plan.id, {
            budgetLines: [
              {
                id: plan.budgetLines[0]!.id,
                description: 'Driving lessons',
                category: 'training',
                amountCents: 6_000_000,
              },
              { id, description: 'Mine now', category: 'other', amountCents: 4_000_000 },
            ],
          }),
          422,
          'PLAN.UNKNOWN_BUDGET_LINE',
        );
        expect(body.errors).toEqual([
          { path: 'body.budgetLines.1.id', message: expect.any(String) },
        ]);
      }
      // Neither plan changed.
      expect((await get(plan.id)).json()).toEqual(plan);
      expect((await get(other.id)).json()).toEqual(other);
    });

    it('PATCH refuses the same budget line id twice', async () => {
      const plan = await createPlan();
      const id = plan.budgetLines[0]!.id;
      expectInvalid(
        await patch(plan.id, {
          budgetLines: [
            { id, description: 'A', category: 'other', amountCents: 1 },
            { id, description: 'B', category: 'other', amountCents: 2 },
          ],
        }),
        'body.budgetLines.1.id',
      );
    });

    it('PATCH with null clears optional fields, which makes the plan incomplete again', async () => {
      const plan = await createPlan();
      const response = await patch(plan.id, { startDate: null, contact: null, otherFunding: null });
      expect(response.statusCode, response.body).toBe(200);
      const edited = response.json<PlanBody>();
      expect(edited).toMatchObject({
        startDate: null,
        contact: { name: null, email: null, phone: null },
        otherFunding: { amountCents: 0, description: null },
      });
      expect(edited.completeness.map((issue) => issue.path)).toEqual([
        'startDate',
        'contact.name',
        'contact.email',
      ]);
    });
  });

  describe('completeness on submit', () => {
    it('lets a draft be saved with only a title, lists what is missing, and refuses to submit it: 422 PLAN.INCOMPLETE', async () => {
      const plan = await createPlan({ title: 'Groen onderhoud leerwerktraject' });
      expect(plan.completeness.map((issue) => issue.path)).toEqual([
        'summary',
        'description',
        'municipalities',
        'startDate',
        'endDate',
        'targetGroups',
        'expectedOutcomes',
        'budgetLines',
        'totalCostCents',
        'minimumBudgetCents',
        'contact.name',
        'contact.email',
      ]);
      const body = expectProblem(await submit(plan.id), 422, 'PLAN.INCOMPLETE');
      expect(body.errors).toEqual(plan.completeness);
      expect((await get(plan.id)).json<PlanBody>().status).toBe('draft');
      expect(await roundsOf(plan.id)).toHaveLength(0);
      expect(await auditOf(plan.id, 'plan.submitted')).toHaveLength(0);
    });

    it('refuses a plan without a target group', async () => {
      const plan = await createPlan(validPlanInput({ targetGroups: [] }));
      const body = expectProblem(await submit(plan.id), 422, 'PLAN.INCOMPLETE');
      expect(body.errors).toEqual([
        { path: 'targetGroups', message: 'needs at least one target group' },
      ]);
    });

    it('refuses a plan without an expected outcome or a municipality', async () => {
      const plan = await createPlan(validPlanInput({ expectedOutcomes: [], municipalities: [] }));
      const body = expectProblem(await submit(plan.id), 422, 'PLAN.INCOMPLETE');
      expect(body.errors?.map((error) => error.path)).toEqual([
        'municipalities',
        'expectedOutcomes',
      ]);
    });

    it('refuses budget lines that do not add up to the total cost, by one cent either way', async () => {
      for (const totalCostCents of [10_000_001, 9_999_999]) {
        const plan = await createPlan(validPlanInput({ totalCostCents }));
        const body = expectProblem(await submit(plan.id), 422, 'PLAN.INCOMPLETE');
        expect(body.errors).toEqual([
          { path: 'budgetLines', message: expect.stringContaining('10000000') },
        ]);
        expect(await roundsOf(plan.id)).toHaveLength(0);
      }
    });

    it('submits once the missing piece is added', async () => {
      const plan = await createPlan(validPlanInput({ targetGroups: [] }));
      expectProblem(await submit(plan.id), 422, 'PLAN.INCOMPLETE');
      const edited = await patch(plan.id, {
        targetGroups: [{ targetGroup: 'status_holder', expectedParticipants: 12 }],
      });
      expect(edited.json<PlanBody>().completeness).toEqual([]);
      const response = await submit(plan.id);
      expect(response.statusCode, response.body).toBe(200);
      expect(readSnapshot((await roundsOf(plan.id))[0]!.plan_snapshot).targetGroups).toEqual([
        { targetGroup: 'status_holder', expectedParticipants: 12 },
      ]);
    });
  });

  describe('concurrency', () => {
    it('two submits at once: exactly one 200, one 409, one round and one audit event', async () => {
      const plan = await createPlan();
      const responses = await Promise.all([submit(plan.id), submit(plan.id)]);
      expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
      const refused = responses.find((response) => response.statusCode === 409)!;
      expectProblem(refused, 409, 'PLAN.INVALID_TRANSITION');
      expect(await roundsOf(plan.id)).toHaveLength(1);
      expect(await auditOf(plan.id, 'plan.submitted')).toHaveLength(1);
      const row = await t.db
        .selectFrom('projects')
        .selectAll()
        .where('id', '=', plan.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'submitted', review_round: 1 });
    });

    it('a resubmit racing itself opens one new round only', async () => {
      const plan = await createPlan();
      expect((await submit(plan.id)).statusCode).toBe(200);
      await requestChanges(plan.id, 'Graag een uitgebreidere begroting.');
      const responses = await Promise.all([submit(plan.id), submit(plan.id), submit(plan.id)]);
      expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409, 409]);
      expect((await roundsOf(plan.id)).map((round) => [round.round_number, round.status])).toEqual([
        [1, 'changes_requested'],
        [2, 'open'],
      ]);
    });

    it('an edit racing a submit either lands before the snapshot or is refused', async () => {
      const plan = await createPlan();
      const [edit, submitted] = await Promise.all([
        patch(plan.id, { title: 'Gewijzigd tijdens indienen' }),
        submit(plan.id),
      ]);
      expect(submitted.statusCode, submitted.body).toBe(200);
      const snapshot = readSnapshot((await roundsOf(plan.id))[0]!.plan_snapshot);
      if (edit.statusCode === 200) {
        expect(snapshot.title).toBe('Gewijzigd tijdens indienen');
      } else {
        expectProblem(edit, 409, 'PLAN.NOT_EDITABLE');
        expect(snapshot.title).toBe(plan.title);
      }
      expect((await get(plan.id)).json<PlanBody>().title).toBe(snapshot.title);
    });
  });
});
