import { type Kysely, sql } from 'kysely';

// Bank statements (issue 17): the platform team uploads the bank's CAMT.053 statement and its
// entries are matched to open invoice orders (credits) and approved payouts (debits). A file
// is stored once (its SHA-256 and the statement's place in it are unique), and an entry once across every file (entry_key is
// unique among first sightings): a statement uploaded twice, or two statements that overlap,
// book nothing twice. An entry seen before is kept as a row pointing at its first sighting
// (duplicate_of), so every statement still lists all its entries. What the matching cannot
// decide is an exception that a platform admin resolves, once, with a decision and a note.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE bank_statements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
      file_size integer NOT NULL CHECK (file_size > 0),
      -- A file may hold several statements (Stmt: one per account and day).
      statement_index integer NOT NULL CHECK (statement_index >= 0),
      message_type text NOT NULL CHECK (message_type ~ '^camt\\.053\\.001\\.[0-9]{2}$'),
      account_iban text NOT NULL CHECK (account_iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$'),
      statement_id text NOT NULL CHECK (char_length(statement_id) BETWEEN 1 AND 140),
      created_at_bank timestamptz,
      period_from timestamptz,
      period_to timestamptz,
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      opening_balance_cents bigint,
      closing_balance_cents bigint,
      uploaded_by uuid NOT NULL REFERENCES users (id),
      uploaded_at timestamptz NOT NULL,
      UNIQUE (file_sha256, statement_index)
    )
  `.execute(db);
  await sql`
    CREATE TABLE bank_statement_entries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      statement_id uuid NOT NULL REFERENCES bank_statements (id),
      -- Its place in the file: the entry (Ntry) and, for a batch entry split per transaction, the transaction.
      entry_index integer NOT NULL CHECK (entry_index >= 0),
      transaction_index integer NOT NULL CHECK (transaction_index >= 0),
      batch_size integer NOT NULL CHECK (batch_size >= 1 AND transaction_index < batch_size),
      entry_key text NOT NULL CHECK (char_length(entry_key) BETWEEN 1 AND 400),
      duplicate_of uuid REFERENCES bank_statement_entries (id),
      booking_date date NOT NULL,
      value_date date,
      amount_cents bigint NOT NULL CHECK (amount_cents > 0),
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      direction text NOT NULL CHECK (direction IN ('credit', 'debit')),
      -- RvslInd: the bank takes back an earlier booking (a returned transfer).
      reversal boolean NOT NULL DEFAULT false,
      counterparty_name text CHECK (char_length(counterparty_name) <= 140),
      counterparty_iban text CHECK (char_length(counterparty_iban) <= 34),
      remittance_structured text CHECK (char_length(remittance_structured) <= 140),
      remittance_unstructured text CHECK (char_length(remittance_unstructured) <= 1000),
      end_to_end_id text CHECK (char_length(end_to_end_id) <= 140),
      account_servicer_reference text CHECK (char_length(account_servicer_reference) <= 140),
      -- pending until matched; then one outcome. A duplicate is never matched.
      match_status text NOT NULL CHECK (match_status IN ('pending', 'matched_order', 'matched_payout', 'exception', 'unmatched', 'duplicate')),
      match_detail text CHECK (char_length(match_detail) <= 500),
      order_id uuid REFERENCES orders (id),
      payout_id uuid REFERENCES payouts (id),
      matched_at timestamptz,
      exception_reason text CHECK (exception_reason ~ '^[a-z][a-z_]{0,63}$'),
      resolution text CHECK (resolution IN ('booked_as_paid', 'ignored', 'refunded_by_hand')),
      resolution_note text CHECK (char_length(resolution_note) BETWEEN 1 AND 1000),
      resolved_by uuid REFERENCES users (id),
      resolved_at timestamptz,
      CONSTRAINT bank_entries_duplicate_status CHECK ((duplicate_of IS NOT NULL) = (match_status = 'duplicate')),
      CONSTRAINT bank_entries_matched_order CHECK (match_status <> 'matched_order' OR order_id IS NOT NULL),
      CONSTRAINT bank_entries_matched_payout CHECK (match_status <> 'matched_payout' OR payout_id IS NOT NULL),
      CONSTRAINT bank_entries_exception_reason CHECK ((match_status = 'exception') = (exception_reason IS NOT NULL)),
      CONSTRAINT bank_entries_resolution_complete CHECK (
        (resolution IS NULL) = (resolved_at IS NULL) AND (resolution IS NULL) = (resolution_note IS NULL)
        AND (resolution IS NULL) = (resolved_by IS NULL)),
      CONSTRAINT bank_entries_resolution_of_exception CHECK (resolution IS NULL OR match_status = 'exception'),
      UNIQUE (statement_id, entry_index, transaction_index)
    )
  `.execute(db);
  // An entry is booked from its first sighting only.
  await sql`
    CREATE UNIQUE INDEX bank_entries_first_sighting_idx ON bank_statement_entries (entry_key)
      WHERE duplicate_of IS NULL
  `.execute(db);
  // A bank transfer pays an order, or a payout, once.
  await sql`
    CREATE UNIQUE INDEX bank_entries_order_paid_idx ON bank_statement_entries (order_id)
      WHERE match_status = 'matched_order'
  `.execute(db);
  await sql`
    CREATE UNIQUE INDEX bank_entries_payout_paid_idx ON bank_statement_entries (payout_id)
      WHERE match_status = 'matched_payout'
  `.execute(db);
  await sql`CREATE INDEX bank_entries_statement_idx ON bank_statement_entries (statement_id, seq)`.execute(
    db,
  );
  await sql`
    CREATE INDEX bank_entries_open_exceptions_idx ON bank_statement_entries (seq)
      WHERE match_status = 'exception' AND resolved_at IS NULL
  `.execute(db);

  // Statements are bank records: never changed or deleted. An entry's identity and facts are
  // frozen; only its matching moves, from pending to an outcome, and an exception's resolution, once.
  await sql`
    CREATE FUNCTION bank_statement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'bank statements are never changed or deleted' USING ERRCODE = 'restrict_violation';
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER bank_statements_append_only BEFORE UPDATE OR DELETE ON bank_statements
      FOR EACH ROW EXECUTE FUNCTION bank_statement_append_only()
  `.execute(db);
  await sql`
    CREATE FUNCTION bank_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'bank statement entry %: entries are never deleted', OLD.id USING ERRCODE = 'restrict_violation';
      END IF;
      IF ROW(NEW.id, NEW.seq, NEW.statement_id, NEW.entry_index, NEW.transaction_index, NEW.batch_size,
             NEW.entry_key, NEW.duplicate_of, NEW.booking_date, NEW.value_date, NEW.amount_cents, NEW.currency,
             NEW.direction, NEW.reversal, NEW.counterparty_name, NEW.counterparty_iban, NEW.remittance_structured,
             NEW.remittance_unstructured, NEW.end_to_end_id, NEW.account_servicer_reference)
         IS DISTINCT FROM
         ROW(OLD.id, OLD.seq, OLD.statement_id, OLD.entry_index, OLD.transaction_index, OLD.batch_size,
             OLD.entry_key, OLD.duplicate_of, OLD.booking_date, OLD.value_date, OLD.amount_cents, OLD.currency,
             OLD.direction, OLD.reversal, OLD.counterparty_name, OLD.counterparty_iban, OLD.remittance_structured,
             OLD.remittance_unstructured, OLD.end_to_end_id, OLD.account_servicer_reference) THEN
        RAISE EXCEPTION 'bank statement entry %: what the bank reported never changes', OLD.id USING ERRCODE = 'restrict_violation';
      END IF;
      IF OLD.match_status <> 'pending' AND NEW.match_status IS DISTINCT FROM OLD.match_status THEN
        RAISE EXCEPTION 'bank statement entry %: matched once', OLD.id USING ERRCODE = 'restrict_violation';
      END IF;
      -- The order or payout is named when matched, or when a person resolves an exception (once).
      IF OLD.match_status <> 'pending'
         AND (NEW.order_id IS DISTINCT FROM OLD.order_id OR NEW.payout_id IS DISTINCT FROM OLD.payout_id)
         AND NOT (OLD.resolved_at IS NULL AND NEW.resolved_at IS NOT NULL
                  AND (OLD.order_id IS NULL OR NEW.order_id IS NOT DISTINCT FROM OLD.order_id)
                  AND (OLD.payout_id IS NULL OR NEW.payout_id IS NOT DISTINCT FROM OLD.payout_id)) THEN
        RAISE EXCEPTION 'bank statement entry %: its order or payout is named once', OLD.id USING ERRCODE = 'restrict_violation';
      END IF;
      IF OLD.resolved_at IS NOT NULL AND ROW(NEW.resolution, NEW.resolution_note, NEW.resolved_by, NEW.resolved_at)
         IS DISTINCT FROM ROW(OLD.resolution, OLD.resolution_note, OLD.resolved_by, OLD.resolved_at) THEN
        RAISE EXCEPTION 'bank statement entry %: an exception is resolved once', OLD.id USING ERRCODE = 'restrict_violation';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER bank_statement_entries_guard BEFORE UPDATE OR DELETE ON bank_statement_entries
      FOR EACH ROW EXECUTE FUNCTION bank_entry_guard()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE bank_statement_entries`.execute(db);
  await sql`DROP TABLE bank_statements`.execute(db);
  await sql`DROP FUNCTION bank_entry_guard()`.execute(db);
  await sql`DROP FUNCTION bank_statement_append_only()`.execute(db);
}
