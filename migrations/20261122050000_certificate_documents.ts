import { type Kysely, sql } from 'kysely';

// The rendered PDFs of certificates and invoices (DESIGN §6): rendered on first download,
// their SHA-256 recorded, and the stored bytes returned on every later download, so an
// uploaded copy can be matched exactly. Append-only: a document, once handed out, never changes.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE certificate_documents (
      certificate_id uuid NOT NULL REFERENCES certificates (id),
      lang text NOT NULL CHECK (lang IN ('nl', 'en')),
      sha256 text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      bytes bytea NOT NULL,
      rendered_at timestamptz NOT NULL,
      PRIMARY KEY (certificate_id, lang)
    )
  `.execute(db);
  await sql`
    CREATE TABLE invoice_documents (
      order_id uuid NOT NULL REFERENCES orders (id),
      lang text NOT NULL CHECK (lang IN ('nl', 'en')),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      bytes bytea NOT NULL,
      rendered_at timestamptz NOT NULL,
      PRIMARY KEY (order_id, lang)
    )
  `.execute(db);
  for (const table of ['certificate_documents', 'invoice_documents']) {
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
  await sql`DROP TABLE IF EXISTS invoice_documents`.execute(db);
  await sql`DROP TABLE IF EXISTS certificate_documents`.execute(db);
}
