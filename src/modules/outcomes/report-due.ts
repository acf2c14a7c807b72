import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { Clock } from '../../lib/clock.js';
import { recordEvent } from '../events/events.js';

export const REPORT_DUE_JOB = 'outcomes.report-due';
export const REPORT_DUE_EVERY_SECONDS = 3600;

/**
 * The final outcome report falls due when a funded project's end date has passed (in the
 * Netherlands) and no final report has been submitted. Each such project gets one
 * `project.report_due` event, which e-mails its initiative (docs/email.md): recorded
 * under the project's row lock, and only if none exists yet, so twice never happens.
 * Answers the projects it marked.
 */
export async function markReportsDue(db: Kysely<DB>, clock: Clock): Promise<string[]> {
  const now = clock.now();
  const candidates = await sql<{ id: string }>`
    SELECT p.id FROM projects p
      WHERE p.status = 'funded' AND p.end_date IS NOT NULL
        AND p.end_date < (${now}::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date
        AND NOT EXISTS (SELECT 1 FROM outcome_reports r WHERE r.project_id = p.id AND r.kind = 'final')
        AND NOT EXISTS (SELECT 1 FROM domain_events e
                          WHERE e.type = 'project.report_due' AND e.object_id = p.id)
      ORDER BY p.id LIMIT 200`.execute(db);
  const marked: string[] = [];
  for (const { id } of candidates.rows) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT 1 FROM projects WHERE id = ${id} FOR UPDATE`.execute(trx);
      const already = await sql<{ n: number }>`
        SELECT 1 AS n FROM domain_events WHERE type = 'project.report_due' AND object_id = ${id}
        UNION ALL SELECT 1 FROM outcome_reports WHERE project_id = ${id} AND kind = 'final'`.execute(
        trx,
      );
      if (already.rows.length > 0) return false;
      await recordEvent(trx, { type: 'project.report_due', objectId: id, occurredAt: now });
      return true;
    });
    if (done) marked.push(id);
  }
  return marked;
}

export async function registerReportDueJob(
  jobs: JobQueue,
  deps: { db: Kysely<DB>; clock: Clock },
): Promise<void> {
  await jobs.work(REPORT_DUE_JOB, async () => {
    await markReportsDue(deps.db, deps.clock);
  });
  await jobs.every(REPORT_DUE_JOB, REPORT_DUE_EVERY_SECONDS);
}
