import { type Kysely, sql } from 'kysely';

// The last partial credit (issue 19): an obligation can be met to the cent. A claim may
// count its last credit in part, up to what is left of the obligation (of the share credits
// may fill); the rest of that credit is spent with it and counts nowhere else, because the
// claim holds the whole credit in its certificate's `claimed_credits`.
// Frozen in time: never import from src/.
//
// - claims.counted_cents: what a claim counts toward its contract's obligation, beside
//   value_cents (what its credits are worth at the valuation). Equal to it, except that the
//   last credit may count in part: every other credit counts in full.
// - contracts.counted_cents: the sum of counted_cents of the contract's approved claims,
//   moved by the claims trigger in the statement that approves, withdraws or invalidates a
//   claim (so concurrent approvals queue on the contract row), with a CHECK that it never
//   passes the obligation. A claim whose last credit counts in part is approved only when it
//   fills the credits' share of the obligation exactly.
// - the reports' quarterly summary adds up what claims count, not what their credits are worth.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE claims ADD COLUMN counted_cents bigint`.execute(db);
  await sql`ALTER TABLE claims DISABLE TRIGGER claims_apply`.execute(db);
  await sql`UPDATE claims SET counted_cents = value_cents`.execute(db);
  await sql`ALTER TABLE claims ENABLE TRIGGER claims_apply`.execute(db);
  await sql`ALTER TABLE claims ALTER COLUMN counted_cents SET NOT NULL`.execute(db);
  await sql`
    ALTER TABLE claims ADD CONSTRAINT claims_counted_within_value CHECK (
      counted_cents >= 0 AND counted_cents <= value_cents
      AND (counted_cents = value_cents
           OR counted_cents::numeric * 10000 > (credits - 1)::numeric * unit_price_cents * credit_factor_bp)
    )
  `.execute(db);

  await sql`ALTER TABLE contracts ADD COLUMN counted_cents bigint NOT NULL DEFAULT 0`.execute(db);
  await sql`
    UPDATE contracts k SET counted_cents = t.counted
      FROM (SELECT contract_id, sum(counted_cents) AS counted FROM claims WHERE status = 'approved' GROUP BY 1) t
     WHERE t.contract_id = k.id
  `.execute(db);
  await sql`ALTER TABLE contracts ADD CONSTRAINT contracts_counted_within_obligation CHECK (counted_cents >= 0 AND counted_cents <= obligation_cents)`.execute(
    db,
  );

  await sql`
    CREATE OR REPLACE FUNCTION apply_claim_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      cert record;
      k record;
      live_before boolean;
      live_after boolean;
    BEGIN
      IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'pending' THEN
          RAISE EXCEPTION 'a claim starts pending' USING ERRCODE = 'check_violation';
        END IF;
        SELECT status, buyer_organisation_id INTO cert FROM certificates WHERE id = NEW.certificate_id;
        IF cert.status IS DISTINCT FROM 'active' THEN
          RAISE EXCEPTION 'certificate % is not active', NEW.certificate_id USING ERRCODE = 'check_violation';
        END IF;
        IF cert.buyer_organisation_id <> NEW.supplier_id
           OR NOT EXISTS (SELECT 1 FROM contracts WHERE id = NEW.contract_id AND supplier_id = NEW.supplier_id AND authority_id = NEW.authority_id) THEN
          RAISE EXCEPTION 'claim parties do not match its certificate and contract' USING ERRCODE = 'check_violation';
        END IF;
        -- a claim written without what it counts counts its whole value
        NEW.counted_cents := coalesce(NEW.counted_cents, NEW.value_cents);
        UPDATE certificates SET claimed_credits = claimed_credits + NEW.credits WHERE id = NEW.certificate_id;
        RETURN NEW;
      END IF;

      IF NEW.certificate_id <> OLD.certificate_id OR NEW.contract_id <> OLD.contract_id OR NEW.credits <> OLD.credits
         OR NEW.authority_id <> OLD.authority_id OR NEW.supplier_id <> OLD.supplier_id OR NEW.created_by <> OLD.created_by
         OR NEW.created_at <> OLD.created_at OR NEW.unit_price_cents <> OLD.unit_price_cents THEN
        RAISE EXCEPTION 'what a claim is cannot change' USING ERRCODE = 'check_violation';
      END IF;
      IF OLD.status <> 'pending' AND (NEW.value_cents <> OLD.value_cents OR NEW.credit_factor_bp <> OLD.credit_factor_bp
                                      OR NEW.counted_cents <> OLD.counted_cents) THEN
        RAISE EXCEPTION 'a decided claim keeps its value' USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.status <> OLD.status AND NOT (
           (OLD.status = 'pending' AND NEW.status IN ('approved', 'rejected'))
        OR (OLD.status = 'approved' AND NEW.status IN ('withdrawn', 'invalidated'))) THEN
        RAISE EXCEPTION 'claim cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.status = 'approved' AND OLD.status = 'pending'
         AND (SELECT status FROM certificates WHERE id = NEW.certificate_id) <> 'active' THEN
        RAISE EXCEPTION 'certificate % is not active', NEW.certificate_id USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.status = 'approved' AND OLD.status = 'pending' THEN
        UPDATE contracts SET counted_cents = counted_cents + NEW.counted_cents WHERE id = NEW.contract_id
          RETURNING counted_cents, obligation_cents, credit_share_cap_bp INTO k;
        IF NEW.counted_cents < NEW.value_cents
           AND k.counted_cents <> floor(k.obligation_cents::numeric * k.credit_share_cap_bp / 10000) THEN
          RAISE EXCEPTION 'claim % counts its last credit in part but does not meet the obligation exactly', NEW.id
            USING ERRCODE = 'check_violation';
        END IF;
      ELSIF OLD.status = 'approved' AND NEW.status <> 'approved' THEN
        UPDATE contracts SET counted_cents = counted_cents - OLD.counted_cents WHERE id = NEW.contract_id;
      END IF;
      live_before := OLD.status IN ('pending', 'approved');
      live_after := NEW.status IN ('pending', 'approved');
      IF live_before AND NOT live_after THEN
        UPDATE certificates SET claimed_credits = claimed_credits - NEW.credits WHERE id = NEW.certificate_id;
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);

  await summaries(db, 'counted_cents');
}

/** The quarterly claims summary (and the view made from it), adding up the given claims column. */
async function summaries(db: Kysely<any>, column: 'counted_cents' | 'value_cents'): Promise<void> {
  await sql`DROP MATERIALIZED VIEW report_authority_projects`.execute(db);
  await sql`DROP MATERIALIZED VIEW report_claims_quarterly`.execute(db);
  await sql`
    CREATE MATERIALIZED VIEW report_claims_quarterly AS
    SELECT c.authority_id, c.contract_id, c.supplier_id, cert.project_id,
           date_trunc('quarter', c.decided_at AT TIME ZONE 'Europe/Amsterdam')::date AS quarter,
           sum(c.credits)::bigint AS credits,
           sum(c.${sql.raw(column)})::bigint AS value_cents,
           count(*)::bigint AS claims
      FROM claims c
      JOIN certificates cert ON cert.id = c.certificate_id
     WHERE c.status = 'approved'
     GROUP BY 1, 2, 3, 4, 5
  `.execute(db);
  await sql`CREATE UNIQUE INDEX report_claims_quarterly_key ON report_claims_quarterly (authority_id, quarter, contract_id, project_id)`.execute(
    db,
  );
  await sql`
    CREATE MATERIALIZED VIEW report_authority_projects AS
    SELECT authority_id, project_id, sum(credits)::bigint AS credits
      FROM report_claims_quarterly
     GROUP BY 1, 2
  `.execute(db);
  await sql`CREATE UNIQUE INDEX report_authority_projects_key ON report_authority_projects (authority_id, project_id) INCLUDE (credits)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await summaries(db, 'value_cents');
  await sql`
    CREATE OR REPLACE FUNCTION apply_claim_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      cert record;
      live_before boolean;
      live_after boolean;
    BEGIN
      IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'pending' THEN
          RAISE EXCEPTION 'a claim starts pending' USING ERRCODE = 'check_violation';
        END IF;
        SELECT status, buyer_organisation_id INTO cert FROM certificates WHERE id = NEW.certificate_id;
        IF cert.status IS DISTINCT FROM 'active' THEN
          RAISE EXCEPTION 'certificate % is not active', NEW.certificate_id USING ERRCODE = 'check_violation';
        END IF;
        IF cert.buyer_organisation_id <> NEW.supplier_id
           OR NOT EXISTS (SELECT 1 FROM contracts WHERE id = NEW.contract_id AND supplier_id = NEW.supplier_id AND authority_id = NEW.authority_id) THEN
          RAISE EXCEPTION 'claim parties do not match its certificate and contract' USING ERRCODE = 'check_violation';
        END IF;
        UPDATE certificates SET claimed_credits = claimed_credits + NEW.credits WHERE id = NEW.certificate_id;
        RETURN NEW;
      END IF;

      IF NEW.certificate_id <> OLD.certificate_id OR NEW.contract_id <> OLD.contract_id OR NEW.credits <> OLD.credits
         OR NEW.authority_id <> OLD.authority_id OR NEW.supplier_id <> OLD.supplier_id OR NEW.created_by <> OLD.created_by
         OR NEW.created_at <> OLD.created_at OR NEW.unit_price_cents <> OLD.unit_price_cents THEN
        RAISE EXCEPTION 'what a claim is cannot change' USING ERRCODE = 'check_violation';
      END IF;
      IF OLD.status <> 'pending' AND (NEW.value_cents <> OLD.value_cents OR NEW.credit_factor_bp <> OLD.credit_factor_bp) THEN
        RAISE EXCEPTION 'a decided claim keeps its value' USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.status <> OLD.status AND NOT (
           (OLD.status = 'pending' AND NEW.status IN ('approved', 'rejected'))
        OR (OLD.status = 'approved' AND NEW.status IN ('withdrawn', 'invalidated'))) THEN
        RAISE EXCEPTION 'claim cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.status = 'approved' AND OLD.status = 'pending'
         AND (SELECT status FROM certificates WHERE id = NEW.certificate_id) <> 'active' THEN
        RAISE EXCEPTION 'certificate % is not active', NEW.certificate_id USING ERRCODE = 'check_violation';
      END IF;
      live_before := OLD.status IN ('pending', 'approved');
      live_after := NEW.status IN ('pending', 'approved');
      IF live_before AND NOT live_after THEN
        UPDATE certificates SET claimed_credits = claimed_credits - NEW.credits WHERE id = NEW.certificate_id;
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`ALTER TABLE contracts DROP CONSTRAINT IF EXISTS contracts_counted_within_obligation`.execute(
    db,
  );
  await sql`ALTER TABLE contracts DROP COLUMN IF EXISTS counted_cents`.execute(db);
  await sql`ALTER TABLE claims DROP CONSTRAINT IF EXISTS claims_counted_within_value`.execute(db);
  await sql`ALTER TABLE claims DROP COLUMN IF EXISTS counted_cents`.execute(db);
}
