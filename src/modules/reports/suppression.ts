/**
 * Figures made of the published cells of several reports (DESIGN §7; docs/privacy.md).
 * Each report's cells are rounded and audited once, when it is accepted
 * (disclosure.ts, report-cells.ts); every figure in every report is a sum of those
 * published values, so it tells a reader nothing the published values of the reports
 * it adds up do not. A cell is null only when its whole row was withheld; such a cell
 * never enters any sum, and the figure says it left something out.
 */

export { TOTAL } from './disclosure.js';

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
  cells: readonly { exact: number; published: number | null }[],
): AggregateCell {
  let sum = 0;
  let withheld = 0;
  for (const cell of cells) {
    if (cell.published === null) {
      // Counted whatever its exact count: whether a withheld cell was zero is not for a reader to learn.
      withheld++;
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

/** How a withheld figure is written in CSV and XLSX ("x", as Statistics Netherlands marks "geheim"). */
export const WITHHELD_MARKER = 'x';
