import type { Kysely } from 'kysely';
import type { ActiveStatus, DB, OrganisationKind, UserRole } from '../../db/types.js';
import type { Lang } from '../../lib/format.js';

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
  'users.language',
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
  language: Lang;
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
      language?: Lang;
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
        ...(values.language ? { language: values.language } : {}),
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

  async setLanguage(
    db: Kysely<DB>,
    id: string,
    language: Lang,
    now: Date,
  ): Promise<UserRecord | undefined> {
    return db
      .updateTable('users')
      .set({ language, updated_at: now })
      .where('id', '=', id)
      .returning(PUBLIC_COLUMNS)
      .executeTakeFirst();
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
