import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB, OutcomeType, ProjectStatus, TargetGroup } from '../../db/types.js';
import { PUBLIC_STATUSES } from './vocabulary.js';

export type CatalogueSort = 'newest' | 'deadline' | 'available';
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** Shown when the caller does not filter by status: a failed project only when asked for. */
const DEFAULT_STATUSES: readonly ProjectStatus[] = ['listed', 'funded', 'completed'];

/**
 * Credits still available. The balance row is kept by the credit ledger's trigger; a
 * project without one has had no credits issued and so has none to offer.
 */
const AVAILABLE = sql<number>`coalesce(b.supply - b.sold - b.reserved, 0)`;

/** A timestamp as exact text (microseconds, UTC), so a cursor loses nothing of it. */
const exactTimestamp = (column: 'p.listed_at' | 'p.funding_deadline') =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Each sort is a keyset on (key, id): the column it orders by, the cursor's key as exact
 * text, and the condition for "after this cursor" as a row comparison in the same direction.
 */
const SORTS: Record<
  CatalogueSort,
  {
    column: Expression<unknown>;
    key: RawBuilder<string>;
    order: 'asc' | 'desc';
    after: (key: string, id: string) => Expression<SqlBool>;
  }
> = {
  newest: {
    column: sql`p.listed_at`,
    key: exactTimestamp('p.listed_at'),
    order: 'desc',
    after: (key, id) => sql<SqlBool>`(p.listed_at, p.id) < (${key}::timestamptz, ${id}::uuid)`,
  },
  deadline: {
    column: sql`p.funding_deadline`,
    key: exactTimestamp('p.funding_deadline'),
    order: 'asc',
    after: (key, id) =>
      sql<SqlBool>`(p.funding_deadline, p.id) > (${key}::timestamptz, ${id}::uuid)`,
  },
  available: {
    column: AVAILABLE,
    key: sql<string>`(${AVAILABLE})::text`,
    order: 'desc',
    after: (key, id) => sql<SqlBool>`(${AVAILABLE}, p.id) < (${key}::integer, ${id}::uuid)`,
  },
};

export interface CatalogueFilter {
  status?: PublicStatus | undefined;
  municipality?: string | undefined;
  targetGroup?: TargetGroup | undefined;
  outcomeType?: OutcomeType | undefined;
  /** Free text, already non-blank. */
  q?: string | undefined;
  sort: CatalogueSort;
  after?: { key: string; id: string } | undefined;
  limit: number;
}

/** `%`, `_` and the escape character itself, matched literally in a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Projects the public may see, with what every catalogue entry shows. Only a project with
 * an approved award is public: its figures must be recomputable from the award.
 */
function publicProjects(db: Kysely<DB>) {
  return db
    .selectFrom('projects as p')
    .innerJoin('organisations as o', 'o.id', 'p.initiative_id')
    .innerJoin('awards as a', (join) =>
      join.onRef('a.project_id', '=', 'p.id').on('a.decision', '=', 'approved'),
    )
    .leftJoin('project_credit_balances as b', 'b.project_id', 'p.id')
    .where('p.status', 'in', PUBLIC_STATUSES)
    .select([
      'p.id',
      'p.title',
      'p.summary',
      'p.status',
      'p.listed_at',
      'p.funding_deadline',
      'p.threshold',
      'o.name as initiative_name',
      'o.address_city as initiative_city',
      'a.credit_price_cents',
      'a.impact_score',
      sql<number>`coalesce(b.supply, 0)`.as('credits_supply'),
      sql<number>`coalesce(b.sold, 0)`.as('credits_sold'),
      sql<number>`coalesce(b.reserved, 0)`.as('credits_reserved'),
    ]);
}

