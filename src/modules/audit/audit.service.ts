import type { Kysely } from 'kysely';
import type { AuditEventRow, DB } from '../../db/types.js';
import { type Ctx, requirePlatformAdmin } from '../../lib/context.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { auditRepository } from './audit.repository.js';
import type { AuditEvent, AuditQuery } from './audit.schemas.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string | null;
  summary?: Record<string, unknown>;
  /** Overrides the acting user, for events where the actor is only known afterwards (login, accepting an invitation). */
  actor?: { userId: string; organisationId: string } | null;
}

/**
 * Writes an audit event. Call it with the transaction that makes the change, so the
 * change and its record commit together or not at all.
 */
export async function recordAudit(trx: Kysely<DB>, ctx: Ctx, entry: AuditEntry): Promise<void> {
  const actor = entry.actor !== undefined ? entry.actor : ctx.actor;
  await auditRepository.insert(trx, {
    actorUserId: actor?.userId ?? null,
    actorOrganisationId: actor?.organisationId ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    summary: entry.summary ?? {},
    requestId: ctx.requestId,
  });
}

// The id is a bigint: node-postgres reads it as a string, PGlite as a number; the API says string.
function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: String(row.id),
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorOrganisationId: row.actor_organisation_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    summary: (row.summary ?? {}) as Record<string, unknown>,
    requestId: row.request_id,
  };
}

export function createAuditService(db: Kysely<DB>) {
  return {
    async list(ctx: Ctx, query: AuditQuery) {
      requirePlatformAdmin(ctx);
      // The id is a bigint: anything but digits would fail in the query (a 500), not here (a 400).
      const cursor = decodeCursor(query.cursor, ['id'] as const, (values) =>
        /^[0-9]{1,18}$/.test(values.id),
      );
      const rows = await auditRepository.list(db, {
        actorUserId: query.actorUserId,
        organisationId: query.organisationId,
        action: query.action,
        subjectType: query.subjectType,
        subjectId: query.subjectId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        beforeId: cursor?.id,
        limit: query.limit,
      });
      return toPage(rows, query.limit, toAuditEvent, (row) => ({ id: String(row.id) }));
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
