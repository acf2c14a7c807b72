import { type Kysely, sql } from 'kysely';

// The TenderNed publication a contract came from (issue 19): its publication number
// ("kenmerk", digits) and the https link to it on tenderned.nl, both or neither (a contract
// below the thresholds need not have been published). Frozen in time: never import from src/.
//
// Public verification shows it beside each contract a certificate was counted toward, with
// what the claim counts (its last credit may count in part, 20261207400000); a change of it
// tells the verification caches, as a change of the contract's reference or title does.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE contracts ADD COLUMN tenderned_reference text`.execute(db);
  await sql`ALTER TABLE contracts ADD COLUMN tenderned_url text`.execute(db);
  await sql`
    ALTER TABLE contracts ADD CONSTRAINT contracts_tenderned_publication CHECK (
      (tenderned_reference IS NULL) = (tenderned_url IS NULL)
      AND (tenderned_reference IS NULL OR tenderned_reference ~ '^[0-9]{4,9}$')
      AND (tenderned_url IS NULL OR (char_length(tenderned_url) <= 500
           AND tenderned_url ~ '^https://(www\\.)?tenderned\\.nl/'))
    )
  `.execute(db);
  await verificationFunction(true).execute(db);
  await sql`
    CREATE TRIGGER contracts_tenderned_verification_changed
    AFTER UPDATE OF tenderned_reference, tenderned_url ON contracts
    FOR EACH STATEMENT EXECUTE FUNCTION notify_certificate_verification()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS contracts_tenderned_verification_changed ON contracts`.execute(
    db,
  );
  await verificationFunction(false).execute(db);
  await sql`ALTER TABLE contracts DROP CONSTRAINT IF EXISTS contracts_tenderned_publication`.execute(
    db,
  );
  await sql`ALTER TABLE contracts DROP COLUMN IF EXISTS tenderned_url`.execute(db);
  await sql`ALTER TABLE contracts DROP COLUMN IF EXISTS tenderned_reference`.execute(db);
}

/** Public verification by code, as 20261204120000 made it, with what each approved claim counts (and, with `tenderNed`, its contract's publication). */
function verificationFunction(tenderNed: boolean) {
  const extra = tenderNed
    ? sql.raw(`, 'tenderNedReference', k.tenderned_reference, 'tenderNedUrl', k.tenderned_url`)
    : sql.raw('');
  const counted = sql.raw(tenderNed ? 'cl.counted_cents' : 'cl.value_cents');
  return sql`
    CREATE OR REPLACE FUNCTION certificate_verification(p_code text)
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
              'credits', cl.credits, 'valueCents', ${counted}, 'approvedAt', cl.decided_at${extra}
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
  `;
}
