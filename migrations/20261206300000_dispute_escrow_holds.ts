import { type Kysely, sql } from 'kysely';

// A dispute takes money out of the platform's Stripe balance before anyone decides it
// (`charge.dispute.funds_withdrawn`), and gives it back when the platform wins
// (`charge.dispute.funds_reinstated`). While Stripe holds it, that money is not in the
// project's escrow, so it must not be paid out (issue 17):
//
// - payment_disputes remembers whether Stripe withdrew and reinstated the funds. Both only
//   ever become set, so events of one dispute arriving in any order end in the same row.
// - escrow_holds (written by the settlement module) keeps one hold per dispute: opened when
//   the funds are withdrawn, released once (reinstated, won, or lost: a lost dispute's money
//   leaves escrow as a refund instead). A hold is never deleted, never reopened, and only
//   its release is ever written after it is made.
// - refuse_payout_beyond_escrow now counts the open holds: a payout entry beyond
//   received − refunded − paid out − held is refused by the database, whatever the service
//   checked.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE payment_disputes
      ADD COLUMN funds_withdrawn_at timestamptz,
      ADD COLUMN funds_reinstated_at timestamptz
  `.execute(db);

  await sql`
    CREATE TABLE escrow_holds (
      dispute_id text PRIMARY KEY REFERENCES payment_disputes (id),
      order_id uuid NOT NULL REFERENCES orders (id),
      project_id uuid NOT NULL REFERENCES projects (id),
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      currency text NOT NULL DEFAULT 'EUR' CHECK (currency = 'EUR'),
      held_at timestamptz NOT NULL,
      released_at timestamptz,
      release_reason text CHECK (char_length(release_reason) <= 200),
      CONSTRAINT escrow_holds_release_has_reason CHECK ((released_at IS NULL) = (release_reason IS NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX escrow_holds_open_by_project_idx ON escrow_holds (project_id) WHERE released_at IS NULL`.execute(
    db,
  );

  await sql`
    CREATE FUNCTION escrow_hold_release_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'escrow holds are never deleted' USING ERRCODE = 'restrict_violation';
      END IF;
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'escrow hold %: holds are never deleted', OLD.dispute_id USING ERRCODE = 'restrict_violation';
      END IF;
      IF OLD.released_at IS NOT NULL
        OR NEW.dispute_id <> OLD.dispute_id OR NEW.order_id <> OLD.order_id OR NEW.project_id <> OLD.project_id
        OR NEW.amount_cents <> OLD.amount_cents OR NEW.currency <> OLD.currency OR NEW.held_at <> OLD.held_at THEN
        RAISE EXCEPTION 'escrow hold %: only an open hold is released, once', OLD.dispute_id USING ERRCODE = 'restrict_violation';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER escrow_holds_release_only BEFORE UPDATE OR DELETE ON escrow_holds
      FOR EACH ROW EXECUTE FUNCTION escrow_hold_release_only()
  `.execute(db);
  await sql`
    CREATE TRIGGER escrow_holds_no_truncate BEFORE TRUNCATE ON escrow_holds
      FOR EACH STATEMENT EXECUTE FUNCTION escrow_hold_release_only()
  `.execute(db);

  // The same function as in 20261122070000, with the open holds taken off the escrow.
  await sql`
    CREATE OR REPLACE FUNCTION refuse_payout_beyond_escrow() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE escrow bigint; held bigint;
    BEGIN
      IF NEW.entry_type <> 'payout' THEN RETURN NEW; END IF;
      PERFORM 1 FROM projects WHERE id = NEW.project_id FOR NO KEY UPDATE;
      SELECT coalesce(sum(CASE entry_type WHEN 'payment_received' THEN amount_cents ELSE -amount_cents END), 0)
        INTO escrow FROM money_ledger WHERE project_id = NEW.project_id;
      SELECT coalesce(sum(amount_cents), 0) INTO held
        FROM escrow_holds WHERE project_id = NEW.project_id AND released_at IS NULL;
      IF escrow - held < NEW.amount_cents THEN
        RAISE EXCEPTION 'payout of % cents exceeds the escrow of % cents (% held by disputes) for project %',
          NEW.amount_cents, escrow, held, NEW.project_id
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION refuse_payout_beyond_escrow() RETURNS trigger LANGUAGE plpgsql AS $$
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
  await sql`DROP TABLE escrow_holds`.execute(db);
  await sql`DROP FUNCTION escrow_hold_release_only()`.execute(db);
  await sql`ALTER TABLE payment_disputes DROP COLUMN funds_withdrawn_at, DROP COLUMN funds_reinstated_at`.execute(
    db,
  );
}
