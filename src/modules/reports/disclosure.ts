import { createHmac } from 'node:crypto';

/**
 * Disclosure control for counts of people (DESIGN §7; docs/privacy.md says why and how).
 *
 * Method: unbiased random rounding to base b = the disclosure threshold (as Statistics
 * Canada rounds census counts to base 5 and Statistics New Zealand to base 3), with the
 * draw fixed by a cell key: a per-report random seed and the cell's name, so a report's
 * cells are always rounded the same way when re-derived. A count x = qb + r (0 ≤ r < b)
 * is published as qb + b with probability r/b and as qb otherwise; multiples of b,
 * zero included, are published as they are. Every published count is a multiple of b,
 * so no published figure and no sum or difference of published figures is a count of
 * 1 to b − 1.
 *
 * Everything here may be public: the base, the probabilities, the audit. What protects a
 * count is the draw itself, which nobody outside the database sees (the seed is stored
 * next to the exact counts and is exactly as confidential as they are).
 *
 * Every row (parts and a total that is their sum) is rounded independently of every
 * other row, and an outcomes row is published as two rows that share no person: the
 * Banenafspraak outcomes and the outcomes outside the Banenafspraak. The outcomes
 * achieved are shown as the sum of the two published rows, so the nesting (Banenafspraak
 * ≤ achieved) is a fact about published numbers, not a constraint a reader can use.
 */

export const DISCLOSURE_METHOD = 'random_rounding' as const;

/** Draws tried per row before it is withheld: each draw is independent, the first that passes the audit is published. */
export const MAX_ATTEMPTS = 64;

/** The category of a row's total. */
export const TOTAL = 'total';

export interface Interval {
  lo: number;
  hi: number;
}

/** The rounding base: the disclosure threshold. */
export function roundingBase(threshold: number): number {
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError(`threshold must be a positive integer, got ${threshold}`);
  return threshold;
}

/**
 * The sliding protection level (τ-ARGUS terms): the feasible range of every count that
 * could be 1 to threshold − 1 must be at least this wide, i.e. hold at least `threshold`
 * whole numbers.
 */
export function protectionWidth(threshold: number): number {
  return roundingBase(threshold) - 1;
}

/**
 * The cell key: a number in [0, 1) from the report's seed, the draw and the cell's name
 * (HMAC-SHA-256, first 48 bits). The same cell of the same report always gets the same key.
 */
