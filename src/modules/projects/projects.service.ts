import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, ProjectRow, ReviewRoundRow } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { type Actor, type Ctx, isPlatformAdmin, requireActor } from '../../lib/context.js';
import {
  badRequest,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  unprocessable,
} from '../../lib/errors.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { auditRepository } from '../audit/audit.repository.js';
import { recordEvent } from '../events/events.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  loadPlanAggregate,
  type PlanAggregate,
  replacePlanChildren,
  replacePlanLists,
  toSnapshot,
} from './plan-aggregate.js';
import {
  type PlanListRow,
  type PlanScope,
  projectsRepository,
  type ProjectUpdate,
} from './projects.repository.js';
import type {
  CreatePlanInput,
  ListPlansQuery,
  Plan,
  PlanSummary,
  UpdatePlanInput,
} from './projects.schemas.js';
import { EDITABLE_STATUSES } from './vocabulary.js';

export interface PlanIssue {
  path: string;
  message: string;
}

/**
 * What still blocks a plan from being submitted. A draft may be saved incomplete; a
 * submitted plan is complete, its budget adds up, and its minimum fits in its cost.
 */
export function planCompleteness(plan: PlanAggregate): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const require = (present: boolean, path: string, message = 'is required') => {
    if (!present) issues.push({ path, message });
  };
  require(plan.summary.length > 0, 'summary');
  require(plan.description.length > 0, 'description');
  require(plan.municipalities.length > 0, 'municipalities', 'needs at least one municipality');
  require(plan.startDate !== null, 'startDate');
  require(plan.endDate !== null, 'endDate');
  if (plan.startDate !== null && plan.endDate !== null && plan.endDate < plan.startDate) {
    issues.push({ path: 'endDate', message: 'must be on or after startDate' });
  }
  require(plan.targetGroups.length > 0, 'targetGroups', 'needs at least one target group');
  require(plan.expectedOutcomes.length >
    0, 'expectedOutcomes', 'needs at least one expected outcome');
  require(plan.budgetLines.length > 0, 'budgetLines', 'needs at least one budget line');
  require(plan.totalCostCents !== null, 'totalCostCents');
  require(plan.minimumBudgetCents !== null, 'minimumBudgetCents');
  if (
    plan.totalCostCents !== null &&
    plan.minimumBudgetCents !== null &&
    plan.minimumBudgetCents > plan.totalCostCents
  ) {
    issues.push({ path: 'minimumBudgetCents', message: 'must not exceed totalCostCents' });
  }
  if (plan.totalCostCents !== null && plan.budgetLines.length > 0) {
    const sum = plan.budgetLines.reduce((total, line) => total + Number(line.amountCents), 0);
    if (sum !== Number(plan.totalCostCents)) {
      issues.push({
        path: 'budgetLines',
        message: `add up to ${sum} cents, not to totalCostCents (${plan.totalCostCents})`,
      });
    }
  }
  require(plan.contact.name !== null, 'contact.name');
  require(plan.contact.email !== null, 'contact.email');
  return issues;
}

/** The audited steps that move a plan from one status to the next, and the status each leads to. */
const STATUS_STEPS: Record<string, (summary: unknown) => Plan['status']> = {
  'plan.created': () => 'draft',
  'plan.submitted': () => 'submitted',
  'review.assigned': () => 'in_review',
  'review.changes_requested': () => 'changes_requested',
  'award.confirmed': (summary) =>
    (summary as { decision?: unknown } | null)?.decision === 'rejected' ? 'rejected' : 'approved',
  'project.listed': () => 'listed',
  'project.funded': () => 'funded',
  'project.failed': () => 'failed',
  'project.completed': () => 'completed',
};

type StatusStep = { action: string; occurred_at: Date; summary: unknown };

/**
 * The plan's status history from its audit trail, oldest first. A step that leaves the status
 * as it was (a replacement reviewer assigned while in review) is not repeated.
 */
export function statusHistory(events: StatusStep[]): Plan['statusHistory'] {
  const history: Plan['statusHistory'] = [];
  for (const event of events) {
    const step = STATUS_STEPS[event.action];
    if (!step) continue;
    const status = step(event.summary);
    if (history.at(-1)?.status === status) continue;
    history.push({ status, at: event.occurred_at.toISOString() });
  }
  return history;
}

