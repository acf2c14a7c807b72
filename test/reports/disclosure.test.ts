import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  auditRow,
  cellKey,
  feasibleFromPublished,
  MAX_ATTEMPTS,
  roundCount,
  rowRanges,
} from '../../src/modules/reports/disclosure.js';
import { assertPublishable, publishReportCells } from '../../src/modules/reports/report-cells.js';
import { aggregate } from '../../src/modules/reports/suppression.js';
import { emptyKnowledge, ranges, type Terms } from './attacker.js';
import { mulberry32 } from './random.js';

const BASE = 5;

describe('random rounding', () => {
  it('rounds to a neighbouring multiple of the base, up with probability remainder ÷ base', () => {
    for (let x = 0; x <= 23; x++) {
      const r = x % BASE;
      const keys = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
      const rounded = keys.map((k) => roundCount(x, BASE, k));
      expect(new Set(rounded)).toEqual(new Set(r === 0 ? [x] : [x - r, x - r + BASE]));
      // Unbiased: the mean over evenly spread keys is the count itself.
      expect(rounded.reduce((s, v) => s + v, 0) / keys.length).toBeCloseTo(x, 10);
    }
    expect(() => roundCount(-1, BASE, 0.5)).toThrow(RangeError);
    expect(() => roundCount(1.5, BASE, 0.5)).toThrow(RangeError);
  });

  it('draws each cell’s key from the report’s seed, the draw and the cell’s name, always the same', () => {
    const seed = new Uint8Array(randomBytes(32));
    const k = cellKey(seed, 0, 'participants', 'ww');
    expect(k).toBeGreaterThanOrEqual(0);
    expect(k).toBeLessThan(1);
    expect(cellKey(seed, 0, 'participants', 'ww')).toBe(k);
    expect(cellKey(seed, 1, 'participants', 'ww')).not.toBe(k);
    expect(cellKey(seed, 0, 'participants', 'youth')).not.toBe(k);
    expect(cellKey(seed, 0, 'banenafspraak', 'ww')).not.toBe(k);
    expect(cellKey(new Uint8Array(randomBytes(32)), 0, 'participants', 'ww')).not.toBe(k);
  });

  it('a published value leaves every count within base − 1 of it, and never below 0', () => {
    expect(feasibleFromPublished(0, BASE)).toEqual({ lo: 0, hi: 4 });
    expect(feasibleFromPublished(5, BASE)).toEqual({ lo: 1, hi: 9 });
    expect(feasibleFromPublished(20, BASE)).toEqual({ lo: 16, hi: 24 });
    expect(() => feasibleFromPublished(7, BASE)).toThrow(RangeError);
  });
});

/** Every table of whole numbers ≥ 0 that rounds to the row: brute force, for small rows. */
function bruteForceRanges(published: number[], total: number) {
  const boxes = published.map((v) => feasibleFromPublished(v, BASE));
  const totalBox = feasibleFromPublished(total, BASE);
  const n = published.length;
  const result = new Map<number, { lo: number; hi: number }>();
  const walk = (i: number, values: number[]) => {
    if (i === n) {
      const sum = values.reduce((s, v) => s + v, 0);
      if (sum < totalBox.lo || sum > totalBox.hi) return;
      for (let mask = 1; mask < 1 << n; mask++) {
        let v = 0;
        for (let j = 0; j < n; j++) if (mask & (1 << j)) v += values[j]!;
        const r = result.get(mask) ?? { lo: Infinity, hi: -Infinity };
        result.set(mask, { lo: Math.min(r.lo, v), hi: Math.max(r.hi, v) });
      }
      return;
    }
    for (let v = boxes[i]!.lo; v <= boxes[i]!.hi; v++) walk(i + 1, [...values, v]);
  };
  walk(0, []);
  return result;
}