export function cellKey(
  seed: Uint8Array,
  attempt: number,
  dimension: string,
  category: string,
): number {
  const digest = createHmac('sha256', seed)
    .update(`${attempt}\u0000${dimension}\u0000${category}`)
    .digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** Unbiased random rounding of a count to a multiple of `base`, with the draw given as a key in [0, 1). */
export function roundCount(exact: number, base: number, key: number): number {
  if (!Number.isSafeInteger(exact) || exact < 0)
    throw new RangeError(`a count must be a non-negative integer, got ${exact}`);
  const remainder = exact % base;
  if (remainder === 0) return exact;
  return key * base < remainder ? exact - remainder + base : exact - remainder;
}

/**
 * What a reader who knows the method learns about a count from its published value
 * alone: every count that rounds to it with a probability above zero.
 */
export function feasibleFromPublished(published: number, base: number): Interval {
  if (!Number.isSafeInteger(published) || published < 0 || published % base !== 0)
    throw new RangeError(`${published} is not a published count of base ${base}`);
  return published === 0
    ? { lo: 0, hi: base - 1 }
    : { lo: published - (base - 1), hi: published + (base - 1) };
}

export interface RowAudit {
  /** True when every count of the row that could be small keeps a range of at least the protection width. */
  publishable: boolean;
  /** How many counts (sums of parts, the total among them) were attacked. */
  attacked: number;
  /** The narrowest feasible range among the counts that could be small; null when none could be. */
  narrowest: { categories: string[]; range: Interval } | null;
}

/**
 * The attacker of one published row, and the audit. Everything a reader knows: each
 * published value (hence the interval of counts that round to it), that the parts are
 * whole numbers ≥ 0, and that they add up to the total. For every non-empty set S of
 * parts (a single part, the total, the total minus some parts: every count of people
 * that adding and subtracting the row's cells can express) the exact range of
 * Σ_S x over all whole-number tables consistent with that:
 *
 *   lo = max(Σ_S l, L − Σ_{not S} u),   hi = min(Σ_S u, U − Σ_{not S} l)
 *
 * where [l, u] are the parts' intervals and [L, U] the total's. (Σ_S x and Σ_{not S} x
 * each take every whole number between their bounds, so every value in [lo, hi] is
 * reached: the range is exact, not an approximation.)
 *
 * The audit depends on the published row only, never on the exact counts: every count
 * whose range meets 1 … threshold − 1 (it could be small, so a small one certainly is
 * among them) must have a range at least protectionWidth wide. Because the decision to
 * publish a draw depends only on what is published, redrawing until a draw passes tells
 * a reader nothing beyond the published values.
 */
export function auditRow(
  parts: readonly { category: string; published: number }[],
  total: number,
  threshold: number,
): RowAudit {
  const width = protectionWidth(threshold);
  let narrowest: RowAudit['narrowest'] = null;
  let publishable = true;
  const counts = rowRanges(parts, total, roundingBase(threshold));
  for (const { categories, range } of counts) {
    const couldBeSmall = range.hi >= 1 && range.lo <= threshold - 1;
    if (!couldBeSmall) continue;
    if (narrowest === null || range.hi - range.lo < narrowest.range.hi - narrowest.range.lo)
      narrowest = { categories, range };
    if (range.hi - range.lo < width) publishable = false;
  }
  return { publishable, attacked: counts.length, narrowest };
}

/** The exact feasible range of every sum of a non-empty set of a row's parts (see auditRow). */
export function rowRanges(
  parts: readonly { category: string; published: number }[],
  total: number,
  base: number,
): { categories: string[]; range: Interval }[] {
  if (parts.length > 16) throw new RangeError('a row has at most 16 parts');
  const boxes = parts.map((p) => feasibleFromPublished(p.published, base));
  const totalBox = feasibleFromPublished(total, base);
  const sumLo = boxes.reduce((s, b) => s + b.lo, 0);
  const sumHi = boxes.reduce((s, b) => s + b.hi, 0);
  const result: { categories: string[]; range: Interval }[] = [];
  for (let mask = 1; mask < 1 << parts.length; mask++) {
    let inLo = 0;
    let inHi = 0;
    const categories: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      if (mask & (1 << i)) {
        inLo += boxes[i]!.lo;
        inHi += boxes[i]!.hi;
        categories.push(parts[i]!.category);
      }
    }
    const range = {
      lo: Math.max(inLo, totalBox.lo - (sumHi - inHi)),
      hi: Math.min(inHi, totalBox.hi - (sumLo - inLo)),
    };
    if (range.lo > range.hi)
      throw new RangeError('the published row is inconsistent: no table of counts rounds to it');
    result.push({ categories, range });
  }
  return result;
}

export interface RoundedRow {
  /** The published parts and total; every value null when the row is withheld. */
  cells: { category: string; exact: number; published: number | null }[];
  /** The draw that passed the audit; null when none of MAX_ATTEMPTS did and the row is withheld. */
  attempt: number | null;
  audit: RowAudit | null;
}

/**
 * Rounds one row and its total (the sum of the parts) with the report's seed, trying
 * draws until one passes the audit; a row no draw makes safe is withheld whole (every
 * cell null), which never happens in practice (docs/privacy.md has the figures) but
 * keeps "nothing unsafe is published" unconditional.
 */
export function roundRow(
  dimension: string,
  parts: readonly { category: string; exact: number }[],
  threshold: number,
  seed: Uint8Array,
): RoundedRow {
  const base = roundingBase(threshold);
  const seen = new Set<string>();
  for (const part of parts) {
    if (!Number.isSafeInteger(part.exact) || part.exact < 0)
      throw new RangeError(`count of ${part.category} must be a non-negative integer`);
    if (part.category === TOTAL || seen.has(part.category))
      throw new RangeError(`duplicate or reserved category ${part.category}`);
    seen.add(part.category);
  }
  const total = parts.reduce((s, p) => s + p.exact, 0);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const rounded = parts.map((p) => ({
      category: p.category,
      exact: p.exact,
      published: roundCount(p.exact, base, cellKey(seed, attempt, dimension, p.category)),
    }));
    const roundedTotal = roundCount(total, base, cellKey(seed, attempt, dimension, TOTAL));
    const audit = auditRow(rounded, roundedTotal, threshold);
    if (audit.publishable) {
      return {
        cells: [...rounded, { category: TOTAL, exact: total, published: roundedTotal }],
        attempt,
        audit,
      };
    }
  }
  return {
    cells: [...parts, { category: TOTAL, exact: total }].map((p) => ({ ...p, published: null })),
    attempt: null,
    audit: null,
  };
}
