import { describe, expect, it } from 'vitest';
import {
  add,
  attribute,
  formatDecimal,
  formatExact,
  fraction,
  projectShares,
  share,
  sum,
  toNumber,
} from '../../src/modules/reports/attribution.js';

describe('attribution arithmetic (exact fractions)', () => {
  it('normalises fractions and adds them exactly', () => {
    expect(fraction(6, 8)).toEqual({ num: 3n, den: 4n });
    expect(fraction(3, -6)).toEqual({ num: -1n, den: 2n });
    expect(formatExact(add(fraction(1, 3), fraction(1, 6)))).toBe('1/2');
    expect(formatExact(sum([fraction(1, 3), fraction(1, 3), fraction(1, 3)]))).toBe('1');
    expect(() => fraction(1, 0)).toThrow(RangeError);
  });

  it('rounds only for display, half away from zero', () => {
    expect(formatDecimal(fraction(18, 5))).toBe('3.6');
    expect(formatDecimal(fraction(1, 3), 2)).toBe('0.33');
    expect(formatDecimal(fraction(2, 3), 2)).toBe('0.67');
    expect(formatDecimal(fraction(1, 20))).toBe('0.1');
    expect(formatDecimal(fraction(1, 21))).toBe('0.0');
    expect(formatDecimal(fraction(5, 2), 0)).toBe('3');
    expect(toNumber(fraction(7, 3))).toBe(2.3);
  });

  it('two buyers, two authorities, a partial claim and a refunded order', () => {
    // Project sells 40 credits to supplier A (two paid orders: 10 + 20), 10 to supplier B;
    // B's second order of 15 was refunded and a reserved order of 5 is not sold.
    const shares = projectShares(
      [
        { buyerId: 'A', credits: 10, status: 'paid' },
        { buyerId: 'A', credits: 20, status: 'paid' },
        { buyerId: 'B', credits: 10, status: 'paid' },
        { buyerId: 'B', credits: 15, status: 'refunded' },
        { buyerId: 'C', credits: 5, status: 'reserved' },
      ],
      [
        // Authority X approved 12 of A's 30 credits (a partial claim), and 10 of B's.
        { authorityId: 'X', credits: 12, status: 'approved' },
        { authorityId: 'X', credits: 10, status: 'approved' },
        // Authority Y: 6 approved, 8 still pending, 4 withdrawn, 3 rejected.
        { authorityId: 'Y', credits: 6, status: 'approved' },
        { authorityId: 'Y', credits: 8, status: 'pending' },
        { authorityId: 'Y', credits: 4, status: 'withdrawn' },
        { authorityId: 'Y', credits: 3, status: 'rejected' },
      ],
    );
    expect(shares.soldCredits).toBe(40);
    expect(formatExact(shares.buyers.get('A')!)).toBe('3/4');
    expect(formatExact(shares.buyers.get('B')!)).toBe('1/4');
    expect(shares.buyers.has('C')).toBe(false);
    expect(formatExact(shares.authorities.get('X')!)).toBe('11/20');
    expect(formatExact(shares.authorities.get('Y')!)).toBe('3/20');

    // 14 people into paid work: A 10.5, B 3.5, X 7.7, Y 2.1.
    expect(formatExact(attribute(shares.buyers.get('A')!, 14))).toBe('21/2');
    expect(formatExact(attribute(shares.buyers.get('B')!, 14))).toBe('7/2');
    expect(formatExact(attribute(shares.authorities.get('X')!, 14))).toBe('77/10');
    expect(formatDecimal(attribute(shares.authorities.get('Y')!, 14))).toBe('2.1');
    // The buyers' attributions add up to the whole project, exactly.
    expect(formatExact(sum([...shares.buyers.values()].map((s) => attribute(s, 14))))).toBe('14');
  });

  it('gives nobody a share of a project with nothing sold, and refuses a share above the whole', () => {
    expect(formatExact(share(0, 0))).toBe('0');
    expect(formatExact(share(5, 0))).toBe('0');
    expect(() => share(11, 10)).toThrow(RangeError);
    expect(() => share(-1, 10)).toThrow(RangeError);
  });

  it('sums attributions over projects with different denominators without rounding drift', () => {
    // 1/3 of 7 + 2/7 of 9 + 1/11 of 5 = 7/3 + 18/7 + 5/11 = (539 + 594 + 105) / 231 = 1238/231
    const total = sum([
      attribute(fraction(1, 3), 7),
      attribute(fraction(2, 7), 9),
      attribute(fraction(1, 11), 5),
    ]);
    expect(formatExact(total)).toBe('1238/231');
    expect(formatDecimal(total, 3)).toBe('5.359');
  });
});

import { splitPeriod } from '../../src/modules/reports/period.js';

describe('report periods: whole quarters from the summary, edges from the claims', () => {
  it('splits an ad-hoc period', () => {
    expect(splitPeriod({ from: '2026-02-10', to: '2026-08-15' })).toEqual({
      quarters: { fromQuarter: '2026-04-01', toQuarter: '2026-07-01' },
      edges: [
        { from: '2026-02-10', toExclusive: '2026-04-01' },
        { from: '2026-07-01', toExclusive: '2026-08-16' },
      ],
    });
  });
  it('reads one whole quarter from the summary only', () => {
    expect(splitPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({
      quarters: { fromQuarter: '2026-01-01', toQuarter: '2026-04-01' },
      edges: [],
    });
  });
  it('reads a period inside one quarter from the claims only', () => {
    expect(splitPeriod({ from: '2026-01-05', to: '2026-02-20' })).toEqual({
      quarters: null,
      edges: [{ from: '2026-01-05', toExclusive: '2026-02-21' }],
    });
  });
  it('takes every quarter before the end when there is no start', () => {
    expect(splitPeriod({ from: null, to: '2026-12-31' })).toEqual({
      quarters: { fromQuarter: null, toQuarter: '2027-01-01' },
      edges: [],
    });
    expect(splitPeriod({ from: null, to: '2026-11-30' })).toEqual({
      quarters: { fromQuarter: null, toQuarter: '2026-10-01' },
      edges: [{ from: '2026-10-01', toExclusive: '2026-12-01' }],
    });
  });
});
