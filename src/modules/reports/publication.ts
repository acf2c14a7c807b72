import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import { DISCLOSURE_METHOD } from './disclosure.js';
import { assertPublishable, publishReportCells, type ReportFigures } from './report-cells.js';

/** Bytes of a report's cell-key seed. */
export const SEED_BYTES = 32;

/**
 * Publishes one accepted report: rounds its rows with its cell-key seed (a new random one
 * the first time, the stored one when it is published again), audits the result as a
 * reader will see it, and stores the cells and how they were made, replacing any earlier
 * cells of the report. Nothing is stored when the audit fails (it throws).
 */
export async function storeReportPublication(
  db: Transaction<DB> | Kysely<DB>,
  report: { id: string; project_id: string; period_end: string },
  figures: ReportFigures,
  threshold: number,
  at: Date,
): Promise<void> {
  const stored = await db
    .selectFrom('outcome_report_publications')
    .select('cell_key_seed')
    .where('report_id', '=', report.id)
    .executeTakeFirst();
  const seed = stored
    ? new Uint8Array(stored.cell_key_seed)
    : new Uint8Array(randomBytes(SEED_BYTES));
  const publication = publishReportCells(figures, threshold, seed);
  assertPublishable(publication.cells, threshold);
  await db.deleteFrom('outcome_report_cells').where('report_id', '=', report.id).execute();
  await db
    .insertInto('outcome_report_cells')
    .values(
      publication.cells.map((cell) => ({
        ...cell,
        report_id: report.id,
        project_id: report.project_id,
        period_end: report.period_end,
        threshold,
      })),
    )
    .execute();
  const row = {
    method: DISCLOSURE_METHOD,
    threshold,
    cell_key_seed: Buffer.from(seed),
    rows: JSON.stringify(publication.rows),
    published_at: at,
  };
  await db
    .insertInto('outcome_report_publications')
    .values({ report_id: report.id, ...row })
    .onConflict((oc) => oc.column('report_id').doUpdateSet(row))
    .execute();
}

/** The figures of a report as stored (its participants and results rows). */
export async function reportFigures(
  db: Transaction<DB> | Kysely<DB>,
  reportId: string,
): Promise<ReportFigures> {
  const [participants, results] = await Promise.all([
    db
      .selectFrom('outcome_report_participants')
      .select(['target_group', 'participants'])
      .where('report_id', '=', reportId)
      .execute(),
    db
      .selectFrom('outcome_report_results')
      .select(['outcome_type', 'achieved', 'banenafspraak'])
      .where('report_id', '=', reportId)
      .execute(),
  ]);
  return {
    participants: participants.map((p) => ({
      targetGroup: p.target_group,
      participants: p.participants,
    })),
    outcomes: results.map((r) => ({
      outcomeType: r.outcome_type,
      achieved: r.achieved,
      banenafspraak: r.banenafspraak,
    })),
  };
}
