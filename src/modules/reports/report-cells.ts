import type { OutcomeDimension } from '../../db/types.js';
import { OUTCOME_TYPES, TARGET_GROUPS } from '../projects/vocabulary.js';
import { suppressRow } from './suppression.js';

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

/**
 * The published cells of one accepted report: three rows, each over the full fixed list
 * of categories (a category the report leaves out is a reported 0), suppressed on its own.
 *
 * - participants: people reached per target group, and their total;
 * - outcomes: outcomes achieved per type, and their total;
 * - banenafspraak: of those, people in the Banenafspraak group per type, and their total.
 */
export function publishReportCells(figures: ReportFigures, threshold: number): ReportCell[] {
  const participants = new Map(figures.participants.map((l) => [l.targetGroup, l.participants]));
  const achieved = new Map(figures.outcomes.map((l) => [l.outcomeType, l.achieved]));
  const banenafspraak = new Map(figures.outcomes.map((l) => [l.outcomeType, l.banenafspraak]));
  const rows: [OutcomeDimension, readonly string[], Map<string, number>][] = [
    ['participants', TARGET_GROUPS, participants],
    ['outcomes', OUTCOME_TYPES, achieved],
    ['banenafspraak', OUTCOME_TYPES, banenafspraak],
  ];
  return rows.flatMap(([dimension, categories, values]) => {
    const row = suppressRow(
      categories.map((category) => ({ category, exact: values.get(category) ?? 0 })),
      threshold,
    );
    return [...row.parts, row.total].map((cell) => ({
      dimension,
      category: cell.category,
      exact: cell.exact,
      published: cell.published,
    }));
  });
}
