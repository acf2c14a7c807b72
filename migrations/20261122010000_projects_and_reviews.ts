import { type Kysely, sql } from 'kysely';

// Project plans, expert review, awards, listing and the credit ledger (DESIGN §4, §5).
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE projects (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      initiative_id uuid NOT NULL,
      initiative_kind text NOT NULL DEFAULT 'initiative' CHECK (initiative_kind = 'initiative'),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN (
        'draft', 'submitted', 'in_review', 'changes_requested', 'approved', 'rejected',
        'listed', 'funded', 'completed', 'failed')),
      title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 200),
      summary text NOT NULL DEFAULT '' CHECK (char_length(summary) <= 1000),
      description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 20000),
      start_date date,
      end_date date,
      total_cost_cents bigint CHECK (total_cost_cents > 0 AND total_cost_cents <= 100000000000),
      minimum_budget_cents bigint CHECK (minimum_budget_cents > 0),
      other_funding_cents bigint NOT NULL DEFAULT 0 CHECK (other_funding_cents >= 0),
      other_funding_description text CHECK (char_length(other_funding_description) <= 1000),
      contact_name text CHECK (char_length(contact_name) <= 200),
      contact_email text CHECK (char_length(contact_email) <= 254),
      contact_phone text CHECK (char_length(contact_phone) <= 40),
      review_round integer NOT NULL DEFAULT 0 CHECK (review_round >= 0),
      supply integer CHECK (supply > 0),
      threshold integer CHECK (threshold > 0),
      public_rationale text CHECK (char_length(public_rationale) <= 5000),
      listed_at timestamptz,
      funding_deadline timestamptz,
      created_by uuid NOT NULL REFERENCES users (id),
      submitted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (initiative_id, initiative_kind) REFERENCES organisations (id, kind),
      CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
      CHECK (minimum_budget_cents IS NULL OR total_cost_cents IS NULL OR minimum_budget_cents <= total_cost_cents),
      CHECK (threshold IS NULL OR (supply IS NOT NULL AND threshold <= supply)),
      -- an approved (or later) project has its award figures; a listed one its deadline
      CHECK (status NOT IN ('approved', 'listed', 'funded', 'completed', 'failed') OR (supply IS NOT NULL AND threshold IS NOT NULL)),
      CHECK (status NOT IN ('listed', 'funded', 'completed', 'failed') OR (listed_at IS NOT NULL AND funding_deadline IS NOT NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX projects_initiative_idx ON projects (initiative_id)`.execute(db);
  await sql`CREATE INDEX projects_public_idx ON projects (status, listed_at DESC, id)`.execute(db);

  await sql`
    CREATE TABLE project_municipalities (
      project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      cbs_code text NOT NULL CHECK (cbs_code ~ '^GM[0-9]{4}$'),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
      PRIMARY KEY (project_id, cbs_code)
    )
  `.execute(db);
  await sql`CREATE INDEX project_municipalities_code_idx ON project_municipalities (cbs_code)`.execute(
    db,
  );

  await sql`
    CREATE TABLE project_target_groups (
      project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      target_group text NOT NULL CHECK (target_group IN (
        'participatiewet', 'banenafspraak', 'ww', 'nug', 'youth', 'over_50', 'status_holder', 'other')),
      expected_participants integer NOT NULL CHECK (expected_participants BETWEEN 1 AND 100000),
      PRIMARY KEY (project_id, target_group)
    )
  `.execute(db);

  await sql`
    CREATE TABLE project_outcomes (
      project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      outcome_type text NOT NULL CHECK (outcome_type IN (
        'paid_work', 'diploma', 'internship', 'driving_licence', 'retraining', 'job', 'day_activity', 'other')),
      expected_count integer NOT NULL CHECK (expected_count BETWEEN 1 AND 100000),
      PRIMARY KEY (project_id, outcome_type)
    )
  `.execute(db);

  await sql`
    CREATE TABLE project_budget_lines (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 0),
      description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 300),
      category text NOT NULL CHECK (category IN ('staff', 'coaching', 'training', 'materials', 'other')),
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      UNIQUE (project_id, position)
    )
  `.execute(db);

  // One row per submission. The plan as submitted is frozen in plan_snapshot, so every
  // round (and the award made from it) can be read back exactly as the panel saw it.
  await sql`
    CREATE TABLE review_rounds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL REFERENCES projects (id),
      round_number integer NOT NULL CHECK (round_number >= 1),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'changes_requested', 'decided')),
      plan_snapshot jsonb NOT NULL,
      submitted_by uuid NOT NULL REFERENCES users (id),
      submitted_at timestamptz NOT NULL,
      questions text CHECK (char_length(questions) <= 5000),
      returned_by uuid REFERENCES users (id),
      returned_at timestamptz,
      UNIQUE (project_id, round_number),
      CHECK ((status = 'changes_requested') = (returned_at IS NOT NULL))
    )
  `.execute(db);
  // at most one round per project is open at a time
  await sql`CREATE UNIQUE INDEX review_rounds_one_open_idx ON review_rounds (project_id) WHERE status = 'open'`.execute(
    db,
  );

  await sql`
    CREATE TABLE panel_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      round_id uuid NOT NULL REFERENCES review_rounds (id),
      reviewer_id uuid NOT NULL REFERENCES users (id),
      assigned_by uuid NOT NULL REFERENCES users (id),
      assigned_at timestamptz NOT NULL,
      declaration text CHECK (declaration IN ('none', 'conflict')),
      declaration_note text CHECK (char_length(declaration_note) <= 2000),
      declared_at timestamptz,
      UNIQUE (round_id, reviewer_id),
      CHECK ((declaration IS NULL) = (declared_at IS NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX panel_assignments_reviewer_idx ON panel_assignments (reviewer_id)`.execute(
    db,
  );

  // A submitted score is final: the database refuses to change or remove it.
  await sql`
    CREATE TABLE review_scores (
      assignment_id uuid PRIMARY KEY REFERENCES panel_assignments (id),
      round_id uuid NOT NULL REFERENCES review_rounds (id),
      reach smallint NOT NULL CHECK (reach BETWEEN 0 AND 5),
      depth smallint NOT NULL CHECK (depth BETWEEN 0 AND 5),
      durability smallint NOT NULL CHECK (durability BETWEEN 0 AND 5),
      indirect smallint NOT NULL CHECK (indirect BETWEEN 0 AND 5),
      reach_rationale text NOT NULL CHECK (char_length(reach_rationale) BETWEEN 1 AND 5000),
      depth_rationale text NOT NULL CHECK (char_length(depth_rationale) BETWEEN 1 AND 5000),
      durability_rationale text NOT NULL CHECK (char_length(durability_rationale) BETWEEN 1 AND 5000),
      indirect_rationale text NOT NULL CHECK (char_length(indirect_rationale) BETWEEN 1 AND 5000),
      overall_comment text NOT NULL CHECK (char_length(overall_comment) BETWEEN 1 AND 10000),
      ineligible_line_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
      submitted_at timestamptz NOT NULL
    )
  `.execute(db);

  // The consensus an admin records when the panel's scores diverge too far; also final.
  await sql`
    CREATE TABLE review_consensus (
      round_id uuid PRIMARY KEY REFERENCES review_rounds (id),
      reach smallint NOT NULL CHECK (reach BETWEEN 0 AND 5),
      depth smallint NOT NULL CHECK (depth BETWEEN 0 AND 5),
      durability smallint NOT NULL CHECK (durability BETWEEN 0 AND 5),
      indirect smallint NOT NULL CHECK (indirect BETWEEN 0 AND 5),
      rationale text NOT NULL CHECK (char_length(rationale) BETWEEN 1 AND 10000),
      ineligible_line_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
      entered_by uuid NOT NULL REFERENCES users (id),
      entered_at timestamptz NOT NULL
    )
  `.execute(db);

  // An award stores everything needed to recompute it: methodology version and
  // parameters, the panel scores it used, and the budget lines it accepted.
  await sql`
    CREATE TABLE awards (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL REFERENCES projects (id),
      round_id uuid NOT NULL UNIQUE REFERENCES review_rounds (id),
      methodology_version text NOT NULL,
      parameters jsonb NOT NULL,
      panel_scores jsonb NOT NULL,
      score_source text NOT NULL CHECK (score_source IN ('median', 'consensus')),
      accepted_lines jsonb NOT NULL,
      rejected_lines jsonb NOT NULL,
      impact_score numeric(6, 5) NOT NULL CHECK (impact_score BETWEEN 0 AND 1),
      eligible_cost_cents bigint NOT NULL CHECK (eligible_cost_cents >= 0),
      minimum_budget_cents bigint NOT NULL,
      credit_price_cents integer NOT NULL CHECK (credit_price_cents > 0),
      supply integer NOT NULL CHECK (supply >= 0),
      threshold integer NOT NULL CHECK (threshold >= 0 AND threshold <= supply),
      decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
      reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
      public_rationale text NOT NULL CHECK (char_length(public_rationale) BETWEEN 1 AND 5000),
      confirmed_by uuid NOT NULL REFERENCES users (id),
      confirmed_at timestamptz NOT NULL,
      CHECK (decision = 'rejected' OR (supply > 0 AND threshold > 0))
    )
  `.execute(db);
  await sql`CREATE UNIQUE INDEX awards_one_approval_idx ON awards (project_id) WHERE decision = 'approved'`.execute(
    db,
  );

  // Credits per project. The balance row keeps sold + reserved <= supply with CHECKs, so
  // no interleaving of reservations can oversell; every change to it is also written to
  // the append-only ledger, from which the balance can be recomputed (DESIGN §5.1).
  await sql`
    CREATE TABLE project_credit_balances (
      project_id uuid PRIMARY KEY REFERENCES projects (id),
      supply integer NOT NULL CHECK (supply > 0),
      reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
      sold integer NOT NULL DEFAULT 0 CHECK (sold >= 0),
      CHECK (reserved + sold <= supply)
    )
  `.execute(db);

  await sql`
    CREATE TABLE credit_ledger (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      project_id uuid NOT NULL REFERENCES projects (id),
      entry_type text NOT NULL CHECK (entry_type IN ('issue', 'reserve', 'release', 'sell', 'refund')),
      quantity integer NOT NULL CHECK (quantity > 0),
      reference_type text,
      reference_id uuid,
      actor_user_id uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`CREATE INDEX credit_ledger_project_idx ON credit_ledger (project_id, id)`.execute(db);
  // each project's credits are issued once
  await sql`CREATE UNIQUE INDEX credit_ledger_one_issue_idx ON credit_ledger (project_id) WHERE entry_type = 'issue'`.execute(
    db,
  );

  // The balance follows the ledger: every ledger row applies its delta in the same
  // statement, and the balance's CHECKs refuse the row if it would oversell. One INSERT
  // is therefore one atomic, race-free reservation (or release, or sale).
  await sql`
    CREATE FUNCTION apply_credit_ledger_entry() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.entry_type = 'issue' THEN
        INSERT INTO project_credit_balances (project_id, supply) VALUES (NEW.project_id, NEW.quantity);
      ELSE
        UPDATE project_credit_balances SET
          reserved = reserved + CASE NEW.entry_type
            WHEN 'reserve' THEN NEW.quantity
            WHEN 'release' THEN -NEW.quantity
            WHEN 'sell' THEN -NEW.quantity
            ELSE 0 END,
          sold = sold + CASE NEW.entry_type
            WHEN 'sell' THEN NEW.quantity
            WHEN 'refund' THEN -NEW.quantity
            ELSE 0 END
        WHERE project_id = NEW.project_id;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'no credits were issued for project %', NEW.project_id USING ERRCODE = 'foreign_key_violation';
        END IF;
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER credit_ledger_apply AFTER INSERT ON credit_ledger
      FOR EACH ROW EXECUTE FUNCTION apply_credit_ledger_entry()
  `.execute(db);

  for (const table of ['review_scores', 'review_consensus', 'awards', 'credit_ledger']) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_append_only`)}
        BEFORE UPDATE OR DELETE ON ${sql.id(table)}
        FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()
    `.execute(db);
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_no_truncate`)}
        BEFORE TRUNCATE ON ${sql.id(table)}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()
    `.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'credit_ledger',
    'project_credit_balances',
    'awards',
    'review_consensus',
    'review_scores',
    'panel_assignments',
    'review_rounds',
    'project_budget_lines',
    'project_outcomes',
    'project_target_groups',
    'project_municipalities',
    'projects',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.id(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS apply_credit_ledger_entry()`.execute(db);
}
