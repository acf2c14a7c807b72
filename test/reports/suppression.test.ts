import { describe, expect, it } from 'vitest';
import {
  aggregate,
  isSmall,
  type PublishedRow,
  suppressRow,
} from '../../src/modules/reports/suppression.js';

const row = (counts: Record<string, number>, threshold = 5) =>
  suppressRow(
    Object.entries(counts).map(([category, exact]) => ({ category, exact })),
    threshold,
  );
const shown = (r: PublishedRow) =>
  Object.fromEntries([...r.parts, r.total].map((c) => [c.category, c.published]));

describe('suppression: primary', () => {
  it('hides 1–4, shows 0 and 5 and more', () => {
    for (const n of [1, 2, 3, 4]) expect(isSmall(n, 5)).toBe(true);
    for (const n of [0, 5, 6, 100]) expect(isSmall(n, 5)).toBe(false);
    const r = row({ a: 0, b: 5, c: 12, d: 40 });
    expect(shown(r)).toEqual({ a: 0, b: 5, c: 12, d: 40, total: 57 });
  });

  it('hides a small total and with it every non-zero part', () => {
    const r = row({ a: 1, b: 2, c: 0 });
    expect(shown(r)).toEqual({ a: null, b: null, c: 0, total: null });
    expect(r.total.reason).toBe('primary');
  });

  it('follows a configured threshold', () => {
    expect(shown(row({ a: 7, b: 12 }, 10))).toEqual({ a: null, b: null, total: 19 });
    expect(shown(row({ a: 1, b: 12 }, 1))).toEqual({ a: 1, b: 12, total: 13 });
  });

  it('refuses negative counts, duplicate categories and a bad threshold', () => {
    expect(() => row({ a: -1 })).toThrow(RangeError);
    expect(() => row({ a: 1.5 })).toThrow(RangeError);
    expect(() =>
      suppressRow(
        [
          { category: 'a', exact: 1 },
          { category: 'a', exact: 2 },
        ],
        5,
      ),
    ).toThrow(RangeError);
    expect(() => row({ a: 1 }, 0)).toThrow(RangeError);
  });
});

describe('suppression: complementary', () => {
  it('hides a second cell where the total and the other parts would give the hidden one away', () => {
    const r = row({ participatiewet: 12, banenafspraak: 3, ww: 8, youth: 0 });
    // 3 is small; total 23 shown; the smallest other non-zero part (ww 8) is hidden too.
    expect(shown(r)).toEqual({
      participatiewet: 12,
      banenafspraak: null,
      ww: null,
      youth: 0,
      total: 23,
    });
    expect(r.parts.find((p) => p.category === 'banenafspraak')!.reason).toBe('primary');
    expect(r.parts.find((p) => p.category === 'ww')!.reason).toBe('complementary');
    // What a reader can derive: the hidden cells add up to 23 − 12 − 0 = 11, at least the threshold.
    const visible = r.parts.reduce((s, p) => s + (p.published ?? 0), 0);
    expect(r.total.published! - visible).toBeGreaterThanOrEqual(5);
  });

  it('keeps hiding until the hidden cells add up to at least the threshold', () => {
    // 1 + 1 = 2 < 5: hide the smallest visible part as well (6), giving 8.
    const r = row({ a: 1, b: 1, c: 6, d: 30 });
    expect(shown(r)).toEqual({ a: null, b: null, c: null, d: 30, total: 38 });
  });

  it('never hides a zero as the complement, and picks among equal parts by name, whatever the input order', () => {
    const one = row({ z: 7, a: 2, m: 7, q: 0 });
    const two = row({ q: 0, m: 7, a: 2, z: 7 });
    expect(shown(one)).toEqual({ z: 7, a: null, m: null, q: 0, total: 16 });
    expect(shown(two)).toEqual(shown(one));
  });

  it('for every row up to a size, the total minus the visible parts is 0 or at least the threshold', () => {
    for (let a = 0; a <= 9; a++) {
      for (let b = 0; b <= 9; b++) {
        for (let c = 0; c <= 9; c++) {
          const r = row({ a, b, c });
          const hidden = r.parts.filter((p) => p.published === null);
          for (const cell of [...r.parts, r.total])
            if (cell.published !== null) expect(isSmall(cell.published, 5)).toBe(false);
          if (r.total.published !== null) {
            const gap = r.total.published - r.parts.reduce((s, p) => s + (p.published ?? 0), 0);
            expect(gap === 0 || gap >= 5).toBe(true);
            expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
          }
        }
      }
    }
  });
});

describe('aggregation of published cells', () => {
  it('adds only published cells and says what was left out', () => {
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
    expect(
      aggregate([
        { exact: 3, published: null },
        { exact: 2, published: null },
      ]),
    ).toEqual({ value: null, suppressed: true, complete: false });
    expect(aggregate([])).toEqual({ value: 0, suppressed: false, complete: true });
    // A published zero next to a suppressed count reads as the suppressed count alone.
    expect(
      aggregate([
        { exact: 3, published: null },
        { exact: 0, published: 0 },
      ]),
    ).toEqual(aggregate([{ exact: 3, published: null }]));
  });

  it('differencing: two periods that differ by one report with one participant reveal nothing', () => {
    // Q1: 10 participants in the Participatiewet group. Q2: one more person.
    const q1 = row({ participatiewet: 10, ww: 0 });
    const q2 = row({ participatiewet: 1, ww: 0 });
    const cells = (r: PublishedRow, category: string) =>
      [...r.parts, r.total].filter((c) => c.category === category);
    const onlyQ1 = aggregate(cells(q1, 'participatiewet'));
    const both = aggregate([...cells(q1, 'participatiewet'), ...cells(q2, 'participatiewet')]);
    expect(onlyQ1.value).toBe(10);
    expect(both.value).toBe(10);
    const totalQ1 = aggregate(cells(q1, 'total'));
    const totalBoth = aggregate([...cells(q1, 'total'), ...cells(q2, 'total')]);
    expect(totalBoth.value! - totalQ1.value!).toBe(0);
  });

  it('differencing: with and without a report whose row has a hidden cell, the difference is only published figures', () => {
    // A second report of 6 + 1: both hidden, its total 7 shown.
    const first = row({ participatiewet: 10, banenafspraak: 5 });
    const second = row({ participatiewet: 6, banenafspraak: 1 });
    expect(shown(second)).toEqual({ participatiewet: null, banenafspraak: null, total: 7 });
    const pick = (rows: PublishedRow[], category: string) =>
      aggregate(rows.flatMap((r) => [...r.parts, r.total].filter((c) => c.category === category)));
    for (const category of ['participatiewet', 'banenafspraak', 'total']) {
      const difference =
        (pick([first, second], category).value ?? 0) - (pick([first], category).value ?? 0);
      const publishedInSecond =
        [...second.parts, second.total].find((c) => c.category === category)!.published ?? 0;
      expect(difference).toBe(publishedInSecond);
    }
  });
});
