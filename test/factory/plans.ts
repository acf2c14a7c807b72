import type { Kysely } from 'kysely';
import type { DB, OrganisationRow } from '../../src/db/types.js';
import {
  loadPlanAggregate,
  replacePlanChildren,
  toSnapshot,
} from '../../src/modules/projects/plan-aggregate.js';
import type { FixtureUser } from '../helpers/fixtures.js';

/** A complete, valid plan body for POST /v1/plans (amounts in cents). */
export function validPlanInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Rijbewijs voor werkzoekenden',
    summary:
      'Jobseekers far from the labour market earn a driving licence that opens jobs in logistics and care.',
    description:
      'Twelve-month route: theory classes, driving lessons and job coaching toward a first contract.',
    municipalities: [{ cbsCode: 'GM0599', name: 'Rotterdam' }],
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    targetGroups: [
      { targetGroup: 'participatiewet', expectedParticipants: 20 },
      { targetGroup: 'banenafspraak', expectedParticipants: 5 },
    ],
    expectedOutcomes: [
      { outcomeType: 'driving_licence', expectedCount: 18 },
      { outcomeType: 'paid_work', expectedCount: 10 },
    ],
    budgetLines: [
      { description: 'Driving lessons', category: 'training', amountCents: 6_000_000 },
      { description: 'Job coach', category: 'coaching', amountCents: 3_000_000 },
      { description: 'Study materials', category: 'materials', amountCents: 1_000_000 },
    ],
    totalCostCents: 10_000_000,
    minimumBudgetCents: 4_000_000,
    otherFunding: { amountCents: 500_000, description: 'Municipal co-funding' },
    contact: {
      name: 'Fatima El Amrani',
      email: 'fatima@werkkracht.example',
      phone: '+31 10 123 4567',
    },
    ...overrides,
  };
}

/**
 * Inserts a plan straight into the database, in the given status, with its first review
 * round when it has been submitted. For tests of later steps that should not depend on
 * the plan API; the round's snapshot has the same shape submit produces.
 */
export async function insertPlan(
  db: Kysely<DB>,
  initiative: OrganisationRow,
  author: FixtureUser,
  status: 'draft' | 'submitted' = 'draft',
): Promise<{ projectId: string; roundId: string | null; budgetLineIds: string[] }> {
  const input = validPlanInput();
  return db.transaction().execute(async (trx) => {
    const project = await trx
      .insertInto('projects')
      .values({
        initiative_id: initiative.id,
        title: input.title,
        summary: input.summary,
        description: input.description,
        start_date: input.startDate,
        end_date: input.endDate,
        total_cost_cents: input.totalCostCents,
        minimum_budget_cents: input.minimumBudgetCents,
        other_funding_cents: input.otherFunding.amountCents,
        other_funding_description: input.otherFunding.description,
        contact_name: input.contact.name,
        contact_email: input.contact.email,
        contact_phone: input.contact.phone,
        created_by: author.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await replacePlanChildren(trx, project.id, {
      municipalities: input.municipalities,
      targetGroups: input.targetGroups as never,
      expectedOutcomes: input.expectedOutcomes as never,
      budgetLines: input.budgetLines as never,
    });
    const aggregate = await loadPlanAggregate(trx, project);
    const budgetLineIds = aggregate.budgetLines.map((line) => line.id);
    if (status === 'draft') return { projectId: project.id, roundId: null, budgetLineIds };

    const now = new Date();
    await trx
      .updateTable('projects')
      .set({ status: 'submitted', review_round: 1, submitted_at: now })
      .where('id', '=', project.id)
      .execute();
    const round = await trx
      .insertInto('review_rounds')
      .values({
        project_id: project.id,
        round_number: 1,
        plan_snapshot: JSON.stringify(toSnapshot(aggregate)),
        submitted_by: author.id,
        submitted_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { projectId: project.id, roundId: round.id, budgetLineIds };
  });
}
