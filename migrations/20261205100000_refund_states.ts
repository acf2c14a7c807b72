import { type Kysely, sql } from 'kysely';

// A refund through Stripe is not done when Stripe accepts it: iDEAL and SEPA refunds stay
// `pending` for days and may end `failed` (or `canceled`), and Stripe reports the outcome
// by the API's answer and by events that arrive in any order. So (issue 17):
//
// - stripe_refunds keeps each Stripe refund of an order with its latest status. Statuses
//   only move forward: pending/requires_action → succeeded, failed or canceled; failed and
//   canceled are final; a succeeded refund can still fail (Stripe reverses it rarely), but
//   never go back to pending. A stale report (an older event, a replayed API answer) thus
//   changes nothing, whatever order they arrive in.
// - orders.refund_state says where the order's refund stands: requested (we asked, the
//   outcome is unknown), pending (Stripe holds it), failed (it failed: the order stays
//   paid). A refund that succeeded makes the order `refunded` and clears the state. The
//   request (refund_requested_at …) stands exactly while the state is requested or pending,
//   so claims stay blocked until the outcome is known.
// - While a refund is pending, the order's certificate is not active (suspended: it cannot
//   be claimed); a deferred trigger refuses to commit it otherwise.
// - A refund seen at Stripe that the platform did not ask for (made in the dashboard) is
//   recorded as a request with source 'stripe'.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE stripe_refunds (
      id text PRIMARY KEY CHECK (id ~ '^re_[A-Za-z0-9_]+$'),
      order_id uuid NOT NULL REFERENCES orders (id),
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      status text NOT NULL CHECK (status IN ('pending', 'requires_action', 'succeeded', 'failed', 'canceled')),
      failure_reason text CHECK (char_length(failure_reason) <= 200),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX stripe_refunds_order_idx ON stripe_refunds (order_id)`.execute(db);

  await sql`
    CREATE FUNCTION stripe_refund_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'stripe refund %: refunds are never deleted', OLD.id USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.id <> OLD.id OR NEW.order_id <> OLD.order_id OR NEW.amount_cents <> OLD.amount_cents THEN
        RAISE EXCEPTION 'stripe refund %: only its status changes', OLD.id USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.status <> OLD.status AND NOT (
        (OLD.status IN ('pending', 'requires_action'))
        OR (OLD.status = 'succeeded' AND NEW.status = 'failed')
      ) THEN
        RAISE EXCEPTION 'stripe refund %: % cannot become %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER stripe_refunds_forward_only BEFORE UPDATE OR DELETE ON stripe_refunds
      FOR EACH ROW EXECUTE FUNCTION stripe_refund_forward_only()
  `.execute(db);

  await sql`
    ALTER TABLE orders
      ADD COLUMN refund_state text CHECK (refund_state IN ('requested', 'pending', 'failed'))
  `.execute(db);
  await sql`UPDATE orders SET refund_state = 'requested' WHERE refund_requested_at IS NOT NULL`.execute(
    db,
  );
  await sql`
    ALTER TABLE orders ADD CONSTRAINT orders_refund_state_matches_request CHECK (
      (refund_state IS NOT NULL AND refund_state IN ('requested', 'pending')) = (refund_requested_at IS NOT NULL)
    )
  `.execute(db);
  await sql`
    ALTER TABLE orders ADD CONSTRAINT orders_refunded_has_no_refund_state
      CHECK (status <> 'refunded' OR refund_state IS NULL)
  `.execute(db);
  await sql`ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_refund_request_source_check`.execute(
    db,
  );
  await sql`
    ALTER TABLE orders ADD CONSTRAINT orders_refund_request_source_check
      CHECK (refund_request_source IN ('admin', 'late_payment', 'project_failed', 'stripe'))
  `.execute(db);

  // The order's refund moves: none/failed → requested → pending → (refunded) or failed.
  // A pending refund is Stripe's to finish: it is neither asked again nor dropped, it ends
  // only in its outcome (the order refunded, or failed).
  await sql`
    CREATE FUNCTION order_refund_state_forward() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.refund_state = 'pending' AND NEW.refund_state IS DISTINCT FROM 'pending'
         AND NOT (NEW.refund_state IS NOT DISTINCT FROM 'failed' OR (NEW.refund_state IS NULL AND NEW.status = 'refunded')) THEN
        RAISE EXCEPTION 'order %: a pending refund ends only as refunded or failed', OLD.id USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER orders_refund_state_forward BEFORE UPDATE OF refund_state ON orders
      FOR EACH ROW WHEN (OLD.refund_state IS DISTINCT FROM NEW.refund_state)
      EXECUTE FUNCTION order_refund_state_forward()
  `.execute(db);

  // At commit: no order with a pending refund has an active certificate.
  await sql`
    CREATE FUNCTION check_pending_refund_certificate() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      -- through jsonb: a record's fields are resolved when the function is planned, per table
      the_order uuid := (to_jsonb(NEW) ->> CASE WHEN TG_TABLE_NAME = 'orders' THEN 'id' ELSE 'order_id' END)::uuid;
    BEGIN
      IF EXISTS (
        SELECT 1 FROM orders o JOIN certificates c ON c.order_id = o.id
        WHERE o.id = the_order AND o.refund_state = 'pending' AND c.status = 'active'
      ) THEN
        RAISE EXCEPTION 'order %: its refund is pending, so its certificate cannot be active', the_order USING ERRCODE = 'check_violation';
      END IF;
      RETURN NULL;
    END
    $$
  `.execute(db);
  await sql`
    CREATE CONSTRAINT TRIGGER orders_pending_refund_certificate
      AFTER INSERT OR UPDATE OF refund_state ON orders
      DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW.refund_state = 'pending')
      EXECUTE FUNCTION check_pending_refund_certificate()
  `.execute(db);
  await sql`
    CREATE CONSTRAINT TRIGGER certificates_pending_refund_certificate
      AFTER INSERT OR UPDATE OF status ON certificates
      DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW.status = 'active')
      EXECUTE FUNCTION check_pending_refund_certificate()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS certificates_pending_refund_certificate ON certificates`.execute(
    db,
  );
  await sql`DROP TRIGGER IF EXISTS orders_pending_refund_certificate ON orders`.execute(db);
  await sql`DROP FUNCTION IF EXISTS check_pending_refund_certificate()`.execute(db);
  await sql`DROP TRIGGER IF EXISTS orders_refund_state_forward ON orders`.execute(db);
  await sql`DROP FUNCTION IF EXISTS order_refund_state_forward()`.execute(db);
  await sql`ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_refund_request_source_check`.execute(
    db,
  );
  await sql`
    ALTER TABLE orders ADD CONSTRAINT orders_refund_request_source_check
      CHECK (refund_request_source IN ('admin', 'late_payment', 'project_failed'))
  `.execute(db);
  await sql`ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_refunded_has_no_refund_state`.execute(
    db,
  );
  await sql`ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_refund_state_matches_request`.execute(
    db,
  );
  await sql`ALTER TABLE orders DROP COLUMN IF EXISTS refund_state`.execute(db);
  await sql`DROP TRIGGER IF EXISTS stripe_refunds_forward_only ON stripe_refunds`.execute(db);
  await sql`DROP FUNCTION IF EXISTS stripe_refund_forward_only()`.execute(db);
  await sql`DROP TABLE IF EXISTS stripe_refunds`.execute(db);
}
