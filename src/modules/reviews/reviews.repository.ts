import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type {
  DB,
  PanelAssignmentRow,
  ProjectRow,
  ProjectsTable,
  ReviewRoundRow,
  ReviewScoreRow,
} from '../../db/types.js';

export type ReviewConsensusRow = {
  round_id: string;
  reach: number;
  depth: number;
  durability: number;
  indirect: number;
  rationale: string;
  ineligible_line_ids: unknown;
  entered_by: string;
  entered_at: Date;
};

export { readJson } from '../../db/json.js';

/** A reviewer's assignments with what its list shows: the plan's title as submitted, the round, and whether it scored. */
function reviewerAssignments(db: Kysely<DB>, reviewerId: string) {
  return db
    .selectFrom('panel_assignments as a')
    .innerJoin('review_rounds as r', 'r.id', 'a.round_id')
    .innerJoin('projects as p', 'p.id', 'r.project_id')
    .innerJoin('organisations as o', 'o.id', 'p.initiative_id')
    .leftJoin('review_scores as s', 's.assignment_id', 'a.id')
    .select([
      'a.id',
      'a.assigned_at',
      'a.declaration',
      'a.declared_at',
      'r.round_number',
      'r.status as round_status',
      'p.id as project_id',
      'p.status as project_status',
      'o.id as initiative_id',
      'o.name as initiative_name',
      's.submitted_at as scored_at',
      sql<string>`r.plan_snapshot->>'title'`.as('title'),
    ])
    .where('a.reviewer_id', '=', reviewerId);
}

