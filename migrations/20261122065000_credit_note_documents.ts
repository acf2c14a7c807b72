import { type Kysely, sql } from 'kysely';

// Every paid order has an invoice (issue 5): a Stripe order takes its gapless number from
// the same yearly INV- series when it is paid, as an invoice order does when it is placed.
// Paid Stripe orders from before this migration get theirs here, in order of payment, so
// that the CHECK below can hold for every row. Every refund of an invoiced order has a
// credit note, whose rendered PDF is stored like the invoice's: the bytes handed out, and
// their SHA-256. Append-only.
//
// Public verification by code (GET /v1/verify/{code}, the page behind the QR code) is the
// hottest read: certificate_verification(code) answers it in one call whose plan PL/pgSQL
// prepares once per connection (planning the four-table join and the claims subquery took
// most of each request on the embedded database). It reads the claims tables of the
// migration before this one.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  const unnumbered = await sql<{ id: string; year: number }>`
    SELECT id, extract(year FROM paid_at AT TIME ZONE 'Europe/Amsterdam')::int AS year
    FROM orders
    WHERE status = 'paid' AND invoice_number IS NULL
    ORDER BY paid_at, id
  `.execute(db);
  for (const order of unnumbered.rows) {
    const counter = await sql<{ last_value: number }>`
      INSERT INTO document_counters (kind, year, last_value) VALUES ('invoice', ${order.year}, 1)
      ON CONFLICT (kind, year) DO UPDATE SET last_value = document_counters.last_value + 1
      RETURNING last_value
    `.execute(db);
    const number = `INV-${order.year}-${String(counter.rows[0]!.last_value).padStart(6, '0')}`;
    await sql`UPDATE orders SET invoice_number = ${number} WHERE id = ${order.id}`.execute(db);
  }
  await sql`
    CREATE FUNCTION certificate_verification(p_code text)
    RETURNS TABLE (
      id uuid, number text, status text, status_reason text, status_changed_at timestamptz, credits integer,
      serial_start integer, serial_end integer, value_cents bigint, currency text, issued_at timestamptz,
      supplier_name text, supplier_kvk_number text, project_title text, initiative_name text, counted_toward json
    )
    LANGUAGE plpgsql STABLE AS $$
    #variable_conflict use_column
    BEGIN
      RETURN QUERY
        SELECT c.id, c.number, c.status, c.status_reason, c.status_changed_at, c.credits,
          c.serial_start, c.serial_end, c.value_cents, c.currency, c.issued_at,
          s.name, s.kvk_number, p.title, i.name,
          coalesce((
            SELECT json_agg(json_build_object('authority', a.name, 'contractReference', k.reference, 'credits', cl.credits, 'approvedAt', cl.decided_at) ORDER BY cl.decided_at, cl.id)
            FROM claims cl JOIN contracts k ON k.id = cl.contract_id JOIN organisations a ON a.id = cl.authority_id
            WHERE cl.certificate_id = c.id AND cl.status = 'approved'), '[]'::json)
        FROM certificates c
        JOIN organisations s ON s.id = c.buyer_organisation_id
        JOIN projects p ON p.id = c.project_id
        JOIN organisations i ON i.id = p.initiative_id
        WHERE c.verification_code = p_code;
    END
    $$
  `.execute(db);
  await sql`ALTER TABLE orders ADD CONSTRAINT orders_paid_has_invoice_number CHECK (status <> 'paid' OR invoice_number IS NOT NULL)`.execute(
    db,
  );

  await sql`
    CREATE TABLE credit_note_documents (
      credit_note_id uuid NOT NULL REFERENCES credit_notes (id),
      lang text NOT NULL CHECK (lang IN ('nl', 'en')),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      bytes bytea NOT NULL,
      rendered_at timestamptz NOT NULL,
      PRIMARY KEY (credit_note_id, lang)
    )
  `.execute(db);
  await sql`
    CREATE TRIGGER credit_note_documents_append_only
      BEFORE UPDATE OR DELETE ON credit_note_documents
      FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()
  `.execute(db);
  await sql`
    CREATE TRIGGER credit_note_documents_no_truncate
      BEFORE TRUNCATE ON credit_note_documents
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS credit_note_documents`.execute(db);
  await sql`DROP FUNCTION IF EXISTS certificate_verification(text)`.execute(db);
  await sql`ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_paid_has_invoice_number`.execute(
    db,
  );
}
