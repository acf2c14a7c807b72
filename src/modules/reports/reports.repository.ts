import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { BudgetCategory, DB, OutcomeDimension, ProjectStatus } from '../../db/types.js';
import { DOCUMENT_TIME_ZONE } from '../../lib/format.js';
import type { Period, PeriodSplit } from './period.js';

export interface CellTotalsRow {
  project_id: string;
  dimension: OutcomeDimension;
  category: string;
  published_sum: number;
  shown: number;
  withheld: number;
}

const n = (value: unknown) => Number(value ?? 0);

/** Start of an Amsterdam calendar day as a timestamptz expression. */
const dayStart = (date: string) =>
  sql`(${date}::date::timestamp AT TIME ZONE ${DOCUMENT_TIME_ZONE})`;

/** An organisation a report is about, and the age of the summaries it reads. */
export interface ReportContext {
  organisation: { id: string; name: string; kind: string } | null;
  refreshedAt: Date | null;
}

export interface ContractRow {
  id: string;
  reference: string;
  title: string;
  supplier_id: string;
  supplier_name: string;
  credits: number;
  value_cents: number;
  claims: number;
}

export interface ReportProjectRow {
  id: string;
  title: string;
  status: string;
  /** The subject's credits in the project: its attribution numerator. */
  credits: number;
  /** The project's sold credits: the denominator. */
  sold: number;
}

/** What the blocks of a report are made of: its projects with their figures, in title order. */
export interface ProjectFigures {
  projects: ReportProjectRow[];
  cells: CellTotalsRow[];
  expectedOutcomes: { project_id: string; outcome_type: string; expected_count: number }[];
  expectedParticipants: {
    project_id: string;
    target_group: string;
    expected_participants: number;
  }[];
}

export interface AuthorityReportRows extends ReportContext, ProjectFigures {
  contracts: ContractRow[];
  /** SR value of the period's approved claims per project. */
  projectValues: { project_id: string; value_cents: number }[];
}

export interface SupplierReportRows extends ReportContext, ProjectFigures {
  /** The supplier's paid credits and amount per project. */
  amounts: { project_id: string; amount_cents: number }[];
  budgetLines: {
    id: string;
    project_id: string;
    description: string;
    category: BudgetCategory;
    amount_cents: number;
    position: number;
  }[];
  spending: { budget_line_id: string; spent: number }[];
}

/** A json_agg of a subquery, '[]' when it has no rows. */
const jsonRows = (query: RawBuilder<unknown>, order: RawBuilder<unknown>) =>
  sql`(SELECT coalesce(json_agg(row_to_json(x) ${order}), '[]'::json) FROM (${query}) x)`;
const noOrder = sql``;

const numbers = <T extends object>(rows: T[], ...keys: (keyof T)[]): T[] => {
  for (const row of rows) for (const k of keys) (row as Record<keyof T, unknown>)[k] = n(row[k]);
  return rows;
};

/**
 * The per-project part of a report, as subqueries over `subject_projects (project_id,
 * credits)`: projects in title order, their sales, published cells in the period and
 * expected figures. Shared by the authority and supplier statements.
 */
function projectFigureColumns(period: Period) {
  return sql`
    ${jsonRows(
      sql`SELECT p.id, p.title, p.status, sp.credits, coalesce(ps.credits, 0) AS sold
            FROM subject_projects sp
            JOIN projects p ON p.id = sp.project_id
            LEFT JOIN report_project_sales ps ON ps.project_id = sp.project_id`,
      sql`ORDER BY x.title, x.id`,
    )} AS projects,
    ${jsonRows(
      sql`SELECT c.project_id, c.dimension, c.category,
                 coalesce(sum(c.published), 0) AS published_sum,
                 count(*) FILTER (WHERE c.published IS NOT NULL) AS shown,
                 count(*) FILTER (WHERE c.published IS NULL) AS withheld
            FROM subject_projects sp
            JOIN outcome_report_cells c ON c.project_id = sp.project_id
           WHERE c.period_end <= ${period.to}
             ${period.from ? sql`AND c.period_end >= ${period.from}` : sql``}
           GROUP BY 1, 2, 3`,
      noOrder,
    )} AS cells,
    ${jsonRows(sql`SELECT o.project_id, o.outcome_type, o.expected_count FROM subject_projects sp JOIN project_outcomes o ON o.project_id = sp.project_id`, noOrder)} AS expected_outcomes,
    ${jsonRows(
      sql`SELECT g.project_id, g.target_group, g.expected_participants FROM subject_projects sp JOIN project_target_groups g ON g.project_id = sp.project_id`,
      noOrder,
    )} AS expected_participants,
    (SELECT json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) FROM organisations o WHERE o.id = ${sql.ref('subject.id')}) AS organisation,
    (SELECT r.refreshed_at FROM report_refreshes r WHERE r.name = 'summaries') AS refreshed_at`;
}

