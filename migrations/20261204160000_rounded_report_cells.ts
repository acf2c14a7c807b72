import { type Kysely, sql } from 'kysely';

// Outcome counts are published by random rounding instead of suppression (issue 14;
// docs/privacy.md). Frozen in time: never import from src/.
//
// - outcome_report_cells.published is now the rounded count: a multiple of the threshold
//   (the rounding base) within the base of the exact count (twice that for outcomes,
//   the sum of two rounded rows), or null for a row that is withheld. Cells published by
//   the old suppression can be worked back, so they are withheld here until the
//   summaries job publishes their reports again by the new method.
// - outcome_report_publications: per accepted report, how its cells were made: the
//   method, the threshold, the cell-key seed (as confidential as the exact counts next
//   to it), and per row the draw that passed the audit. Re-deriving a report from its
//   seed gives the same cells, so what was published once stays what was published.
// - report_outcome_totals counts every withheld cell as withheld, whatever its exact
//   count: "was a withheld cell zero" is not for a reader to learn.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE outcome_report_cells DROP CONSTRAINT outcome_report_cells_check`.execute(
    db,
  );
  await sql`UPDATE outcome_report_cells SET published = NULL`.execute(db);
  await sql`
    ALTER TABLE outcome_report_cells ADD CONSTRAINT outcome_report_cells_published_rounded CHECK (
      published IS NULL OR (
        published >= 0 AND published % threshold = 0 AND abs(published - exact) <= 2 * (threshold - 1)
      )
    )
  `.execute(db);

  await sql`
    CREATE TABLE outcome_report_publications (
      report_id uuid PRIMARY KEY REFERENCES outcome_reports (id),
      method text NOT NULL CHECK (method = 'random_rounding'),
      threshold integer NOT NULL CHECK (threshold >= 1),
      cell_key_seed bytea NOT NULL CHECK (octet_length(cell_key_seed) = 32),
      rows jsonb NOT NULL,
      published_at timestamptz NOT NULL
    )
  `.execute(db);

  await sql`DROP MATERIALIZED VIEW report_outcome_totals`.execute(db);
  await sql`
    CREATE MATERIALIZED VIEW report_outcome_totals AS
    SELECT period_end, dimension, category,
           coalesce(sum(published), 0)::bigint AS published_sum,
           count(*) FILTER (WHERE published IS NOT NULL)::bigint AS shown,
           count(*) FILTER (WHERE published IS NULL)::bigint AS withheld
      FROM outcome_report_cells
     GROUP BY 1, 2, 3
  `.execute(db);
  await sql`CREATE UNIQUE INDEX report_outcome_totals_key ON report_outcome_totals (period_end, dimension, category)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP MATERIALIZED VIEW IF EXISTS report_outcome_totals`.execute(db);
  await sql`
    CREATE MATERIALIZED VIEW report_outcome_totals AS
    SELECT period_end, dimension, category,
           coalesce(sum(published), 0)::bigint AS published_sum,
           count(*) FILTER (WHERE published IS NOT NULL)::bigint AS shown,
           count(*) FILTER (WHERE published IS NULL AND exact > 0)::bigint AS withheld
      FROM outcome_report_cells
     GROUP BY 1, 2, 3
  `.execute(db);
  await sql`CREATE UNIQUE INDEX report_outcome_totals_key ON report_outcome_totals (period_end, dimension, category)`.execute(
    db,
  );
  await sql`DROP TABLE IF EXISTS outcome_report_publications`.execute(db);
  // Rounded cells cannot be turned back into the old form; they are withheld until republished.
  await sql`ALTER TABLE outcome_report_cells DROP CONSTRAINT IF EXISTS outcome_report_cells_published_rounded`.execute(
    db,
  );
  await sql`UPDATE outcome_report_cells SET published = NULL`.execute(db);
  await sql`ALTER TABLE outcome_report_cells ADD CONSTRAINT outcome_report_cells_check CHECK (published IS NULL OR published = exact)`.execute(
    db,
  );
}
