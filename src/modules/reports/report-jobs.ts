import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import { publishReportCells } from './report-cells.js';

export const REFRESH_SUMMARIES_JOB = 'reports.refresh-summaries';
/** How often the report summaries are refreshed (their age is stated in every report as dataAsOf). */
export const REFRESH_SUMMARIES_EVERY_SECONDS = 300;

// In this order: report_authority_projects is made from report_claims_quarterly.
const VIEWS = [
  'report_claims_quarterly',
  'report_authority_projects',
  'report_buyer_sales',
  'report_project_sales',
  'report_outcome_totals',
] as const;

/**
 * Refreshes the report summaries, outside any request. CONCURRENTLY keeps them readable
 * while they refresh (each has a unique index). Accepted reports whose published cells
 * were made under another disclosure threshold are published again first, so every
 * report suppresses with the threshold in force. Safe to run twice.
 */
export async function refreshReportSummaries(
  db: Kysely<DB>,
  clock: Clock,
  threshold: number,
): Promise<{ republished: number }> {
  const stale = await db
    .selectFrom('outcome_report_cells')
    .select('report_id')
    .distinct()
    .where('threshold', '<>', threshold)
    .execute();
  for (const { report_id: reportId } of stale) {
    await db.transaction().execute(async (trx) => {
      const report = await trx
        .selectFrom('outcome_reports')
        .select(['id', 'project_id', 'period_end'])
        .where('id', '=', reportId)
        .executeTakeFirstOrThrow();
      const [participants, results] = await Promise.all([
        trx
          .selectFrom('outcome_report_participants')
          .selectAll()
          .where('report_id', '=', reportId)
          .execute(),
        trx
          .selectFrom('outcome_report_results')
          .selectAll()
          .where('report_id', '=', reportId)
          .execute(),
      ]);
      const cells = publishReportCells(
        {
          participants: participants.map((p) => ({
            targetGroup: p.target_group,
            participants: p.participants,
          })),
          outcomes: results.map((r) => ({
            outcomeType: r.outcome_type,
            achieved: r.achieved,
            banenafspraak: r.banenafspraak,
          })),
        },
        threshold,
      );
      await trx.deleteFrom('outcome_report_cells').where('report_id', '=', reportId).execute();
      await trx
        .insertInto('outcome_report_cells')
        .values(
          cells.map((cell) => ({
            ...cell,
            report_id: reportId,
            project_id: report.project_id,
            period_end: report.period_end,
            threshold,
          })),
        )
        .execute();
    });
  }
  for (const view of VIEWS) {
    await sql`REFRESH MATERIALIZED VIEW CONCURRENTLY ${sql.id(view)}`.execute(db);
  }
  const at = clock.now();
  await db
    .insertInto('report_refreshes')
    .values({ name: 'summaries', refreshed_at: at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ refreshed_at: at }))
    .execute();
  return { republished: stale.length };
}

const registered = new WeakSet<JobQueue>();

/**
 *   reports.refresh-summaries  {}  refresh the materialized views behind the reports (every 5 minutes, and on demand)
 */
export async function registerReportJobs(
  jobs: JobQueue,
  deps: { db: Kysely<DB>; clock: Clock; disclosureThreshold: number },
): Promise<void> {
  if (registered.has(jobs)) return;
  registered.add(jobs);
  await jobs.work(REFRESH_SUMMARIES_JOB, async () => {
    await refreshReportSummaries(deps.db, deps.clock, deps.disclosureThreshold);
  });
  await jobs.every(REFRESH_SUMMARIES_JOB, REFRESH_SUMMARIES_EVERY_SECONDS);
}

/** Asks for a refresh soon (one queued at a time), e.g. after a report was accepted. */
export async function requestSummaryRefresh(jobs: JobQueue): Promise<void> {
  await jobs.send(
    REFRESH_SUMMARIES_JOB,
    { requestedBy: randomUUID() },
    { singletonKey: 'refresh' },
  );
}
