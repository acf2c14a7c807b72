import { type Kysely, sql } from 'kysely';

// A purchase (several projects, a line — an order — per project) is paid by one Stripe
// payment, so a dispute of that payment names no order. Issue 17 for purchases: the
// dispute is split over the purchase's lines, and each line's certificate, escrow and
// refund follow its share as a single order's would.
//
// - payment_disputes.purchase_id: the purchase whose payment is disputed. A dispute names
//   an order or a purchase, never both.
// - payment_dispute_lines: the split, made once when the dispute is first applied to a
//   paid purchase and never changed after (so every later event of the dispute, in any
//   order, acts on the same shares). A share belongs to a line of the dispute's purchase
//   and is at most the line's amount.
// - escrow_holds: one hold per dispute and line (was: per dispute).
// - certificate_public_reason: a line's certificate revoked by a purchase's lost dispute
//   says 'payment_disputed', as a single order's does.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE payment_disputes
      ADD COLUMN purchase_id uuid REFERENCES purchases (id),
      ADD CONSTRAINT payment_disputes_one_payment CHECK (order_id IS NULL OR purchase_id IS NULL)
  `.execute(db);
  await sql`CREATE INDEX payment_disputes_purchase_idx ON payment_disputes (purchase_id) WHERE purchase_id IS NOT NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE payment_dispute_lines (
      dispute_id text NOT NULL REFERENCES payment_disputes (id),
      order_id uuid NOT NULL REFERENCES orders (id),
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      PRIMARY KEY (dispute_id, order_id)
    )
  `.execute(db);
  await sql`CREATE INDEX payment_dispute_lines_order_idx ON payment_dispute_lines (order_id)`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION payment_dispute_line_check() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'a dispute''s split over its purchase''s lines is never changed'
          USING ERRCODE = 'restrict_violation';
      END IF;
      IF NOT EXISTS (
        SELECT 1 FROM payment_disputes d JOIN orders o ON o.purchase_id = d.purchase_id
        WHERE d.id = NEW.dispute_id AND o.id = NEW.order_id AND NEW.amount_cents <= o.amount_cents
      ) THEN
        RAISE EXCEPTION 'dispute %: order % is not a line of the disputed purchase, or its share exceeds the line',
          NEW.dispute_id, NEW.order_id USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER payment_dispute_lines_check BEFORE INSERT OR UPDATE OR DELETE ON payment_dispute_lines
      FOR EACH ROW EXECUTE FUNCTION payment_dispute_line_check()
  `.execute(db);
  await sql`
    CREATE TRIGGER payment_dispute_lines_no_truncate BEFORE TRUNCATE ON payment_dispute_lines
      FOR EACH STATEMENT EXECUTE FUNCTION payment_dispute_line_check()
  `.execute(db);

  await sql`ALTER TABLE escrow_holds DROP CONSTRAINT escrow_holds_pkey`.execute(db);
  await sql`ALTER TABLE escrow_holds ADD PRIMARY KEY (dispute_id, order_id)`.execute(db);

  await sql`
    CREATE OR REPLACE FUNCTION certificate_public_reason() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status = 'active' THEN
        NEW.public_reason := NULL;
      ELSIF NEW.status IS DISTINCT FROM OLD.status
        AND NEW.public_reason IS NOT DISTINCT FROM OLD.public_reason THEN
        NEW.public_reason := CASE
          WHEN NEW.status = 'suspended' THEN 'payment_disputed'
          WHEN EXISTS (
            SELECT 1 FROM payment_disputes d
            WHERE (d.order_id = NEW.order_id
                   OR d.id IN (SELECT l.dispute_id FROM payment_dispute_lines l WHERE l.order_id = NEW.order_id))
              AND (d.closed_at IS NULL OR d.status = 'lost')
          ) THEN 'payment_disputed'
          WHEN EXISTS (SELECT 1 FROM projects p WHERE p.id = NEW.project_id AND p.status = 'failed')
            THEN 'funding_failed'
          ELSE 'refunded'
        END;
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION certificate_public_reason() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status = 'active' THEN
        NEW.public_reason := NULL;
      ELSIF NEW.status IS DISTINCT FROM OLD.status
        AND NEW.public_reason IS NOT DISTINCT FROM OLD.public_reason THEN
        NEW.public_reason := CASE
          WHEN NEW.status = 'suspended' THEN 'payment_disputed'
          WHEN EXISTS (
            SELECT 1 FROM payment_disputes d
            WHERE d.order_id = NEW.order_id AND (d.closed_at IS NULL OR d.status = 'lost')
          ) THEN 'payment_disputed'
          WHEN EXISTS (SELECT 1 FROM projects p WHERE p.id = NEW.project_id AND p.status = 'failed')
            THEN 'funding_failed'
          ELSE 'refunded'
        END;
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`ALTER TABLE escrow_holds DROP CONSTRAINT escrow_holds_pkey`.execute(db);
  await sql`ALTER TABLE escrow_holds ADD PRIMARY KEY (dispute_id)`.execute(db);
  await sql`DROP TABLE payment_dispute_lines`.execute(db);
  await sql`DROP FUNCTION payment_dispute_line_check()`.execute(db);
  await sql`ALTER TABLE payment_disputes DROP CONSTRAINT payment_disputes_one_payment, DROP COLUMN purchase_id`.execute(
    db,
  );
}
