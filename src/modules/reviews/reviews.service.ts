import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { DB, PanelAssignmentRow, ProjectRow, ReviewScoreRow } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import {
  type Actor,
  type Ctx,
  isPlatformAdmin,
  requireActor,
  requirePlatformAdmin,
} from '../../lib/context.js';
import {
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  unprocessable,
} from '../../lib/errors.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { recordEvent } from '../events/events.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ConfirmAwardInput, ListProjectInput } from '../awards/awards.schemas.js';
import { awardsRepository } from '../awards/awards.repository.js';
import { methodology } from '../../lib/award-methodology.js';
import { halved } from '../awards/panel-evaluation.js';
import { readSnapshot } from '../projects/plan-aggregate.js';
import { createAwardsService, toConfirmedAward } from './awards.service.js';
import { readJson, type ReviewerAssignmentRow, reviewsRepository } from './reviews.repository.js';
import type {
  AssignmentsQuery,
  AssignPanelInput,
  DeclareInterestInput,
  PlanReview,
  RecordConsensusInput,
  RequestChangesInput,
  ReviewAssignment,
  SubmitScoresInput,
} from './reviews.schemas.js';
import {
  loadRoundState,
  type ReviewSettings,
  type RoundState,
  toReviewScore,
  unknownLineErrors,
} from './round-state.js';

const INVALID_STATE = (message: string) => conflict('REVIEW.INVALID_STATE', message);
const ALREADY_ASSIGNED = (reviewerIds: string[] = []) =>
  conflict(
    'REVIEW.ALREADY_ASSIGNED',
    'A reviewer is already on the panel of this round',
    reviewerIds.length > 0
      ? {
          errors: reviewerIds.map((id) => ({
            path: 'body.reviewerIds',
            message: `${id} is already on the panel`,
          })),
        }
      : {},
  );
const ALREADY_SCORED = () =>
  conflict(
    'REVIEW.ALREADY_SCORED',
    'You have already scored this plan; a submitted score cannot be changed',
  );
const CONSENSUS_RECORDED = () =>
  conflict('REVIEW.CONSENSUS_RECORDED', 'A consensus has already been recorded for this round');

function toAssignment(row: ReviewerAssignmentRow): ReviewAssignment {
  return {
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    initiative: { id: row.initiative_id, name: row.initiative_name },
    roundNumber: row.round_number,
    roundStatus: row.round_status,
    projectStatus: row.project_status,
    assignedAt: row.assigned_at.toISOString(),
    declaration: row.declaration,
    declaredAt: row.declared_at ? row.declared_at.toISOString() : null,
    scored: row.scored_at !== null,
    scoredAt: row.scored_at ? row.scored_at.toISOString() : null,
  };
}

function toPanelMember(
  assignment: PanelAssignmentRow,
  score: ReviewScoreRow | undefined,
  options: { showNote: boolean },
) {
  return {
    assignmentId: assignment.id,
    reviewerId: assignment.reviewer_id,
    assignedAt: assignment.assigned_at.toISOString(),
    declaration: assignment.declaration,
    declarationNote: options.showNote ? assignment.declaration_note : null,
    declaredAt: assignment.declared_at ? assignment.declared_at.toISOString() : null,
    scored: score !== undefined,
    score: score ? toReviewScore(score) : null,
  };
}

/**
 * The expert review of a plan (DESIGN §4): an admin assigns the panel, each reviewer
 * declares its interests and scores blind, an admin records a consensus where the scores
 * diverge, and a second admin confirms the award; then an admin lists the project.
 */