function toPlan(
  row: ProjectRow,
  plan: PlanAggregate,
  rounds: ReviewRoundRow[],
  events: StatusStep[],
): Plan {
  return {
    id: row.id,
    initiativeId: row.initiative_id,
    status: row.status,
    title: plan.title,
    summary: plan.summary,
    description: plan.description,
    municipalities: plan.municipalities,
    startDate: plan.startDate,
    endDate: plan.endDate,
    targetGroups: plan.targetGroups,
    expectedOutcomes: plan.expectedOutcomes,
    budgetLines: plan.budgetLines.map(({ id, description, category, amountCents }) => ({
      id,
      description,
      category,
      amountCents,
    })),
    totalCostCents: plan.totalCostCents,
    minimumBudgetCents: plan.minimumBudgetCents,
    otherFunding: plan.otherFunding,
    contact: plan.contact,
    currency: 'EUR',
    reviewRound: row.review_round,
    submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
    completeness: planCompleteness(plan),
    reviewRounds: rounds.map((round) => ({
      roundNumber: round.round_number,
      status: round.status,
      submittedAt: round.submitted_at.toISOString(),
      questions: round.questions,
      returnedAt: round.returned_at ? round.returned_at.toISOString() : null,
    })),
    statusHistory: statusHistory(events),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toPlanSummary(row: ProjectRow): PlanSummary {
  return {
    id: row.id,
    initiativeId: row.initiative_id,
    status: row.status,
    title: row.title,
    totalCostCents: row.total_cost_cents,
    currency: 'EUR',
    reviewRound: row.review_round,
    submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const isEditable = (row: ProjectRow) =>
  (EDITABLE_STATUSES as readonly string[]).includes(row.status);
const isInitiativeMember = (actor: Actor) =>
  actor.organisationKind === 'initiative' && actor.role === 'member';
const isOwner = (actor: Actor, row: ProjectRow) =>
  isInitiativeMember(actor) && actor.organisationId === row.initiative_id;
const isReviewer = (actor: Actor) =>
  actor.organisationKind === 'platform' && actor.role === 'reviewer';

const CURSOR_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$/;

function validationFailed(errors: PlanIssue[]) {
  return badRequest('VALIDATION.FAILED', 'The request did not pass validation', { errors });
}

/** Field values of the projects row, from a body's scalar fields (only those given). */
function scalarValues(
  input: Omit<
    UpdatePlanInput,
    'municipalities' | 'targetGroups' | 'expectedOutcomes' | 'budgetLines'
  >,
): ProjectUpdate {
  const values: ProjectUpdate = {};
  if (input.title !== undefined) values.title = input.title;
  if (input.summary !== undefined) values.summary = input.summary;
  if (input.description !== undefined) values.description = input.description;
  if (input.startDate !== undefined) values.start_date = input.startDate;
  if (input.endDate !== undefined) values.end_date = input.endDate;
  if (input.totalCostCents !== undefined) values.total_cost_cents = input.totalCostCents;
  if (input.minimumBudgetCents !== undefined)
    values.minimum_budget_cents = input.minimumBudgetCents;
  if (input.otherFunding !== undefined) {
    values.other_funding_cents = input.otherFunding?.amountCents ?? 0;
    values.other_funding_description = input.otherFunding?.description || null;
  }
  if (input.contact !== undefined) {
    values.contact_name = input.contact?.name ?? null;
    values.contact_email = input.contact?.email ?? null;
    values.contact_phone = input.contact?.phone || null;
  }
  return values;
}

/**
 * An edit names some fields; the rules between fields must hold for the plan they make
 * together with the stored ones. The field the edit gives is the one reported.
 */
function checkEditAgainstStored(row: ProjectRow, input: UpdatePlanInput): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const startDate = input.startDate !== undefined ? input.startDate : row.start_date;
  const endDate = input.endDate !== undefined ? input.endDate : row.end_date;
  if (startDate && endDate && endDate < startDate) {
    issues.push(
      input.endDate !== undefined
        ? { path: 'body.endDate', message: `must be on or after startDate (${startDate})` }
        : { path: 'body.startDate', message: `must be on or before endDate (${endDate})` },
    );
  }
  const total = input.totalCostCents !== undefined ? input.totalCostCents : row.total_cost_cents;
  const minimum =
    input.minimumBudgetCents !== undefined ? input.minimumBudgetCents : row.minimum_budget_cents;
  if (total != null && minimum != null && minimum > total) {
    issues.push(
      input.minimumBudgetCents !== undefined
        ? { path: 'body.minimumBudgetCents', message: `must not exceed totalCostCents (${total})` }
        : {
            path: 'body.totalCostCents',
            message: `must not be less than minimumBudgetCents (${minimum})`,
          },
    );
  }
  return issues;
}

export function createProjectsService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;

  /** Owners, platform admins and reviewers assigned to any of its rounds see a plan. */
  async function canSee(actor: Actor, row: ProjectRow): Promise<boolean> {
    if (isPlatformAdmin(actor) || isOwner(actor, row)) return true;
    return isReviewer(actor) && projectsRepository.isAssignedReviewer(db, row.id, actor.userId);
  }

  /** A plan the caller may not see answers 404, so its existence is not disclosed. */
  async function loadVisible(actor: Actor, id: string): Promise<ProjectRow> {
    const row = await projectsRepository.findById(db, id);
    if (!row || !(await canSee(actor, row))) throw notFound('Plan');
    return row;
  }

  /** Only the owning initiative changes its plan; others who may see it are refused. */
  async function loadOwned(ctx: Ctx, id: string): Promise<Actor> {
    const actor = requireActor(ctx);
    const row = await loadVisible(actor, id);
    if (!isOwner(actor, row))
      throw forbidden(
        'AUTH.FORBIDDEN',
        'Only members of the initiative that owns the plan can change it',
      );
    return actor;
  }

  async function view(executor: Kysely<DB>, row: ProjectRow): Promise<Plan> {
    const [plan, rounds, events] = await Promise.all([
      loadPlanAggregate(executor, row),
      projectsRepository.listRounds(executor, row.id),
      auditRepository.listActionsAbout(
        executor,
        { type: 'project', id: row.id },
        Object.keys(STATUS_STEPS),
      ),
    ]);
    return toPlan(row, plan, rounds, events);
  }

  return {
    async create(ctx: Ctx, input: CreatePlanInput): Promise<Plan> {
      const actor = requireActor(ctx);
      if (!isInitiativeMember(actor))
        throw forbidden('AUTH.FORBIDDEN', 'Only members of a social initiative can create plans');
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const row = await projectsRepository.insert(trx, {
          ...scalarValues(input),
          title: input.title,
          initiative_id: actor.organisationId,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await replacePlanChildren(trx, row.id, {
          municipalities: input.municipalities ?? [],
          targetGroups: input.targetGroups ?? [],
          expectedOutcomes: input.expectedOutcomes ?? [],
          budgetLines: input.budgetLines ?? [],
        });
        await recordAudit(trx, ctx, {
          action: 'plan.created',
          subjectType: 'project',
          subjectId: row.id,
          summary: { initiativeId: row.initiative_id, title: row.title },
        });
        return view(trx, row);
      });
    },

    async list(ctx: Ctx, query: ListPlansQuery) {
      const actor = requireActor(ctx);
      let scope: PlanScope;
      if (isPlatformAdmin(actor)) scope = 'all';
      else if (isInitiativeMember(actor)) scope = { initiativeId: actor.organisationId };
      else if (isReviewer(actor)) scope = { reviewerId: actor.userId };
      else
        throw forbidden(
          'AUTH.FORBIDDEN',
          'Plans are for initiatives, platform admins and assigned reviewers',
        );
      const before = decodeCursor(
        query.cursor,
        ['createdAt', 'id'] as const,
        (values) => CURSOR_TIME.test(values.createdAt) && z.uuid().safeParse(values.id).success,
      );
      const rows = await projectsRepository.list(db, {
        scope,
        status: query.status,
        before,
        limit: query.limit,
      });
      return toPage(rows, query.limit, toPlanSummary, (row: PlanListRow) => ({
        createdAt: row.cursor_created_at,
        id: row.id,
      }));
    },

    async get(ctx: Ctx, id: string): Promise<Plan> {
      return view(db, await loadVisible(requireActor(ctx), id));
    },

    async update(ctx: Ctx, id: string, input: UpdatePlanInput): Promise<Plan> {
      await loadOwned(ctx, id);
      return db.transaction().execute(async (trx) => {
        // Locked, so an edit cannot slip in between a submission's checks and its snapshot.
        const row = await projectsRepository.findByIdForUpdate(trx, id);
        if (!row) throw notFound('Plan');
        if (!isEditable(row)) {
          throw conflict(
            'PLAN.NOT_EDITABLE',
            `A plan can be edited only while draft or changes_requested; this one is ${row.status}`,
          );
        }
        const issues = checkEditAgainstStored(row, input);
        if (issues.length > 0) throw validationFailed(issues);

        if (input.budgetLines?.some((line) => line.id !== undefined)) {
          const current = new Set(
            (await loadPlanAggregate(trx, row)).budgetLines.map((line) => line.id),
          );
          const unknown = input.budgetLines.flatMap((line, index) =>
            line.id !== undefined && !current.has(line.id)
              ? [
                  {
                    path: `body.budgetLines.${index}.id`,
                    message: 'is not a budget line of this plan',
                  },
                ]
              : [],
          );
          if (unknown.length > 0) {
            throw unprocessable(
              'PLAN.UNKNOWN_BUDGET_LINE',
              'A budget line id is not one of this plan’s lines',
              { errors: unknown },
            );
          }
        }

        await replacePlanLists(trx, id, {
          municipalities: input.municipalities,
          targetGroups: input.targetGroups,
          expectedOutcomes: input.expectedOutcomes,
          budgetLines: input.budgetLines,
        });
        const updated = await projectsRepository.update(trx, id, {
          ...scalarValues(input),
          updated_at: clock.now(),
        });
        await recordAudit(trx, ctx, {
          action: 'plan.updated',
          subjectType: 'project',
          subjectId: id,
          summary: {
            fields: Object.keys(input).filter(
              (key) => input[key as keyof UpdatePlanInput] !== undefined,
            ),
          },
        });
        return view(trx, updated);
      });
    },

    /**
     * Submits a complete plan for review: a new review round opens with the plan frozen
     * in it as the panel will see it. The row lock and the one-open-round index make a
     * repeated or concurrent submit answer 409 instead of opening a second round.
     */
    async submit(ctx: Ctx, id: string): Promise<Plan> {
      const actor = await loadOwned(ctx, id);
      try {
        return await db.transaction().execute(async (trx) => {
          const row = await projectsRepository.findByIdForUpdate(trx, id);
          if (!row) throw notFound('Plan');
          if (!isEditable(row)) {
            throw conflict(
              'PLAN.INVALID_TRANSITION',
              `Only a draft or a plan with changes requested can be submitted; this one is ${row.status}`,
            );
          }
          const plan = await loadPlanAggregate(trx, row);
          const issues = planCompleteness(plan);
          if (issues.length > 0)
            throw unprocessable('PLAN.INCOMPLETE', 'The plan is not complete enough to submit', {
              errors: issues,
            });

          const now = clock.now();
          const roundNumber = row.review_round + 1;
          const updated = await projectsRepository.update(trx, id, {
            status: 'submitted',
            review_round: roundNumber,
            submitted_at: now,
            updated_at: now,
          });
          const round = await projectsRepository.insertRound(trx, {
            projectId: id,
            roundNumber,
            snapshot: toSnapshot(plan),
            submittedBy: actor.userId,
            submittedAt: now,
          });
          await recordEvent(trx, { type: 'plan.submitted', objectId: id, occurredAt: now });
          await recordAudit(trx, ctx, {
            action: 'plan.submitted',
            subjectType: 'project',
            subjectId: id,
            summary: { roundNumber, roundId: round.id, fromStatus: row.status },
          });
          return view(trx, updated);
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict(
            'PLAN.INVALID_TRANSITION',
            'This plan has already been submitted for this round',
          );
        throw error;
      }
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
