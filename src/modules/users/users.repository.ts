import type { Kysely } from 'kysely';
import type { ActiveStatus, DB, OrganisationKind, UserRole } from '../../db/types.js';

/** What the API may show of a user. The password hash is never selected here. */
const PUBLIC_COLUMNS = [
  'users.id',
  'users.organisation_id',
  'users.organisation_kind',
  'users.email',
  'users.name',
  'users.role',
  'users.status',
  'users.last_login_at',
  'users.created_at',
] as const;

export interface UserRecord {
  id: string;
  organisation_id: string;
  organisation_kind: OrganisationKind;
  email: string;
  name: string;
  role: UserRole;
  status: ActiveStatus;
  last_login_at: Date | null;
  created_at: Date;
}

export const usersRepository = {
  async insert(
    db: Kysely<DB>,
    values: {
      organisationId: string;
      organisationKind: OrganisationKind;
      email: string;
      name: string;
      role: UserRole;
      passwordHash: string;
    },
  ): Promise<UserRecord> {
    return db
      .insertInto('users')
      .values({
        organisation_id: values.organisationId,
        organisation_kind: values.organisationKind,
        email: values.email,
        name: values.name,
        role: values.role,
        password_hash: values.passwordHash,
      })
      .returning(PUBLIC_COLUMNS)
      .executeTakeFirstOrThrow();
  },

  async findById(db: Kysely<DB>, id: string): Promise<UserRecord | undefined> {
    return db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
  },

  async existsByEmail(db: Kysely<DB>, email: string): Promise<boolean> {
    const row = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    return row !== undefined;
  },

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

  async listByOrganisation(db: Kysely<DB>, organisationId: string): Promise<UserRecord[]> {
    return db
      .selectFrom('users')
      .select(PUBLIC_COLUMNS)
      .where('organisation_id', '=', organisationId)
      .orderBy('email')
      .execute();
  },

  /** Disabling also voids every access token issued so far. */
  async setStatus(
    db: Kysely<DB>,
    id: string,
    status: ActiveStatus,
    now: Date,
  ): Promise<UserRecord | undefined> {
    return db
      .updateTable('users')
      .set((eb) => ({
        status,
        updated_at: now,
        ...(status === 'disabled' ? { token_generation: eb('token_generation', '+', 1) } : {}),
      }))
      .where('id', '=', id)
      .returning(PUBLIC_COLUMNS)
      .executeTakeFirst();
  },

  /** When an organisation is disabled, its users' access tokens are cut off too. */
  async voidAccessTokensOfOrganisation(db: Kysely<DB>, organisationId: string): Promise<void> {
    await db
      .updateTable('users')
      .set((eb) => ({ token_generation: eb('token_generation', '+', 1) }))
      .where('organisation_id', '=', organisationId)
      .execute();
  },

  async touchLastLogin(db: Kysely<DB>, id: string, now: Date): Promise<void> {
    await db.updateTable('users').set({ last_login_at: now }).where('id', '=', id).execute();
  },

  async countActiveAdmins(db: Kysely<DB>): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('role', '=', 'admin')
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
