import { type Kysely, sql } from 'kysely';

// An order's attention flag was one text column: a second problem overwrote the first, and
// a problem that was settled (a full refund after a partial one) stayed flagged (issue 17).
// Now each open problem is a row of order_flags (code, detail, raised at), resolved on its
// own: by the event that settles it, or by a platform admin with a note. Rows are never
// deleted and a resolution is written once; the same problem raised again while it is open
// is the same row (a partial unique index). orders.needs_attention stays as the summary
// the existing readers and filters use: the latest open flag, or null when none is open.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE order_flags (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- The order flags were raised in, also within one instant.
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      order_id uuid NOT NULL REFERENCES orders (id),
      code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,63}$'),
      detail text CHECK (char_length(detail) <= 500),
      raised_at timestamptz NOT NULL,
      resolved_at timestamptz,
      resolved_by uuid REFERENCES users (id),
      resolution_note text CHECK (char_length(resolution_note) BETWEEN 1 AND 1000),
      CONSTRAINT order_flags_resolution_complete CHECK ((resolved_at IS NULL) = (resolution_note IS NULL)),
      CONSTRAINT order_flags_resolver_when_resolved CHECK (resolved_by IS NULL OR resolved_at IS NOT NULL)
    )
  `.execute(db);
  await sql`
    CREATE UNIQUE INDEX order_flags_one_open_idx ON order_flags (order_id, code, coalesce(detail, ''))
      WHERE resolved_at IS NULL
  `.execute(db);
  await sql`CREATE INDEX order_flags_order_idx ON order_flags (order_id, seq)`.execute(db);

  await sql`
    CREATE FUNCTION order_flag_resolve_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'order flags are never deleted' USING ERRCODE = 'restrict_violation';
      END IF;
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'order flag %: flags are never deleted', OLD.id USING ERRCODE = 'restrict_violation';
      END IF;
      IF OLD.resolved_at IS NOT NULL OR NEW.resolved_at IS NULL
        OR NEW.id <> OLD.id OR NEW.seq <> OLD.seq OR NEW.order_id <> OLD.order_id OR NEW.code <> OLD.code
        OR NEW.detail IS DISTINCT FROM OLD.detail OR NEW.raised_at <> OLD.raised_at THEN
        RAISE EXCEPTION 'order flag %: only an open flag is resolved, once', OLD.id USING ERRCODE = 'restrict_violation';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER order_flags_resolve_only BEFORE UPDATE OR DELETE ON order_flags
      FOR EACH ROW EXECUTE FUNCTION order_flag_resolve_only()
  `.execute(db);
  await sql`
    CREATE TRIGGER order_flags_no_truncate BEFORE TRUNCATE ON order_flags
      FOR EACH STATEMENT EXECUTE FUNCTION order_flag_resolve_only()
  `.execute(db);

  // The flags standing today become open rows: "code: detail", or a bare code.
  await sql`
    INSERT INTO order_flags (order_id, code, detail, raised_at)
    SELECT id,
      CASE WHEN needs_attention ~ '^[a-z][a-z0-9_]{0,63}(:|$)'
        THEN substring(needs_attention FROM '^([a-z][a-z0-9_]*)') ELSE 'other' END,
      CASE WHEN needs_attention ~ '^[a-z][a-z0-9_]{0,63}$' THEN NULL
        WHEN needs_attention ~ '^[a-z][a-z0-9_]{0,63}:' THEN nullif(btrim(substring(needs_attention FROM position(':' IN needs_attention) + 1)), '')
        ELSE needs_attention END,
      updated_at
    FROM orders WHERE needs_attention IS NOT NULL
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE order_flags`.execute(db);
  await sql`DROP FUNCTION order_flag_resolve_only()`.execute(db);
}
