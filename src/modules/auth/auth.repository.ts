import { type Kysely, sql, type Transaction } from 'kysely';
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

  /** Every session of the user but one (the one changing the password); the count of tokens revoked. */
  async revokeAllForUserExcept(
    db: Kysely<DB>,
    userId: string,
    keepFamilyId: string | undefined,
    now: Date,
  ): Promise<number> {
    let query = db
      .updateTable('refresh_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (keepFamilyId !== undefined) query = query.where('family_id', '<>', keepFamilyId);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
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
  /**
   * Serialises attempts on these throttle keys until the transaction ends (advisory locks:
   * the keys need no row of their own). Take them in one order everywhere.
   */
  async lockKeys(trx: Transaction<DB>, keys: string[]): Promise<void> {
    for (const key of keys)
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
  },

  /** Records an attempt under each key; the ids, to take it back if the password was right. */
  async record(db: Kysely<DB>, keys: string[], now: Date): Promise<number[]> {
    const rows = await db
      .insertInto('login_failures')
      .values(keys.map((key) => ({ throttle_key: key, failed_at: now })))
      .returning('id')
      .execute();
    return rows.map((row) => Number(row.id));
  },

  async remove(db: Kysely<DB>, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await db.deleteFrom('login_failures').where('id', 'in', ids).execute();
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

/**
 * The sign-in side of the users table: credentials, the actor behind an access token, the
 * token generation that voids access tokens, the last login. Here rather than in the users
 * module, which (like organisations) revokes sessions through this module, not the reverse.
 */
export const credentialsRepository = {
  /**
   * For sign-in only: the hash is compared inside the auth service and goes no further.
   * Status of the user and of its organisation come along, so a disabled account is refused.
   */
  async findCredentials(db: Kysely<DB>, email: string) {
    return db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select([
        'users.id',
        'users.organisation_id',
        'users.password_hash',
        'users.token_generation',
        'users.status as user_status',
        'organisations.status as organisation_status',
      ])
      .where('users.email', '=', email)
      .executeTakeFirst();
  },

  /** Who a password reset is for: only an active user of an active organisation gets one. */
  async findForReset(db: Kysely<DB>, email: string) {
    return db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select([
        'users.id',
        'users.organisation_id',
        'users.email',
        'users.name',
        'users.language',
        'users.status as user_status',
        'organisations.status as organisation_status',
      ])
      .where('users.email', '=', email)
      .executeTakeFirst();
  },

  /** The actor behind an access token, with the status of user and organisation. */
  async findActor(db: Kysely<DB>, id: string) {
    return db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select([
        'users.id',
        'users.organisation_id',
        'users.organisation_kind',
        'users.role',
        'users.token_generation',
        'users.status as user_status',
        'organisations.status as organisation_status',
      ])
      .where('users.id', '=', id)
      .executeTakeFirst();
  },

  /** For changing the password: compared inside the auth service and going no further. */
  async findPasswordHash(db: Kysely<DB>, id: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.password_hash;
  },

  /**
   * Sets a new password and voids every access token issued before (a new token
   * generation); returns that generation, for the caller's fresh access token.
   */
  async setPassword(
    trx: Transaction<DB>,
    id: string,
    values: { passwordHash: string; now: Date },
  ): Promise<number> {
    const row = await trx
      .updateTable('users')
      .set((eb) => ({
        password_hash: values.passwordHash,
        token_generation: eb('token_generation', '+', 1),
        updated_at: values.now,
      }))
      .where('id', '=', id)
      .returning('token_generation')
      .executeTakeFirstOrThrow();
    return row.token_generation;
  },

  async touchLastLogin(db: Kysely<DB>, id: string, now: Date): Promise<void> {
    await db.updateTable('users').set({ last_login_at: now }).where('id', '=', id).execute();
  },

  /** When an organisation is disabled, its users' access tokens are cut off too. */
  async voidAccessTokensOfOrganisation(db: Kysely<DB>, organisationId: string): Promise<void> {
    await db
      .updateTable('users')
      .set((eb) => ({ token_generation: eb('token_generation', '+', 1) }))
      .where('organisation_id', '=', organisationId)
      .execute();
  },
};

/** Single-use password-reset tokens, stored as their SHA-256 (migration 20261206100000). */
export const passwordResetRepository = {
  async insert(
    trx: Transaction<DB>,
    values: { userId: string; tokenHash: string; now: Date; expiresAt: Date },
  ): Promise<void> {
    await trx
      .insertInto('password_reset_tokens')
      .values({
        user_id: values.userId,
        token_hash: values.tokenHash,
        created_at: values.now,
        expires_at: values.expiresAt,
      })
      .execute();
  },

  /** Resets asked for this user since `since` (the per-address throttle counts them). */
  async countSince(db: Kysely<DB>, userId: string, since: Date): Promise<number> {
    const row = await db
      .selectFrom('password_reset_tokens')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The token's row, locked: of two confirmations with one token, the second waits and finds it used. */
  async findByHashForUpdate(trx: Transaction<DB>, tokenHash: string) {
    return trx
      .selectFrom('password_reset_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .forUpdate()
      .executeTakeFirst();
  },

  /** Uses this token and voids every other open one of the user (an older e-mail's link). */
  async useAllForUser(trx: Transaction<DB>, userId: string, now: Date): Promise<void> {
    await trx
      .updateTable('password_reset_tokens')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
  },
};
