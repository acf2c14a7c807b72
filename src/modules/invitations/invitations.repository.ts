import type { Kysely } from 'kysely';
import type { DB, InvitationRow, OrganisationKind, UserRole } from '../../db/types.js';

export const invitationsRepository = {
  async insert(
    db: Kysely<DB>,
    values: {
      organisationId: string;
      organisationKind: OrganisationKind;
      email: string;
      role: UserRole;
      tokenHash: string;
      invitedBy: string;
      expiresAt: Date;
    },
  ): Promise<InvitationRow> {
    return db
      .insertInto('invitations')
      .values({
        organisation_id: values.organisationId,
        organisation_kind: values.organisationKind,
        email: values.email,
        role: values.role,
        token_hash: values.tokenHash,
        invited_by: values.invitedBy,
        expires_at: values.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Locks the invitation, so two concurrent accepts of one token cannot both succeed. */
  async findByHashForUpdate(
    trx: Kysely<DB>,
    tokenHash: string,
  ): Promise<InvitationRow | undefined> {
    return trx
      .selectFrom('invitations')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .forUpdate()
      .executeTakeFirst();
  },

  async findByHash(db: Kysely<DB>, tokenHash: string): Promise<InvitationRow | undefined> {
    return db
      .selectFrom('invitations')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  },

  async markAccepted(trx: Kysely<DB>, id: string, userId: string, now: Date): Promise<void> {
    await trx
      .updateTable('invitations')
      .set({ accepted_at: now, accepted_user_id: userId })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .executeTakeFirstOrThrow();
  },

  async listByOrganisation(db: Kysely<DB>, organisationId: string): Promise<InvitationRow[]> {
    return db
      .selectFrom('invitations')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at', 'desc')
      .execute();
  },
};
