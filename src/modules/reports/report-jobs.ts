import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import { DISCLOSURE_METHOD } from './disclosure.js';
import { reportFigures, storeReportPublication } from './publication.js';

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
 * while they refresh (each has a unique index). Accepted reports that were not published
 * by the current method under the threshold in force (published before the method
 * changed, or under another threshold) are published again first, from their stored
 * cell-key seed when they have one, so every report reads one rule. Safe to run twice.
 */
export async function refreshReportSummaries(
  db: Kysely<DB>,
  clock: Clock,
  threshold: number,
): Promise<{ republished: number }> {
  const stale = await db
    .selectFrom('outcome_reports as r')
    .leftJoin('outcome_report_publications as p', 'p.report_id', 'r.id')
    .select(['r.id', 'r.project_id', 'r.period_end'])
    .where('r.status', '=', 'accepted')
    .where((eb) =>
      eb.or([
        eb('p.report_id', 'is', null),
        eb('p.threshold', '<>', threshold),
        eb('p.method', '<>', DISCLOSURE_METHOD),
      ]),
    )
    .orderBy('r.id')
    .execute();
  for (const report of stale) {
    await db.transaction().execute(async (trx) => {
      const figures = await reportFigures(trx, report.id);
      await storeReportPublication(trx, report, figures, threshold, clock.now());
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