export const catalogueRepository = {
  /** One page of public projects in the requested order; fetches limit + 1 rows. */
  async list(db: Kysely<DB>, filter: CatalogueFilter) {
    const sort = SORTS[filter.sort];
    let query = publicProjects(db)
      .select(sort.key.as('sort_key'))
      .where('p.status', 'in', filter.status ? [filter.status] : DEFAULT_STATUSES);
    if (filter.municipality) {
      const code = filter.municipality;
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('project_municipalities as m')
            .select('m.project_id')
            .whereRef('m.project_id', '=', 'p.id')
            .where('m.cbs_code', '=', code),
        ),
      );
    }
    if (filter.targetGroup) {
      const group = filter.targetGroup;
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('project_target_groups as g')
            .select('g.project_id')
            .whereRef('g.project_id', '=', 'p.id')
            .where('g.target_group', '=', group),
        ),
      );
    }
    if (filter.outcomeType) {
      const type = filter.outcomeType;
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('project_outcomes as x')
            .select('x.project_id')
            .whereRef('x.project_id', '=', 'p.id')
            .where('x.outcome_type', '=', type),
        ),
      );
    }
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      query = query.where(
        sql<SqlBool>`(p.title ilike ${pattern} escape '\\' or p.summary ilike ${pattern} escape '\\')`,
      );
    }
    if (filter.after) query = query.where(sort.after(filter.after.key, filter.after.id));
    return query
      .orderBy(sort.column, sort.order)
      .orderBy('p.id', sort.order)
      .limit(filter.limit + 1)
      .execute();
  },

  /** One public project with its award, or undefined for an unknown or non-public id. */
  async findPublic(db: Kysely<DB>, id: string) {
    return publicProjects(db)
      .where('p.id', '=', id)
      .select([
        'p.description',
        'p.start_date',
        'p.end_date',
        'p.total_cost_cents',
        'p.minimum_budget_cents',
        'p.other_funding_cents',
        'p.failed_at',
        'p.failure_reason',
        'a.methodology_version',
        'a.parameters',
        'a.panel_scores',
        'a.score_source',
        'a.accepted_lines',
        'a.eligible_cost_cents',
        'a.minimum_budget_cents as award_minimum_budget_cents',
        'a.supply as award_supply',
        'a.threshold as award_threshold',
        'a.public_rationale',
        'a.confirmed_at',
      ])
      .executeTakeFirst();
  },

  /**
   * Every municipality named by a project in the given statuses, once per CBS code (a name
   * is stored per project; the least wins should two differ).
   */
  async municipalitiesWithProjects(db: Kysely<DB>, statuses: readonly ProjectStatus[]) {
    return db
      .selectFrom('project_municipalities as m')
      .innerJoin('projects as p', 'p.id', 'm.project_id')
      .where('p.status', 'in', statuses)
      .select((eb) => [
        'm.cbs_code',
        eb.fn.min('m.name').as('name'),
        eb.fn.count<string>('p.id').distinct().as('projects'),
      ])
      .groupBy('m.cbs_code')
      .execute();
  },

  /** The child rows of a page of projects: one query per table, whatever the page size. */
  async municipalitiesOf(db: Kysely<DB>, projectIds: readonly string[]) {
    if (projectIds.length === 0) return [];
    return db
      .selectFrom('project_municipalities')
      .select(['project_id', 'cbs_code', 'name'])
      .where('project_id', 'in', projectIds)
      .orderBy('project_id')
      .orderBy('name')
      .execute();
  },

  async targetGroupsOf(db: Kysely<DB>, projectIds: readonly string[]) {
    if (projectIds.length === 0) return [];
    return db
      .selectFrom('project_target_groups')
      .select(['project_id', 'target_group', 'expected_participants'])
      .where('project_id', 'in', projectIds)
      .orderBy('project_id')
      .orderBy('target_group')
      .execute();
  },

  async outcomesOf(db: Kysely<DB>, projectIds: readonly string[]) {
    if (projectIds.length === 0) return [];
    return db
      .selectFrom('project_outcomes')
      .select(['project_id', 'outcome_type', 'expected_count'])
      .where('project_id', 'in', projectIds)
      .orderBy('project_id')
      .orderBy('outcome_type')
      .execute();
  },

  async budgetLinesOf(db: Kysely<DB>, projectId: string) {
    return db
      .selectFrom('project_budget_lines')
      .select(['id', 'description', 'category', 'amount_cents'])
      .where('project_id', '=', projectId)
      .orderBy('position')
      .execute();
  },
};

export type CatalogueRow = Awaited<ReturnType<typeof catalogueRepository.list>>[number];
export type CatalogueDetailRow = NonNullable<
  Awaited<ReturnType<typeof catalogueRepository.findPublic>>
>;