describe('the auditor’s attacker', () => {
  it('finds exactly the ranges that brute force over every consistent table finds (rows of 3)', () => {
    const random = mulberry32(14);
    let rows = 0;
    for (let trial = 0; trial < 300; trial++) {
      const exact = [0, 1, 2].map(() => Math.floor(random() * (random() < 0.7 ? 8 : 20)));
      const published = exact.map((x) => roundCount(x, BASE, random()));
      const total = roundCount(
        exact.reduce((s, x) => s + x, 0),
        BASE,
        random(),
      );
      const parts = published.map((v, i) => ({ category: String(i), published: v }));
      const expected = bruteForceRanges(published, total);
      const found = rowRanges(parts, total, BASE);
      found.forEach((f, index) => expect(f.range).toEqual(expected.get(index + 1)));
      rows++;
    }
    expect(rows).toBe(300);
  });

  it('finds exactly the ranges an integer programme (HiGHS) finds, for whole rows of 8 parts', async () => {
    const random = mulberry32(1414);
    let attacked = 0;
    for (let trial = 0; trial < 12; trial++) {
      const exact = Array.from({ length: 8 }, () =>
        random() < 0.5 ? 0 : Math.floor(random() * (random() < 0.6 ? 6 : 40)),
      );
      const published = exact.map((x) => roundCount(x, BASE, random()));
      const total = roundCount(
        exact.reduce((s, x) => s + x, 0),
        BASE,
        random(),
      );
      const k = emptyKnowledge();
      published.forEach((v, i) => k.variables.set(`x${i}`, feasibleFromPublished(v, BASE)));
      k.variables.set('t', feasibleFromPublished(total, BASE));
      k.equalities.push({
        terms: { ...Object.fromEntries(published.map((_, i) => [`x${i}`, 1])), t: -1 },
        rhs: 0,
      });
      const found = rowRanges(
        published.map((v, i) => ({ category: String(i), published: v })),
        total,
        BASE,
      );
      // Every single part, the total, and a sample of sums of several parts.
      const masks = [
        ...published.map((_, i) => 1 << i),
        255,
        ...Array.from({ length: 10 }, () => 1 + Math.floor(random() * 254)),
      ];
      const terms: Terms[] = masks.map((mask) =>
        Object.fromEntries(published.flatMap((_, i) => (mask & (1 << i) ? [[`x${i}`, 1]] : []))),
      );
      const solved = await ranges(k, terms);
      masks.forEach((mask, i) => expect(found[mask - 1]!.range).toEqual(solved[i]));
      attacked += masks.length;
    }
    expect(attacked).toBeGreaterThan(200);
  });

  it('refuses a row where the total gives a small count away, and passes one where it cannot', () => {
    // 4 people in one group: the part rounded up to 5 but the total down to 0 leaves 1–4.
    expect(
      auditRow(
        [
          { category: 'a', published: 5 },
          { category: 'b', published: 0 },
        ],
        0,
        5,
      ),
    ).toMatchObject({ publishable: false, narrowest: { range: { lo: 1, hi: 4 } } });
    expect(
      auditRow(
        [
          { category: 'a', published: 5 },
          { category: 'b', published: 0 },
        ],
        5,
        5,
      ),
    ).toMatchObject({ publishable: true, narrowest: { range: { lo: 0, hi: 4 } } });
  });

  it('every row of up to three non-zero counts below 12 gets through the audit with probability ≥ 3/4 per draw', () => {
    // Exact probabilities: each count that is not a multiple of 5 rounds up or down, so a
    // row has at most 2^4 outcomes; a row is withheld only if all MAX_ATTEMPTS draws fail.
    let rowsChecked = 0;
    let worst = 1;
    for (let a = 0; a < 12; a++)
      for (let b = 0; b < 12; b++)
        for (let c = 0; c < 12; c++) {
          const exact = [a, b, c, 0, 0, 0, 0, 0];
          const total = a + b + c;
          const counts = [...exact, total];
          const uncertain = counts.map((x, i) => (x % BASE === 0 ? -1 : i)).filter((i) => i >= 0);
          let pass = 0;
          for (let outcome = 0; outcome < 1 << uncertain.length; outcome++) {
            let probability = 1;
            const rounded = counts.map((x) => x);
            uncertain.forEach((i, bit) => {
              const r = counts[i]! % BASE;
              const up = (outcome >> bit) & 1;
              rounded[i] = counts[i]! - r + (up ? BASE : 0);
              probability *= up ? r / BASE : 1 - r / BASE;
            });
            const audit = auditRow(
              rounded.slice(0, 8).map((v, i) => ({ category: String(i), published: v })),
              rounded[8]!,
              5,
            );
            if (audit.publishable) pass += probability;
          }
          worst = Math.min(worst, pass);
          rowsChecked++;
        }
    expect(rowsChecked).toBe(1728);
    expect(worst).toBeGreaterThanOrEqual(0.75);
    // A row is withheld only when all MAX_ATTEMPTS draws fail: (1/4)^64, never in practice.
    expect((1 - worst) ** MAX_ATTEMPTS).toBeLessThan(1e-30);
    console.info(
      `audit pass probability per draw: worst ${worst.toFixed(4)} over ${rowsChecked} rows`,
    );
  });
});

