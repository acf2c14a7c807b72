import { type Kysely, sql } from 'kysely';

// Frozen in time: never import from src/. Constraints live here, not only in code.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE organisations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('platform', 'initiative', 'supplier', 'authority')),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
      kvk_number text UNIQUE CHECK (kvk_number ~ '^[0-9]{8}$'),
      vat_number text CHECK (vat_number ~ '^[A-Z]{2}[0-9A-Z]{2,13}$'),
      address_street text CHECK (char_length(address_street) <= 200),
      address_postal_code text CHECK (char_length(address_postal_code) <= 20),
      address_city text CHECK (char_length(address_city) <= 100),
      address_country text NOT NULL DEFAULT 'NL' CHECK (address_country ~ '^[A-Z]{2}$'),
      contact_email text CHECK (char_length(contact_email) <= 254),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- every organisation but the platform itself is identified by its KvK number
      CONSTRAINT organisations_kvk_required CHECK (kind = 'platform' OR kvk_number IS NOT NULL),
      -- target of the composite keys below, so a user's role can be checked against its organisation's kind
      CONSTRAINT organisations_id_kind_key UNIQUE (id, kind)
    )
  `.execute(db);

  // Which roles exist in which kind of organisation (DESIGN §2), enforced for users and invitations alike.
  const roleMatchesKind = (table: string) =>
    sql.raw(`
    CONSTRAINT ${table}_role_matches_kind CHECK (
      (organisation_kind = 'platform' AND role IN ('admin', 'reviewer')) OR
      (organisation_kind IN ('initiative', 'supplier') AND role = 'member') OR
      (organisation_kind = 'authority' AND role IN ('coordinator', 'viewer'))
    )`);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL,
      organisation_kind text NOT NULL,
      email text NOT NULL UNIQUE CHECK (email = lower(email) AND char_length(email) BETWEEN 3 AND 254),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
      role text NOT NULL,
      password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (organisation_id, organisation_kind) REFERENCES organisations (id, kind),
      ${roleMatchesKind('users')}
    )
  `.execute(db);
  await sql`CREATE INDEX users_organisation_id_idx ON users (organisation_id)`.execute(db);

  await sql`
    CREATE TABLE invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL,
      organisation_kind text NOT NULL,
      email text NOT NULL CHECK (email = lower(email)),
      role text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      invited_by uuid REFERENCES users (id),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      accepted_user_id uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (organisation_id, organisation_kind) REFERENCES organisations (id, kind),
      CHECK ((accepted_at IS NULL) = (accepted_user_id IS NULL)),
      ${roleMatchesKind('invitations')}
    )
  `.execute(db);
  await sql`CREATE INDEX invitations_organisation_id_idx ON invitations (organisation_id)`.execute(
    db,
  );

  await sql`
    CREATE TABLE refresh_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id),
      family_id uuid NOT NULL,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      rotated_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id)`.execute(db);
  await sql`CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id)`.execute(db);

  await sql`
    CREATE TABLE login_failures (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      throttle_key text NOT NULL,
      failed_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX login_failures_key_time_idx ON login_failures (throttle_key, failed_at)`.execute(
    db,
  );

  await sql`
    CREATE TABLE audit_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_user_id uuid REFERENCES users (id),
      actor_organisation_id uuid REFERENCES organisations (id),
      action text NOT NULL CHECK (action ~ '^[a-z_]+(\\.[a-z_]+)+$'),
      subject_type text NOT NULL,
      subject_id text,
      summary jsonb NOT NULL DEFAULT '{}'::jsonb,
      request_id text
    )
  `.execute(db);
  await sql`CREATE INDEX audit_events_actor_org_idx ON audit_events (actor_organisation_id, id)`.execute(
    db,
  );
  await sql`CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id, id)`.execute(
    db,
  );
  await sql`CREATE INDEX audit_events_action_idx ON audit_events (action, id)`.execute(db);

  // The audit trail is append-only: the database itself refuses to change or remove a row,
  // whoever asks (a trigger works the same on PGlite and on a server, unlike privileges).
  await sql`
    CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER audit_events_append_only
      BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()
  `.execute(db);
  await sql`
    CREATE TRIGGER audit_events_no_truncate
      BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_events',
    'login_failures',
    'refresh_tokens',
    'invitations',
    'users',
    'organisations',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.id(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS refuse_append_only_change()`.execute(db);
}
