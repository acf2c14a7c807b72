import type { Kysely } from 'kysely';
import { readJson } from '../../db/json.js';
import type { BudgetCategory, DB, OutcomeType, ProjectRow, TargetGroup } from '../../db/types.js';

/**
 * A plan with its child rows, as one value. The same shape is frozen into each review
 * round (`review_rounds.plan_snapshot`), so the panel's view of a plan and the award
 * made from it never change when the initiative edits the plan afterwards.
 */
export interface PlanAggregate {
  id: string;
  initiativeId: string;
  title: string;
  summary: string;
  description: string;
  startDate: string | null;
  endDate: string | null;
  municipalities: { cbsCode: string; name: string }[];
  targetGroups: { targetGroup: TargetGroup; expectedParticipants: number }[];
  expectedOutcomes: { outcomeType: OutcomeType; expectedCount: number }[];
  budgetLines: {
    id: string;
    position: number;
    description: string;
    category: BudgetCategory;
    amountCents: number;
  }[];
  totalCostCents: number | null;
  minimumBudgetCents: number | null;
  otherFunding: { amountCents: number; description: string | null };
  contact: { name: string | null; email: string | null; phone: string | null };
}

export type PlanSnapshot = PlanAggregate & { snapshotVersion: 1 };

export async function loadPlanAggregate(
  db: Kysely<DB>,
  project: ProjectRow,
): Promise<PlanAggregate> {
  const [municipalities, targetGroups, outcomes, lines] = await Promise.all([
    db
      .selectFrom('project_municipalities')
      .selectAll()
      .where('project_id', '=', project.id)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('project_target_groups')
      .selectAll()
      .where('project_id', '=', project.id)
      .orderBy('target_group')
      .execute(),
    db
      .selectFrom('project_outcomes')
      .selectAll()
      .where('project_id', '=', project.id)
      .orderBy('outcome_type')
      .execute(),
    db
      .selectFrom('project_budget_lines')
      .selectAll()
      .where('project_id', '=', project.id)
      .orderBy('position')
      .execute(),
  ]);
  return {
    id: project.id,
    initiativeId: project.initiative_id,
    title: project.title,
    summary: project.summary,
    description: project.description,
    startDate: project.start_date,
    endDate: project.end_date,
    municipalities: municipalities.map((m) => ({ cbsCode: m.cbs_code, name: m.name })),
    targetGroups: targetGroups.map((g) => ({
      targetGroup: g.target_group,
      expectedParticipants: g.expected_participants,
    })),
    expectedOutcomes: outcomes.map((o) => ({
      outcomeType: o.outcome_type,
      expectedCount: o.expected_count,
    })),
    budgetLines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      description: l.description,
      category: l.category,
      amountCents: l.amount_cents,
    })),
    totalCostCents: project.total_cost_cents,
    minimumBudgetCents: project.minimum_budget_cents,
    otherFunding: {
      amountCents: project.other_funding_cents,
      description: project.other_funding_description,
    },
    contact: {
      name: project.contact_name,
      email: project.contact_email,
      phone: project.contact_phone,
    },
  };
}

export function toSnapshot(plan: PlanAggregate): PlanSnapshot {
  return { ...plan, snapshotVersion: 1 };
}

/** Reads a snapshot back from review_rounds.plan_snapshot (jsonb). */
export function readSnapshot(value: unknown): PlanSnapshot {
  const snapshot = readJson<PlanSnapshot>(value);
  if (snapshot?.snapshotVersion !== 1) throw new Error('unknown plan snapshot version');
  return snapshot;
}

/** The lists of a plan as written: budget lines carry an id only when they keep an existing one. */
export type PlanLists = Pick<
  PlanAggregate,
  'municipalities' | 'targetGroups' | 'expectedOutcomes'
> & {
  budgetLines: {
    id?: string | undefined;
    description: string;
    category: BudgetCategory;
    amountCents: number;
  }[];
};

/**
 * Replaces a plan's child rows with the given ones. Budget lines keep their ids when
 * the caller passes them, so panel flags (which name line ids) stay meaningful.
 */
export async function replacePlanChildren(
  trx: Kysely<DB>,
  projectId: string,
  plan: PlanLists,
): Promise<void> {
  await replacePlanLists(trx, projectId, plan);
}

/** Like replacePlanChildren, for only the lists that are given (an edit replaces what it names). */
export async function replacePlanLists(
  trx: Kysely<DB>,
  projectId: string,
  plan: Partial<PlanLists>,
): Promise<void> {
  if (plan.municipalities) {
    await trx.deleteFrom('project_municipalities').where('project_id', '=', projectId).execute();
    if (plan.municipalities.length > 0) {
      await trx
        .insertInto('project_municipalities')
        .values(
          plan.municipalities.map((m) => ({
            project_id: projectId,
            cbs_code: m.cbsCode,
            name: m.name,
          })),
        )
        .execute();
    }
  }
  if (plan.targetGroups) {
    await trx.deleteFrom('project_target_groups').where('project_id', '=', projectId).execute();
    if (plan.targetGroups.length > 0) {
      await trx
        .insertInto('project_target_groups')
        .values(
          plan.targetGroups.map((g) => ({
            project_id: projectId,
            target_group: g.targetGroup,
            expected_participants: g.expectedParticipants,
          })),
        )
        .execute();
    }
  }
  if (plan.expectedOutcomes) {
    await trx.deleteFrom('project_outcomes').where('project_id', '=', projectId).execute();
    if (plan.expectedOutcomes.length > 0) {
      await trx
        .insertInto('project_outcomes')
        .values(
          plan.expectedOutcomes.map((o) => ({
            project_id: projectId,
            outcome_type: o.outcomeType,
            expected_count: o.expectedCount,
          })),
        )
        .execute();
    }
  }
  if (plan.budgetLines) {
    await trx.deleteFrom('project_budget_lines').where('project_id', '=', projectId).execute();
    if (plan.budgetLines.length > 0) {
      await trx
        .insertInto('project_budget_lines')
        .values(
          plan.budgetLines.map((line, position) => ({
            ...(line.id ? { id: line.id } : {}),
            project_id: projectId,
            position,
            description: line.description,
            category: line.category,
            amount_cents: line.amountCents,
          })),
        )
        .execute();
    }
  }
}
