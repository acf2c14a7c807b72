import { type Kysely, sql, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type {
  WebhookAttempts,
  WebhookDeliveries,
  WebhookEndpoints,
} from '../../db/schema.generated.js';

export type WebhookEndpointRow = Selectable<WebhookEndpoints>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveries>;
export type WebhookAttemptRow = Selectable<WebhookAttempts>;

/** All SQL of webhook endpoints, deliveries and their attempts (the webhooks module owns these tables). */
export const webhooksRepository = {
  async insertEndpoint(
    db: Kysely<DB>,
    values: {
      organisationId: string;
      url: string;
      description: string;
      eventTypes: string[];
      enabled: boolean;
      secret: string;
      at: Date;
    },
  ): Promise<WebhookEndpointRow> {
    return db
      .insertInto('webhook_endpoints')
      .values({
        organisation_id: values.organisationId,
        url: values.url,
        description: values.description,
        event_types: values.eventTypes,
        enabled: values.enabled,
        disabled_reason: values.enabled ? null : 'by_user',
        secret: values.secret,
        created_at: values.at,
        updated_at: values.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async findEndpoint(db: Kysely<DB>, id: string): Promise<WebhookEndpointRow | undefined> {
    return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async lockEndpoint(trx: Transaction<DB>, id: string): Promise<WebhookEndpointRow | undefined> {
    return trx
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async listEndpoints(db: Kysely<DB>, organisationId: string): Promise<WebhookEndpointRow[]> {
    return db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async updateEndpoint(
    db: Kysely<DB>,
    id: string,
    values: Partial<
      Pick<
        WebhookEndpointRow,
        | 'url'
        | 'description'
        | 'event_types'
        | 'enabled'
        | 'disabled_reason'
        | 'secret'
        | 'previous_secret'
        | 'previous_secret_expires_at'
      >
    > & { updated_at: Date },
  ): Promise<WebhookEndpointRow> {
    return db
      .updateTable('webhook_endpoints')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async deleteEndpoint(db: Kysely<DB>, id: string): Promise<void> {
    await db.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
  },

  /**
   * The enabled endpoints that want an event: subscribed to its type and owned by one of
   * the organisations it concerns, or by the platform (which hears of every event).
   */
  async subscribersOf(
    db: Kysely<DB>,
    event: { type: string; organisationIds: string[] },
  ): Promise<WebhookEndpointRow[]> {
    return db
      .selectFrom('webhook_endpoints as e')
      .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
      .selectAll('e')
      .where('e.enabled', '=', true)
      .where(sql<boolean>`${event.type} = ANY (e.event_types)`)
      .where((eb) =>
        eb.or([
          eb('o.kind', '=', 'platform'),
          ...(event.organisationIds.length > 0
            ? [eb('e.organisation_id', 'in', event.organisationIds)]
            : []),
        ]),
      )
      .orderBy('e.id')
      .execute();
  },

  async insertDelivery(
    trx: Transaction<DB>,
    values: {
      endpointId: string;
      event: { id: string; seq: number; type: string; objectType: string; objectId: string };
      at: Date;
    },
  ): Promise<void> {
    await trx
      .insertInto('webhook_deliveries')
      .values({
        endpoint_id: values.endpointId,
        event_id: values.event.id,
        event_seq: values.event.seq,
        event_type: values.event.type,
        object_type: values.event.objectType,
        object_id: values.event.objectId,
        payload: null,
        next_attempt_at: values.at,
        created_at: values.at,
      })
      .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
      .execute();
  },

  /**
   * Takes up to `limit` deliveries that are due, leasing them until `leaseUntil` so no
   * other worker takes them meanwhile. In order per object: a delivery waits while an
   * earlier event of the same object to the same endpoint is still pending (leased or not).
   */
  async leaseDue(
    trx: Transaction<DB>,
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<WebhookDeliveryRow[]> {
    const due = await sql<{ id: string }>`
      SELECT d.id FROM webhook_deliveries d
        JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE d.status = 'pending' AND e.enabled
        AND d.next_attempt_at <= ${now}
        AND (d.leased_until IS NULL OR d.leased_until <= ${now})
        AND NOT EXISTS (
          SELECT 1 FROM webhook_deliveries p
          WHERE p.endpoint_id = d.endpoint_id AND p.object_type = d.object_type
            AND p.object_id = d.object_id AND p.status = 'pending' AND p.event_seq < d.event_seq
        )
      ORDER BY d.next_attempt_at, d.event_seq
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED
    `.execute(trx);
    if (due.rows.length === 0) return [];
    return trx
      .updateTable('webhook_deliveries')
      .set({ leased_until: leaseUntil })
      .where(
        'id',
        'in',
        due.rows.map((row) => row.id),
      )
      .returningAll()
      .execute();
  },

  async setPayload(db: Kysely<DB>, id: string, payload: string): Promise<void> {
    await db
      .updateTable('webhook_deliveries')
      .set({ payload })
      .where('id', '=', id)
      .where('payload', 'is', null)
      .execute();
  },

  async insertAttempt(
    db: Kysely<DB>,
    values: {
      deliveryId: string;
      at: Date;
      durationMs: number;
      statusCode: number | null;
      responsePrefix: string | null;
      error: string | null;
      succeeded: boolean;
    },
  ): Promise<void> {
    await db
      .insertInto('webhook_attempts')
      .values({
        delivery_id: values.deliveryId,
        attempted_at: values.at,
        duration_ms: values.durationMs,
        status_code: values.statusCode,
        response_prefix: values.responsePrefix,
        error: values.error,
        succeeded: values.succeeded,
      })
      .execute();
  },

  async updateDelivery(
    db: Kysely<DB>,
    id: string,
    values: Partial<
      Pick<
        WebhookDeliveryRow,
        | 'status'
        | 'attempts'
        | 'first_attempt_at'
        | 'next_attempt_at'
        | 'leased_until'
        | 'finished_at'
      >
    >,
  ): Promise<void> {
    await db.updateTable('webhook_deliveries').set(values).where('id', '=', id).execute();
  },

  async findDelivery(
    db: Kysely<DB>,
    endpointId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryRow | undefined> {
    return db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('id', '=', deliveryId)
      .where('endpoint_id', '=', endpointId)
      .executeTakeFirst();
  },

  async lockDelivery(
    trx: Transaction<DB>,
    deliveryId: string,
  ): Promise<WebhookDeliveryRow | undefined> {
    return trx
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('id', '=', deliveryId)
      .forUpdate()
      .executeTakeFirst();
  },

  /** Newest first, keyset on (created_at, id); limit + 1 rows. */
  async listDeliveries(
    db: Kysely<DB>,
    filter: {
      endpointId: string;
      status?: string | undefined;
      before?: { createdAt: Date; id: string } | undefined;
      limit: number;
    },
  ): Promise<WebhookDeliveryRow[]> {
    let query = db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('endpoint_id', '=', filter.endpointId);
    if (filter.status)
      query = query.where('status', '=', filter.status as WebhookDeliveryRow['status']);
    if (filter.before) {
      const before = filter.before;
      query = query.where((eb) =>
        eb.or([
          eb('created_at', '<', before.createdAt),
          eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
        ]),
      );
    }
    return query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  async attemptsOf(db: Kysely<DB>, deliveryIds: string[]): Promise<WebhookAttemptRow[]> {
    if (deliveryIds.length === 0) return [];
    return db
      .selectFrom('webhook_attempts')
      .selectAll()
      .where('delivery_id', 'in', deliveryIds)
      .orderBy('attempted_at')
      .orderBy('id')
      .execute();
  },
};
