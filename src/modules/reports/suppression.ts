/**
 * Disclosure control for counts of people (DESIGN §7). Pure functions; the method is
 * described in README "Privacy: how counts are suppressed".
 *
 * The unit of publication is one accepted outcome report (an "atom"): a project's counts
 * for one period. Each row of an atom (participants by target group, outcomes by type,
 * Banenafspraak outcomes by type), with its total, is suppressed on its own exact counts,
 * by rules that depend on nothing else: not on who asks, which period, which other
 * projects or reports are selected, or the attribution share. The result is stored once
 * per report (outcome_report_cells) and every report and export reads only that.
 *
 * Every figure in every report is then a sum of published atom cells (times an
 * attribution share known to the reader). A suppressed cell never enters any sum, not
 * even a total, so no difference of two reports (two periods, with and without one
 * report, overlapping selections, authority versus supplier versus public) can contain
 * it: a difference of sums of published cells is itself a sum of published cells.
 */

export interface CountCell {
  category: string;
  /** The exact count of people, never shown when suppressed. */
  exact: number;
}

export type SuppressionReason = 'primary' | 'complementary';

export interface PublishedCell {
  category: string;
  exact: number;
  /** The count as it may be shown; null when suppressed. */
  published: number | null;
  reason: SuppressionReason | null;
}

export interface PublishedRow {
  parts: PublishedCell[];
  total: PublishedCell;
}

export const TOTAL = 'total';

/** A count of people that may not be shown on its own: 1 to threshold − 1. Zero is shown. */
export function isSmall(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
}

/**
 * Suppresses one row of counts and its total (the sum of the parts).
 *
 * 1. Primary: every part, and the total, of 1 to threshold − 1 is suppressed.
 * 2. Complementary: while the total is shown and the suppressed parts add up to less than
 *    the threshold (which includes a single suppressed part), the smallest part still
 *    shown that is not zero is suppressed too (ties by category name, so the choice never
 *    depends on the order of input). The total minus the visible parts then never yields
 *    a small count or a single hidden cell.
 *
 * A suppressed total (1–4 people in all) means every non-zero part is small, so every
 * one of them is suppressed as well.
 */
export function suppressRow(parts: readonly CountCell[], threshold: number): PublishedRow {
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError(`threshold must be a positive integer, got ${threshold}`);
  const seen = new Set<string>();
  for (const part of parts) {
    assertCount(part.exact, `count of ${part.category}`);
    if (part.category === TOTAL || seen.has(part.category))
      throw new RangeError(`duplicate or reserved category ${part.category}`);
    seen.add(part.category);
  }
  const total = parts.reduce((sum, part) => sum + part.exact, 0);
  const cells: PublishedCell[] = parts.map((part) => ({
    category: part.category,
    exact: part.exact,
    published: isSmall(part.exact, threshold) ? null : part.exact,
    reason: isSmall(part.exact, threshold) ? 'primary' : null,
  }));
  const totalCell: PublishedCell = {
    category: TOTAL,
    exact: total,
    published: isSmall(total, threshold) ? null : total,
    reason: isSmall(total, threshold) ? 'primary' : null,
  };

  if (totalCell.published !== null) {
    let hidden = cells
      .filter((cell) => cell.published === null)
      .reduce((sum, cell) => sum + cell.exact, 0);
    while (hidden > 0 && hidden < threshold) {
      const candidates = cells
        .filter((cell) => cell.published !== null && cell.exact > 0)
        .sort(
          (a, b) =>
            a.exact - b.exact || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0),
        );
      const next = candidates[0];
      // Cannot happen (total ≥ threshold > hidden leaves a visible non-zero part); kept as a guard.
      if (!next) break;
      next.published = null;
      next.reason = 'complementary';
      hidden += next.exact;
    }
  }
  return { parts: cells, total: totalCell };
}

/** A figure made of published cells of several atoms (reports, projects). */
export interface AggregateCell {
  /** Sum of the published contributions; null when every non-zero contribution was suppressed. */
  value: number | null;
  /** True when the value is null because of suppression. */
  suppressed: boolean;
  /** False when some non-zero contribution was suppressed and is left out of `value`. */
  complete: boolean;
}

/**
 * Adds published cells. Suppressed cells never enter the sum: the figure is the sum of
 * what is shown elsewhere anyway, and says whether anything was left out.
 */
export function aggregate(
  cells: readonly Pick<PublishedCell, 'exact' | 'published'>[],
): AggregateCell {
  let sum = 0;
  let withheld = 0;
  for (const cell of cells) {
    if (cell.published === null) {
      if (cell.exact > 0) withheld++;
    } else {
      sum += cell.published;
    }
  }
  // Published zeros do not make a figure of suppressed counts showable: {hidden, 0} reads
  // exactly as {hidden}, so adding an empty report never turns a suppressed cell into 0.
  if (withheld > 0 && sum === 0) return { value: null, suppressed: true, complete: false };
  return { value: sum, suppressed: false, complete: withheld === 0 };
}

/**
 * The same as aggregate(), from counts a query made: the sum of published cells, how many
 * were published, and how many non-zero cells were suppressed.
 */
export function aggregateCounts(counts: {
  publishedSum: number;
  shown: number;
  withheld: number;
}): AggregateCell {
  if (counts.withheld > 0 && counts.publishedSum === 0)
    return { value: null, suppressed: true, complete: false };
  return { value: counts.publishedSum, suppressed: false, complete: counts.withheld === 0 };
}

/** How a suppressed cell is written in CSV and XLSX: one marker for primary and complementary alike. */
export function suppressedMarker(threshold: number): string {
  return `<${threshold}`;
}
