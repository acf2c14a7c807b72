import { type Kysely, sql } from 'kysely';

// Domain events and signed webhooks (issue 20).
//
// - domain_events: what happened to which object, written by the service that made the
//   change in the same transaction, so an event exists exactly when its change committed.
//   `seq` orders them (an object's events are recorded under the object's row lock, so
//   their seq follows the order of the changes). `organisation_ids` are the organisations
//   the event concerns; `dispatched_at` is set once every subscriber (the webhooks
//   fan-out, later e-mail) has taken it, in the dispatcher's one transaction.
//   Append-only apart from dispatched_at.
// - webhook_endpoints: an organisation's receivers. The signing secret is never returned
//   by the API after it was shown; during a rotation the previous secret stays valid
//   until previous_secret_expires_at (both are sent).
// - webhook_deliveries: one message of one event to one endpoint, with its state; the
//   payload is rendered once (at the first attempt), so every attempt sends the same
//   bytes under the same id.
// - webhook_attempts: the delivery log (status code, duration, a short prefix of the
//   answer, the error).
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE domain_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      type text NOT NULL CHECK (type ~ '^[a-z_]+\.[a-z_]+$'),
      object_type text NOT NULL CHECK (object_type ~ '^[a-z_]+$'),
      object_id uuid NOT NULL,
      organisation_ids uuid[] NOT NULL DEFAULT '{}',
      occurred_at timestamptz NOT NULL,
      dispatched_at timestamptz
    )
  `.execute(db);
  await sql`CREATE INDEX domain_events_undispatched_idx ON domain_events (seq) WHERE dispatched_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX domain_events_object_idx ON domain_events (object_type, object_id, seq)`.execute(
    db,
  );
  // An event is a fact: only its dispatch is recorded afterwards, once.
  await sql`
    CREATE FUNCTION domain_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'domain event %: events are never deleted', OLD.id USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.id <> OLD.id OR NEW.seq <> OLD.seq OR NEW.type <> OLD.type
         OR NEW.object_type <> OLD.object_type OR NEW.object_id <> OLD.object_id
         OR NEW.organisation_ids <> OLD.organisation_ids OR NEW.occurred_at <> OLD.occurred_at
         OR OLD.dispatched_at IS NOT NULL THEN
        RAISE EXCEPTION 'domain event %: only its dispatch is recorded, once', OLD.id USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER domain_events_append_only BEFORE UPDATE OR DELETE ON domain_events
      FOR EACH ROW EXECUTE FUNCTION domain_event_append_only()
  `.execute(db);

  await sql`
    CREATE TABLE webhook_endpoints (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      url text NOT NULL CHECK (char_length(url) <= 2000 AND url ~ '^https?://'),
      description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 500),
      event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
      enabled boolean NOT NULL DEFAULT true,
      disabled_reason text CHECK (disabled_reason IN ('by_user', 'failing')),
      secret text NOT NULL CHECK (secret ~ '^whsec_[A-Za-z0-9+/=]+$'),
      previous_secret text CHECK (previous_secret ~ '^whsec_[A-Za-z0-9+/=]+$'),
      previous_secret_expires_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT webhook_endpoints_disabled_reason CHECK (enabled = (disabled_reason IS NULL)),
      CONSTRAINT webhook_endpoints_previous_secret CHECK (
        (previous_secret IS NULL) = (previous_secret_expires_at IS NULL)
      )
    )
  `.execute(db);
  await sql`CREATE INDEX webhook_endpoints_organisation_idx ON webhook_endpoints (organisation_id)`.execute(
    db,
  );

  await sql`
    CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
      event_id uuid NOT NULL REFERENCES domain_events (id),
      event_seq bigint NOT NULL,
      event_type text NOT NULL,
      object_type text NOT NULL,
      object_id uuid NOT NULL,
      -- Rendered at the first attempt, then sent unchanged on every later one.
      payload text,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      first_attempt_at timestamptz,
      next_attempt_at timestamptz NOT NULL,
      leased_until timestamptz,
      created_at timestamptz NOT NULL,
      finished_at timestamptz,
      UNIQUE (endpoint_id, event_id),
      CONSTRAINT webhook_deliveries_finished CHECK ((status = 'pending') = (finished_at IS NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`.execute(
    db,
  );
  // In order per object: the earliest pending delivery of an object to an endpoint goes first.
  await sql`CREATE INDEX webhook_deliveries_object_idx ON webhook_deliveries (endpoint_id, object_type, object_id, event_seq) WHERE status = 'pending'`.execute(
    db,
  );
  await sql`CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE webhook_attempts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
      attempted_at timestamptz NOT NULL,
      duration_ms integer NOT NULL CHECK (duration_ms >= 0),
      status_code integer CHECK (status_code BETWEEN 100 AND 599),
      response_prefix text CHECK (char_length(response_prefix) <= 256),
      error text CHECK (char_length(error) <= 500),
      succeeded boolean NOT NULL,
      CONSTRAINT webhook_attempts_outcome CHECK (status_code IS NOT NULL OR error IS NOT NULL)
    )
  `.execute(db);
  await sql`CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempted_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS webhook_attempts`.execute(db);
  await sql`DROP TABLE IF EXISTS webhook_deliveries`.execute(db);
  await sql`DROP TABLE IF EXISTS webhook_endpoints`.execute(db);
  await sql`DROP TABLE IF EXISTS domain_events`.execute(db);
  await sql`DROP FUNCTION IF EXISTS domain_event_append_only()`.execute(db);
}
