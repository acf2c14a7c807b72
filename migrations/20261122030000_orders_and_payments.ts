import { type Kysely, sql } from 'kysely';

// Orders, payments, credit allocations (serial ranges), certificates, the money ledger,
// idempotency keys, Stripe events and gapless document numbers (DESIGN §4 Order, §5).
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);

  // Serials are never reused: a project's next free serial only grows (refunded ranges stay void).
  await sql`ALTER TABLE project_credit_balances ADD COLUMN next_serial integer NOT NULL DEFAULT 1 CHECK (next_serial >= 1)`.execute(
    db,
  );

  await sql`
    CREATE TABLE orders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      buyer_organisation_id uuid NOT NULL,
      buyer_kind text NOT NULL DEFAULT 'supplier' CHECK (buyer_kind = 'supplier'),
      created_by uuid NOT NULL REFERENCES users (id),
      project_id uuid NOT NULL REFERENCES projects (id),
      quantity integer NOT NULL CHECK (quantity > 0),
      unit_price_cents integer NOT NULL CHECK (unit_price_cents > 0),
      amount_cents bigint NOT NULL CHECK (amount_cents = quantity::bigint * unit_price_cents),
      currency text NOT NULL DEFAULT 'EUR' CHECK (currency = 'EUR'),
      payment_method text NOT NULL CHECK (payment_method IN ('stripe', 'invoice')),
      status text NOT NULL DEFAULT 'reserved' CHECK (status IN ('reserved', 'paid', 'expired', 'cancelled', 'refunded')),
      reserved_until timestamptz NOT NULL,
      -- the buyer's billing details as they were when the order was placed
      billing_name text NOT NULL,
      billing_kvk_number text,
      billing_vat_number text,
      billing_address jsonb,
      invoice_number text UNIQUE,
      payment_reference text NOT NULL UNIQUE,
      stripe_checkout_session_id text UNIQUE,
      stripe_checkout_url text,
      stripe_payment_intent_id text UNIQUE,
      paid_at timestamptz,
      paid_reference text,
      closed_at timestamptz,
      close_reason text,
      refunded_at timestamptz,
      needs_attention text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (buyer_organisation_id, buyer_kind) REFERENCES organisations (id, kind),
      CHECK (payment_method <> 'invoice' OR invoice_number IS NOT NULL),
      CHECK (status <> 'paid' OR paid_at IS NOT NULL),
      CHECK ((status = 'refunded') = (refunded_at IS NOT NULL)),
      CHECK ((status IN ('expired', 'cancelled')) = (closed_at IS NOT NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX orders_buyer_idx ON orders (buyer_organisation_id, created_at DESC, id)`.execute(
    db,
  );
  await sql`CREATE INDEX orders_project_idx ON orders (project_id, status)`.execute(db);
  await sql`CREATE INDEX orders_open_reservations_idx ON orders (reserved_until) WHERE status = 'reserved'`.execute(
    db,
  );

  // Each paid order owns exactly one contiguous serial range; the database rejects overlaps.
  await sql`
    CREATE TABLE credit_allocations (
      order_id uuid PRIMARY KEY REFERENCES orders (id),
      project_id uuid NOT NULL REFERENCES projects (id),
      serial_start integer NOT NULL CHECK (serial_start >= 1),
      serial_end integer NOT NULL,
      serials int4range GENERATED ALWAYS AS (int4range(serial_start, serial_end, '[]')) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (serial_end >= serial_start),
      CONSTRAINT credit_allocations_no_overlap EXCLUDE USING gist (project_id WITH =, serials WITH &&)
    )
  `.execute(db);

  await sql`
    CREATE TABLE certificates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE CHECK (number ~ '^IB-[0-9]{4}-[0-9]{6,}$'),
      verification_code text NOT NULL UNIQUE CHECK (char_length(verification_code) >= 22),
      order_id uuid NOT NULL UNIQUE REFERENCES credit_allocations (order_id),
      project_id uuid NOT NULL REFERENCES projects (id),
      buyer_organisation_id uuid NOT NULL REFERENCES organisations (id),
      credits integer NOT NULL CHECK (credits > 0),
      serial_start integer NOT NULL,
      serial_end integer NOT NULL,
      value_cents bigint NOT NULL CHECK (value_cents > 0),
      currency text NOT NULL DEFAULT 'EUR',
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'revoked')),
      status_reason text,
      issued_at timestamptz NOT NULL,
      status_changed_at timestamptz,
      CHECK (serial_end - serial_start + 1 = credits)
    )
  `.execute(db);
  await sql`CREATE INDEX certificates_buyer_idx ON certificates (buyer_organisation_id)`.execute(
    db,
  );

  // Money held for each project (DESIGN §5.5): every cent paid in is in escrow, paid out
  // to the initiative, or refunded. Amounts are positive; the entry type gives the direction.
  await sql`
    CREATE TABLE money_ledger (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      project_id uuid NOT NULL REFERENCES projects (id),
      order_id uuid REFERENCES orders (id),
      entry_type text NOT NULL CHECK (entry_type IN ('payment_received', 'refund_paid', 'payout')),
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      currency text NOT NULL DEFAULT 'EUR' CHECK (currency = 'EUR'),
      method text NOT NULL CHECK (method IN ('stripe', 'invoice', 'bank')),
      external_reference text,
      actor_user_id uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`CREATE INDEX money_ledger_project_idx ON money_ledger (project_id, id)`.execute(db);
  // an order's payment and its refund are each booked once
  await sql`CREATE UNIQUE INDEX money_ledger_one_payment_idx ON money_ledger (order_id) WHERE entry_type = 'payment_received'`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX money_ledger_one_refund_idx ON money_ledger (order_id) WHERE entry_type = 'refund_paid'`.execute(
    db,
  );

  // Credit-ledger rows can now name the order they belong to; an order is sold and refunded once.
  await sql`CREATE UNIQUE INDEX credit_ledger_one_sale_idx ON credit_ledger (reference_id) WHERE entry_type = 'sell'`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX credit_ledger_one_refund_idx ON credit_ledger (reference_id) WHERE entry_type = 'refund'`.execute(
    db,
  );

  // Gapless yearly numbers (invoices, credit notes, certificates): a counter row per
  // kind and year, incremented inside the transaction that uses the number.
  await sql`
    CREATE TABLE document_counters (
      kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'certificate')),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
      last_value integer NOT NULL CHECK (last_value >= 1),
      PRIMARY KEY (kind, year)
    )
  `.execute(db);

  await sql`
    CREATE TABLE credit_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      order_id uuid NOT NULL UNIQUE REFERENCES orders (id),
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      reason text NOT NULL,
      issued_by uuid REFERENCES users (id),
      issued_at timestamptz NOT NULL
    )
  `.execute(db);

  // Idempotency-Key: the first response for (organisation, key) is kept and replayed.
  await sql`
    CREATE TABLE idempotency_keys (
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
      scope text NOT NULL,
      request_hash text NOT NULL,
      status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
      response_status integer,
      response_body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      PRIMARY KEY (organisation_id, key)
    )
  `.execute(db);

  // Every Stripe event is recorded once; a redelivery finds its row and changes nothing.
  await sql`
    CREATE TABLE stripe_events (
      id text PRIMARY KEY,
      type text NOT NULL,
      livemode boolean NOT NULL,
      created_at_stripe timestamptz NOT NULL,
      received_at timestamptz NOT NULL,
      order_id uuid REFERENCES orders (id),
      outcome text NOT NULL,
      payload jsonb NOT NULL
    )
  `.execute(db);

  // Disputes are recorded here; the certificate's status follows them (certificates issue).
  await sql`
    CREATE TABLE payment_disputes (
      id text PRIMARY KEY,
      order_id uuid REFERENCES orders (id),
      charge_id text NOT NULL,
      amount_cents bigint NOT NULL,
      status text NOT NULL,
      reason text,
      opened_at timestamptz NOT NULL,
      closed_at timestamptz
    )
  `.execute(db);

  for (const table of ['credit_allocations', 'money_ledger', 'stripe_events', 'credit_notes']) {
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
    'payment_disputes',
    'stripe_events',
    'idempotency_keys',
    'credit_notes',
    'document_counters',
    'money_ledger',
    'certificates',
    'credit_allocations',
    'orders',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.id(table)}`.execute(db);
  }
  await sql`DROP INDEX IF EXISTS credit_ledger_one_sale_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS credit_ledger_one_refund_idx`.execute(db);
  await sql`ALTER TABLE project_credit_balances DROP COLUMN IF EXISTS next_serial`.execute(db);
}