describe('a report’s publication', () => {
  it('rounds every row of the report, passes its own audit, and is the same for the same seed', () => {
    const random = mulberry32(7);
    for (let trial = 0; trial < 200; trial++) {
      const seed = new Uint8Array(32).map(() => Math.floor(random() * 256));
      const figures = {
        participants: [
          { targetGroup: 'participatiewet', participants: Math.floor(random() * 30) },
          { targetGroup: 'banenafspraak', participants: Math.floor(random() * 5) },
        ],
        outcomes: [
          { outcomeType: 'paid_work', achieved: 9, banenafspraak: 6 },
          { outcomeType: 'diploma', achieved: Math.floor(random() * 6), banenafspraak: 0 },
        ],
      };
      const first = publishReportCells(figures, 5, seed);
      expect(publishReportCells(figures, 5, seed)).toEqual(first);
      expect(first.cells).toHaveLength(27);
      expect(() => assertPublishable(first.cells, 5)).not.toThrow();
      for (const cell of first.cells) {
        if (cell.published === null) continue;
        expect(cell.published % 5).toBe(0);
      }
    }
  });

  it('refuses to store a table that fails the audit or withholds a row only in part', () => {
    const cells = publishReportCells(
      {
        participants: [{ targetGroup: 'ww', participants: 4 }],
        outcomes: [],
      },
      5,
      new Uint8Array(32),
    ).cells;
    const tampered = cells.map((c) =>
      c.dimension === 'participants' && c.category === 'ww'
        ? { ...c, published: 5 }
        : c.dimension === 'participants' && c.category === 'total'
          ? { ...c, published: 0 }
          : c,
    );
    expect(() => assertPublishable(tampered, 5)).toThrow(/fails the disclosure audit/);
    const partly = cells.map((c) =>
      c.dimension === 'banenafspraak' && c.category === 'total' ? { ...c, published: null } : c,
    );
    expect(() => assertPublishable(partly, 5)).toThrow(/withheld only in part/);
  });
});

describe('aggregation of published cells', () => {
  it('adds only published cells and says what was left out, whatever the withheld count was', () => {
    expect(
      aggregate([
        { exact: 10, published: 10 },
        { exact: 3, published: null },
      ]),
    ).toEqual({ value: 10, suppressed: false, complete: false });
    expect(
      aggregate([
        { exact: 10, published: 10 },
        { exact: 0, published: 0 },
      ]),
    ).toEqual({ value: 10, suppressed: false, complete: true });
    // A withheld zero reads exactly as a withheld count.
    expect(
      aggregate([
        { exact: 10, published: 10 },
        { exact: 0, published: null },
      ]),
    ).toEqual(
      aggregate([
        { exact: 10, published: 10 },
        { exact: 3, published: null },
      ]),
    );
    expect(aggregate([{ exact: 0, published: null }])).toEqual({
      value: null,
      suppressed: true,
      complete: false,
    });
    expect(aggregate([])).toEqual({ value: 0, suppressed: false, complete: true });
  });
});
