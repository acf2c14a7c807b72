import { type Kysely, sql } from 'kysely';

// What a certificate says about its supplier, and why it stopped being valid, as public
// verification shows it (issue 15):
//
// - The supplier's legal name and KvK number as they were at issue, stored on the
//   certificate. Existing certificates are back-filled with the name their supplier has now
//   (the best there is: nothing older was kept). A BEFORE INSERT trigger fills them in for
//   every new certificate from the organisation row, in the issuing transaction, whatever
//   code path issues it.
// - A public reason for a suspended or revoked certificate, from a fixed list that
//   verification translates: refunded, funding_failed, payment_disputed, withdrawn. The
//   free-text status_reason stays internal. A statement that changes the status may set the
//   reason itself (a platform withdrawal sets 'withdrawn'); otherwise a BEFORE UPDATE trigger
//   derives it from the facts at that moment: suspended (only a dispute suspends), or a
//   dispute that is open or was lost → payment_disputed; a failed project → funding_failed; any other revocation is a refund.
//   Active certificates have none (a CHECK keeps it so).
// - certificate_verification(code) is redefined to return both names (at issue and now),
//   the public reason, the credits still free to claim, and per approved claim the contract's
//   title, its euro value and date. A contract title is now shown, so editing one notifies the
//   verification caches like a reference edit does (channel 'certificate_verification', '*').
// Frozen in time: never import from src/.

const PUBLIC_REASONS = "('refunded', 'funding_failed', 'payment_disputed', 'withdrawn')";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE certificates
      ADD COLUMN supplier_name_at_issue text,
      ADD COLUMN supplier_kvk_number_at_issue text,
      ADD COLUMN public_reason text CHECK (public_reason IN ${sql.raw(PUBLIC_REASONS)})
  `.execute(db);
  await sql`
    UPDATE certificates c
    SET supplier_name_at_issue = o.name, supplier_kvk_number_at_issue = o.kvk_number
    FROM organisations o
    WHERE o.id = c.buyer_organisation_id
  `.execute(db);
  await sql`
    UPDATE certificates c
    SET public_reason = CASE
      WHEN c.status = 'suspended' OR c.status_reason LIKE 'dispute%' THEN 'payment_disputed'
      WHEN EXISTS (SELECT 1 FROM projects p WHERE p.id = c.project_id AND p.status = 'failed') THEN 'funding_failed'
      ELSE 'refunded'
    END
    WHERE c.status <> 'active'
  `.execute(db);
  await sql`ALTER TABLE certificates ALTER COLUMN supplier_name_at_issue SET NOT NULL`.execute(db);
  await sql`
    ALTER TABLE certificates ADD CONSTRAINT certificates_public_reason_iff_not_active
      CHECK ((status = 'active') = (public_reason IS NULL))
  `.execute(db);

  await sql`
    CREATE FUNCTION certificate_supplier_at_issue() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.supplier_name_at_issue IS NULL THEN
        SELECT o.name, o.kvk_number INTO NEW.supplier_name_at_issue, NEW.supplier_kvk_number_at_issue
        FROM organisations o WHERE o.id = NEW.buyer_organisation_id;
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER certificates_supplier_at_issue BEFORE INSERT ON certificates
    FOR EACH ROW EXECUTE FUNCTION certificate_supplier_at_issue()
  `.execute(db);

  await sql`
    CREATE FUNCTION certificate_public_reason() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status = 'active' THEN
        NEW.public_reason := NULL;
      ELSIF NEW.status IS DISTINCT FROM OLD.status
        AND NEW.public_reason IS NOT DISTINCT FROM OLD.public_reason THEN
        NEW.public_reason := CASE
          WHEN NEW.status = 'suspended' THEN 'payment_disputed'
          WHEN EXISTS (
            SELECT 1 FROM payment_disputes d
            WHERE d.order_id = NEW.order_id AND (d.closed_at IS NULL OR d.status = 'lost')
          ) THEN 'payment_disputed'
          WHEN EXISTS (SELECT 1 FROM projects p WHERE p.id = NEW.project_id AND p.status = 'failed')
            THEN 'funding_failed'
          ELSE 'refunded'
        END;
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER certificates_public_reason BEFORE UPDATE ON certificates
    FOR EACH ROW EXECUTE FUNCTION certificate_public_reason()
  `.execute(db);

  await sql`DROP FUNCTION certificate_verification(text)`.execute(db);
  await sql`
    CREATE FUNCTION certificate_verification(p_code text)
    RETURNS TABLE (
      id uuid, number text, status text, public_reason text, status_changed_at timestamptz,
      credits integer, claimed_credits integer, serial_start integer, serial_end integer,
      value_cents bigint, currency text, issued_at timestamptz,
      supplier_name_at_issue text, supplier_kvk_number_at_issue text,
      supplier_name_now text, supplier_kvk_number_now text,
      project_title text, initiative_name text, counted_toward json
    )
    LANGUAGE plpgsql STABLE AS $$
    #variable_conflict use_column
    BEGIN
      RETURN QUERY
        SELECT c.id, c.number, c.status, c.public_reason, c.status_changed_at,
          c.credits, c.claimed_credits, c.serial_start, c.serial_end,
          c.value_cents, c.currency, c.issued_at,
          c.supplier_name_at_issue, c.supplier_kvk_number_at_issue,
          s.name, s.kvk_number, p.title, i.name,
          coalesce((
            SELECT json_agg(json_build_object(
              'authority', a.name, 'contractTitle', k.title, 'contractReference', k.reference,
              'credits', cl.credits, 'valueCents', cl.value_cents, 'approvedAt', cl.decided_at
            ) ORDER BY cl.decided_at, cl.id)
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

  await sql`
    CREATE TRIGGER contracts_title_verification_changed AFTER UPDATE OF title ON contracts
    FOR EACH STATEMENT EXECUTE FUNCTION notify_certificate_verification()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS contracts_title_verification_changed ON contracts`.execute(db);
  await sql`DROP FUNCTION IF EXISTS certificate_verification(text)`.execute(db);
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
  await sql`DROP TRIGGER IF EXISTS certificates_public_reason ON certificates`.execute(db);
  await sql`DROP FUNCTION IF EXISTS certificate_public_reason()`.execute(db);
  await sql`DROP TRIGGER IF EXISTS certificates_supplier_at_issue ON certificates`.execute(db);
  await sql`DROP FUNCTION IF EXISTS certificate_supplier_at_issue()`.execute(db);
  await sql`
    ALTER TABLE certificates
      DROP CONSTRAINT IF EXISTS certificates_public_reason_iff_not_active,
      DROP COLUMN IF EXISTS public_reason,
      DROP COLUMN IF EXISTS supplier_kvk_number_at_issue,
      DROP COLUMN IF EXISTS supplier_name_at_issue
  `.execute(db);
}
