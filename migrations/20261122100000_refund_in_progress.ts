import { type Kysely, sql } from 'kysely';

// A refund through Stripe moves the money outside the database transaction that books it.
// The order records the refund as requested before any money moves (who, when, why, and
// which path asked: an admin, the refund of a late payment, a failed project), and the
// booking clears it in its own transaction. While it stands, no claim on the order's
// certificate is approved: the money may already be back with the buyer. The service
// refuses under the certificate's row lock; the trigger below is the last line of defence.
// A partial index finds the requests a dead process left behind, for the job that resumes them.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE orders
      ADD COLUMN refund_requested_at timestamptz,
      -- null when a job asked (late payment, failed project)
      ADD COLUMN refund_requested_by uuid REFERENCES users (id),
      ADD COLUMN refund_request_source text CHECK (refund_request_source IN ('admin', 'late_payment', 'project_failed')),
      ADD COLUMN refund_request_reason text CHECK (char_length(refund_request_reason) <= 1000)
  `.execute(db);
  await sql`
    ALTER TABLE orders ADD CONSTRAINT orders_refund_request_complete CHECK (
      (refund_requested_at IS NULL) = (refund_request_source IS NULL)
      AND (refund_requested_at IS NULL) = (refund_request_reason IS NULL)
      AND (refund_requested_at IS NOT NULL OR refund_requested_by IS NULL)
    )
  `.execute(db);
  // Only money that is held can be on its way back; a refunded order has none left.
  await sql`
    ALTER TABLE orders ADD CONSTRAINT orders_refund_request_holds_payment
      CHECK (refund_requested_at IS NULL OR status IN ('paid', 'expired', 'cancelled'))
  `.execute(db);
  await sql`CREATE INDEX orders_refund_requested_idx ON orders (refund_requested_at) WHERE refund_requested_at IS NOT NULL`.execute(
    db,
  );

  await sql`
    CREATE FUNCTION refuse_approval_while_refund_requested() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (
        SELECT 1 FROM certificates c JOIN orders o ON o.id = c.order_id
        WHERE c.id = NEW.certificate_id AND o.refund_requested_at IS NOT NULL
      ) THEN
        RAISE EXCEPTION 'certificate %: a refund of its order is in progress', NEW.certificate_id USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER claims_no_approval_while_refund_requested
      BEFORE UPDATE OF status ON claims
      FOR EACH ROW WHEN (NEW.status = 'approved' AND OLD.status <> 'approved')
      EXECUTE FUNCTION refuse_approval_while_refund_requested()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS claims_no_approval_while_refund_requested ON claims`.execute(db);
  await sql`DROP FUNCTION IF EXISTS refuse_approval_while_refund_requested()`.execute(db);
  await sql`DROP INDEX IF EXISTS orders_refund_requested_idx`.execute(db);
  await sql`ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_refund_request_holds_payment`.execute(
    db,
  );
  await sql`ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_refund_request_complete`.execute(
    db,
  );
  await sql`
    ALTER TABLE orders
      DROP COLUMN IF EXISTS refund_request_reason,
      DROP COLUMN IF EXISTS refund_request_source,
      DROP COLUMN IF EXISTS refund_requested_by,
      DROP COLUMN IF EXISTS refund_requested_at
  `.execute(db);
}
