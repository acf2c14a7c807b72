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

  /**
   * Issues a project's credits: one ledger row, from which the database trigger creates
   * the project's balance. The ledger allows one issue per project.
   */
  async issueCredits(
    trx: Transaction<DB>,
    values: { projectId: string; quantity: number; awardId: string; actorUserId: string; at: Date },
  ): Promise<void> {
    await trx
      .insertInto('credit_ledger')
      .values({
        project_id: values.projectId,
        entry_type: 'issue',
        quantity: values.quantity,
        reference_type: 'award',
        reference_id: values.awardId,
        actor_user_id: values.actorUserId,
        created_at: values.at,
      })
      .execute();
  },

  async findBalance(db: Kysely<DB>, projectId: string) {
    return db
      .selectFrom('project_credit_balances')
      .selectAll()
      .where('project_id', '=', projectId)
      .executeTakeFirst();
  },
};
