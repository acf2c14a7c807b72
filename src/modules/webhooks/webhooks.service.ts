import type { SecretBox } from './secret-box.js';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, OrganisationKind, UserRole } from '../../db/types.js';
import { addSeconds, type Clock } from '../../lib/clock.js';
import { type Actor, type Ctx, requireActor } from '../../lib/context.js';
import { conflict, forbidden, notFound, unprocessable } from '../../lib/errors.js';
import { decodeCursor, type Page, toPage, wholeList } from '../../lib/pagination.js';
import { recordAudit } from '../audit/audit.service.js';
import type { EventSubscriber } from '../events/dispatcher.js';
import { type WebhookEventType, type WebhookObjectType, recordEvent } from '../events/events.js';
import {
  type HostResolver,
  resolveSafeTarget,
  type SafeTarget,
  systemResolver,
  type TargetPolicy,
  TargetRefused,
} from './safe-target.js';
import { DEFAULT_SEND_LIMITS, type SendLimits, type SendResult, sendWebhook } from './sender.js';
import { newWebhookSecret, signatureHeader } from './signature.js';
import {
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
  webhooksRepository as repo,
} from './webhooks.repository.js';
import type {
  CreateWebhookEndpointInput,
  ListWebhookDeliveriesQuery,
  UpdateWebhookEndpointInput,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookEndpoint,
} from './webhooks.schemas.js';

/**
 * Waits before each retry, in seconds: the first retry after 5 s, then 5 min, 30 min,
 * 2 h, 5 h, and every 10 h after that, until three days have passed since the first
 * attempt; then the delivery is given up (and its endpoint disabled).
 */
export const RETRY_DELAYS_SECONDS = [5, 300, 1_800, 7_200, 18_000, 36_000] as const;
export const GIVE_UP_AFTER_SECONDS = 3 * 86_400;
/** A delivery taken by a worker is not taken by another for this long. */
const LEASE_SECONDS = 120;
const BATCH = 20;

export function retryDelaySeconds(attempts: number): number {
  return RETRY_DELAYS_SECONDS[Math.min(attempts, RETRY_DELAYS_SECONDS.length) - 1]!;
}

/** What a delivery carries: the object as the organisation would read it from the API, and links. */
export interface RenderedObject {
  object: unknown;
  links: Record<string, string>;
}

/**
 * Renders an event's object for an organisation, through the owning module's service and
 * response schema, as that organisation's API call would answer; undefined when the
 * organisation may not see it (then nothing is sent).
 */
export type ObjectRenderer = (
  objectType: Exclude<WebhookObjectType, 'webhook_endpoint'>,
  objectId: string,
  viewer: Actor,
) => Promise<RenderedObject | undefined>;

export interface WebhooksDeps {
  db: Kysely<DB>;
  clock: Clock;
  publicUrl: string;
  policy: TargetPolicy;
  render: ObjectRenderer;
  resolve?: HostResolver | undefined;
  limits?: SendLimits | undefined;
  /** How long a rotated secret keeps signing deliveries beside the new one. */
  rotationOverlapSeconds: number;
  /** Encrypts the signing secrets at rest (secret-box.ts). */
  secretBox: SecretBox;
}

const MANAGING_KINDS: readonly OrganisationKind[] = ['authority', 'supplier', 'platform'];
/** Viewers and reviewers read; these roles also change endpoints. */
const MANAGING_ROLES: readonly UserRole[] = ['admin', 'coordinator', 'member'];

/** The reading role an organisation's deliveries are rendered with. */
const READER_ROLE: Record<OrganisationKind, UserRole> = {
  platform: 'admin',
  authority: 'viewer',
  supplier: 'member',
  initiative: 'member',
};

/** A user id that no user has: the rendering actor reads only, and reads are not audited. */
const RENDERING_USER = '00000000-0000-0000-0000-000000000000';

function requireMember(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!MANAGING_KINDS.includes(actor.organisationKind))
    throw forbidden(
      'AUTH.FORBIDDEN',
      'Only authorities, suppliers and the platform register webhook endpoints',
    );
  return actor;
}

function requireManager(ctx: Ctx): Actor {
  const actor = requireMember(ctx);
  if (!MANAGING_ROLES.includes(actor.role))
    throw forbidden('AUTH.FORBIDDEN', 'Viewers and reviewers cannot change webhook endpoints');
  return actor;
}