export function createReviewsService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  config: Pick<Config, 'panelMin' | 'awardMethodology' | 'creditPriceCents' | 'fundingPeriodDays'>;
}) {
  const { db, clock, config } = deps;
  // Resolved once, so an unknown AWARD_METHODOLOGY stops the service at start-up.
  const settings: ReviewSettings = {
    parameters: methodology(config.awardMethodology),
    panelMin: config.panelMin,
    creditPriceCents: config.creditPriceCents,
    fundingPeriodDays: config.fundingPeriodDays,
  };
  const awards = createAwardsService({ db, clock, settings });

  /** The assignment, if it is the actor's own; anyone else's answers 404. */
  async function loadOwnAssignment(
    actor: Actor,
    assignmentId: string,
  ): Promise<PanelAssignmentRow> {
    const assignment = await reviewsRepository.findAssignment(db, assignmentId);
    if (!assignment || assignment.reviewer_id !== actor.userId) throw notFound('Assignment');
    return assignment;
  }

  async function ownAssignmentView(actor: Actor, assignmentId: string): Promise<ReviewAssignment> {
    const row = await reviewsRepository.findForReviewerById(db, actor.userId, assignmentId);
    if (!row) throw notFound('Assignment');
    return toAssignment(row);
  }

  async function reviewView(
    actor: Actor,
    project: ProjectRow,
    state: RoundState,
    rounds: { number: number; status: RoundState['round']['status'] }[],
  ): Promise<PlanReview> {
    const admin = isPlatformAdmin(actor);
    const { round, snapshot, evaluation } = state;

    let panel;
    if (admin) {
      panel = state.assignments.map((a) =>
        toPanelMember(a, state.scores.get(a.id), { showNote: true }),
      );
    } else {
      // Blind review: until its own score is in, a reviewer sees nothing of the others.
      const own = state.assignments.find((a) => a.reviewer_id === actor.userId);
      if (!own) throw notFound('Review');
      panel = state.scores.has(own.id)
        ? state.assignments.map((a) =>
            toPanelMember(a, state.scores.get(a.id), { showNote: a.id === own.id }),
          )
        : [toPanelMember(own, undefined, { showNote: true })];
    }

    const award = admin ? await awardsRepository.findByRound(db, round.id) : undefined;
    const consensus = admin ? state.consensus : undefined;
    const preview = evaluation.preview;
    return {
      projectId: project.id,
      projectStatus: project.status,
      initiative: {
        id: project.initiative_id,
        name: await reviewsRepository.findInitiativeName(db, project.initiative_id),
      },
      viewer: admin ? 'admin' : 'reviewer',
      rounds,
      round: {
        id: round.id,
        number: round.round_number,
        status: round.status,
        submittedAt: round.submitted_at.toISOString(),
        questions: round.questions,
        returnedAt: round.returned_at ? round.returned_at.toISOString() : null,
      },
      plan: {
        title: snapshot.title,
        summary: snapshot.summary,
        description: snapshot.description,
        startDate: snapshot.startDate,
        endDate: snapshot.endDate,
        municipalities: snapshot.municipalities,
        targetGroups: snapshot.targetGroups,
        expectedOutcomes: snapshot.expectedOutcomes,
        budgetLines: snapshot.budgetLines,
        totalCostCents: snapshot.totalCostCents,
        minimumBudgetCents: snapshot.minimumBudgetCents,
        otherFunding: snapshot.otherFunding,
        contact: snapshot.contact,
      },
      panelMin: settings.panelMin,
      panel,
      evaluation: admin
        ? {
            activeReviewers: evaluation.activeReviewers,
            recusedReviewers: evaluation.recusedReviewers,
            scoredReviewers: evaluation.scoredReviewers,
            complete: evaluation.complete,
            medians: evaluation.doubledMedians ? halved(evaluation.doubledMedians) : null,
            divergentCriteria: evaluation.divergentCriteria,
            consensusNeeded: evaluation.consensusNeeded,
            consensusRecorded: evaluation.consensusRecorded,
            scoreSource: evaluation.scoreSource,
            rejectedBudgetLineIds: evaluation.rejectedLines.map((line) => line.id),
            eligibleCostCents: evaluation.eligibleCostCents,
            awardPreview:
              preview && evaluation.doubledScores
                ? {
                    methodologyVersion: settings.parameters.version,
                    creditPriceCents: settings.creditPriceCents,
                    scores: halved(evaluation.doubledScores),
                    impactScore: preview.impactScore,
                    supply: preview.supply,
                    threshold: preview.threshold,
                    decision: preview.decision,
                    reasons: preview.reasons,
                  }
                : null,
          }
        : null,
      consensus: consensus
        ? {
            reach: consensus.reach,
            depth: consensus.depth,
            durability: consensus.durability,
            indirect: consensus.indirect,
            rationale: consensus.rationale,
            ineligibleBudgetLineIds: readJson<string[]>(consensus.ineligible_line_ids),
            enteredBy: consensus.entered_by,
            enteredAt: consensus.entered_at.toISOString(),
          }
        : null,
      award: award ? toConfirmedAward(award, round.round_number) : null,
    };
  }

  async function getReview(ctx: Ctx, projectId: string, roundNumber?: number): Promise<PlanReview> {
    const actor = requireActor(ctx);
    const project = await reviewsRepository.findProject(db, projectId);
    if (!project) throw notFound('Review');
    const rounds = await reviewsRepository.listRounds(db, projectId);
    let visible = rounds;
    if (!isPlatformAdmin(actor)) {
      const own =
        actor.role === 'reviewer'
          ? new Set(await reviewsRepository.roundIdsOfReviewer(db, projectId, actor.userId))
          : new Set();
      visible = rounds.filter((round) => own.has(round.id));
    }
    const round =
      roundNumber === undefined
        ? visible[visible.length - 1]
        : visible.find((r) => r.round_number === roundNumber);
    if (!round) throw notFound('Review');
    const state = await loadRoundState(db, round, settings);
    return reviewView(
      actor,
      project,
      state,
      visible.map((r) => ({ number: r.round_number, status: r.status })),
    );
  }

  /** Locks the project and finds its open round; only an in-review plan (or, to assign, a submitted one) qualifies. */
  async function lockReviewable(
    trx: Transaction<DB>,
    projectId: string,
    statuses: readonly string[],
  ) {
    const project = await reviewsRepository.lockProject(trx, projectId, 'update');
    if (!project) throw notFound('Plan');
    const round = statuses.includes(project.status)
      ? await reviewsRepository.findOpenRound(trx, projectId)
      : undefined;
    if (!round) throw INVALID_STATE(`A plan in status ${project.status} has no open review round`);
    return { project, round };
  }

  return {
    getReview: (ctx: Ctx, projectId: string, query: { round?: number | undefined }) =>
      getReview(ctx, projectId, query.round),

    /** Assigns reviewers to the open round; the first assignment puts the plan in review. */
    async assignPanel(ctx: Ctx, projectId: string, input: AssignPanelInput): Promise<PlanReview> {
      const admin = requirePlatformAdmin(ctx);
      const now = clock.now();
      try {
        await db.transaction().execute(async (trx) => {
          const { project, round } = await lockReviewable(trx, projectId, [
            'submitted',
            'in_review',
          ]);
          const users = new Map(
            (await reviewsRepository.findUsers(trx, input.reviewerIds)).map((user) => [
              user.id,
              user,
            ]),
          );
          input.reviewerIds.forEach((id, index) => {
            const user = users.get(id);
            const path = `body.reviewerIds.${index}`;
            // Asked first, so that a member of the initiative hears why, not merely that it is no reviewer.
            if (user && user.organisation_id === project.initiative_id) {
              throw unprocessable(
                'REVIEW.SAME_ORGANISATION',
                'A reviewer cannot review a plan of its own organisation',
                {
                  errors: [
                    { path, message: 'belongs to the organisation that submitted the plan' },
                  ],
                },
              );
            }
            if (
              !user ||
              user.role !== 'reviewer' ||
              user.user_status !== 'active' ||
              user.organisation_status !== 'active'
            ) {
              throw unprocessable(
                'REVIEW.NOT_A_REVIEWER',
                'Only active users with role reviewer can sit on a panel',
                {
                  errors: [{ path, message: 'is not an active reviewer' }],
                },
              );
            }
          });
          const existing = await reviewsRepository.listAssignmentsOfRound(trx, round.id);
          const onPanel = new Set(existing.map((a) => a.reviewer_id));
          const twice = input.reviewerIds.filter((id) => onPanel.has(id));
          if (twice.length > 0) throw ALREADY_ASSIGNED(twice);
          const active =
            existing.filter((a) => a.declaration !== 'conflict').length + input.reviewerIds.length;
          if (active < settings.panelMin) {
            throw unprocessable(
              'REVIEW.PANEL_TOO_SMALL',
              `A panel needs at least ${settings.panelMin} reviewers who are not recused`,
              {
                errors: [
                  {
                    path: 'body.reviewerIds',
                    message: `with those on the panel, must make at least ${settings.panelMin} reviewers`,
                  },
                ],
              },
            );
          }

          await reviewsRepository.insertAssignments(trx, {
            roundId: round.id,
            reviewerIds: input.reviewerIds,
            assignedBy: admin.userId,
            assignedAt: now,
          });
          if (project.status === 'submitted') {
            await reviewsRepository.updateProject(trx, projectId, {
              status: 'in_review',
              updated_at: now,
            });
          }
          await recordEvent(trx, { type: 'review.assigned', objectId: projectId, occurredAt: now });
          await recordAudit(trx, ctx, {
            action: 'review.assigned',
            subjectType: 'project',
            subjectId: projectId,
            summary: { roundNumber: round.round_number, reviewerIds: input.reviewerIds },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw ALREADY_ASSIGNED();
        throw error;
      }
      return getReview(ctx, projectId);
    },

    async listAssignments(ctx: Ctx, query: AssignmentsQuery) {
      const actor = requireActor(ctx);
      if (actor.role !== 'reviewer')
        throw forbidden('AUTH.FORBIDDEN', 'Only reviewers have review assignments');
      const cursor = decodeCursor(
        query.cursor,
        ['assignedAt', 'id'] as const,
        (values) =>
          z.uuid().safeParse(values.id).success &&
          z.iso.datetime().safeParse(values.assignedAt).success,
      );
      const rows = await reviewsRepository.listForReviewer(db, actor.userId, {
        after: cursor ? { assignedAt: new Date(cursor.assignedAt), id: cursor.id } : undefined,
        limit: query.limit,
      });
      return toPage(rows, query.limit, toAssignment, (row) => ({
        assignedAt: row.assigned_at.toISOString(),
        id: row.id,
      }));
    },

    /** A reviewer declares, once, whether it has a conflict of interest; a conflict recuses it. */
    async declare(
      ctx: Ctx,
      assignmentId: string,
      input: DeclareInterestInput,
    ): Promise<ReviewAssignment> {
      const actor = requireActor(ctx);
      const assignment = await loadOwnAssignment(actor, assignmentId);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const round = await reviewsRepository.findRound(trx, assignment.round_id);
        if (!round) throw notFound('Assignment');
        await reviewsRepository.lockProject(trx, round.project_id, 'share');
        const locked = await reviewsRepository.lockAssignment(trx, assignmentId);
        if (!locked) throw notFound('Assignment');
        if (locked.declaration !== null)
          throw conflict(
            'REVIEW.ALREADY_DECLARED',
            'You have already made your declaration for this plan',
          );
        const current = await reviewsRepository.findRound(trx, round.id);
        if (current?.status !== 'open') throw INVALID_STATE('This review round is closed');
        await reviewsRepository.declare(trx, assignmentId, {
          declaration: input.declaration,
          note: input.note ?? null,
          at: now,
        });
        await recordAudit(trx, ctx, {
          action: 'review.declared',
          subjectType: 'project',
          subjectId: round.project_id,
          summary: {
            assignmentId,
            roundNumber: round.round_number,
            declaration: input.declaration,
          },
        });
      });
      return ownAssignmentView(actor, assignmentId);
    },

    /** A reviewer's scores, once; blind until submitted and final after. */
    async score(ctx: Ctx, assignmentId: string, input: SubmitScoresInput) {
      const actor = requireActor(ctx);
      const assignment = await loadOwnAssignment(actor, assignmentId);
      const now = clock.now();
      let score: ReviewScoreRow;
      try {
        score = await db.transaction().execute(async (trx) => {
          const round = await reviewsRepository.findRound(trx, assignment.round_id);
          if (!round) throw notFound('Assignment');
          const project = await reviewsRepository.lockProject(trx, round.project_id, 'share');
          // Holding the assignment makes concurrent submissions of one score queue up here.
          const locked = await reviewsRepository.lockAssignment(trx, assignmentId);
          if (!project || !locked) throw notFound('Assignment');
          if (locked.declaration === null) {
            throw conflict(
              'REVIEW.DECLARATION_REQUIRED',
              'Declare whether you have a conflict of interest before scoring',
            );
          }
          if (locked.declaration === 'conflict')
            throw conflict(
              'REVIEW.RECUSED',
              'You declared a conflict of interest and are recused from this review',
            );
          if (await reviewsRepository.findScore(trx, assignmentId)) throw ALREADY_SCORED();
          const current = await reviewsRepository.findRound(trx, round.id);
          if (project.status !== 'in_review' || current?.status !== 'open') {
            throw INVALID_STATE(
              `A plan in status ${project.status} cannot be scored in this round`,
            );
          }
          const errors = unknownLineErrors(
            readSnapshot(current.plan_snapshot),
            input.ineligibleBudgetLineIds,
            'ineligibleBudgetLineIds',
          );
          if (errors.length > 0)
            throw unprocessable(
              'REVIEW.UNKNOWN_BUDGET_LINE',
              'Only budget lines of the submitted plan can be flagged',
              { errors },
            );

          const inserted = await reviewsRepository.insertScore(trx, {
            assignment_id: assignmentId,
            round_id: round.id,
            reach: input.reach.score,
            depth: input.depth.score,
            durability: input.durability.score,
            indirect: input.indirect.score,
            reach_rationale: input.reach.rationale,
            depth_rationale: input.depth.rationale,
            durability_rationale: input.durability.rationale,
            indirect_rationale: input.indirect.rationale,
            overall_comment: input.overallComment,
            ineligible_line_ids: input.ineligibleBudgetLineIds,
            ineligible_line_reasons: input.ineligibleReasons,
            submitted_at: now,
          });
          // No scores in the audit trail: it is read more widely than the review itself.
          await recordAudit(trx, ctx, {
            action: 'review.scored',
            subjectType: 'project',
            subjectId: round.project_id,
            summary: { assignmentId, roundNumber: round.round_number },
          });
          // The last score in: the platform team hears the panel is complete.
          const state = await loadRoundState(trx, current, settings);
          if (state.evaluation.complete)
            await recordEvent(trx, {
              type: 'review.panel_complete',
              objectId: round.project_id,
              occurredAt: now,
            });
          return inserted;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw ALREADY_SCORED();
        throw error;
      }
      return {
        assignment: await ownAssignmentView(actor, assignmentId),
        score: toReviewScore(score),
      };
    },

    /** The panel sends the plan back with questions; the initiative's resubmission opens the next round. */
    async requestChanges(
      ctx: Ctx,
      projectId: string,
      input: RequestChangesInput,
    ): Promise<PlanReview> {
      const admin = requirePlatformAdmin(ctx);
      const now = clock.now();
      const roundNumber = await db.transaction().execute(async (trx) => {
        const { round } = await lockReviewable(trx, projectId, ['in_review']);
        await reviewsRepository.updateRound(trx, round.id, {
          status: 'changes_requested',
          questions: input.questions,
          returned_by: admin.userId,
          returned_at: now,
        });
        await reviewsRepository.updateProject(trx, projectId, {
          status: 'changes_requested',
          updated_at: now,
        });
        await recordEvent(trx, {
          type: 'plan.questions_asked',
          objectId: projectId,
          occurredAt: now,
        });
        await recordAudit(trx, ctx, {
          action: 'review.changes_requested',
          subjectType: 'project',
          subjectId: projectId,
          summary: { roundNumber: round.round_number },
        });
        return round.round_number;
      });
      return getReview(ctx, projectId, roundNumber);
    },

    /** Final scores an admin records where the panel's scores diverge too far; the award then uses them. */
    async recordConsensus(
      ctx: Ctx,
      projectId: string,
      input: RecordConsensusInput,
    ): Promise<PlanReview> {
      const admin = requirePlatformAdmin(ctx);
      const now = clock.now();
      try {
        await db.transaction().execute(async (trx) => {
          const { round } = await lockReviewable(trx, projectId, ['in_review']);
          const state = await loadRoundState(trx, round, settings);
          if (state.consensus) throw CONSENSUS_RECORDED();
          if (!state.evaluation.complete) {
            throw conflict(
              'REVIEW.PANEL_INCOMPLETE',
              `A consensus needs the scores of at least ${settings.panelMin} reviewers who are not recused, all of them in`,
            );
          }
          if (!state.evaluation.consensusNeeded) {
            throw conflict(
              'REVIEW.CONSENSUS_NOT_NEEDED',
              'The panel’s scores do not diverge; the medians decide',
            );
          }
          const errors = unknownLineErrors(
            state.snapshot,
            input.ineligibleBudgetLineIds,
            'ineligibleBudgetLineIds',
          );
          if (errors.length > 0)
            throw unprocessable(
              'REVIEW.UNKNOWN_BUDGET_LINE',
              'Only budget lines of the submitted plan can be flagged',
              { errors },
            );
          await reviewsRepository.insertConsensus(trx, {
            round_id: round.id,
            reach: input.reach,
            depth: input.depth,
            durability: input.durability,
            indirect: input.indirect,
            rationale: input.rationale,
            ineligible_line_ids: input.ineligibleBudgetLineIds,
            entered_by: admin.userId,
            entered_at: now,
          });
          await recordAudit(trx, ctx, {
            action: 'review.consensus_recorded',
            subjectType: 'project',
            subjectId: projectId,
            summary: {
              roundNumber: round.round_number,
              divergentCriteria: state.evaluation.divergentCriteria,
            },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw CONSENSUS_RECORDED();
        throw error;
      }
      return getReview(ctx, projectId);
    },

    confirmAward: (ctx: Ctx, projectId: string, input: ConfirmAwardInput) =>
      awards.confirm(ctx, projectId, input),
    listProject: (ctx: Ctx, projectId: string, input: ListProjectInput) =>
      awards.list(ctx, projectId, input),
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
