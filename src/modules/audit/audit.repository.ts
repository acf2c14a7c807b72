import { type Kysely, sql } from 'kysely';
import type { AuditEventRow, DB } from '../../db/types.js';

export interface NewAuditEvent {
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  summary: Record<string, unknown>;
  requestId: string | null;
}

export interface AuditFilter {
  actorUserId?: string | undefined;
  organisationId?: string | undefined;
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: string | undefined;
  limit: number;
}

/** The cursor carries the int8 id as its digits; the database compares them exactly, at any size. */
const beforeId = (digits: string) => sql<number>`${digits}::int8`;

export const auditRepository = {
  async insert(db: Kysely<DB>, event: NewAuditEvent): Promise<void> {
    await db
      .insertInto('audit_events')
      .values({
        actor_user_id: event.actorUserId,
        actor_organisation_id: event.actorOrganisationId,
        action: event.action,
        subject_type: event.subjectType,
        subject_id: event.subjectId,
        summary: JSON.stringify(event.summary),
        request_id: event.requestId,
      })
      .execute();
  },

  /**
   * Events about given subjects, and about the claims on a contract (an authority reads
   * the trail of its own contracts). Newest first, keyset on the id; limit + 1 rows.
   */
  async listAbout(
    db: Kysely<DB>,
    filter: {
      subjects: { type: string; id: string }[];
      claimsOfContract?: string;
      beforeId?: string | undefined;
      limit: number;
    },
  ): Promise<AuditEventRow[]> {
    let query = db.selectFrom('audit_events').selectAll();
    query = query.where((eb) =>
      eb.or([
        ...filter.subjects.map((subject) =>
          eb.and([eb('subject_type', '=', subject.type), eb('subject_id', '=', subject.id)]),
        ),
        ...(filter.claimsOfContract === undefined
          ? []
          : [
              eb.and([
                eb('subject_type', '=', 'claim'),
                eb(
                  'subject_id',
                  'in',
                  eb
                    .selectFrom('claims')
                    .select(sql<string>`claims.id::text`.as('id'))
                    .where('claims.contract_id', '=', filter.claimsOfContract),
                ),
              ]),
            ]),
      ]),
    );
    if (filter.beforeId) query = query.where('id', '<', beforeId(filter.beforeId));
    return query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /** Newest first, keyset-paginated on the id; fetches limit + 1 rows. */
  async list(db: Kysely<DB>, filter: AuditFilter): Promise<AuditEventRow[]> {
    let query = db.selectFrom('audit_events').selectAll();
    if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
    if (filter.organisationId)
      query = query.where('actor_organisation_id', '=', filter.organisationId);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.subjectType) query = query.where('subject_type', '=', filter.subjectType);
    if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
    if (filter.from) query = query.where('occurred_at', '>=', filter.from);
    if (filter.to) query = query.where('occurred_at', '<', filter.to);
    if (filter.beforeId) query = query.where('id', '<', beforeId(filter.beforeId));
    return query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /** Events of the given actions about one subject, oldest first (a plan's status history). */
  async listActionsAbout(
    db: Kysely<DB>,
    subject: { type: string; id: string },
    actions: readonly string[],
  ): Promise<Pick<AuditEventRow, 'action' | 'occurred_at' | 'summary'>[]> {
    if (actions.length === 0) return [];
    return db
      .selectFrom('audit_events')
      .select(['action', 'occurred_at', 'summary'])
      .where('subject_type', '=', subject.type)
      .where('subject_id', '=', subject.id)
      .where('action', 'in', [...actions])
      .orderBy('id', 'asc')
      .execute();
  },
};
