import { type Kysely, sql } from 'kysely';

// Access tokens carry the user's token generation; disabling a user (or its
// organisation) moves the generation on, so every access token issued before stays
// refused, even after the user is enabled again. Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN token_generation integer NOT NULL DEFAULT 0 CHECK (token_generation >= 0)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users DROP COLUMN token_generation`.execute(db);
}
