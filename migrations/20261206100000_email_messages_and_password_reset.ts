import { type Kysely, sql } from 'kysely';

// E-mail through SMTP and password reset (issue 20, first part):
//
// - users.language: the language a person reads their e-mail (and the web app) in.
// - email_messages: every message the platform sends, recorded in the transaction of the
//   action that causes it and sent by a job after commit (src/modules/mail/). Its template
//   data (which can hold a one-time link) exists only while the message waits: a sent or
//   failed message keeps who, what, when and the result, never its contents.
// - password_reset_tokens: single-use tokens, stored as their SHA-256, valid one hour.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE users
      ADD COLUMN language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en'))
  `.execute(db);

  await sql`
    CREATE TABLE email_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      recipient text NOT NULL CHECK (char_length(recipient) BETWEEN 3 AND 254),
      template text NOT NULL CHECK (template ~ '^[a-z][a-z0-9-]{1,62}$'),
      language text NOT NULL CHECK (language IN ('nl', 'en')),
      data jsonb,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      queued_at timestamptz NOT NULL,
      next_attempt_at timestamptz NOT NULL,
      lease_until timestamptz,
      sent_at timestamptz,
      smtp_message_id text CHECK (char_length(smtp_message_id) <= 300),
      last_error text CHECK (char_length(last_error) <= 500),
      -- A message's contents live exactly as long as it may still be sent.
      CONSTRAINT email_messages_data_only_while_pending
        CHECK ((status IN ('sent', 'failed')) = (data IS NULL)),
      CONSTRAINT email_messages_sent_at_when_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
      CONSTRAINT email_messages_lease_while_sending CHECK ((status = 'sending') = (lease_until IS NOT NULL))
    )
  `.execute(db);
  await sql`
    CREATE INDEX email_messages_pending_idx ON email_messages (next_attempt_at)
      WHERE status IN ('queued', 'sending')
  `.execute(db);
  await sql`CREATE INDEX email_messages_queued_at_idx ON email_messages (queued_at)`.execute(db);

  await sql`
    CREATE TABLE password_reset_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id),
      token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      CHECK (expires_at > created_at AND expires_at <= created_at + interval '1 hour')
    )
  `.execute(db);
  await sql`
    CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id, created_at)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE password_reset_tokens`.execute(db);
  await sql`DROP TABLE email_messages`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN language`.execute(db);
}
