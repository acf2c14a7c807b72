import { type Kysely, sql } from 'kysely';

// Every authenticated request checks its user (users/actor-cache.ts keeps that check in
// each app instance's memory). These triggers tell every instance what to forget, through
// NOTIFY on the channel 'actor_changed', delivered when the transaction commits:
// - a user's row changed or was deleted: its id;
// - an organisation's status or kind changed: the ids of its users.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION notify_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_TABLE_NAME = 'users' THEN
        PERFORM pg_notify('actor_changed', OLD.id::text);
      ELSE
        PERFORM pg_notify('actor_changed', u.id::text) FROM users u WHERE u.organisation_id = OLD.id;
      END IF;
      RETURN NULL;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER users_actor_changed AFTER UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION notify_actor_changed()
  `.execute(db);
  await sql`
    CREATE TRIGGER organisations_actor_changed AFTER UPDATE OF status, kind ON organisations
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.kind IS DISTINCT FROM NEW.kind)
    EXECUTE FUNCTION notify_actor_changed()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS organisations_actor_changed ON organisations`.execute(db);
  await sql`DROP TRIGGER IF EXISTS users_actor_changed ON users`.execute(db);
  await sql`DROP FUNCTION IF EXISTS notify_actor_changed()`.execute(db);
}
