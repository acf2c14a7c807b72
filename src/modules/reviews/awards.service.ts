import type { Kysely } from 'kysely';
import type { AwardRow, DB } from '../../db/types.js';
import { addDays, type Clock } from '../../lib/clock.js';
import { type Ctx, requirePlatformAdmin } from '../../lib/context.js';
import {
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  unprocessable,
} from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordEvent } from '../events/events.js';
import { awardsRepository } from '../awards/awards.repository.js';
import type {
  ConfirmAwardInput,
  ConfirmedAward,
  ListingResult,
  ListProjectInput,
} from '../awards/awards.schemas.js';
import { halved } from '../awards/panel-evaluation.js';
import { settlementRepository } from '../settlement/settlement.repository.js';
import { reviewsRepository, readJson } from './reviews.repository.js';
import { loadRoundState, type ReviewSettings } from './round-state.js';

/** A funding deadline further out than this is refused as a typing error rather than a plan. */
export const MAX_FUNDING_PERIOD_DAYS = 730;

/** Statuses a project reaches only after it was listed. */
const LISTED_OR_LATER = new Set(['listed', 'funded', 'completed', 'failed']);

/** numeric(6,5): node-postgres reads it as text; an engine that reads a number gets the same five places back. */
function impactScoreText(value: unknown): string {
  return typeof value === 'number' ? value.toFixed(5) : String(value);
}

export function toConfirmedAward(row: AwardRow, roundNumber: number): ConfirmedAward {
  return {
    id: row.id,
    projectId: row.project_id,
    roundNumber,
    methodologyVersion: row.methodology_version,
    parameters: readJson(row.parameters),
    creditPriceCents: row.credit_price_cents,
    scoreSource: row.score_source,
    panelScores: readJson(row.panel_scores),
    acceptedLines: readJson(row.accepted_lines),
    rejectedLines: readJson(row.rejected_lines),
    eligibleCostCents: row.eligible_cost_cents,
    minimumBudgetCents: row.minimum_budget_cents,
    impactScore: impactScoreText(row.impact_score),
    supply: row.supply,
    threshold: row.threshold,
    decision: row.decision,
    reasons: readJson(row.reasons),
    publicRationale: row.public_rationale,
    confirmedBy: row.confirmed_by,
    confirmedAt: row.confirmed_at.toISOString(),
  };
}

/**
 * Confirming an award (methodology of DESIGN §4) and listing an approved project. The
 * award row holds everything needed to recompute it by hand; listing issues the credits.
 */
