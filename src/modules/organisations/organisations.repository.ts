import type { Kysely } from 'kysely';
import type {
  DB,
  NewOrganisation,
  OrganisationRow,
  OrganisationStatus,
  OrganisationUpdate,
} from '../../db/types.js';

export const organisationsRepository = {
  async insert(db: Kysely<DB>, values: NewOrganisation): Promise<OrganisationRow> {
    return db.insertInto('organisations').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async findById(db: Kysely<DB>, id: string): Promise<OrganisationRow | undefined> {
    return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findByIdForUpdate(db: Kysely<DB>, id: string): Promise<OrganisationRow | undefined> {
    return db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async findPlatform(db: Kysely<DB>): Promise<OrganisationRow | undefined> {
    return db
      .selectFrom('organisations')
      .selectAll()
      .where('kind', '=', 'platform')
      .orderBy('created_at')
      .executeTakeFirst();
  },

  async count(db: Kysely<DB>): Promise<number> {
    const row = await db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** By name, keyset-paginated on (name, id); fetches limit + 1 rows. */
  async list(
    db: Kysely<DB>,
    filter: {
      kind?: string | undefined;
      status?: OrganisationStatus | undefined;
      kvkNumber?: string | undefined;
      after?: { name: string; id: string } | undefined;
      limit: number;
    },
  ): Promise<OrganisationRow[]> {
    let query = db.selectFrom('organisations').selectAll();
    if (filter.kind) query = query.where('kind', '=', filter.kind as OrganisationRow['kind']);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.kvkNumber) query = query.where('kvk_number', '=', filter.kvkNumber);
    if (filter.after) {
      const { name, id } = filter.after;
      query = query.where((eb) =>
        eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]),
      );
    }
    return query
      .orderBy('name')
      .orderBy('id')
      .limit(filter.limit + 1)
      .execute();
  },

  async update(
    db: Kysely<DB>,
    id: string,
    values: OrganisationUpdate,
  ): Promise<OrganisationRow | undefined> {
    return db
      .updateTable('organisations')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  },
};
