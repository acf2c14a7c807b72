import { type Kysely, sql } from 'kysely';

// Outcome reports, the story bank, and the summaries reports are served from (DESIGN §7).
// Frozen in time: never import from src/.
//
// A report holds counts only: there is no column in which a name, date of birth, address
// or any other personal identifier could be stored. Reports of one project never overlap
// in time (an exclusion constraint), so outcomes are never counted twice, and an accepted
// report is frozen: the database refuses to change it or its figures.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE outcome_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL REFERENCES projects (id),
      kind text NOT NULL CHECK (kind IN ('interim', 'final')),
      period_start date NOT NULL,
      period_end date NOT NULL,
      status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'returned', 'accepted')),
      narrative text NOT NULL CHECK (char_length(narrative) BETWEEN 1 AND 5000),
      revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
      submitted_by uuid NOT NULL REFERENCES users (id),
      submitted_at timestamptz NOT NULL,
      questions text CHECK (char_length(questions) <= 5000),
      returned_by uuid REFERENCES users (id),
      returned_at timestamptz,
      accepted_by uuid REFERENCES users (id),
      accepted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (period_end >= period_start),
      CHECK ((status = 'accepted') = (accepted_at IS NOT NULL AND accepted_by IS NOT NULL)),
      CHECK (status <> 'returned' OR (returned_at IS NOT NULL AND questions IS NOT NULL)),
      CONSTRAINT outcome_reports_no_overlap EXCLUDE USING gist (
        project_id WITH =, daterange(period_start, period_end, '[]') WITH &&
      )
    )
  `.execute(db);
  await sql`CREATE UNIQUE INDEX outcome_reports_one_final_idx ON outcome_reports (project_id) WHERE kind = 'final'`.execute(
    db,
  );
  await sql`CREATE INDEX outcome_reports_queue_idx ON outcome_reports (status, submitted_at, id)`.execute(
    db,
  );

  await sql`
    CREATE TABLE outcome_report_participants (
      report_id uuid NOT NULL REFERENCES outcome_reports (id) ON DELETE CASCADE,
      target_group text NOT NULL CHECK (target_group IN (
        'participatiewet', 'banenafspraak', 'ww', 'nug', 'youth', 'over_50', 'status_holder', 'other')),
      participants integer NOT NULL CHECK (participants BETWEEN 0 AND 100000),
      PRIMARY KEY (report_id, target_group)
    )
  `.execute(db);

  await sql`
    CREATE TABLE outcome_report_results (
      report_id uuid NOT NULL REFERENCES outcome_reports (id) ON DELETE CASCADE,
      outcome_type text NOT NULL CHECK (outcome_type IN (
        'paid_work', 'diploma', 'internship', 'driving_licence', 'retraining', 'job', 'day_activity', 'other')),
      achieved integer NOT NULL CHECK (achieved BETWEEN 0 AND 100000),
      -- of which people in the Banenafspraak target group
      banenafspraak integer NOT NULL CHECK (banenafspraak >= 0 AND banenafspraak <= achieved),
      PRIMARY KEY (report_id, outcome_type)
    )
  `.execute(db);

  await sql`
    CREATE TABLE outcome_report_spending (
      report_id uuid NOT NULL REFERENCES outcome_reports (id) ON DELETE CASCADE,
      budget_line_id uuid NOT NULL REFERENCES project_budget_lines (id),
      spent_cents bigint NOT NULL CHECK (spent_cents BETWEEN 0 AND 100000000000),
      PRIMARY KEY (report_id, budget_line_id)
    )
  `.execute(db);

  // The published form of each accepted report: every count with its disclosure decision
  // (src/modules/reports/suppression.ts), made once at acceptance and redone by the
  // summaries job when the threshold changes. Every report reads these, never the raw
  // counts, so all reports suppress the same cells the same way.
  await sql`
    CREATE TABLE outcome_report_cells (
      report_id uuid NOT NULL REFERENCES outcome_reports (id),
      project_id uuid NOT NULL REFERENCES projects (id),
      period_end date NOT NULL,
      dimension text NOT NULL CHECK (dimension IN ('participants', 'outcomes', 'banenafspraak')),
      category text NOT NULL,
      exact integer NOT NULL CHECK (exact >= 0),
      published integer CHECK (published IS NULL OR published = exact),
      threshold integer NOT NULL CHECK (threshold >= 1),
      PRIMARY KEY (report_id, dimension, category)
    )
  `.execute(db);
  await sql`CREATE INDEX outcome_report_cells_project_idx ON outcome_report_cells (project_id, period_end)`.execute(
    db,
  );

  // An accepted report and its figures are final.
  await sql`
    CREATE FUNCTION refuse_accepted_report_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      report_status text;
    BEGIN
      IF TG_TABLE_NAME = 'outcome_reports' THEN
        IF OLD.status = 'accepted' THEN
          RAISE EXCEPTION 'outcome report % is accepted and final', OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END IF;
      SELECT status INTO report_status FROM outcome_reports WHERE id = COALESCE(NEW.report_id, OLD.report_id);
      IF report_status = 'accepted' THEN
        RAISE EXCEPTION 'outcome report % is accepted and final', COALESCE(NEW.report_id, OLD.report_id) USING ERRCODE = 'restrict_violation';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`CREATE TRIGGER outcome_reports_final BEFORE UPDATE OR DELETE ON outcome_reports FOR EACH ROW EXECUTE FUNCTION refuse_accepted_report_change()`.execute(
    db,
  );
  for (const table of [
    'outcome_report_participants',
    'outcome_report_results',
    'outcome_report_spending',
  ]) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_final`)} BEFORE INSERT OR UPDATE OR DELETE ON ${sql.id(table)}
        FOR EACH ROW EXECUTE FUNCTION refuse_accepted_report_change()
    `.execute(db);
  }

  // The story bank: published only when the people in it consented and an admin accepted it.
  await sql`
    CREATE TABLE outcome_stories (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL REFERENCES projects (id),
      report_id uuid REFERENCES outcome_reports (id),
      title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 200),
      body text NOT NULL CHECK (char_length(body) BETWEEN 20 AND 5000),
      consent_confirmed boolean NOT NULL CHECK (consent_confirmed),
      status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'published', 'rejected')),
      submitted_by uuid NOT NULL REFERENCES users (id),
      submitted_at timestamptz NOT NULL,
      decided_by uuid REFERENCES users (id),
      decided_at timestamptz,
      decision_reason text CHECK (char_length(decision_reason) <= 2000),
      CHECK ((status = 'submitted') = (decided_at IS NULL)),
      CHECK (status <> 'rejected' OR decision_reason IS NOT NULL)
    )
  `.execute(db);
  await sql`CREATE INDEX outcome_stories_published_idx ON outcome_stories (decided_at DESC, id) WHERE status = 'published'`.execute(
    db,
  );
  await sql`CREATE INDEX outcome_stories_project_idx ON outcome_stories (project_id)`.execute(db);

  // Reporting reads approved claims of one authority by decision time (the partial-quarter edges of a period).
  await sql`CREATE INDEX claims_reporting_idx ON claims (authority_id, decided_at) WHERE status = 'approved'`.execute(
    db,
  );

  // Summaries, refreshed by the job 'reports.refresh-summaries' (never in a request, never
  // by a trigger that would make a summary row hot). Quarters are Amsterdam calendar quarters.
  await sql`
    CREATE MATERIALIZED VIEW report_claims_quarterly AS
    SELECT c.authority_id, c.contract_id, c.supplier_id, cert.project_id,
           date_trunc('quarter', c.decided_at AT TIME ZONE 'Europe/Amsterdam')::date AS quarter,
           sum(c.credits)::bigint AS credits,
           sum(c.value_cents)::bigint AS value_cents,
           count(*)::bigint AS claims
      FROM claims c
      JOIN certificates cert ON cert.id = c.certificate_id
     WHERE c.status = 'approved'
     GROUP BY 1, 2, 3, 4, 5
  `.execute(db);
  await sql`CREATE UNIQUE INDEX report_claims_quarterly_key ON report_claims_quarterly (authority_id, quarter, contract_id, project_id)`.execute(
    db,
  );

  await sql`
    CREATE MATERIALIZED VIEW report_buyer_sales AS
    SELECT o.project_id, o.buyer_organisation_id,
           sum(o.quantity)::bigint AS credits,
           sum(o.amount_cents)::bigint AS amount_cents,
           count(*)::bigint AS orders
      FROM orders o
     WHERE o.status = 'paid'
     GROUP BY 1, 2
  `.execute(db);
  await sql`CREATE UNIQUE INDEX report_buyer_sales_key ON report_buyer_sales (project_id, buyer_organisation_id)`.execute(
    db,
  );
  await sql`CREATE INDEX report_buyer_sales_buyer_idx ON report_buyer_sales (buyer_organisation_id)`.execute(
    db,
  );

  await sql`
    CREATE MATERIALIZED VIEW report_project_sales AS
    SELECT o.project_id,
           sum(o.quantity)::bigint AS credits,
           sum(o.amount_cents)::bigint AS amount_cents,
           count(*)::bigint AS orders,
           count(DISTINCT o.buyer_organisation_id)::bigint AS buyers
      FROM orders o
     WHERE o.status = 'paid'
     GROUP BY 1
  `.execute(db);
  await sql`CREATE UNIQUE INDEX report_project_sales_key ON report_project_sales (project_id)`.execute(
    db,
  );

  // Platform totals of published cells per report end date (few distinct dates), for public stats.
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

  await sql`
    CREATE TABLE report_refreshes (
      name text PRIMARY KEY,
      refreshed_at timestamptz NOT NULL
    )
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS report_refreshes`.execute(db);
  await sql`DROP MATERIALIZED VIEW IF EXISTS report_outcome_totals`.execute(db);
  await sql`DROP MATERIALIZED VIEW IF EXISTS report_project_sales`.execute(db);
  await sql`DROP MATERIALIZED VIEW IF EXISTS report_buyer_sales`.execute(db);
  await sql`DROP MATERIALIZED VIEW IF EXISTS report_claims_quarterly`.execute(db);
  await sql`DROP INDEX IF EXISTS claims_reporting_idx`.execute(db);
  for (const table of [
    'outcome_stories',
    'outcome_report_cells',
    'outcome_report_spending',
    'outcome_report_results',
    'outcome_report_participants',
    'outcome_reports',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.id(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS refuse_accepted_report_change()`.execute(db);
}
