import { type Kysely, sql } from 'kysely';

// Authorities' contracts with a social-return obligation, and suppliers' claims of
// certificate credits against them (DESIGN §4 Claim, §5 invariant 4).
// Frozen in time: never import from src/.
//
// Counting once lives in the database: every certificate carries `claimed_credits`, the
// credits of its pending and approved claims, and a CHECK keeps it within the
// certificate's credits. The claims trigger moves that counter in the same statement as
// the claim row changes, so any interleaving of claims, approvals and withdrawals, across
// all authorities, is serialised on the certificate row and can never count a credit twice.

export async function up(db: Kysely<any>): Promise<void> {
  // A supplier named in a contract before it has registered is created 'pending' and
  // becomes 'active' when its first user accepts the invitation.
  await sql`ALTER TABLE organisations DROP CONSTRAINT organisations_status_check`.execute(db);
  await sql`ALTER TABLE organisations ADD CONSTRAINT organisations_status_check CHECK (status IN ('active', 'disabled', 'pending'))`.execute(
    db,
  );

  await sql`
    CREATE TABLE contracts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      authority_id uuid NOT NULL,
      authority_kind text NOT NULL DEFAULT 'authority' CHECK (authority_kind = 'authority'),
      supplier_id uuid NOT NULL,
      supplier_kind text NOT NULL DEFAULT 'supplier' CHECK (supplier_kind = 'supplier'),
      reference text NOT NULL CHECK (char_length(reference) BETWEEN 1 AND 100),
      title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 200),
      value_cents bigint NOT NULL CHECK (value_cents > 0 AND value_cents <= 1000000000000000),
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      obligation_basis text NOT NULL CHECK (obligation_basis IN ('contract_value', 'wage_sum', 'fixed')),
      wage_sum_cents bigint CHECK (wage_sum_cents > 0 AND wage_sum_cents <= 1000000000000000),
      percentage_bp integer CHECK (percentage_bp BETWEEN 1 AND 10000),
      obligation_cents bigint NOT NULL CHECK (obligation_cents > 0),
      accepts_credits boolean NOT NULL DEFAULT true,
      credit_factor_bp integer NOT NULL DEFAULT 10000 CHECK (credit_factor_bp BETWEEN 1 AND 10000),
      credit_share_cap_bp integer NOT NULL DEFAULT 10000 CHECK (credit_share_cap_bp BETWEEN 0 AND 10000),
      created_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      closed_by uuid REFERENCES users (id),
      FOREIGN KEY (authority_id, authority_kind) REFERENCES organisations (id, kind),
      FOREIGN KEY (supplier_id, supplier_kind) REFERENCES organisations (id, kind),
      CONSTRAINT contracts_reference_per_authority UNIQUE (authority_id, reference),
      CHECK (ends_on >= starts_on),
      CHECK ((obligation_basis = 'wage_sum') = (wage_sum_cents IS NOT NULL)),
      CHECK ((obligation_basis = 'fixed') = (percentage_bp IS NULL)),
      CHECK ((status = 'closed') = (closed_at IS NOT NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX contracts_authority_idx ON contracts (authority_id, created_at DESC, id)`.execute(
    db,
  );
  await sql`CREATE INDEX contracts_supplier_idx ON contracts (supplier_id, ends_on)`.execute(db);

  await sql`ALTER TABLE certificates ADD COLUMN claimed_credits integer NOT NULL DEFAULT 0`.execute(
    db,
  );
  await sql`ALTER TABLE certificates ADD CONSTRAINT certificates_claimed_within_credits CHECK (claimed_credits >= 0 AND claimed_credits <= credits)`.execute(
    db,
  );

  await sql`
    CREATE TABLE claims (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      certificate_id uuid NOT NULL REFERENCES certificates (id),
      contract_id uuid NOT NULL REFERENCES contracts (id),
      authority_id uuid NOT NULL REFERENCES organisations (id),
      supplier_id uuid NOT NULL REFERENCES organisations (id),
      credits integer NOT NULL CHECK (credits > 0),
      unit_price_cents integer NOT NULL CHECK (unit_price_cents > 0),
      -- the valuation the claim is worth at: set at claim time, fixed at approval
      credit_factor_bp integer NOT NULL CHECK (credit_factor_bp BETWEEN 1 AND 10000),
      value_cents bigint NOT NULL CHECK (value_cents >= 0),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn', 'invalidated')),
      note text CHECK (char_length(note) <= 2000),
      created_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      decided_by uuid REFERENCES users (id),
      decided_at timestamptz,
      decision_reason text CHECK (char_length(decision_reason) <= 2000),
      withdrawn_by uuid REFERENCES users (id),
      withdrawn_at timestamptz,
      withdrawal_reason text CHECK (char_length(withdrawal_reason) <= 2000),
      invalidated_at timestamptz,
      invalidation_reason text,
      CHECK (status = 'pending' OR decided_at IS NOT NULL),
      CHECK (status <> 'rejected' OR decision_reason IS NOT NULL),
      CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL AND withdrawal_reason IS NOT NULL)),
      CHECK ((status = 'invalidated') = (invalidated_at IS NOT NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX claims_certificate_idx ON claims (certificate_id) WHERE status IN ('pending', 'approved')`.execute(
    db,
  );
  await sql`CREATE INDEX claims_contract_idx ON claims (contract_id, status)`.execute(db);
  await sql`CREATE INDEX claims_authority_idx ON claims (authority_id, created_at DESC, id)`.execute(
    db,
  );
  await sql`CREATE INDEX claims_supplier_idx ON claims (supplier_id, created_at DESC, id)`.execute(
    db,
  );

  // Which claim transitions exist (DESIGN §4 Claim), and what each does to the certificate's
  // counter. A claim is created pending against an active certificate and a contract of the
  // same supplier; approval needs the certificate active; the credits of a rejected,
  // withdrawn or invalidated claim are free again. What a claim is (certificate, contract,
  // credits) never changes, and its value is fixed once approved.
  await sql`
    CREATE FUNCTION apply_claim_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
  await sql`CREATE TRIGGER claims_apply BEFORE INSERT OR UPDATE ON claims FOR EACH ROW EXECUTE FUNCTION apply_claim_change()`.execute(
    db,
  );
  await sql`CREATE TRIGGER claims_no_delete BEFORE DELETE OR TRUNCATE ON claims FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`.execute(
    db,
  );

  // Invariant 4's second half, checked at commit so that a revocation and the
  // invalidation of its claims can happen in either order inside one transaction: a
  // revoked certificate has no approved claims, and one that is not active has no pending ones.
  await sql`
    CREATE FUNCTION check_certificate_claims() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      cert_status text;
    BEGIN
      SELECT status INTO cert_status FROM certificates WHERE id = NEW.id;
      IF cert_status <> 'active' AND EXISTS (SELECT 1 FROM claims WHERE certificate_id = NEW.id AND status = 'pending') THEN
        RAISE EXCEPTION 'certificate % is % but has pending claims', NEW.id, cert_status USING ERRCODE = 'check_violation';
      END IF;
      IF cert_status = 'revoked' AND EXISTS (SELECT 1 FROM claims WHERE certificate_id = NEW.id AND status = 'approved') THEN
        RAISE EXCEPTION 'certificate % is revoked but has approved claims', NEW.id USING ERRCODE = 'check_violation';
      END IF;
      RETURN NULL;
    END
    $$
  `.execute(db);
  await sql`
    CREATE CONSTRAINT TRIGGER certificates_claims_consistent
      AFTER UPDATE OF status ON certificates
      DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW.status <> 'active')
      EXECUTE FUNCTION check_certificate_claims()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS certificates_claims_consistent ON certificates`.execute(db);
  await sql`DROP FUNCTION IF EXISTS check_certificate_claims()`.execute(db);
  await sql`DROP TABLE IF EXISTS claims`.execute(db);
  await sql`DROP FUNCTION IF EXISTS apply_claim_change()`.execute(db);
  await sql`ALTER TABLE certificates DROP CONSTRAINT IF EXISTS certificates_claimed_within_credits`.execute(
    db,
  );
  await sql`ALTER TABLE certificates DROP COLUMN IF EXISTS claimed_credits`.execute(db);
  await sql`DROP TABLE IF EXISTS contracts`.execute(db);
  await sql`UPDATE organisations SET status = 'active' WHERE status = 'pending'`.execute(db);
  await sql`ALTER TABLE organisations DROP CONSTRAINT organisations_status_check`.execute(db);
  await sql`ALTER TABLE organisations ADD CONSTRAINT organisations_status_check CHECK (status IN ('active', 'disabled'))`.execute(
    db,
  );
}
