import { type Kysely, sql } from 'kysely';

// Issue 20, notifications. Three changes:
// - users.notification_opt_outs: the optional e-mail notifications a user switched off (by
//   template name); mandatory ones (money, obligations, security) are sent regardless.
// - email_messages.domain_event_id: the domain event an e-mail was written for. One event
//   writes at most one message of a template to one address (a partial unique index), so a
//   repeated dispatch never sends twice.
// - webhook signing secrets are stored encrypted (AES-256-GCM, `enc:v1:<key id>:…`); the
//   CHECKs accept that form beside the plaintext `whsec_…` of rows written before, which the
//   application re-encrypts.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE users
      ADD COLUMN notification_opt_outs text[] NOT NULL DEFAULT '{}'
        CONSTRAINT users_notification_opt_outs_check CHECK (cardinality(notification_opt_outs) <= 50)
  `.execute(db);
  await sql`ALTER TABLE email_messages ADD COLUMN domain_event_id uuid REFERENCES domain_events (id)`.execute(
    db,
  );
  await sql`
    CREATE UNIQUE INDEX email_messages_once_per_event_idx
      ON email_messages (domain_event_id, recipient, template) WHERE domain_event_id IS NOT NULL
  `.execute(db);
  await sql`
    ALTER TABLE webhook_endpoints
      DROP CONSTRAINT webhook_endpoints_secret_check,
      DROP CONSTRAINT webhook_endpoints_previous_secret_check,
      ADD CONSTRAINT webhook_endpoints_secret_check
        CHECK (secret ~ '^(whsec_[A-Za-z0-9+/=]+|enc:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+)$'),
      ADD CONSTRAINT webhook_endpoints_previous_secret_check
        CHECK (previous_secret ~ '^(whsec_[A-Za-z0-9+/=]+|enc:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+)$')
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE webhook_endpoints
      DROP CONSTRAINT webhook_endpoints_secret_check,
      DROP CONSTRAINT webhook_endpoints_previous_secret_check,
      ADD CONSTRAINT webhook_endpoints_secret_check CHECK (secret ~ '^whsec_[A-Za-z0-9+/=]+$'),
      ADD CONSTRAINT webhook_endpoints_previous_secret_check CHECK (previous_secret ~ '^whsec_[A-Za-z0-9+/=]+$')
  `.execute(db);
  await sql`DROP INDEX email_messages_once_per_event_idx`.execute(db);
  await sql`ALTER TABLE email_messages DROP COLUMN domain_event_id`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN notification_opt_outs`.execute(db);
}