export const reviewsRepository = {
  async findProject(db: Kysely<DB>, id: string): Promise<ProjectRow | undefined> {
    return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * Locks the project row. Every step that changes a review takes this lock first (scoring
   * and declaring share it, the others hold it alone), so a decision never races a score.
   */
  async lockProject(
    trx: Transaction<DB>,
    id: string,
    mode: 'update' | 'share',
  ): Promise<ProjectRow | undefined> {
    const query = trx.selectFrom('projects').selectAll().where('id', '=', id);
    return (mode === 'update' ? query.forUpdate() : query.forShare()).executeTakeFirst();
  },

  async updateProject(
    trx: Transaction<DB>,
    id: string,
    values: Updateable<ProjectsTable>,
  ): Promise<ProjectRow> {
    return trx
      .updateTable('projects')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async findInitiativeName(db: Kysely<DB>, organisationId: string): Promise<string> {
    const row = await db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow();
    return row.name;
  },

  async findOpenRound(db: Kysely<DB>, projectId: string): Promise<ReviewRoundRow | undefined> {
    return db
      .selectFrom('review_rounds')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('status', '=', 'open')
      .executeTakeFirst();
  },

  async listRounds(db: Kysely<DB>, projectId: string): Promise<ReviewRoundRow[]> {
    return db
      .selectFrom('review_rounds')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('round_number')
      .execute();
  },

  async updateRound(
    trx: Transaction<DB>,
    id: string,
    values: Partial<Pick<ReviewRoundRow, 'status' | 'questions' | 'returned_by' | 'returned_at'>>,
  ): Promise<void> {
    await trx
      .updateTable('review_rounds')
      .set(values)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  },

  /** The rounds of a project on which the reviewer sits. */
  async roundIdsOfReviewer(
    db: Kysely<DB>,
    projectId: string,
    reviewerId: string,
  ): Promise<string[]> {
    const rows = await db
      .selectFrom('panel_assignments')
      .innerJoin('review_rounds', 'review_rounds.id', 'panel_assignments.round_id')
      .select('review_rounds.id')
      .where('review_rounds.project_id', '=', projectId)
      .where('panel_assignments.reviewer_id', '=', reviewerId)
      .execute();
    return rows.map((row) => row.id);
  },

  async listAssignmentsOfRound(db: Kysely<DB>, roundId: string): Promise<PanelAssignmentRow[]> {
    return db
      .selectFrom('panel_assignments')
      .selectAll()
      .where('round_id', '=', roundId)
      .orderBy('assigned_at')
      .orderBy('id')
      .execute();
  },

  async listScoresOfRound(db: Kysely<DB>, roundId: string): Promise<ReviewScoreRow[]> {
    return db.selectFrom('review_scores').selectAll().where('round_id', '=', roundId).execute();
  },

  async findConsensus(db: Kysely<DB>, roundId: string): Promise<ReviewConsensusRow | undefined> {
    return db
      .selectFrom('review_consensus')
      .selectAll()
      .where('round_id', '=', roundId)
      .executeTakeFirst();
  },

  async insertConsensus(
    trx: Transaction<DB>,
    values: Omit<ReviewConsensusRow, 'ineligible_line_ids'> & { ineligible_line_ids: string[] },
  ): Promise<ReviewConsensusRow> {
    return trx
      .insertInto('review_consensus')
      .values({ ...values, ineligible_line_ids: JSON.stringify(values.ineligible_line_ids) })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async insertAssignments(
    trx: Transaction<DB>,
    values: { roundId: string; reviewerIds: string[]; assignedBy: string; assignedAt: Date },
  ): Promise<PanelAssignmentRow[]> {
    return trx
      .insertInto('panel_assignments')
      .values(
        values.reviewerIds.map((reviewerId) => ({
          round_id: values.roundId,
          reviewer_id: reviewerId,
          assigned_by: values.assignedBy,
          assigned_at: values.assignedAt,
        })),
      )
      .returningAll()
      .execute();
  },

  /** Candidate reviewers with what decides whether they may sit on a panel. */
  async findUsers(db: Kysely<DB>, ids: string[]) {
    if (ids.length === 0) return [];
    return db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select([
        'users.id',
        'users.organisation_id',
        'users.organisation_kind',
        'users.role',
        'users.status as user_status',
        'organisations.status as organisation_status',
      ])
      .where('users.id', 'in', ids)
      .execute();
  },

  async lockAssignment(trx: Transaction<DB>, id: string): Promise<PanelAssignmentRow | undefined> {
    return trx
      .selectFrom('panel_assignments')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async findAssignment(db: Kysely<DB>, id: string): Promise<PanelAssignmentRow | undefined> {
    return db.selectFrom('panel_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findRound(db: Kysely<DB>, id: string): Promise<ReviewRoundRow | undefined> {
    return db.selectFrom('review_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Records a declaration once; answers undefined when one was already made. */
  async declare(
    trx: Transaction<DB>,
    id: string,
    values: { declaration: 'none' | 'conflict'; note: string | null; at: Date },
  ): Promise<PanelAssignmentRow | undefined> {
    return trx
      .updateTable('panel_assignments')
      .set({
        declaration: values.declaration,
        declaration_note: values.note,
        declared_at: values.at,
      })
      .where('id', '=', id)
      .where('declaration', 'is', null)
      .returningAll()
      .executeTakeFirst();
  },

  async findScore(db: Kysely<DB>, assignmentId: string): Promise<ReviewScoreRow | undefined> {
    return db
      .selectFrom('review_scores')
      .selectAll()
      .where('assignment_id', '=', assignmentId)
      .executeTakeFirst();
  },

  async insertScore(
    trx: Transaction<DB>,
    values: Omit<ReviewScoreRow, 'ineligible_line_ids' | 'ineligible_line_reasons'> & {
      ineligible_line_ids: string[];
      ineligible_line_reasons: { budgetLineId: string; reason: string }[];
    },
  ): Promise<ReviewScoreRow> {
    return trx
      .insertInto('review_scores')
      .values({
        ...values,
        ineligible_line_ids: JSON.stringify(values.ineligible_line_ids),
        ineligible_line_reasons: JSON.stringify(values.ineligible_line_reasons),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** A reviewer's assignments, newest first, keyset-paginated on (assigned_at, id); fetches limit + 1 rows. */
  async listForReviewer(
    db: Kysely<DB>,
    reviewerId: string,
    page: { after?: { assignedAt: Date; id: string } | undefined; limit: number },
  ) {
    let query = reviewerAssignments(db, reviewerId);
    if (page.after) {
      const { assignedAt, id } = page.after;
      query = query.where((eb) =>
        eb.or([
          eb('a.assigned_at', '<', assignedAt),
          eb.and([eb('a.assigned_at', '=', assignedAt), eb('a.id', '<', id)]),
        ]),
      );
    }
    return query
      .orderBy('a.assigned_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(page.limit + 1)
      .execute();
  },

  async findForReviewerById(db: Kysely<DB>, reviewerId: string, id: string) {
    return reviewerAssignments(db, reviewerId).where('a.id', '=', id).executeTakeFirst();
  },
};

export type ReviewerAssignmentRow = NonNullable<
  Awaited<ReturnType<typeof reviewsRepository.findForReviewerById>>
>;