function toEndpoint(row: WebhookEndpointRow, now: Date): WebhookEndpoint {
  const rotating =
    row.previous_secret_expires_at !== null && row.previous_secret_expires_at > now
      ? { previousSecretValidUntil: row.previous_secret_expires_at.toISOString() }
      : null;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types as WebhookEventType[],
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    secretRotation: rotating,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toAttempt(row: WebhookAttemptRow) {
  return {
    attemptedAt: row.attempted_at.toISOString(),
    durationMs: row.duration_ms,
    statusCode: row.status_code,
    responsePrefix: row.response_prefix,
    error: row.error,
    succeeded: row.succeeded,
  };
}

const messageIdOf = (delivery: { id: string }) => `msg_${delivery.id}`;

function toDelivery(row: WebhookDeliveryRow, attempts: WebhookAttemptRow[]): WebhookDelivery {
  const last = attempts[attempts.length - 1];
  return {
    id: row.id,
    messageId: messageIdOf(row),
    eventType: row.event_type as WebhookEventType,
    objectType: row.object_type,
    objectId: row.object_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    lastAttempt: last ? toAttempt(last) : null,
  };
}

export function createWebhooksService(deps: WebhooksDeps) {
  const { db, clock, policy } = deps;
  const resolve = deps.resolve ?? systemResolver;
  const limits = deps.limits ?? DEFAULT_SEND_LIMITS;

  async function checkTarget(url: string): Promise<void> {
    try {
      await resolveSafeTarget(url, policy, resolve);
    } catch (error) {
      if (error instanceof TargetRefused)
        throw unprocessable(
          'WEBHOOK_ENDPOINT.TARGET_REFUSED',
          `The URL is not a safe target: ${error.message}`,
          { reason: error.message },
        );
      throw error;
    }
  }

  /** The actor's own endpoint, or 404 (another organisation's endpoint is not disclosed). */
  async function ownEndpoint(actor: Actor, id: string): Promise<WebhookEndpointRow> {
    const row = await repo.findEndpoint(db, id);
    if (!row || row.organisation_id !== actor.organisationId) throw notFound('Webhook endpoint');
    return row;
  }

  async function renderPayload(
    delivery: WebhookDeliveryRow,
    endpoint: WebhookEndpointRow,
  ): Promise<string | undefined> {
    const event = await db
      .selectFrom('domain_events')
      .select(['id', 'occurred_at'])
      .where('id', '=', delivery.event_id)
      .executeTakeFirstOrThrow();
    let rendered: RenderedObject | undefined;
    if (delivery.object_type === 'webhook_endpoint') {
      const row = await repo.findEndpoint(db, delivery.object_id);
      rendered = row
        ? {
            object: toEndpoint(row, clock.now()),
            links: { api: `${deps.publicUrl}/v1/webhook-endpoints/${row.id}` },
          }
        : undefined;
    } else {
      const owner = await db
        .selectFrom('organisations')
        .select(['kind'])
        .where('id', '=', endpoint.organisation_id)
        .executeTakeFirstOrThrow();
      rendered = await deps.render(
        delivery.object_type as Exclude<WebhookObjectType, 'webhook_endpoint'>,
        delivery.object_id,
        {
          userId: RENDERING_USER,
          organisationId: endpoint.organisation_id,
          organisationKind: owner.kind,
          role: READER_ROLE[owner.kind],
        },
      );
    }
    if (!rendered) return undefined;
    // The Standard Webhooks payload shape: type, timestamp, data.
    return JSON.stringify({
      type: delivery.event_type,
      timestamp: event.occurred_at.toISOString(),
      data: {
        eventId: event.id,
        objectType: delivery.object_type,
        objectId: delivery.object_id,
        object: rendered.object,
        links: rendered.links,
      },
    });
  }

  /** Gives a delivery up; its endpoint has failed for three days, so it is disabled and its owner told. */
  async function giveUp(delivery: WebhookDeliveryRow, now: Date): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const endpoint = await repo.lockEndpoint(trx, delivery.endpoint_id);
      await repo.updateDelivery(trx, delivery.id, {
        status: 'failed',
        finished_at: now,
        leased_until: null,
      });
      if (!endpoint || !endpoint.enabled) return;
      await repo.updateEndpoint(trx, endpoint.id, {
        enabled: false,
        disabled_reason: 'failing',
        updated_at: now,
      });
      const ctx = { actor: null, requestId: `job:webhooks.deliver:${randomUUID()}`, ip: '' };
      await recordAudit(trx, ctx, {
        action: 'webhook_endpoint.disabled',
        subjectType: 'webhook_endpoint',
        subjectId: endpoint.id,
        summary: { reason: 'failing', deliveryId: delivery.id, attempts: delivery.attempts + 1 },
        actor: null,
      });
      // The seam for telling the owner: e-mail subscribes to this event like webhooks do.
      await recordEvent(trx, {
        type: 'webhook_endpoint.disabled',
        objectId: endpoint.id,
        occurredAt: now,
      });
    });
  }

  async function attempt(delivery: WebhookDeliveryRow): Promise<void> {
    const endpoint = await repo.findEndpoint(db, delivery.endpoint_id);
    if (!endpoint) return;
    let payload = delivery.payload;
    if (payload === null) {
      const rendered = await renderPayload(delivery, endpoint);
      const now = clock.now();
      if (rendered === undefined) {
        // The owner may not (or no longer) see the object: nothing to send.
        await repo.insertAttempt(db, {
          deliveryId: delivery.id,
          at: now,
          durationMs: 0,
          statusCode: null,
          responsePrefix: null,
          error: 'the object is not visible to the endpoint’s organisation; not sent',
          succeeded: false,
        });
        await repo.updateDelivery(db, delivery.id, {
          status: 'failed',
          finished_at: now,
          leased_until: null,
        });
        return;
      }
      await repo.setPayload(db, delivery.id, rendered);
      payload = rendered;
    }

    const now = clock.now();
    const secrets = [deps.secretBox.open(endpoint.secret)];
    if (
      endpoint.previous_secret !== null &&
      endpoint.previous_secret_expires_at !== null &&
      endpoint.previous_secret_expires_at > now
    )
      secrets.push(deps.secretBox.open(endpoint.previous_secret));
    const messageId = messageIdOf(delivery);
    const timestamp = Math.floor(now.getTime() / 1000);
    let result: SendResult;
    let target: SafeTarget | undefined;
    try {
      target = await resolveSafeTarget(endpoint.url, policy, resolve);
    } catch (error) {
      if (!(error instanceof TargetRefused)) throw error;
      result = {
        statusCode: null,
        durationMs: 0,
        responsePrefix: null,
        error: `target refused: ${error.message}`,
        succeeded: false,
      };
    }
    if (target)
      result = await sendWebhook(
        target,
        {
          'webhook-id': messageId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatureHeader(secrets, messageId, timestamp, payload),
        },
        payload,
        limits,
      );

    const attempts = delivery.attempts + 1;
    const firstAttemptAt = delivery.first_attempt_at ?? now;
    await repo.insertAttempt(db, {
      deliveryId: delivery.id,
      at: now,
      durationMs: result!.durationMs,
      statusCode: result!.statusCode,
      responsePrefix: result!.responsePrefix,
      error: result!.error,
      succeeded: result!.succeeded,
    });
    if (result!.succeeded) {
      await repo.updateDelivery(db, delivery.id, {
        status: 'succeeded',
        attempts,
        first_attempt_at: firstAttemptAt,
        finished_at: now,
        leased_until: null,
      });
      return;
    }
    const next = addSeconds(now, retryDelaySeconds(attempts));
    if (next.getTime() - firstAttemptAt.getTime() > GIVE_UP_AFTER_SECONDS * 1000) {
      await repo.updateDelivery(db, delivery.id, { attempts, first_attempt_at: firstAttemptAt });
      await giveUp(delivery, now);
      return;
    }
    await repo.updateDelivery(db, delivery.id, {
      attempts,
      first_attempt_at: firstAttemptAt,
      next_attempt_at: next,
      leased_until: null,
    });
  }

  const subscriber: EventSubscriber = {
    name: 'webhooks',
    async handle(trx, event) {
      const endpoints = await repo.subscribersOf(trx, event);
      for (const endpoint of endpoints)
        await repo.insertDelivery(trx, { endpointId: endpoint.id, event, at: clock.now() });
    },
  };

  return {
    /** Fans each domain event out to the endpoints that want it (run by the event dispatcher). */
    subscriber,

    /**
     * Encrypts again under the current key every signing secret stored in plaintext (before
     * encryption) or under a previous key (after WEBHOOK_SECRET_KEY was rotated). Safe to
     * run twice; answers how many endpoints changed.
     */
    async resealSecrets(): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('webhook_endpoints')
          .select(['id', 'secret', 'previous_secret'])
          .orderBy('id')
          .forUpdate()
          .execute();
        let changed = 0;
        for (const row of rows) {
          const stale = (value: string | null) =>
            value !== null && deps.secretBox.needsResealing(value);
          if (!stale(row.secret) && !stale(row.previous_secret)) continue;
          let values;
          try {
            values = {
              secret: deps.secretBox.seal(deps.secretBox.open(row.secret)),
              previous_secret:
                row.previous_secret === null
                  ? null
                  : deps.secretBox.seal(deps.secretBox.open(row.previous_secret)),
            };
          } catch {
            // Sealed with a key no longer configured: left as it is (its deliveries fail
            // until the owner rotates the secret); the other endpoints go on.
            continue;
          }
          await trx.updateTable('webhook_endpoints').set(values).where('id', '=', row.id).execute();
          changed += 1;
        }
        return changed;
      });
    },

    /** Sends every delivery that is due, in order per object; answers how many were tried. */
    async deliverDue(): Promise<number> {
      let tried = 0;
      for (let round = 0; round < 50; round += 1) {
        const now = clock.now();
        const leased = await db
          .transaction()
          .execute((trx) => repo.leaseDue(trx, now, addSeconds(now, LEASE_SECONDS), BATCH));
        if (leased.length === 0) break;
        // One delivery per object at a time: leaseDue never leases two of one object.
        await Promise.all(leased.map((delivery) => attempt(delivery)));
        tried += leased.length;
      }
      return tried;
    },

    async list(ctx: Ctx): Promise<Page<WebhookEndpoint>> {
      const actor = requireMember(ctx);
      const now = clock.now();
      return wholeList(
        (await repo.listEndpoints(db, actor.organisationId)).map((row) => toEndpoint(row, now)),
      );
    },

    async get(ctx: Ctx, id: string): Promise<WebhookEndpoint> {
      const actor = requireMember(ctx);
      return toEndpoint(await ownEndpoint(actor, id), clock.now());
    },

    async create(
      ctx: Ctx,
      input: CreateWebhookEndpointInput,
    ): Promise<WebhookEndpoint & { secret: string }> {
      const actor = requireManager(ctx);
      await checkTarget(input.url);
      const secret = newWebhookSecret();
      const now = clock.now();
      const row = await db.transaction().execute(async (trx) => {
        const created = await repo.insertEndpoint(trx, {
          organisationId: actor.organisationId,
          url: input.url,
          description: input.description,
          eventTypes: input.eventTypes,
          enabled: input.enabled,
          secret: deps.secretBox.seal(secret),
          at: now,
        });
        await recordAudit(trx, ctx, {
          action: 'webhook_endpoint.created',
          subjectType: 'webhook_endpoint',
          subjectId: created.id,
          summary: { url: created.url, eventTypes: created.event_types },
        });
        return created;
      });
      return { ...toEndpoint(row, now), secret };
    },

    async update(
      ctx: Ctx,
      id: string,
      input: UpdateWebhookEndpointInput,
    ): Promise<WebhookEndpoint> {
      const actor = requireManager(ctx);
      await ownEndpoint(actor, id);
      if (input.url !== undefined) await checkTarget(input.url);
      const now = clock.now();
      const row = await db.transaction().execute(async (trx) => {
        const current = await repo.lockEndpoint(trx, id);
        if (!current || current.organisation_id !== actor.organisationId)
          throw notFound('Webhook endpoint');
        const updated = await repo.updateEndpoint(trx, id, {
          ...(input.url !== undefined ? { url: input.url } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.eventTypes !== undefined ? { event_types: input.eventTypes } : {}),
          ...(input.enabled !== undefined && input.enabled !== current.enabled
            ? { enabled: input.enabled, disabled_reason: input.enabled ? null : 'by_user' }
            : {}),
          updated_at: now,
        });
        await recordAudit(trx, ctx, {
          action: 'webhook_endpoint.updated',
          subjectType: 'webhook_endpoint',
          subjectId: id,
          summary: { changed: Object.keys(input) },
        });
        return updated;
      });
      return toEndpoint(row, now);
    },

    async remove(ctx: Ctx, id: string): Promise<WebhookEndpoint> {
      const actor = requireManager(ctx);
      await ownEndpoint(actor, id);
      const removed = await db.transaction().execute(async (trx) => {
        const current = await repo.lockEndpoint(trx, id);
        if (!current || current.organisation_id !== actor.organisationId)
          throw notFound('Webhook endpoint');
        await repo.deleteEndpoint(trx, id);
        await recordAudit(trx, ctx, {
          action: 'webhook_endpoint.deleted',
          subjectType: 'webhook_endpoint',
          subjectId: id,
          summary: { url: current.url },
        });
        return current;
      });
      return toEndpoint(removed, clock.now());
    },

    /** A new secret; the current one keeps signing beside it for the overlap period. */
    async rotateSecret(
      ctx: Ctx,
      id: string,
    ): Promise<{ secret: string; previousSecretValidUntil: string }> {
      const actor = requireManager(ctx);
      await ownEndpoint(actor, id);
      const now = clock.now();
      const secret = newWebhookSecret();
      const validUntil = addSeconds(now, deps.rotationOverlapSeconds);
      await db.transaction().execute(async (trx) => {
        const current = await repo.lockEndpoint(trx, id);
        if (!current || current.organisation_id !== actor.organisationId)
          throw notFound('Webhook endpoint');
        await repo.updateEndpoint(trx, id, {
          secret: deps.secretBox.seal(secret),
          previous_secret: current.secret,
          previous_secret_expires_at: validUntil,
          updated_at: now,
        });
        await recordAudit(trx, ctx, {
          action: 'webhook_endpoint.secret_rotated',
          subjectType: 'webhook_endpoint',
          subjectId: id,
          summary: { previousSecretValidUntil: validUntil.toISOString() },
        });
      });
      return { secret, previousSecretValidUntil: validUntil.toISOString() };
    },

    async listDeliveries(
      ctx: Ctx,
      endpointId: string,
      query: ListWebhookDeliveriesQuery,
    ): Promise<Page<WebhookDelivery>> {
      const actor = requireMember(ctx);
      await ownEndpoint(actor, endpointId);
      const cursor = decodeCursor(
        query.cursor,
        ['createdAt', 'id'] as const,
        (values) =>
          !Number.isNaN(Date.parse(values.createdAt)) && /^[0-9a-f-]{36}$/.test(values.id),
      );
      const rows = await repo.listDeliveries(db, {
        endpointId,
        status: query.status,
        before: cursor ? { createdAt: new Date(cursor.createdAt), id: cursor.id } : undefined,
        limit: query.limit,
      });
      const attempts = await repo.attemptsOf(
        db,
        rows.slice(0, query.limit).map((row) => row.id),
      );
      return toPage(
        rows,
        query.limit,
        (row) =>
          toDelivery(
            row,
            attempts.filter((a) => a.delivery_id === row.id),
          ),
        (row) => ({ createdAt: row.created_at.toISOString(), id: row.id }),
      );
    },

    async getDelivery(
      ctx: Ctx,
      endpointId: string,
      deliveryId: string,
    ): Promise<WebhookDeliveryDetail> {
      const actor = requireMember(ctx);
      await ownEndpoint(actor, endpointId);
      const row = await repo.findDelivery(db, endpointId, deliveryId);
      if (!row) throw notFound('Webhook delivery');
      const attempts = await repo.attemptsOf(db, [row.id]);
      return { ...toDelivery(row, attempts), attemptLog: attempts.map(toAttempt) };
    },

    /** Sends a finished delivery again (same message id and body), as soon as the queue runs. */
    async redeliver(
      ctx: Ctx,
      endpointId: string,
      deliveryId: string,
    ): Promise<WebhookDeliveryDetail> {
      const actor = requireManager(ctx);
      await ownEndpoint(actor, endpointId);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const row = await repo.lockDelivery(trx, deliveryId);
        if (!row || row.endpoint_id !== endpointId) throw notFound('Webhook delivery');
        if (row.status === 'pending')
          throw conflict(
            'WEBHOOK_DELIVERY.IN_PROGRESS',
            'The delivery is still being tried; wait for its outcome',
          );
        await repo.updateDelivery(trx, deliveryId, {
          status: 'pending',
          first_attempt_at: null,
          next_attempt_at: now,
          finished_at: null,
          leased_until: null,
        });
        await recordAudit(trx, ctx, {
          action: 'webhook_delivery.redelivered',
          subjectType: 'webhook_endpoint',
          subjectId: endpointId,
          summary: { deliveryId, previousStatus: row.status },
        });
      });
      return this.getDelivery(ctx, endpointId, deliveryId);
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
