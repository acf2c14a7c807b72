import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, TestContext } from '../factory/index.js';

/** GET /v1/plans/{id} answers the plan's status history, taken from its audit trail. */
describe('a plan’s status history', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await TestContext.create();
  });
  afterAll(() => t?.close());

  it('lists every status from draft to funded, oldest first, each once', async () => {
    const project = await t.newFundedProject({ credits: 10 });
    const plan = await t.getJson<{ statusHistory: { status: string; at: string }[] }>(
      project.initiative,
      `/v1/plans/${project.id}`,
    );
    expect(plan.statusHistory.map((step) => step.status)).toEqual([
      'draft',
      'submitted',
      'in_review',
      'approved',
      'listed',
      'funded',
    ]);
    const times = plan.statusHistory.map((step) => Date.parse(step.at));
    expect(times.every((time) => Number.isFinite(time))).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('shows a question round and the resubmission after it', async () => {
    const plan = await t.newSubmittedPlan();
    const admin = await t.platformAdmin();
    const panel = await t.newReviewPanel();
    expectStatus(
      await t.post(admin, `/v1/plans/${plan.id}/panel`, {
        reviewerIds: panel.map((reviewer) => reviewer.user.id),
      }),
      201,
    );
    expectStatus(
      await t.post(admin, `/v1/plans/${plan.id}/request-changes`, {
        questions: 'How many coaches will you hire?',
      }),
      200,
    );
    expectStatus(await t.post(plan.initiative, `/v1/plans/${plan.id}/submit`), 200);
    const read = await t.getJson<{ statusHistory: { status: string }[] }>(
      plan.initiative,
      `/v1/plans/${plan.id}`,
    );
    expect(read.statusHistory.map((step) => step.status)).toEqual([
      'draft',
      'submitted',
      'in_review',
      'changes_requested',
      'submitted',
    ]);
  });

  it('is not shown to another initiative', async () => {
    const plan = await t.newDraftPlan();
    const other = await t.newInitiative();
    expectProblem(await t.get(other, `/v1/plans/${plan.id}`), 404, 'RESOURCE.NOT_FOUND');
  });
});
