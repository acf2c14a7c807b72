/**
 * Methodology v1 worked by hand from what the public page shows of an award, the way a
 * reader of the catalogue would check it. Deliberately written out here, not imported
 * from src/modules/awards: a test that recomputed with the code under test proves nothing.
 *
 *   S = Σ weight_c × score_c / maxScore      (weights in basis points of 1)
 *   N = floor(E × S / price)
 *   T = min(N, ceil(minimumBudget / price))
 *
 * All in integers: panel scores may end in .5 (the median of an even panel), so they are
 * doubled first; S is then sumWeightedDoubled / (10 000 × 2 × maxScore).
 */

type Criterion = 'reach' | 'depth' | 'durability' | 'indirect';
const CRITERIA: Criterion[] = ['reach', 'depth', 'durability', 'indirect'];

export interface PublicAward {
  parameters: {
    weightsBasisPoints: Record<Criterion, number>;
    maxScore: number;
    cutoffBasisPoints: number;
    creditPriceCents: number;
  };
  panelScores: Record<Criterion, number>;
  eligibleCostCents: number;
  minimumBudgetCents: number;
}

export interface AwardByHand {
  impactScore: string;
  supply: number;
  threshold: number;
  aboveCutoff: boolean;
}

export function awardByHand(award: PublicAward): AwardByHand {
  const {
    weightsBasisPoints,
    maxScore,
    cutoffBasisPoints,
    creditPriceCents: price,
  } = award.parameters;
  const weightedDoubled = CRITERIA.reduce(
    (sum, c) => sum + weightsBasisPoints[c] * Math.round(award.panelScores[c] * 2),
    0,
  );
  const denominator = 10_000 * 2 * maxScore;
  // S with five decimals, as the page prints it.
  const hundredThousandths = (weightedDoubled * 100_000) / denominator;
  if (!Number.isInteger(hundredThousandths))
    throw new Error(`S is not exact to five places: ${weightedDoubled}/${denominator}`);
  const impactScore = `${Math.floor(hundredThousandths / 100_000)}.${String(hundredThousandths % 100_000).padStart(5, '0')}`;
  const supply = Number(
    (BigInt(award.eligibleCostCents) * BigInt(weightedDoubled)) /
      (BigInt(denominator) * BigInt(price)),
  );
  const threshold = Math.min(supply, Math.ceil(award.minimumBudgetCents / price));
  return {
    impactScore,
    supply,
    threshold,
    aboveCutoff: weightedDoubled * 10_000 >= cutoffBasisPoints * denominator,
  };
}
