import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AwardRow, AwardsTable, DB } from '../../db/types.js';

export const awardsRepository = {
  async insert(trx: Transaction<DB>, values: Insertable<AwardsTable>): Promise<AwardRow> {
    return trx.insertInto('awards').values(values).returningAll().executeTakeFirstOrThrow();
  },

  async findByRound(db: Kysely<DB>, roundId: string): Promise<AwardRow | undefined> {
    return db.selectFrom('awards').selectAll().where('round_id', '=', roundId).executeTakeFirst();
  },

  async findApproved(db: Kysely<DB>, projectId: string): Promise<AwardRow | undefined> {
    return db
      .selectFrom('awards')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('decision', '=', 'approved')
      .executeTakeFirst();
  },

  async findBalance(db: Kysely<DB>, projectId: string) {
    return db
      .selectFrom('project_credit_balances')
      .selectAll()
      .where('project_id', '=', projectId)
      .executeTakeFirst();
  },
};
