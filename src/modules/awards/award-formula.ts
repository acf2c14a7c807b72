import type { Criterion } from '../../db/types.js';
import { CRITERIA, type MethodologyParameters } from '../../lib/award-methodology.js';

/**
 * The award formula (DESIGN §4, methodology v1), as pure integer arithmetic so that the
 * result is exact and anyone can recompute it by hand from the stored parameters:
 *
 *   S = Σ weight_c × score_c / maxScore          (0 ≤ S ≤ 1)
 *   N = floor(E × S / price)                     (supply, credits)
 *   T = min(N, ceil(minimumBudget / price))      (threshold, credits)
 *   S < cutoff, or N = 0  →  rejected
 *
 * Panel scores are medians and may end in .5 (an even panel), so they are carried as
 * twice their value: every quantity below is an integer until the final division.
 */

/** Scores as twice their value (0..2×maxScore), so a median of an even panel stays whole. */
export type DoubledScores = Record<Criterion, number>;

export interface AwardInput {
  parameters: MethodologyParameters;
  /** Panel scores per criterion, doubled (a median of 3.5 is 7). */
  doubledScores: DoubledScores;
  eligibleCostCents: number;
  minimumBudgetCents: number;
  creditPriceCents: number;
}

export type AwardReason = 'IMPACT_BELOW_CUTOFF' | 'NO_ELIGIBLE_COST' | 'SUPPLY_ZERO';

export interface AwardResult {
  /** S as an exact decimal with five places, e.g. "0.73000". */
  impactScore: string;
  /** S × 100 000, an integer. */
  impactScoreHundredThousandths: number;
  supply: number;
  threshold: number;
  decision: 'approved' | 'rejected';
  reasons: AwardReason[];
}

/** S scaled to an integer: Σ weight_bp × doubled / (10 000 × 2 × maxScore) × 100 000. */
function impactHundredThousandths(
  parameters: MethodologyParameters,
  doubled: DoubledScores,
): number {
  let numerator = 0;
  for (const criterion of CRITERIA) {
    const score = doubled[criterion];
    if (!Number.isInteger(score) || score < 0 || score > 2 * parameters.maxScore) {
      throw new RangeError(`score for ${criterion} out of range: ${score / 2}`);
    }
    numerator += parameters.weightsBasisPoints[criterion] * score;
  }
  // numerator / (10 000 × 2 × maxScore) = S; × 100 000 to keep five decimals exactly.
  const denominator = 10_000 * 2 * parameters.maxScore;
  const scaled = (numerator * 100_000) / denominator;
  // With weights in basis points and maxScore 5 this is always whole; guard the assumption.
  if (!Number.isInteger(scaled))
    throw new RangeError('methodology parameters do not give an exact impact score');
  return scaled;
}

export function formatImpactScore(hundredThousandths: number): string {
  return `${Math.floor(hundredThousandths / 100_000)}.${String(hundredThousandths % 100_000).padStart(5, '0')}`;
}

export function computeAward(input: AwardInput): AwardResult {
  const { parameters, eligibleCostCents, minimumBudgetCents, creditPriceCents } = input;
  if (!Number.isSafeInteger(eligibleCostCents) || eligibleCostCents < 0)
    throw new RangeError('eligible cost must be whole cents ≥ 0');
  if (!Number.isSafeInteger(minimumBudgetCents) || minimumBudgetCents <= 0)
    throw new RangeError('minimum budget must be whole cents > 0');
  if (!Number.isSafeInteger(creditPriceCents) || creditPriceCents <= 0)
    throw new RangeError('credit price must be whole cents > 0');

  const s = impactHundredThousandths(parameters, input.doubledScores);
  const reasons: AwardReason[] = [];
  // S < cutoff, compared exactly: s / 100 000 < cutoff_bp / 10 000.
  if (s < parameters.cutoffBasisPoints * 10) reasons.push('IMPACT_BELOW_CUTOFF');
  if (eligibleCostCents === 0) reasons.push('NO_ELIGIBLE_COST');

  // N = floor(E × S / price) = floor(E × s / (100 000 × price)), in BigInt so E × s cannot overflow.
  const supply = Number(
    (BigInt(eligibleCostCents) * BigInt(s)) / (100_000n * BigInt(creditPriceCents)),
  );
  if (reasons.length === 0 && supply === 0) reasons.push('SUPPLY_ZERO');

  if (reasons.length > 0) {
    return {
      impactScore: formatImpactScore(s),
      impactScoreHundredThousandths: s,
      supply: 0,
      threshold: 0,
      decision: 'rejected',
      reasons,
    };
  }
  const threshold = Math.min(supply, Math.ceil(minimumBudgetCents / creditPriceCents));
  return {
    impactScore: formatImpactScore(s),
    impactScoreHundredThousandths: s,
    supply,
    threshold,
    decision: 'approved',
    reasons,
  };
}

/** Twice the median of a panel's integer scores (exact for even panels too). */
export function doubledMedian(scores: readonly number[]): number {
  if (scores.length === 0) throw new RangeError('no scores');
  const sorted = [...scores].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? 2 * sorted[middle]! : sorted[middle - 1]! + sorted[middle]!;
}

/** The criteria on which the panel's scores spread by more than the methodology allows. */
export function divergentCriteria(
  parameters: MethodologyParameters,
  scores: readonly Record<Criterion, number>[],
): Criterion[] {
  return CRITERIA.filter((criterion) => {
    const values = scores.map((score) => score[criterion]);
    return Math.max(...values) - Math.min(...values) > parameters.maxSpread;
  });
}

/** A budget line is not eligible when more than half of the panel flags it. */
export function rejectedLineIds(
  panelSize: number,
  flagsPerReviewer: readonly (readonly string[])[],
): Set<string> {
  const counts = new Map<string, number>();
  for (const flags of flagsPerReviewer)
    for (const id of new Set(flags)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count * 2 > panelSize).map(([id]) => id));
}
