import { type Kysely, sql } from 'kysely';

// One purchase over several projects (issue 19). A purchase groups one order per project
// line: each order keeps its own reservation, serial range, certificate, escrow and refunds,
// while the purchase carries what the buyer pays once: ONE invoice number (the yearly INV-
// series), ONE payment reference (ISO 11649) and, for card and iDEAL, ONE Checkout Session.
// The orders of a purchase carry the purchase's invoice number and payment reference
// (a foreign key keeps them equal), so the unique constraints on those order columns hold
// only for orders outside a purchase. A purchase's invoice is one document of its own.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE purchases (
      id uuid PRIMARY KEY,
      buyer_organisation_id uuid NOT NULL REFERENCES organisations (id),
      created_by uuid NOT NULL REFERENCES users (id),
      payment_method text NOT NULL CHECK (payment_method IN ('stripe', 'invoice')),
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      currency text NOT NULL DEFAULT 'EUR' CHECK (currency = 'EUR'),
      reserved_until timestamptz NOT NULL,
      invoice_number text UNIQUE,
      payment_reference text NOT NULL UNIQUE,
      billing_name text NOT NULL,
      billing_kvk_number text,
      billing_vat_number text,
      billing_address jsonb,
      stripe_checkout_session_id text UNIQUE,
      stripe_checkout_url text,
      stripe_payment_intent_id text,
      paid_at timestamptz,
      paid_reference text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT purchases_invoice_has_number CHECK (payment_method <> 'invoice' OR invoice_number IS NOT NULL),
      CONSTRAINT purchases_paid_has_number CHECK (paid_at IS NULL OR invoice_number IS NOT NULL),
      UNIQUE (id, payment_reference)
    )
  `.execute(db);
  await sql`CREATE INDEX purchases_buyer_idx ON purchases (buyer_organisation_id, created_at DESC, id DESC)`.execute(
    db,
  );
  await sql`ALTER TABLE orders ADD COLUMN purchase_id uuid`.execute(db);
  await sql`
    ALTER TABLE orders
      ADD CONSTRAINT orders_purchase_reference_fkey FOREIGN KEY (purchase_id, payment_reference)
        REFERENCES purchases (id, payment_reference),
      ADD CONSTRAINT orders_one_line_per_project UNIQUE (purchase_id, project_id)
  `.execute(db);
  // Outside a purchase an order's number and reference stay its own; inside, they are the purchase's.
  await sql`ALTER TABLE orders DROP CONSTRAINT orders_invoice_number_key`.execute(db);
  await sql`ALTER TABLE orders DROP CONSTRAINT orders_payment_reference_key`.execute(db);
  await sql`CREATE UNIQUE INDEX orders_invoice_number_key ON orders (invoice_number) WHERE purchase_id IS NULL`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX orders_payment_reference_key ON orders (payment_reference) WHERE purchase_id IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX orders_invoice_number_idx ON orders (invoice_number) WHERE purchase_id IS NOT NULL`.execute(
    db,
  );
  // An order's number is never a purchase's number unless the order belongs to it.
  await sql`
    CREATE FUNCTION order_invoice_number_of_purchase() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.invoice_number IS NULL THEN
        RETURN NEW;
      END IF;
      IF NEW.purchase_id IS NULL THEN
        IF EXISTS (SELECT 1 FROM purchases p WHERE p.invoice_number = NEW.invoice_number) THEN
          RAISE EXCEPTION 'invoice number % belongs to a purchase', NEW.invoice_number USING ERRCODE = '23505';
        END IF;
      ELSIF NOT EXISTS (SELECT 1 FROM purchases p WHERE p.id = NEW.purchase_id AND p.invoice_number = NEW.invoice_number) THEN
        RAISE EXCEPTION 'an order of purchase % carries its invoice number', NEW.purchase_id USING ERRCODE = '23514';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER orders_invoice_number_of_purchase BEFORE INSERT OR UPDATE OF invoice_number, purchase_id ON orders
    FOR EACH ROW EXECUTE FUNCTION order_invoice_number_of_purchase()
  `.execute(db);
  await sql`
    CREATE TABLE purchase_invoice_documents (
      purchase_id uuid NOT NULL REFERENCES purchases (id),
      lang text NOT NULL CHECK (lang IN ('nl', 'en')),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      bytes bytea NOT NULL,
      rendered_at timestamptz NOT NULL,
      PRIMARY KEY (purchase_id, lang)
    )
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE purchase_invoice_documents`.execute(db);
  await sql`DROP TRIGGER orders_invoice_number_of_purchase ON orders`.execute(db);
  await sql`DROP FUNCTION order_invoice_number_of_purchase()`.execute(db);
  await sql`DROP INDEX orders_invoice_number_idx`.execute(db);
  await sql`DROP INDEX orders_invoice_number_key`.execute(db);
  await sql`DROP INDEX orders_payment_reference_key`.execute(db);
  await sql`ALTER TABLE orders ADD CONSTRAINT orders_invoice_number_key UNIQUE (invoice_number)`.execute(
    db,
  );
  await sql`ALTER TABLE orders ADD CONSTRAINT orders_payment_reference_key UNIQUE (payment_reference)`.execute(
    db,
  );
  await sql`ALTER TABLE orders DROP CONSTRAINT orders_one_line_per_project`.execute(db);
  await sql`ALTER TABLE orders DROP CONSTRAINT orders_purchase_reference_fkey`.execute(db);
  await sql`ALTER TABLE orders DROP COLUMN purchase_id`.execute(db);
  await sql`DROP TABLE purchases`.execute(db);
}
