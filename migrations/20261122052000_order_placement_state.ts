import { type Kysely, sql } from 'kysely';

// Order creation in one statement (orders.repository placeOrder). What must be read after
// the buyer's row is locked (its open reservations, an earlier request with the same
// Idempotency-Key) is read here: a VOLATILE function's queries each take a fresh snapshot,
// so they see what the buyer's previous order committed while this one waited for the
// lock, which the calling statement's own snapshot (taken before the wait) would not.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION order_placement_state(p_organisation_id uuid, p_project_id uuid, p_key text)
    RETURNS TABLE (
      open_orders bigint,
      reserved_on_project bigint,
      key_scope text,
      key_request_hash text,
      key_status text,
      key_response_status integer,
      key_response_body jsonb,
      key_created_at timestamptz
    )
    -- One row (or none): without saying so the planner assumes 1000, prices the order
    -- statement above the JIT threshold, and every order pays ~100 ms of compilation.
    LANGUAGE plpgsql VOLATILE ROWS 1 AS $$
    BEGIN
      -- Serialises one buyer's orders (never anyone else's). FOR NO KEY UPDATE: the foreign
      -- keys of the rows the order inserts take FOR KEY SHARE on the same row.
      PERFORM 1 FROM organisations o WHERE o.id = p_organisation_id FOR NO KEY UPDATE;
      IF NOT FOUND THEN
        RETURN;
      END IF;
      RETURN QUERY
        SELECT r.open_orders, r.reserved_on_project,
          k.scope, k.request_hash, k.status, k.response_status, k.response_body, k.created_at
        FROM (
          SELECT count(*) AS open_orders,
            coalesce(sum(o.quantity) FILTER (WHERE o.project_id = p_project_id), 0)::bigint AS reserved_on_project
          FROM orders o
          WHERE o.buyer_organisation_id = p_organisation_id AND o.status = 'reserved'
        ) r
        LEFT JOIN idempotency_keys k ON k.organisation_id = p_organisation_id AND k.key = p_key;
    END
    $$
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS order_placement_state(uuid, uuid, text)`.execute(db);
}
