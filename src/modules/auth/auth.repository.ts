import type { Kysely } from 'kysely';
import type { DB, RefreshTokenRow } from '../../db/types.js';

export const refreshTokensRepository = {
  async insert(
    db: Kysely<DB>,
    values: { userId: string; familyId: string; tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    await db
      .insertInto('refresh_tokens')
      .values({
        user_id: values.userId,
        family_id: values.familyId,
        token_hash: values.tokenHash,
        expires_at: values.expiresAt,
      })
      .execute();
  },

  async findByHash(db: Kysely<DB>, tokenHash: string): Promise<RefreshTokenRow | undefined> {
    return db
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  },

  /**
   * Marks a token used, in one statement, only if it is still current. Of two concurrent
   * refreshes with the same token exactly one gets the row back; the other sees reuse.
   */
  async rotate(db: Kysely<DB>, tokenHash: string, now: Date): Promise<RefreshTokenRow | undefined> {
    return db
      .updateTable('refresh_tokens')
      .set({ rotated_at: now })
      .where('token_hash', '=', tokenHash)
      .where('rotated_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
  },

  async revokeFamily(db: Kysely<DB>, familyId: string, now: Date): Promise<number> {
    const result = await db
      .updateTable('refresh_tokens')
      .set({ revoked_at: now })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  async revokeAllForUser(db: Kysely<DB>, userId: string, now: Date): Promise<void> {
    await db
      .updateTable('refresh_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  },

  async revokeAllForOrganisation(db: Kysely<DB>, organisationId: string, now: Date): Promise<void> {
    await db
      .updateTable('refresh_tokens')
      .set({ revoked_at: now })
      .where('revoked_at', 'is', null)
      .where('user_id', 'in', (eb) =>
        eb.selectFrom('users').select('id').where('organisation_id', '=', organisationId),
      )
      .execute();
  },
};

export const loginFailuresRepository = {
  async record(db: Kysely<DB>, keys: string[], now: Date): Promise<void> {
    await db
      .insertInto('login_failures')
      .values(keys.map((key) => ({ throttle_key: key, failed_at: now })))
      .execute();
  },

  /** Failures since `since` for the key, and the oldest of them (to compute Retry-After). */
  async countSince(
    db: Kysely<DB>,
    key: string,
    since: Date,
  ): Promise<{ count: number; oldest: Date | null }> {
    const row = await db
      .selectFrom('login_failures')
      .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('failed_at').as('oldest')])
      .where('throttle_key', '=', key)
      .where('failed_at', '>', since)
      .executeTakeFirstOrThrow();
    return {
      count: Number(row.count),
      oldest: row.oldest ? new Date(row.oldest as unknown as string) : null,
    };
  },

  async clear(db: Kysely<DB>, key: string): Promise<void> {
    await db.deleteFrom('login_failures').where('throttle_key', '=', key).execute();
  },

  async prune(db: Kysely<DB>, before: Date): Promise<void> {
    await db.deleteFrom('login_failures').where('failed_at', '<', before).execute();
  },
};
