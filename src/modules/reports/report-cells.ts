import type { OutcomeDimension } from '../../db/types.js';
import { OUTCOME_TYPES, TARGET_GROUPS } from '../projects/vocabulary.js';
import { auditRow, type RowAudit, roundRow, TOTAL } from './disclosure.js';

export interface ReportFigures {
  participants: { targetGroup: string; participants: number }[];
  outcomes: { outcomeType: string; achieved: number; banenafspraak: number }[];
}

export interface ReportCell {
  dimension: OutcomeDimension;
  /** A target group, an outcome type, or 'total'. */
  category: string;
  exact: number;
  published: number | null;
}

/** The rows that are rounded and audited on their own; 'outcomes_other' is never stored, it is outcomes − banenafspraak. */
export type PublishedRowName = 'participants' | 'banenafspraak' | 'outcomes_other';

export interface RowPublication {
  row: PublishedRowName;
  /** The draw that passed the audit; null when the row is withheld. */
  attempt: number | null;
  attacked: number;
  /** Width of the narrowest feasible range of a count that could be small; null when none could be. */
  narrowestWidth: number | null;
}

export interface ReportPublication {
  cells: ReportCell[];
  rows: RowPublication[];
}

function rowPublication(row: PublishedRowName, attempt: number | null, audit: RowAudit | null) {
  return {
    row,
    attempt,
    attacked: audit?.attacked ?? 0,
    narrowestWidth: audit?.narrowest ? audit.narrowest.range.hi - audit.narrowest.range.lo : null,
  };
}

/**
 * The published cells of one accepted report, each row over the full fixed list of
 * categories (a category the report leaves out is a reported 0):
 *
 * - participants: people reached per target group, and their total;
 * - banenafspraak: outcomes of people in the Banenafspraak group per type, and their total;
 * - outcomes: outcomes achieved per type, and their total, published as the published
 *   Banenafspraak outcomes plus the published outcomes outside the Banenafspraak (a
 *   row of its own, rounded and audited on its own).
 *
 * The three rounded rows share no person and no constraint, so each is audited on its
 * own and a reader gains nothing by combining them (docs/privacy.md).
 */
export function publishReportCells(
  figures: ReportFigures,
  threshold: number,
  seed: Uint8Array,
): ReportPublication {
  const participants = new Map(figures.participants.map((l) => [l.targetGroup, l.participants]));
  const achieved = new Map(figures.outcomes.map((l) => [l.outcomeType, l.achieved]));
  const banen = new Map(figures.outcomes.map((l) => [l.outcomeType, l.banenafspraak]));
  for (const [type, b] of banen) {
    if (b > (achieved.get(type) ?? 0))
      throw new RangeError(`banenafspraak exceeds achieved for ${type}`);
  }
  const row = (
    name: PublishedRowName,
    categories: readonly string[],
    value: (c: string) => number,
  ) =>
    roundRow(
      name,
      categories.map((category) => ({ category, exact: value(category) })),
      threshold,
      seed,
    );
  const p = row('participants', TARGET_GROUPS, (c) => participants.get(c) ?? 0);
  const b = row('banenafspraak', OUTCOME_TYPES, (c) => banen.get(c) ?? 0);
  const o = row(
    'outcomes_other',
    OUTCOME_TYPES,
    (c) => (achieved.get(c) ?? 0) - (banen.get(c) ?? 0),
  );
  const outcomes = b.cells.map((cell, i) => {
    const other = o.cells[i]!;
    return {
      category: cell.category,
      exact: cell.exact + other.exact,
      published:
        cell.published === null || other.published === null
          ? null
          : cell.published + other.published,
    };
  });
  const cells: ReportCell[] = [
    ...p.cells.map((c) => ({ dimension: 'participants' as const, ...c })),
    ...outcomes.map((c) => ({ dimension: 'outcomes' as const, ...c })),
    ...b.cells.map((c) => ({ dimension: 'banenafspraak' as const, ...c })),
  ];
  return {
    cells,
    rows: [
      rowPublication('participants', p.attempt, p.audit),
      rowPublication('banenafspraak', b.attempt, b.audit),
      rowPublication('outcomes_other', o.attempt, o.audit),
    ],
  };
}

/**
 * The audit of a report as it is stored and read (the published values only), run again
 * on every publication just before the cells are written: the rows a reader can form
 * (participants; Banenafspraak; outcomes − Banenafspraak) each pass auditRow, and a
 * withheld row is withheld whole, with the outcomes it would make. Throws otherwise.
 */
export function assertPublishable(
  cells: readonly Pick<ReportCell, 'dimension' | 'category' | 'published'>[],
  threshold: number,
): { attacked: number } {
  const get = (dimension: OutcomeDimension, category: string) => {
    const cell = cells.find((c) => c.dimension === dimension && c.category === category);
    if (!cell) throw new Error(`published report lacks ${dimension}:${category}`);
    return cell.published;
  };
  const rows: { name: string; values: (number | null)[]; total: number | null }[] = [
    {
      name: 'participants',
      values: TARGET_GROUPS.map((c) => get('participants', c)),
      total: get('participants', TOTAL),
    },
    {
      name: 'banenafspraak',
      values: OUTCOME_TYPES.map((c) => get('banenafspraak', c)),
      total: get('banenafspraak', TOTAL),
    },
  ];
  const other = [...OUTCOME_TYPES, TOTAL].map((c) => {
    const a = get('outcomes', c);
    const b = get('banenafspraak', c);
    return a === null ? null : b === null ? Number.NaN : a - b;
  });
  rows.push({ name: 'outcomes_other', values: other.slice(0, -1), total: other.at(-1)! });

  let attacked = 0;
  for (const row of rows) {
    const all = [...row.values, row.total];
    if (all.every((v) => v === null)) continue;
    if (all.some((v) => v === null || Number.isNaN(v)))
      throw new Error(`refusing to publish: row ${row.name} is withheld only in part`);
    const audit = auditRow(
      row.values.map((published, i) => ({ category: String(i), published: published! })),
      row.total!,
      threshold,
    );
    if (!audit.publishable)
      throw new Error(`refusing to publish: row ${row.name} fails the disclosure audit`);
    attacked += audit.attacked;
  }
  return { attacked };
}
