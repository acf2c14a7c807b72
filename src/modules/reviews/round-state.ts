import type { Kysely } from 'kysely';
import type { DB, PanelAssignmentRow, ReviewRoundRow, ReviewScoreRow } from '../../db/types.js';
import type { MethodologyParameters } from '../../lib/award-methodology.js';
import { evaluatePanel, type PanelEvaluation } from '../awards/panel-evaluation.js';
import { type PlanSnapshot, readSnapshot } from '../projects/plan-aggregate.js';
import { readJson, type ReviewConsensusRow, reviewsRepository } from './reviews.repository.js';
import type { ReviewScore } from './reviews.schemas.js';

/** What reviews and awards are made with: fixed at start-up from the configuration. */
export interface ReviewSettings {
  parameters: MethodologyParameters;
  panelMin: number;
  creditPriceCents: number;
  fundingPeriodDays: number;
}

/** A review round with its panel, scores, consensus and evaluation, read in one go. */
export interface RoundState {
  round: ReviewRoundRow;
  snapshot: PlanSnapshot;
  assignments: PanelAssignmentRow[];
  scores: Map<string, ReviewScoreRow>;
  consensus: ReviewConsensusRow | undefined;
  evaluation: PanelEvaluation;
}

export async function loadRoundState(
  db: Kysely<DB>,
  round: ReviewRoundRow,
  settings: ReviewSettings,
): Promise<RoundState> {
  const [assignments, scoreRows, consensus] = await Promise.all([
    reviewsRepository.listAssignmentsOfRound(db, round.id),
    reviewsRepository.listScoresOfRound(db, round.id),
    reviewsRepository.findConsensus(db, round.id),
  ]);
  const scores = new Map(scoreRows.map((row) => [row.assignment_id, row]));
  const snapshot = readSnapshot(round.plan_snapshot);
  const evaluation = evaluatePanel({
    parameters: settings.parameters,
    panelMin: settings.panelMin,
    creditPriceCents: settings.creditPriceCents,
    snapshot,
    members: assignments.map((assignment) => {
      const score = scores.get(assignment.id);
      return {
        assignmentId: assignment.id,
        reviewerId: assignment.reviewer_id,
        declaration: assignment.declaration,
        score: score
          ? {
              reach: score.reach,
              depth: score.depth,
              durability: score.durability,
              indirect: score.indirect,
              ineligibleLineIds: readJson<string[]>(score.ineligible_line_ids),
            }
          : null,
      };
    }),
    consensus: consensus
      ? {
          reach: consensus.reach,
          depth: consensus.depth,
          durability: consensus.durability,
          indirect: consensus.indirect,
          ineligibleLineIds: readJson<string[]>(consensus.ineligible_line_ids),
          enteredBy: consensus.entered_by,
        }
      : null,
  });
  return { round, snapshot, assignments, scores, consensus, evaluation };
}

export function toReviewScore(row: ReviewScoreRow): ReviewScore {
  return {
    reach: { score: row.reach, rationale: row.reach_rationale },
    depth: { score: row.depth, rationale: row.depth_rationale },
    durability: { score: row.durability, rationale: row.durability_rationale },
    indirect: { score: row.indirect, rationale: row.indirect_rationale },
    overallComment: row.overall_comment,
    ineligibleBudgetLineIds: readJson<string[]>(row.ineligible_line_ids),
    ineligibleReasons: readJson<{ budgetLineId: string; reason: string }[]>(
      row.ineligible_line_reasons,
    ),
    submittedAt: row.submitted_at.toISOString(),
  };
}

/** Budget line ids that are not lines of the plan as submitted, with the failing paths. */
export function unknownLineErrors(snapshot: PlanSnapshot, ids: readonly string[], field: string) {
  const known = new Set(snapshot.budgetLines.map((line) => line.id));
  return ids.flatMap((id, index) =>
    known.has(id)
      ? []
      : [{ path: `body.${field}.${index}`, message: 'is not a budget line of the submitted plan' }],
  );
}
