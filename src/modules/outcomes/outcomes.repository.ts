import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, OutcomeReportRow, OutcomeStoryRow } from '../../db/types.js';

export interface ReportChildren {
  participants: { target_group: string; participants: number }[];
  results: { outcome_type: string; achieved: number; banenafspraak: number }[];
  spending: { budget_line_id: string; description: string; spent_cents: number }[];
  stories: { id: string; title: string; status: string; report_id: string | null }[];
}

export const outcomesRepository = {
  async lockProject(trx: Transaction<DB>, projectId: string) {
    return trx
      .selectFrom('projects')
      .select(['id', 'initiative_id', 'status', 'title'])
      .where('id', '=', projectId)
      .forUpdate()
      .executeTakeFirst();
  },

  async findProject(db: Kysely<DB>, projectId: string) {
    return db
      .selectFrom('projects')
      .select(['id', 'initiative_id', 'status', 'title'])
      .where('id', '=', projectId)
      .executeTakeFirst();
  },

  async budgetLineIds(db: Kysely<DB>, projectId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('project_budget_lines')
      .select('id')
      .where('project_id', '=', projectId)
      .execute();
    return new Set(rows.map((row) => row.id));
  },

  async findReport(
    db: Kysely<DB>,
    reportId: string,
  ): Promise<(OutcomeReportRow & { project_title: string; initiative_id: string }) | undefined> {
    return db
      .selectFrom('outcome_reports as r')
      .innerJoin('projects as p', 'p.id', 'r.project_id')
      .selectAll('r')
      .select(['p.title as project_title', 'p.initiative_id'])
      .where('r.id', '=', reportId)
      .executeTakeFirst();
  },

  async lockReport(trx: Transaction<DB>, reportId: string) {
    return trx
      .selectFrom('outcome_reports')
      .selectAll()
      .where('id', '=', reportId)
      .forUpdate()
      .executeTakeFirst();
  },

  async reportsOfProject(db: Kysely<DB>, projectId: string) {
    return db
      .selectFrom('outcome_reports as r')
      .innerJoin('projects as p', 'p.id', 'r.project_id')
      .selectAll('r')
      .select(['p.title as project_title', 'p.initiative_id'])
      .where('r.project_id', '=', projectId)
      .orderBy('r.period_start')
      .execute();
  },

  async reportsByStatus(
    db: Kysely<DB>,
    status: OutcomeReportRow['status'],
    after: { at: string; id: string } | undefined,
    limit: number,
  ) {
    let query = db
      .selectFrom('outcome_reports as r')
      .innerJoin('projects as p', 'p.id', 'r.project_id')
      .selectAll('r')
      .select(['p.title as project_title', 'p.initiative_id'])
      .where('r.status', '=', status);
    if (after)
      query = query.where(
        sql<boolean>`(r.submitted_at, r.id) > (${after.at}::timestamptz, ${after.id}::uuid)`,
      );
    return query
      .orderBy('r.submitted_at')
      .orderBy('r.id')
      .limit(limit + 1)
      .execute();
  },

  async childrenOf(db: Kysely<DB>, reportIds: string[]): Promise<Map<string, ReportChildren>> {
    const result = new Map<string, ReportChildren>();
    if (reportIds.length === 0) return result;
    for (const id of reportIds)
      result.set(id, { participants: [], results: [], spending: [], stories: [] });
    const [participants, results, spending, stories] = await Promise.all([
      db
        .selectFrom('outcome_report_participants')
        .selectAll()
        .where('report_id', 'in', reportIds)
        .orderBy('target_group')
        .execute(),
      db
        .selectFrom('outcome_report_results')
        .selectAll()
        .where('report_id', 'in', reportIds)
        .orderBy('outcome_type')
        .execute(),
      db
        .selectFrom('outcome_report_spending as s')
        .innerJoin('project_budget_lines as l', 'l.id', 's.budget_line_id')
        .select(['s.report_id', 's.budget_line_id', 's.spent_cents', 'l.description', 'l.position'])
        .where('s.report_id', 'in', reportIds)
        .orderBy('l.position')
        .execute(),
      db
        .selectFrom('outcome_stories')
        .select(['id', 'title', 'status', 'report_id'])
        .where('report_id', 'in', reportIds)
        .orderBy('submitted_at')
        .orderBy('id')
        .execute(),
    ]);
    for (const row of participants) result.get(row.report_id)!.participants.push(row);
    for (const row of results) result.get(row.report_id)!.results.push(row);
    for (const row of spending)
      result.get(row.report_id)!.spending.push({
        budget_line_id: row.budget_line_id,
        description: row.description,
        spent_cents: Number(row.spent_cents),
      });
    for (const row of stories) result.get(row.report_id!)!.stories.push(row);
    return result;
  },

  async replaceFigures(
    trx: Transaction<DB>,
    reportId: string,
    figures: {
      participants: { targetGroup: string; participants: number }[];
      outcomes: { outcomeType: string; achieved: number; banenafspraak: number }[];
      spending: { budgetLineId: string; spentCents: number }[];
    },
  ): Promise<void> {
    await trx.deleteFrom('outcome_report_participants').where('report_id', '=', reportId).execute();
    await trx.deleteFrom('outcome_report_results').where('report_id', '=', reportId).execute();
    await trx.deleteFrom('outcome_report_spending').where('report_id', '=', reportId).execute();
    if (figures.participants.length > 0) {
      await trx
        .insertInto('outcome_report_participants')
        .values(
          figures.participants.map((l) => ({
            report_id: reportId,
            target_group: l.targetGroup as never,
            participants: l.participants,
          })),
        )
        .execute();
    }
    if (figures.outcomes.length > 0) {
      await trx
        .insertInto('outcome_report_results')
        .values(
          figures.outcomes.map((l) => ({
            report_id: reportId,
            outcome_type: l.outcomeType as never,
            achieved: l.achieved,
            banenafspraak: l.banenafspraak,
          })),
        )
        .execute();
    }
    if (figures.spending.length > 0) {
      await trx
        .insertInto('outcome_report_spending')
        .values(
          figures.spending.map((l) => ({
            report_id: reportId,
            budget_line_id: l.budgetLineId,
            spent_cents: l.spentCents,
          })),
        )
        .execute();
    }
  },

  async insertStories(
    trx: Transaction<DB>,
    stories: {
      projectId: string;
      reportId: string | null;
      title: string;
      text: string;
      submittedBy: string;
      at: Date;
    }[],
  ): Promise<OutcomeStoryRow[]> {
    if (stories.length === 0) return [];
    return trx
      .insertInto('outcome_stories')
      .values(
        stories.map((s) => ({
          project_id: s.projectId,
          report_id: s.reportId,
          title: s.title,
          body: s.text,
          consent_confirmed: true,
          submitted_by: s.submittedBy,
          submitted_at: s.at,
        })),
      )
      .returningAll()
      .execute();
  },

  async findStory(db: Kysely<DB>, storyId: string) {
    return db
      .selectFrom('outcome_stories as s')
      .innerJoin('projects as p', 'p.id', 's.project_id')
      .selectAll('s')
      .select(['p.title as project_title', 'p.initiative_id'])
      .where('s.id', '=', storyId)
      .executeTakeFirst();
  },

  async storiesOfProject(db: Kysely<DB>, projectId: string) {
    return db
      .selectFrom('outcome_stories as s')
      .innerJoin('projects as p', 'p.id', 's.project_id')
      .selectAll('s')
      .select(['p.title as project_title', 'p.initiative_id'])
      .where('s.project_id', '=', projectId)
      .orderBy('s.submitted_at')
      .orderBy('s.id')
      .execute();
  },

  /** The platform team's story queue: every submitted story, oldest first, at most `limit`. */
  async submittedStories(db: Kysely<DB>, limit: number) {
    return db
      .selectFrom('outcome_stories as s')
      .innerJoin('projects as p', 'p.id', 's.project_id')
      .selectAll('s')
      .select(['p.title as project_title', 'p.initiative_id'])
      .where('s.status', '=', 'submitted')
      .orderBy('s.submitted_at')
      .orderBy('s.id')
      .limit(limit)
      .execute();
  },

  async publishedStories(
    db: Kysely<DB>,
    options: {
      projectIds?: string[];
      projectId?: string;
      after?: { at: string; id: string };
      limit: number;
    },
  ) {
    let query = db
      .selectFrom('outcome_stories as s')
      .innerJoin('projects as p', 'p.id', 's.project_id')
      .select([
        's.id',
        's.project_id',
        's.title',
        's.body',
        's.decided_at',
        'p.title as project_title',
      ])
      .where('s.status', '=', 'published');
    if (options.projectId) query = query.where('s.project_id', '=', options.projectId);
    if (options.projectIds) {
      if (options.projectIds.length === 0) return [];
      query = query.where('s.project_id', 'in', options.projectIds);
    }
    if (options.after)
      query = query.where(
        sql<boolean>`(s.decided_at, s.id) < (${options.after.at}::timestamptz, ${options.after.id}::uuid)`,
      );
    return query
      .orderBy('s.decided_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(options.limit + 1)
      .execute();
  },
};
