import type { Criterion } from '../../db/types.js';
import type { PlanSnapshot } from '../projects/plan-aggregate.js';
import {
  type AwardResult,
  computeAward,
  type DoubledScores,
  divergentCriteria,
  doubledMedian,
  rejectedLineIds,
} from './award-formula.js';
import { CRITERIA, type MethodologyParameters } from '../../lib/award-methodology.js';

export type CriterionScores = Record<Criterion, number>;

export interface PanelMember {
  assignmentId: string;
  reviewerId: string;
  declaration: 'none' | 'conflict' | null;
  score: (CriterionScores & { ineligibleLineIds: string[] }) | null;
}

export interface PanelConsensus extends CriterionScores {
  ineligibleLineIds: string[];
  enteredBy: string;
}

export interface EvaluatedLine {
  id: string;
  position: number;
  description: string;
  category: PlanSnapshot['budgetLines'][number]['category'];
  amountCents: number;
  flags: number;
}

/**
 * Where a round's review stands, from its panel, its consensus (if any) and the plan as
 * submitted. Pure, so the review page, the consensus and the award all read the same
 * figures; the award formula itself is award-formula.ts.
 */
export interface PanelEvaluation {
  /** Assigned and not recused (declared no conflict, or not yet declared). */
  activeReviewers: number;
  recusedReviewers: number;
  scoredReviewers: number;
  /** At least panelMin active reviewers, every one of them scored. */
  complete: boolean;
  /** Medians of the scores submitted so far, doubled (null before any). */
  doubledMedians: DoubledScores | null;
  divergentCriteria: Criterion[];
  consensusNeeded: boolean;
  consensusRecorded: boolean;
  scoreSource: 'median' | 'consensus';
  /** The scores the award uses, doubled: the consensus if any, else the medians. */
  doubledScores: DoubledScores | null;
  acceptedLines: EvaluatedLine[];
  rejectedLines: EvaluatedLine[];
  eligibleCostCents: number;
  /** The award as it would be made now; null until the review can be decided. */
  preview: AwardResult | null;
}

export function doubled(scores: CriterionScores): DoubledScores {
  return {
    reach: 2 * scores.reach,
    depth: 2 * scores.depth,
    durability: 2 * scores.durability,
    indirect: 2 * scores.indirect,
  };
}

export function halved(scores: DoubledScores): CriterionScores {
  return {
    reach: scores.reach / 2,
    depth: scores.depth / 2,
    durability: scores.durability / 2,
    indirect: scores.indirect / 2,
  };
}

export function evaluatePanel(input: {
  parameters: MethodologyParameters;
  panelMin: number;
  creditPriceCents: number;
  snapshot: PlanSnapshot;
  members: readonly PanelMember[];
  consensus: PanelConsensus | null;
}): PanelEvaluation {
  const { parameters, panelMin, creditPriceCents, snapshot, members, consensus } = input;
  const active = members.filter((member) => member.declaration !== 'conflict');
  const scores = active.flatMap((member) => (member.score ? [member.score] : []));
  const complete = active.length >= panelMin && scores.length === active.length;

  const doubledMedians =
    scores.length === 0
      ? null
      : (Object.fromEntries(
          CRITERIA.map((criterion) => [
            criterion,
            doubledMedian(scores.map((score) => score[criterion])),
          ]),
        ) as DoubledScores);
  const divergent = scores.length === 0 ? [] : divergentCriteria(parameters, scores);
  const consensusNeeded = complete && divergent.length > 0;

  const flagCounts = new Map<string, number>();
  for (const score of scores)
    for (const id of new Set(score.ineligibleLineIds))
      flagCounts.set(id, (flagCounts.get(id) ?? 0) + 1);
  const rejected = consensus
    ? new Set(consensus.ineligibleLineIds)
    : rejectedLineIds(
        scores.length,
        scores.map((score) => score.ineligibleLineIds),
      );
  const lines = snapshot.budgetLines.map((line) => ({
    id: line.id,
    position: line.position,
    description: line.description,
    category: line.category,
    amountCents: line.amountCents,
    flags: flagCounts.get(line.id) ?? 0,
  }));
  const acceptedLines = lines.filter((line) => !rejected.has(line.id));
  const rejectedLines = lines.filter((line) => rejected.has(line.id));
  const eligibleCostCents = acceptedLines.reduce((sum, line) => sum + line.amountCents, 0);

  const doubledScores = consensus ? doubled(consensus) : doubledMedians;
  const decidable = complete && (!consensusNeeded || consensus !== null);
  const preview =
    decidable && doubledScores && snapshot.minimumBudgetCents !== null
      ? computeAward({
          parameters,
          doubledScores,
          eligibleCostCents,
          minimumBudgetCents: snapshot.minimumBudgetCents,
          creditPriceCents,
        })
      : null;

  return {
    activeReviewers: active.length,
    recusedReviewers: members.length - active.length,
    scoredReviewers: scores.length,
    complete,
    doubledMedians,
    divergentCriteria: divergent,
    consensusNeeded,
    consensusRecorded: consensus !== null,
    scoreSource: consensus ? 'consensus' : 'median',
    doubledScores,
    acceptedLines,
    rejectedLines,
    eligibleCostCents,
    preview,
  };
}
