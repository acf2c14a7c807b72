import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';

/**
 * Domain events: what happened to which object, for the systems and people outside that
 * want to hear of it (signed webhooks now, e-mail later). The service that makes a change
 * records its event with `recordEvent`, in the same transaction, after it took the
 * object's row lock: so an event exists exactly when its change committed, and an
 * object's events are numbered in the order of its changes. Subscribers hear of them
 * afterwards, from the dispatcher (`dispatcher.ts`).
 */
/**
 * The event types webhooks can subscribe to: a public list (docs/webhooks.md, the API
 * document). The other domain event types below are for the platform's own subscribers
 * (e-mail notifications) and never reach a webhook.
 */
export const WEBHOOK_EVENT_TYPES = [
  'certificate.issued',
  'certificate.suspended',
  'certificate.reinstated',
  'certificate.revoked',
  'claim.submitted',
  'claim.approved',
  'claim.rejected',
  'claim.withdrawn',
  'claim.invalidated',
  'contract.created',
  'contract.changed',
  'contract.closed',
  'project.listed',
  'project.funded',
  'project.failed',
  'project.completed',
  'outcome_report.accepted',
  'webhook_endpoint.disabled',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Events only the platform's own subscribers (e-mail) hear of: not in the webhook list. */
export const INTERNAL_EVENT_TYPES = [
  'plan.submitted',
  'plan.questions_asked',
  'plan.awarded',
  'review.assigned',
  'review.panel_complete',
  'order.placed',
  'purchase.placed',
  'order.paid',
  'purchase.paid',
  'order.refunded',
  'outcome_report.returned',
  'project.report_due',
  'payout.approved',
  'payout.paid',
] as const;

export const DOMAIN_EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, ...INTERNAL_EVENT_TYPES] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

export function isWebhookEventType(type: string): type is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}

/** The kind of object an event type is about: the part before the dot. */
export type WebhookObjectType =
  'certificate' | 'claim' | 'contract' | 'project' | 'outcome_report' | 'webhook_endpoint';
/** Plans and reviews are about a project (their object id is the project's id). */
export type DomainObjectType =
  WebhookObjectType | 'plan' | 'review' | 'order' | 'purchase' | 'payout';

export function objectTypeOf(type: DomainEventType): DomainObjectType {
  return type.slice(0, type.indexOf('.')) as DomainObjectType;
}

export interface DomainEvent {
  id: string;
  seq: number;
  type: DomainEventType;
  objectType: DomainObjectType;
  objectId: string;
  /** The organisations the event concerns (the platform's organisations hear of every event). */
  organisationIds: string[];
  occurredAt: Date;
}

/**
 * The organisations an object's events concern, read in the recording transaction:
 * - a certificate: its holder (the buyer);
 * - a claim, a contract: the authority and the supplier;
 * - a project, an outcome report: the initiative and every organisation holding a
 *   certificate of the project (their credits hang on it);
 * - a webhook endpoint: its owner;
 * - a plan (a project before listing), a payout: the initiative;
 * - a review: nobody outside the platform;
 * - an order, a purchase: the buyer.
 */
async function audienceOf(
  trx: Kysely<DB>,
  objectType: DomainObjectType,
  objectId: string,
): Promise<string[]> {
  const rows = await (() => {
    switch (objectType) {
      case 'certificate':
        return sql<{ id: string }>`
          SELECT buyer_organisation_id AS id FROM certificates WHERE id = ${objectId}`.execute(trx);
      case 'claim':
        return sql<{ id: string }>`
          SELECT unnest(ARRAY[authority_id, supplier_id]) AS id FROM claims WHERE id = ${objectId}`.execute(
          trx,
        );
      case 'contract':
        return sql<{ id: string }>`
          SELECT unnest(ARRAY[authority_id, supplier_id]) AS id FROM contracts WHERE id = ${objectId}`.execute(
          trx,
        );
      case 'project':
        return sql<{ id: string }>`
          SELECT initiative_id AS id FROM projects WHERE id = ${objectId}
          UNION SELECT buyer_organisation_id FROM certificates WHERE project_id = ${objectId}`.execute(
          trx,
        );
      case 'outcome_report':
        return sql<{ id: string }>`
          SELECT p.initiative_id AS id FROM outcome_reports r JOIN projects p ON p.id = r.project_id
            WHERE r.id = ${objectId}
          UNION SELECT c.buyer_organisation_id FROM outcome_reports r
            JOIN certificates c ON c.project_id = r.project_id WHERE r.id = ${objectId}`.execute(
          trx,
        );
      case 'webhook_endpoint':
        return sql<{ id: string }>`
          SELECT organisation_id AS id FROM webhook_endpoints WHERE id = ${objectId}`.execute(trx);
      case 'plan':
        return sql<{ id: string }>`
          SELECT initiative_id AS id FROM projects WHERE id = ${objectId}`.execute(trx);
      case 'payout':
        return sql<{ id: string }>`
          SELECT initiative_id AS id FROM payouts WHERE id = ${objectId}`.execute(trx);
      case 'order':
        return sql<{ id: string }>`
          SELECT buyer_organisation_id AS id FROM orders WHERE id = ${objectId}`.execute(trx);
      case 'purchase':
        return sql<{ id: string }>`
          SELECT buyer_organisation_id AS id FROM purchases WHERE id = ${objectId}`.execute(trx);
      case 'review':
        return Promise.resolve({ rows: [] as { id: string }[] });
    }
  })();
  return [...new Set(rows.rows.map((row) => row.id))].sort();
}

/**
 * Records that `type` happened to the object, in the caller's transaction (pass the
 * transaction that makes the change, never the pool). The audience is read here, so
 * callers name only what happened.
 */
export async function recordEvent(
  trx: Kysely<DB>,
  event: { type: DomainEventType; objectId: string; occurredAt: Date },
): Promise<void> {
  const objectType = objectTypeOf(event.type);
  const organisationIds = await audienceOf(trx, objectType, event.objectId);
  await trx
    .insertInto('domain_events')
    .values({
      type: event.type,
      object_type: objectType,
      object_id: event.objectId,
      organisation_ids: organisationIds,
      occurred_at: event.occurredAt,
    })
    .execute();
}
