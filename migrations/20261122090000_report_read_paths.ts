import { type Kysely, sql } from 'kysely';

// Read paths of the authority and supplier reports (issue 7 "Speed"). Frozen in time:
// never import from src/.
//
// - report_authority_projects: the credits of an authority's approved claims per project,
//   all time (the numerator of its share, and the list of projects its report shows).
//   Made from report_claims_quarterly and refreshed right after it by the summaries job.
//   A report statement reads it as its driving set: a plain filtered read of a small view
//   whose statistics give the planner a true row count (a GROUP BY over the quarterly
//   summary is estimated at thousands of rows and turns the joins behind it into
//   sequential scans of the cells and the projects).
// - outcome_report_cells by (project_id, period_end) covering the columns a report adds
//   up, so a report reads its cells from the index alone.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE MATERIALIZED VIEW report_authority_projects AS
    SELECT authority_id, project_id, sum(credits)::bigint AS credits
      FROM report_claims_quarterly
     GROUP BY 1, 2
  `.execute(db);
  await sql`CREATE UNIQUE INDEX report_authority_projects_key ON report_authority_projects (authority_id, project_id) INCLUDE (credits)`.execute(
    db,
  );

  await sql`CREATE INDEX outcome_report_cells_read_idx ON outcome_report_cells (project_id, period_end) INCLUDE (dimension, category, exact, published)`.execute(
    db,
  );
  await sql`DROP INDEX outcome_report_cells_project_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS outcome_report_cells_project_idx ON outcome_report_cells (project_id, period_end)`.execute(
    db,
  );
  await sql`DROP INDEX IF EXISTS outcome_report_cells_read_idx`.execute(db);
  await sql`DROP MATERIALIZED VIEW IF EXISTS report_authority_projects`.execute(db);
}