interface FigureColumns {
  projects: ReportProjectRow[];
  cells: CellTotalsRow[];
  expected_outcomes: ProjectFigures['expectedOutcomes'];
  expected_participants: ProjectFigures['expectedParticipants'];
  organisation: ReportContext['organisation'];
  refreshed_at: Date | string | null;
}

function readFigures(row: FigureColumns): ProjectFigures & ReportContext {
  return {
    organisation: row.organisation,
    refreshedAt: row.refreshed_at === null ? null : new Date(row.refreshed_at),
    projects: numbers(row.projects, 'credits', 'sold'),
    cells: numbers(row.cells, 'published_sum', 'shown', 'withheld'),
    expectedOutcomes: row.expected_outcomes,
    expectedParticipants: row.expected_participants,
  };
}

export const reportsRepository = {
  /**
   * Everything an authority report reads, in one statement (one round trip): the
   * authority, the period's approved claims per contract (whole quarters from the
   * quarterly summary, the edge days from the claims) and per project, and the projects
   * it has claims on (all time: the numerator of its share) with their figures.
   */
  async authorityReport(
    db: Kysely<DB>,
    authorityId: string,
    period: Period,
    split: PeriodSplit,
  ): Promise<AuthorityReportRows> {
    const parts: RawBuilder<unknown>[] = [];
    if (split.quarters) {
      parts.push(sql`
        SELECT q.contract_id, q.project_id, q.credits, q.value_cents, q.claims
          FROM report_claims_quarterly q
         WHERE q.authority_id = ${authorityId}
           AND q.quarter < ${split.quarters.toQuarter}::date
           ${split.quarters.fromQuarter ? sql`AND q.quarter >= ${split.quarters.fromQuarter}::date` : sql``}`);
    }
    for (const edge of split.edges) {
      parts.push(sql`
        SELECT c.contract_id, cert.project_id, c.credits::bigint, c.value_cents::bigint, 1::bigint
          FROM claims c
          JOIN certificates cert ON cert.id = c.certificate_id
         WHERE c.authority_id = ${authorityId}
           AND c.status = 'approved'
           AND c.decided_at < ${dayStart(edge.toExclusive)}
           ${edge.from ? sql`AND c.decided_at >= ${dayStart(edge.from)}` : sql``}`);
    }
    // Each part is its own CTE: as branches of one UNION ALL the planner would run them in
    // parallel workers, whose start-up costs more than these small reads take.
    const partNames = parts.map((_, i) => sql.id(`claim_part_${i}`));
    const result = await sql<
      FigureColumns & {
        contracts: ContractRow[];
        project_values: AuthorityReportRows['projectValues'];
      }
    >`
      WITH subject AS (SELECT ${authorityId}::uuid AS id),
      ${sql.join(
        parts.map(
          (part, i) =>
            sql`${partNames[i]!} (contract_id, project_id, credits, value_cents, claims) AS MATERIALIZED (${part}),`,
        ),
        sql` `,
      )}
      claim_rows AS (${sql.join(
        partNames.map((name) => sql`SELECT * FROM ${name}`),
        sql` UNION ALL `,
      )}),
      subject_projects AS (SELECT project_id, credits FROM report_authority_projects WHERE authority_id = ${authorityId})
      SELECT
        ${jsonRows(
          // OFFSET 0 keeps the lookup a per-contract index probe: the planner cannot know how
          // few contracts a period has and would otherwise scan all of them.
          sql`SELECT k.id, k.reference, k.title, k.supplier_id, k.supplier_name, t.credits, t.value_cents, t.claims
                FROM (SELECT contract_id, sum(credits) AS credits, sum(value_cents) AS value_cents, sum(claims) AS claims FROM claim_rows GROUP BY 1) t
                JOIN LATERAL (
                  SELECT c.id, c.reference, c.title, c.supplier_id, s.name AS supplier_name
                    FROM contracts c JOIN organisations s ON s.id = c.supplier_id
                   WHERE c.id = t.contract_id OFFSET 0
                ) k ON true`,
          noOrder,
        )} AS contracts,
        ${jsonRows(sql`SELECT project_id, sum(value_cents) AS value_cents FROM claim_rows GROUP BY 1`, noOrder)} AS project_values,
        ${projectFigureColumns(period)}
      FROM subject
    `.execute(db);
    const row = result.rows[0]!;
    return {
      ...readFigures(row),
      contracts: numbers(row.contracts, 'credits', 'value_cents', 'claims'),
      projectValues: numbers(row.project_values, 'value_cents'),
    };
  },

  /**
   * Everything a supplier report reads but its certificates and stories, in one
   * statement: the supplier, its paid credits per project (the numerator of its share)
   * with the projects' figures, budget lines, and spending reported in the period.
   */
  async supplierReport(
    db: Kysely<DB>,
    supplierId: string,
    period: Period,
  ): Promise<SupplierReportRows> {
    const result = await sql<
      FigureColumns & {
        amounts: SupplierReportRows['amounts'];
        budget_lines: SupplierReportRows['budgetLines'];
        spending: SupplierReportRows['spending'];
      }
    >`
      WITH subject AS (SELECT ${supplierId}::uuid AS id),
      sales AS (SELECT project_id, credits, amount_cents FROM report_buyer_sales WHERE buyer_organisation_id = ${supplierId}),
      subject_projects AS (SELECT project_id, credits FROM sales)
      SELECT
        ${jsonRows(sql`SELECT project_id, amount_cents FROM sales`, noOrder)} AS amounts,
        ${jsonRows(
          sql`SELECT l.id, l.project_id, l.description, l.category, l.amount_cents, l.position
                FROM project_budget_lines l
               WHERE l.project_id IN (SELECT sp.project_id FROM subject_projects sp JOIN projects p ON p.id = sp.project_id)`,
          sql`ORDER BY x.project_id, x.position`,
        )} AS budget_lines,
        ${jsonRows(
          sql`SELECT s.budget_line_id, sum(s.spent_cents) AS spent
                FROM outcome_report_spending s
                JOIN outcome_reports r ON r.id = s.report_id
               WHERE r.status = 'accepted'
                 AND r.project_id IN (SELECT sp.project_id FROM subject_projects sp JOIN projects p ON p.id = sp.project_id)
                 AND r.period_end <= ${period.to}
                 ${period.from ? sql`AND r.period_end >= ${period.from}` : sql``}
               GROUP BY 1`,
          noOrder,
        )} AS spending,
        ${projectFigureColumns(period)}
      FROM subject
    `.execute(db);
    const row = result.rows[0]!;
    return {
      ...readFigures(row),
      amounts: numbers(row.amounts, 'amount_cents'),
      budgetLines: numbers(row.budget_lines, 'amount_cents'),
      spending: numbers(row.spending, 'spent'),
    };
  },

  async outcomeTotals(db: Kysely<DB>, from: string | null, to: string) {
    let query = db
      .selectFrom('report_outcome_totals')
      .select((eb) => [
        // GROUP BY keys of NOT NULL columns; a view's columns carry no NOT NULL to say so.
        eb.ref('dimension').$notNull().as('dimension'),
        eb.ref('category').$notNull().as('category'),
        eb.fn.sum<string>('published_sum').as('published_sum'),
        eb.fn.sum<string>('shown').as('shown'),
        eb.fn.sum<string>('withheld').as('withheld'),
      ])
      .where('period_end', '<=', to);
    if (from) query = query.where('period_end', '>=', from);
    const rows = await query.groupBy(['dimension', 'category']).execute();
    return rows.map((r) => ({
      dimension: r.dimension,
      category: r.category,
      publishedSum: n(r.published_sum),
      shown: n(r.shown),
      withheld: n(r.withheld),
    }));
  },

  /**
   * One public project's published cells in the period, added up per dimension and
   * category, or undefined when the project is not public. Only published (rounded) cells
   * enter the sums; withheld ones are counted, never added (suppression.ts).
   */
  async projectOutcomeTotals(
    db: Kysely<DB>,
    projectId: string,
    statuses: readonly ProjectStatus[],
    from: string | null,
    to: string,
  ) {
    const project = await db
      .selectFrom('projects')
      .select('id')
      .where('id', '=', projectId)
      .where('status', 'in', statuses)
      .executeTakeFirst();
    if (!project) return undefined;
    let query = db
      .selectFrom('outcome_report_cells')
      .select((eb) => [
        'dimension',
        'category',
        eb.fn.coalesce(eb.fn.sum<string>('published'), sql<string>`0`).as('published_sum'),
        eb.fn.count<string>('published').as('shown'),
        sql<string>`count(*) FILTER (WHERE published IS NULL)`.as('withheld'),
      ])
      .where('project_id', '=', projectId)
      .where('period_end', '<=', to);
    if (from) query = query.where('period_end', '>=', from);
    const [rows, reports, expectedOutcomes, expectedParticipants] = await Promise.all([
      query.groupBy(['dimension', 'category']).execute(),
      db
        .selectFrom('outcome_report_cells')
        .select((eb) => eb.fn.count<string>('report_id').distinct().as('n'))
        .where('project_id', '=', projectId)
        .where('period_end', '<=', to)
        .$if(from !== null, (q) => q.where('period_end', '>=', from!))
        .executeTakeFirst(),
      db
        .selectFrom('project_outcomes')
        .select(['outcome_type', 'expected_count'])
        .where('project_id', '=', projectId)
        .execute(),
      db
        .selectFrom('project_target_groups')
        .select(['target_group', 'expected_participants'])
        .where('project_id', '=', projectId)
        .execute(),
    ]);
    return {
      reports: n(reports?.n),
      cells: rows.map((r) => ({
        dimension: r.dimension,
        category: r.category,
        publishedSum: n(r.published_sum),
        shown: n(r.shown),
        withheld: n(r.withheld),
      })),
      expectedOutcomes: new Map(expectedOutcomes.map((r) => [r.outcome_type, r.expected_count])),
      expectedParticipants: new Map(
        expectedParticipants.map((r) => [r.target_group, r.expected_participants]),
      ),
    };
  },

  async platformSales(db: Kysely<DB>) {
    const row = await db
      .selectFrom('report_project_sales')
      .select((eb) => [
        eb.fn.sum<string>('credits').as('credits'),
        eb.fn.sum<string>('amount_cents').as('amount_cents'),
        eb.fn.sum<string>('orders').as('orders'),
      ])
      .executeTakeFirst();
    return { credits: n(row?.credits), amountCents: n(row?.amount_cents), orders: n(row?.orders) };
  },

  async projectCounts(db: Kysely<DB>) {
    const rows = await db
      .selectFrom('projects')
      .select('status')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', 'in', ['listed', 'funded', 'completed'])
      .groupBy('status')
      .execute();
    const byStatus = new Map(rows.map((r) => [r.status, n(r.n)]));
    return {
      listed: byStatus.get('listed') ?? 0,
      funded: byStatus.get('funded') ?? 0,
      completed: byStatus.get('completed') ?? 0,
    };
  },

  /** Certificates of a supplier's paid orders (not refunded). */
  async certificatesOf(db: Kysely<DB>, buyerId: string) {
    const rows = await db
      .selectFrom('certificates as c')
      .innerJoin('orders as o', 'o.id', 'c.order_id')
      .innerJoin('projects as p', 'p.id', 'c.project_id')
      .select([
        'c.id',
        'c.number',
        'c.project_id',
        'p.title as project_title',
        'c.credits',
        'c.value_cents',
        'c.status',
        'c.issued_at',
      ])
      .where('c.buyer_organisation_id', '=', buyerId)
      .where('o.status', '=', 'paid')
      .orderBy('c.issued_at')
      .orderBy('c.id')
      .execute();
    return rows.map((r) => ({ ...r, value_cents: n(r.value_cents) }));
  },

  /** Published stories of the projects a buyer paid for, newest first (limit + 1 rows, like outcomes' publishedStories). */
  async publishedStoriesOfBuyer(db: Kysely<DB>, buyerId: string, limit: number) {
    return db
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
      .where('s.status', '=', 'published')
      .where('s.project_id', 'in', (eb) =>
        eb
          .selectFrom('report_buyer_sales')
          .select('project_id')
          .where('buyer_organisation_id', '=', buyerId),
      )
      .orderBy('s.decided_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(limit + 1)
      .execute();
  },

  async lastRefresh(db: Kysely<DB>): Promise<Date | null> {
    const row = await db
      .selectFrom('report_refreshes')
      .select('refreshed_at')
      .where('name', '=', 'summaries')
      .executeTakeFirst();
    return row?.refreshed_at ?? null;
  },
};
