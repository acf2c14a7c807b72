import { describe, expect, it } from 'vitest';
import {
  computeAward,
  divergentCriteria,
  doubledMedian,
  formatImpactScore,
  rejectedLineIds,
} from '../../src/modules/awards/award-formula.js';
import { methodology } from '../../src/lib/award-methodology.js';

const v1 = methodology('v1');
const doubled = (reach: number, depth: number, durability: number, indirect: number) => ({
  reach: reach * 2,
  depth: depth * 2,
  durability: durability * 2,
  indirect: indirect * 2,
});
const award = (
  scores: ReturnType<typeof doubled>,
  eligibleCostCents: number,
  minimumBudgetCents: number,
  creditPriceCents = 3800,
) =>
  computeAward({
    parameters: v1,
    doubledScores: scores,
    eligibleCostCents,
    minimumBudgetCents,
    creditPriceCents,
  });

describe('award formula v1', () => {
  it('computes S, N and T for a typical plan by the published formula', () => {
    // S = 0.3×4/5 + 0.3×3/5 + 0.2×4/5 + 0.2×2/5 = 0.24 + 0.18 + 0.16 + 0.08 = 0.66
    // N = floor(10 000 000 × 0.66 / 3 800) = floor(1 736.84…) = 1 736
    // T = min(1 736, ceil(4 000 000 / 3 800)) = ceil(1 052.63…) = 1 053
    const result = award(doubled(4, 3, 4, 2), 10_000_000, 4_000_000);
    expect(result).toEqual({
      impactScore: '0.66000',
      impactScoreHundredThousandths: 66_000,
      supply: 1736,
      threshold: 1053,
      decision: 'approved',
      reasons: [],
    });
  });

  it('approves at exactly S = 0.4 and rejects just below it', () => {
    // 0.3×2/5 + 0.3×2/5 + 0.2×2/5 + 0.2×2/5 = 0.4 exactly
    const atCutoff = award(doubled(2, 2, 2, 2), 3_800_000, 380_000);
    expect(atCutoff.impactScore).toBe('0.40000');
    expect(atCutoff.decision).toBe('approved');
    expect(atCutoff.supply).toBe(400); // 3 800 000 × 0.4 / 3 800

    // one point less on indirect: S = 0.36
    const below = award(doubled(2, 2, 2, 1), 3_800_000, 380_000);
    expect(below.impactScore).toBe('0.36000');
    expect(below).toMatchObject({
      decision: 'rejected',
      supply: 0,
      threshold: 0,
      reasons: ['IMPACT_BELOW_CUTOFF'],
    });
  });

  it('rounds supply down and threshold up, never to more credits than the money covers', () => {
    // S = 1; E = 3 799 cents buys 0.99… credits → 0, rejected as supply zero
    expect(award(doubled(5, 5, 5, 5), 3_799, 3_799)).toMatchObject({
      supply: 0,
      decision: 'rejected',
      reasons: ['SUPPLY_ZERO'],
    });
    // E = 7 599 → N = 1; minimum 3 801 → ceil(1.0003) = 2, capped at N = 1
    expect(award(doubled(5, 5, 5, 5), 7_599, 3_801)).toMatchObject({
      supply: 1,
      threshold: 1,
      decision: 'approved',
    });
    // exact multiples stay exact
    expect(award(doubled(5, 5, 5, 5), 380_000, 190_000)).toMatchObject({
      supply: 100,
      threshold: 50,
    });
  });

  it('caps the threshold at the supply when the minimum budget needs more than was awarded', () => {
    // S = 0.5 → N = floor(1 000 000 × 0.5 / 3 800) = 131; minimum budget 900 000 → 237 > 131
    const result = award(doubled(3, 2, 2, 3), 1_000_000, 900_000);
    expect(result.impactScore).toBe('0.50000');
    expect(result.supply).toBe(131);
    expect(result.threshold).toBe(131);
  });

  it('rejects when every budget line was rejected', () => {
    expect(award(doubled(5, 5, 5, 5), 0, 100_000)).toMatchObject({
      decision: 'rejected',
      supply: 0,
      reasons: ['NO_ELIGIBLE_COST'],
    });
  });

  it('handles half-point medians of an even panel exactly', () => {
    // medians reach 3.5, depth 2.5, durability 3, indirect 4.5:
    // S = 0.3×0.7 + 0.3×0.5 + 0.2×0.6 + 0.2×0.9 = 0.21 + 0.15 + 0.12 + 0.18 = 0.66
    const result = computeAward({
      parameters: v1,
      doubledScores: { reach: 7, depth: 5, durability: 6, indirect: 9 },
      eligibleCostCents: 10_000_000,
      minimumBudgetCents: 4_000_000,
      creditPriceCents: 3800,
    });
    expect(result.impactScore).toBe('0.66000');
    expect(result.supply).toBe(1736);
  });

  it('does not overflow on large budgets', () => {
    // E = 10^11 cents (EUR 1 bn), S = 1: N = 10^11 / 3 800 = 26 315 789.47… → 26 315 789
    expect(award(doubled(5, 5, 5, 5), 100_000_000_000, 1_000_000).supply).toBe(26_315_789);
  });

  it('refuses scores outside 0–5', () => {
    expect(() => award({ reach: 12, depth: 0, durability: 0, indirect: 0 }, 1000, 1000)).toThrow(
      RangeError,
    );
    expect(() => award({ reach: -2, depth: 0, durability: 0, indirect: 0 }, 1000, 1000)).toThrow(
      RangeError,
    );
  });
});

describe('panel arithmetic', () => {
  it('takes the median, including ties and even panels', () => {
    expect(doubledMedian([1, 4, 3])).toBe(6); // 3
    expect(doubledMedian([2, 2, 5])).toBe(4); // tie at 2
    expect(doubledMedian([4, 4, 4])).toBe(8);
    expect(doubledMedian([1, 2, 4, 5])).toBe(6); // (2 + 4) / 2 = 3
    expect(doubledMedian([1, 2, 3, 5])).toBe(5); // 2.5
    expect(() => doubledMedian([])).toThrow();
  });

  it('needs a consensus only when scores spread by more than 2', () => {
    const panel = (reach: number[]) =>
      reach.map((r) => ({ reach: r, depth: 3, durability: 3, indirect: 3 }));
    expect(divergentCriteria(v1, panel([1, 2, 3]))).toEqual([]); // spread 2: fine
    expect(divergentCriteria(v1, panel([1, 3, 4]))).toEqual(['reach']); // spread 3
    expect(divergentCriteria(v1, panel([0, 5, 5]))).toEqual(['reach']);
  });

  it('rejects a budget line only when more than half of the panel flags it', () => {
    expect([...rejectedLineIds(3, [['a'], ['a', 'b'], []])]).toEqual(['a']); // a: 2 of 3; b: 1 of 3
    expect([...rejectedLineIds(4, [['a'], ['a'], [], []])]).toEqual([]); // 2 of 4 is not more than half
    expect([...rejectedLineIds(3, [['a', 'a'], [], []])]).toEqual([]); // one reviewer flagging twice counts once
  });

  it('formats the impact score with five exact decimals', () => {
    expect(formatImpactScore(100_000)).toBe('1.00000');
    expect(formatImpactScore(40_000)).toBe('0.40000');
    expect(formatImpactScore(7)).toBe('0.00007');
  });
});
