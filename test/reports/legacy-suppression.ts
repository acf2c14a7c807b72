/**
 * The suppression method published before issue 14, kept here only so the tests can show
 * what an attacker recovered from it: per row, every count of 1 to threshold − 1 hidden,
 * then, while the total is shown and the hidden parts add up to less than the threshold,
 * the smallest non-zero part still shown hidden too (ties by category name); each of the
 * three rows (participants, outcomes, Banenafspraak) on its own.
 */

export interface LegacyCell {
  category: string;
  exact: number;
  published: number | null;
}

const isSmall = (count: number, threshold: number) => count > 0 && count < threshold;

export function legacySuppressRow(
  parts: readonly { category: string; exact: number }[],
  threshold: number,
): { parts: LegacyCell[]; total: LegacyCell } {
  const total = parts.reduce((sum, part) => sum + part.exact, 0);
  const cells: LegacyCell[] = parts.map((part) => ({
    category: part.category,
    exact: part.exact,
    published: isSmall(part.exact, threshold) ? null : part.exact,
  }));
  const totalCell: LegacyCell = {
    category: 'total',
    exact: total,
    published: isSmall(total, threshold) ? null : total,
  };
  if (totalCell.published !== null) {
    let hidden = cells.filter((c) => c.published === null).reduce((s, c) => s + c.exact, 0);
    while (hidden > 0 && hidden < threshold) {
      const next = cells
        .filter((c) => c.published !== null && c.exact > 0)
        .sort(
          (a, b) =>
            a.exact - b.exact || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0),
        )[0];
      if (!next) break;
      next.published = null;
      hidden += next.exact;
    }
  }
  return { parts: cells, total: totalCell };
}
