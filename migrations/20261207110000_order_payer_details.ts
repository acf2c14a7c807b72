import { type Kysely, sql } from 'kysely';

// Checkout with the buyer (issue 17): what Stripe reports about who paid a Checkout Session
// (customer_details) is kept on the order only as far as bookkeeping needs it: the payer's
// name, the country of the billing address (where VAT is due) and the tax ids given (the
// VAT id for reverse charge). Not the e-mail address (the ordering user's is on file), nor
// the street address or phone number. See docs/privacy.md.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE orders
      ADD COLUMN payer_name text CHECK (char_length(payer_name) BETWEEN 1 AND 300),
      ADD COLUMN payer_country text CHECK (payer_country ~ '^[A-Z]{2}$'),
      ADD COLUMN payer_tax_ids jsonb CHECK (jsonb_typeof(payer_tax_ids) = 'array' AND jsonb_array_length(payer_tax_ids) <= 10)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE orders DROP COLUMN payer_name, DROP COLUMN payer_country, DROP COLUMN payer_tax_ids`.execute(
    db,
  );
}
