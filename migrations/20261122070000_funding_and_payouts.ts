import { type Kysely, sql } from 'kysely';

// Funding rounds to the end (DESIGN §4 Project lifecycle and Money, §5 invariant 5):
// when a project was funded or failed and why, the waiting state of a project that missed
// its deadline while an approved claim stands, deadline extensions and admin decisions,
// and payouts from escrow in two tranches with four-eyes approval.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE projects
      ADD COLUMN funded_at timestamptz,
      ADD COLUMN failed_at timestamptz,
      ADD COLUMN failure_reason text CHECK (char_length(failure_reason) <= 2000),
      -- past its deadline below its threshold, but an approved claim stands on one of its
      -- certificates: it waits (still 'listed', no longer selling) for the authority or an admin
      ADD COLUMN failing_since timestamptz,
      ADD COLUMN failing_reason text CHECK (char_length(failing_reason) <= 2000)
  `.execute(db);
  await sql`ALTER TABLE projects ADD CONSTRAINT projects_failed_when CHECK (status <> 'failed' OR (failed_at IS NOT NULL AND failure_reason IS NOT NULL))`.execute(
    db,
  );
  await sql`ALTER TABLE projects ADD CONSTRAINT projects_failing_reason CHECK ((failing_since IS NULL) = (failing_reason IS NULL))`.execute(
    db,
  );
  // the deadline job looks for listed projects past their deadline
  await sql`CREATE INDEX projects_funding_deadline_idx ON projects (funding_deadline) WHERE status = 'listed'`.execute(
    db,
  );

  // Every change of a funding deadline, and every admin decision on a waiting project: append-only.
  await sql`
    CREATE TABLE funding_decisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL REFERENCES projects (id),
      kind text NOT NULL CHECK (kind IN ('deadline_extended', 'refund_all', 'extend_after_deadline')),
      previous_deadline timestamptz NOT NULL,
      new_deadline timestamptz,
      reason text NOT NULL CHECK (char_length(reason) BETWEEN 3 AND 2000),
      decided_by uuid NOT NULL REFERENCES users (id),
      decided_at timestamptz NOT NULL,
      CHECK ((kind = 'refund_all') = (new_deadline IS NULL)),
      CHECK (new_deadline IS NULL OR new_deadline > previous_deadline)
    )
  `.execute(db);
  await sql`CREATE INDEX funding_decisions_project_idx ON funding_decisions (project_id, decided_at)`.execute(
    db,
  );
  // an admin decides to refund a waiting project once
  await sql`CREATE UNIQUE INDEX funding_decisions_one_refund_idx ON funding_decisions (project_id) WHERE kind = 'refund_all'`.execute(
    db,
  );

  // Payouts from a project's escrow to its initiative: tranche 1 (the threshold amount) when
  // the project is funded, tranche 2 (the rest) when its final outcome report is accepted.
  // due → approved (an admin, not the one who accepted the report) → paid (a second admin,
  // with the bank reference; the money ledger books it in the same transaction).
  await sql`
    CREATE TABLE payouts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL REFERENCES projects (id),
      initiative_id uuid NOT NULL REFERENCES organisations (id),
      tranche smallint NOT NULL CHECK (tranche IN (1, 2)),
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      currency text NOT NULL DEFAULT 'EUR' CHECK (currency = 'EUR'),
      status text NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'approved', 'paid')),
      due_at timestamptz NOT NULL,
      due_reason text NOT NULL,
      report_accepted_by uuid REFERENCES users (id),
      approved_by uuid REFERENCES users (id),
      approved_at timestamptz,
      paid_by uuid REFERENCES users (id),
      paid_at timestamptz,
      bank_reference text CHECK (char_length(bank_reference) BETWEEN 1 AND 140),
      UNIQUE (project_id, tranche),
      CHECK ((status = 'due') = (approved_by IS NULL)),
      CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
      CHECK ((status = 'paid') = (paid_by IS NOT NULL AND paid_at IS NOT NULL AND bank_reference IS NOT NULL)),
      -- four eyes: the approver is not who accepted the report; the payer is neither
      CHECK (approved_by IS NULL OR report_accepted_by IS NULL OR approved_by <> report_accepted_by),
      CHECK (paid_by IS NULL OR (paid_by <> approved_by AND (report_accepted_by IS NULL OR paid_by <> report_accepted_by)))
    )
  `.execute(db);
  await sql`CREATE INDEX payouts_open_idx ON payouts (due_at) WHERE status <> 'paid'`.execute(db);

  // A payout ledger row names its payout; each payout is booked once.
  await sql`ALTER TABLE money_ledger ADD COLUMN payout_id uuid REFERENCES payouts (id)`.execute(db);
  await sql`ALTER TABLE money_ledger ADD CONSTRAINT money_ledger_payout_names_payout CHECK ((entry_type = 'payout') = (payout_id IS NOT NULL))`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX money_ledger_one_payout_idx ON money_ledger (payout_id) WHERE entry_type = 'payout'`.execute(
    db,
  );

  // The last line of defence for §5.5: a payout never takes more than the project's escrow.
  // Payouts of one project are serialised on its row, so two cannot both pass the check.
  await sql`
    CREATE FUNCTION refuse_payout_beyond_escrow() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE escrow bigint;
    BEGIN
      IF NEW.entry_type <> 'payout' THEN RETURN NEW; END IF;
      PERFORM 1 FROM projects WHERE id = NEW.project_id FOR NO KEY UPDATE;
      SELECT coalesce(sum(CASE entry_type WHEN 'payment_received' THEN amount_cents ELSE -amount_cents END), 0)
        INTO escrow FROM money_ledger WHERE project_id = NEW.project_id;
      IF escrow < NEW.amount_cents THEN
        RAISE EXCEPTION 'payout of % cents exceeds the escrow of % cents for project %', NEW.amount_cents, escrow, NEW.project_id
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER money_ledger_payout_within_escrow BEFORE INSERT ON money_ledger
      FOR EACH ROW EXECUTE FUNCTION refuse_payout_beyond_escrow()
  `.execute(db);

  await sql`
    CREATE TRIGGER funding_decisions_append_only
      BEFORE UPDATE OR DELETE ON funding_decisions
      FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()
  `.execute(db);
  await sql`
    CREATE TRIGGER funding_decisions_no_truncate
      BEFORE TRUNCATE ON funding_decisions
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()
  `.execute(db);
  // A payout row moves forward only; once paid it never changes again.
  await sql`
    CREATE FUNCTION refuse_payout_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' OR OLD.status = 'paid'
        OR (OLD.status = 'approved' AND NEW.status = 'due')
        OR NEW.amount_cents <> OLD.amount_cents OR NEW.project_id <> OLD.project_id OR NEW.tranche <> OLD.tranche THEN
        RAISE EXCEPTION 'payout %: % refused', OLD.id, TG_OP USING ERRCODE = 'restrict_violation';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER payouts_forward_only BEFORE UPDATE OR DELETE ON payouts
      FOR EACH ROW EXECUTE FUNCTION refuse_payout_rewrite()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS money_ledger_payout_within_escrow ON money_ledger`.execute(db);
  await sql`DROP FUNCTION IF EXISTS refuse_payout_beyond_escrow()`.execute(db);
  await sql`DROP INDEX IF EXISTS money_ledger_one_payout_idx`.execute(db);
  await sql`ALTER TABLE money_ledger DROP CONSTRAINT IF EXISTS money_ledger_payout_names_payout`.execute(
    db,
  );
  await sql`ALTER TABLE money_ledger DROP COLUMN IF EXISTS payout_id`.execute(db);
  await sql`DROP TABLE IF EXISTS payouts`.execute(db);
  await sql`DROP FUNCTION IF EXISTS refuse_payout_rewrite()`.execute(db);
  await sql`DROP TABLE IF EXISTS funding_decisions`.execute(db);
  await sql`DROP INDEX IF EXISTS projects_funding_deadline_idx`.execute(db);
  await sql`ALTER TABLE projects DROP CONSTRAINT IF EXISTS projects_failing_reason`.execute(db);
  await sql`ALTER TABLE projects DROP CONSTRAINT IF EXISTS projects_failed_when`.execute(db);
  await sql`
    ALTER TABLE projects
      DROP COLUMN IF EXISTS funded_at, DROP COLUMN IF EXISTS failed_at, DROP COLUMN IF EXISTS failure_reason,
      DROP COLUMN IF EXISTS failing_since, DROP COLUMN IF EXISTS failing_reason
  `.execute(db);
}
