import { type Kysely, sql } from 'kysely';

// Verification answers are cached in each app instance (certificates/verification-cache.ts);
// these triggers tell every instance what to forget, through NOTIFY on the channel
// 'certificate_verification', delivered when the transaction commits:
// - a certificate row changed (status, reason, claimed credits): its verification code;
// - a claim became approved or stopped being so (what a certificate "counted toward"): the
//   code of its certificate;
// - an organisation's name or KvK number, a project's title or a contract's reference was
//   edited (shown on many certificates, and rare): '*', forget everything.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION notify_certificate_verification() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_TABLE_NAME = 'certificates' THEN
        PERFORM pg_notify('certificate_verification', NEW.verification_code);
      ELSIF TG_TABLE_NAME = 'claims' THEN
        IF (TG_OP = 'INSERT' AND NEW.status = 'approved')
          OR (TG_OP = 'UPDATE' AND (OLD.status = 'approved') <> (NEW.status = 'approved')) THEN
          PERFORM pg_notify('certificate_verification', c.verification_code) FROM certificates c WHERE c.id = NEW.certificate_id;
        END IF;
      ELSE
        PERFORM pg_notify('certificate_verification', '*');
      END IF;
      RETURN NULL;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER certificates_verification_changed AFTER UPDATE ON certificates
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION notify_certificate_verification()
  `.execute(db);
  await sql`
    CREATE TRIGGER claims_verification_changed AFTER INSERT OR UPDATE OF status ON claims
    FOR EACH ROW EXECUTE FUNCTION notify_certificate_verification()
  `.execute(db);
  await sql`
    CREATE TRIGGER organisations_verification_changed AFTER UPDATE OF name, kvk_number ON organisations
    FOR EACH STATEMENT EXECUTE FUNCTION notify_certificate_verification()
  `.execute(db);
  await sql`
    CREATE TRIGGER projects_verification_changed AFTER UPDATE OF title, initiative_id ON projects
    FOR EACH STATEMENT EXECUTE FUNCTION notify_certificate_verification()
  `.execute(db);
  await sql`
    CREATE TRIGGER contracts_verification_changed AFTER UPDATE OF reference ON contracts
    FOR EACH STATEMENT EXECUTE FUNCTION notify_certificate_verification()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS contracts_verification_changed ON contracts`.execute(db);
  await sql`DROP TRIGGER IF EXISTS projects_verification_changed ON projects`.execute(db);
  await sql`DROP TRIGGER IF EXISTS organisations_verification_changed ON organisations`.execute(db);
  await sql`DROP TRIGGER IF EXISTS claims_verification_changed ON claims`.execute(db);
  await sql`DROP TRIGGER IF EXISTS certificates_verification_changed ON certificates`.execute(db);
  await sql`DROP FUNCTION IF EXISTS notify_certificate_verification()`.execute(db);
}
