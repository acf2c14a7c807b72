import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type {
  DB,
  ProjectRow,
  ProjectStatus,
  ProjectsTable,
  ReviewRoundRow,
} from '../../db/types.js';

export type NewProject = Insertable<ProjectsTable>;
export type ProjectUpdate = Updateable<ProjectsTable>;

/** Which plans a list may show: one organisation's, those assigned to a reviewer, or all. */
export type PlanScope = { initiativeId: string } | { reviewerId: string } | 'all';

/** A row of the plan list, with its keyset position as exact text (timestamps have microseconds, JS dates do not). */
export type PlanListRow = ProjectRow & { cursor_created_at: string };

export const projectsRepository = {
  async insert(db: Kysely<DB>, values: NewProject): Promise<ProjectRow> {
    return db.insertInto('projects').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async findById(db: Kysely<DB>, id: string): Promise<ProjectRow | undefined> {
    return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Locks the plan, so edits and submissions of one plan happen one after another. */
  async findByIdForUpdate(trx: Transaction<DB>, id: string): Promise<ProjectRow | undefined> {
    return trx
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async update(db: Kysely<DB>, id: string, values: ProjectUpdate): Promise<ProjectRow> {
    return db
      .updateTable('projects')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async isAssignedReviewer(
    db: Kysely<DB>,
    projectId: string,
    reviewerId: string,
  ): Promise<boolean> {
    const row = await db
      .selectFrom('panel_assignments')
      .innerJoin('review_rounds', 'review_rounds.id', 'panel_assignments.round_id')
      .select('panel_assignments.id')
      .where('review_rounds.project_id', '=', projectId)
      .where('panel_assignments.reviewer_id', '=', reviewerId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Newest first, keyset-paginated on (created_at, id); fetches limit + 1 rows. */
  async list(
    db: Kysely<DB>,
    filter: {
      scope: PlanScope;
      status?: ProjectStatus | undefined;
      before?: { createdAt: string; id: string } | undefined;
      limit: number;
    },
  ): Promise<PlanListRow[]> {
    let query = db
      .selectFrom('projects')
      .selectAll('projects')
      .select(
        sql<string>`to_char(projects.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
          'cursor_created_at',
        ),
      );
    const { scope } = filter;
    if (scope !== 'all' && 'initiativeId' in scope)
      query = query.where('projects.initiative_id', '=', scope.initiativeId);
    if (scope !== 'all' && 'reviewerId' in scope) {
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('panel_assignments')
            .innerJoin('review_rounds', 'review_rounds.id', 'panel_assignments.round_id')
            .select('panel_assignments.id')
            .whereRef('review_rounds.project_id', '=', 'projects.id')
            .where('panel_assignments.reviewer_id', '=', scope.reviewerId),
        ),
      );
    }
    if (filter.status) query = query.where('projects.status', '=', filter.status);
    if (filter.before) {
      const createdAt = sql<Date>`${filter.before.createdAt}::timestamptz`;
      const { id } = filter.before;
      query = query.where((eb) =>
        eb.or([
          eb('projects.created_at', '<', createdAt),
          eb.and([eb('projects.created_at', '=', createdAt), eb('projects.id', '<', id)]),
        ]),
      );
    }
    return query
      .orderBy('projects.created_at', 'desc')
      .orderBy('projects.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  async listRounds(db: Kysely<DB>, projectId: string): Promise<ReviewRoundRow[]> {
    return db
      .selectFrom('review_rounds')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('round_number')
      .execute();
  },

  async insertRound(
    trx: Transaction<DB>,
    values: {
      projectId: string;
      roundNumber: number;
      snapshot: unknown;
      submittedBy: string;
      submittedAt: Date;
    },
  ): Promise<ReviewRoundRow> {
    return trx
      .insertInto('review_rounds')
      .values({
        project_id: values.projectId,
        round_number: values.roundNumber,
        status: 'open',
        plan_snapshot: JSON.stringify(values.snapshot),
        submitted_by: values.submittedBy,
        submitted_at: values.submittedAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },
};