export function createAwardsService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  settings: ReviewSettings;
}) {
  const { db, clock, settings } = deps;

  return {
    async confirm(ctx: Ctx, projectId: string, input: ConfirmAwardInput): Promise<ConfirmedAward> {
      const admin = requirePlatformAdmin(ctx);
      const now = clock.now();
      try {
        return await db.transaction().execute(async (trx) => {
          const project = await reviewsRepository.lockProject(trx, projectId, 'update');
          if (!project) throw notFound('Plan');
          const round = await reviewsRepository.findOpenRound(trx, projectId);
          if (!round || project.status !== 'in_review') {
            if (
              project.status === 'approved' ||
              project.status === 'rejected' ||
              LISTED_OR_LATER.has(project.status)
            ) {
              throw conflict(
                'AWARD.ALREADY_CONFIRMED',
                'An award has already been confirmed for this plan',
              );
            }
            throw conflict(
              'REVIEW.INVALID_STATE',
              `A plan in status ${project.status} cannot be awarded`,
            );
          }

          const state = await loadRoundState(trx, round, settings);
          const { evaluation, snapshot, consensus } = state;
          if (!evaluation.complete) {
            throw conflict(
              'REVIEW.PANEL_INCOMPLETE',
              `The panel needs at least ${settings.panelMin} reviewers who are not recused, and all of them must have scored`,
            );
          }
          if (evaluation.consensusNeeded && !consensus) {
            throw conflict(
              'REVIEW.CONSENSUS_REQUIRED',
              `The scores diverge on ${evaluation.divergentCriteria.join(', ')}: record a consensus first`,
            );
          }
          if (consensus && consensus.entered_by === admin.userId) {
            throw forbidden(
              'AWARD.FOUR_EYES',
              'The award must be confirmed by another admin than the one who entered the consensus',
            );
          }
          const result = evaluation.preview;
          if (
            !result ||
            !evaluation.doubledScores ||
            !evaluation.doubledMedians ||
            snapshot.minimumBudgetCents === null
          ) {
            // Submitting checks completeness, so a submitted plan has a minimum budget.
            throw conflict('REVIEW.INVALID_STATE', 'The submitted plan lacks what the award needs');
          }

          const reviewers = state.assignments.flatMap((assignment) => {
            const score = state.scores.get(assignment.id);
            if (!score || assignment.declaration === 'conflict') return [];
            return [
              {
                assignmentId: assignment.id,
                reviewerId: assignment.reviewer_id,
                scores: {
                  reach: score.reach,
                  depth: score.depth,
                  durability: score.durability,
                  indirect: score.indirect,
                },
                ineligibleBudgetLineIds: readJson<string[]>(score.ineligible_line_ids),
              },
            ];
          });
          const panelScores = {
            reviewers,
            medians: halved(evaluation.doubledMedians),
            consensus: consensus
              ? {
                  reach: consensus.reach,
                  depth: consensus.depth,
                  durability: consensus.durability,
                  indirect: consensus.indirect,
                }
              : null,
            scores: halved(evaluation.doubledScores),
          };

          const award = await awardsRepository.insert(trx, {
            project_id: projectId,
            round_id: round.id,
            methodology_version: settings.parameters.version,
            parameters: JSON.stringify(settings.parameters),
            panel_scores: JSON.stringify(panelScores),
            score_source: evaluation.scoreSource,
            accepted_lines: JSON.stringify(evaluation.acceptedLines),
            rejected_lines: JSON.stringify(evaluation.rejectedLines),
            impact_score: result.impactScore,
            eligible_cost_cents: evaluation.eligibleCostCents,
            minimum_budget_cents: snapshot.minimumBudgetCents,
            credit_price_cents: settings.creditPriceCents,
            supply: result.supply,
            threshold: result.threshold,
            decision: result.decision,
            reasons: JSON.stringify(result.reasons),
            public_rationale: input.publicRationale,
            confirmed_by: admin.userId,
            confirmed_at: now,
          });

          await reviewsRepository.updateRound(trx, round.id, { status: 'decided' });
          await reviewsRepository.updateProject(
            trx,
            projectId,
            result.decision === 'approved'
              ? {
                  status: 'approved',
                  supply: result.supply,
                  threshold: result.threshold,
                  public_rationale: input.publicRationale,
                  updated_at: now,
                }
              : { status: 'rejected', public_rationale: input.publicRationale, updated_at: now },
          );
          if (result.decision === 'approved')
            await recordEvent(trx, { type: 'plan.awarded', objectId: projectId, occurredAt: now });
          await recordAudit(trx, ctx, {
            action: 'award.confirmed',
            subjectType: 'project',
            subjectId: projectId,
            summary: {
              awardId: award.id,
              roundNumber: round.round_number,
              methodologyVersion: award.methodology_version,
              scoreSource: award.score_source,
              impactScore: result.impactScore,
              supply: result.supply,
              threshold: result.threshold,
              decision: result.decision,
              reasons: result.reasons,
            },
          });
          return toConfirmedAward(award, round.round_number);
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict(
            'AWARD.ALREADY_CONFIRMED',
            'An award has already been confirmed for this plan',
          );
        throw error;
      }
    },

    async list(ctx: Ctx, projectId: string, input: ListProjectInput): Promise<ListingResult> {
      const admin = requirePlatformAdmin(ctx);
      const now = clock.now();
      try {
        return await db.transaction().execute(async (trx) => {
          const project = await reviewsRepository.lockProject(trx, projectId, 'update');
          if (!project) throw notFound('Plan');
          if (LISTED_OR_LATER.has(project.status))
            throw conflict('LISTING.ALREADY_LISTED', 'This project is already listed');
          if (
            project.status !== 'approved' ||
            project.supply === null ||
            project.threshold === null
          ) {
            throw conflict(
              'LISTING.NOT_APPROVED',
              `Only an approved project can be listed; this one is ${project.status}`,
            );
          }
          const deadline = input.fundingDeadline
            ? new Date(input.fundingDeadline)
            : addDays(now, settings.fundingPeriodDays);
          if (deadline.getTime() <= now.getTime()) {
            throw unprocessable(
              'LISTING.DEADLINE_NOT_IN_FUTURE',
              'The funding deadline must lie in the future',
              {
                errors: [{ path: 'body.fundingDeadline', message: 'must lie in the future' }],
              },
            );
          }
          if (deadline.getTime() > addDays(now, MAX_FUNDING_PERIOD_DAYS).getTime()) {
            throw unprocessable(
              'LISTING.DEADLINE_TOO_FAR',
              `The funding deadline must lie within ${MAX_FUNDING_PERIOD_DAYS} days`,
              {
                errors: [
                  {
                    path: 'body.fundingDeadline',
                    message: `must lie within ${MAX_FUNDING_PERIOD_DAYS} days`,
                  },
                ],
              },
            );
          }
          const award = await awardsRepository.findApproved(trx, projectId);
          if (!award) throw new Error(`approved project ${projectId} has no approved award`);

          const listed = await reviewsRepository.updateProject(trx, projectId, {
            status: 'listed',
            listed_at: now,
            funding_deadline: deadline,
            updated_at: now,
          });
          await settlementRepository.issueCredits(trx, {
            projectId,
            quantity: project.supply,
            awardId: award.id,
            actorUserId: admin.userId,
            at: now,
          });
          const balance = await awardsRepository.findBalance(trx, projectId);
          if (!balance) throw new Error(`issuing credits for ${projectId} created no balance`);
          await recordAudit(trx, ctx, {
            action: 'project.listed',
            subjectType: 'project',
            subjectId: projectId,
            summary: {
              awardId: award.id,
              supply: project.supply,
              threshold: project.threshold,
              fundingDeadline: deadline.toISOString(),
            },
          });
          await recordEvent(trx, { type: 'project.listed', objectId: projectId, occurredAt: now });
          return {
            projectId,
            status: listed.status,
            supply: project.supply,
            threshold: project.threshold,
            listedAt: now.toISOString(),
            fundingDeadline: deadline.toISOString(),
            credits: {
              supply: balance.supply,
              reserved: balance.reserved,
              sold: balance.sold,
              available: balance.supply - balance.reserved - balance.sold,
            },
          };
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict('LISTING.ALREADY_LISTED', 'This project is already listed');
        throw error;
      }
    },
  };
}

export type AwardsService = ReturnType<typeof createAwardsService>;
