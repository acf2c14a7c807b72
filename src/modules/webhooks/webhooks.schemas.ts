import { z } from 'zod';
import { PageQuerySchema, pageSchema } from '../../lib/pagination.js';
import { WEBHOOK_EVENT_TYPES } from '../events/events.js';

export const WebhookEventTypeSchema = z
  .enum(WEBHOOK_EVENT_TYPES)
  .describe('The event types an endpoint can subscribe to; docs/webhooks.md describes each')
  .meta({ id: 'WebhookEventType' });

const UrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .describe(
    'Where deliveries are POSTed: https (plain http outside production only), a host that resolves only to public addresses',
  );

const EventTypesSchema = z
  .array(WebhookEventTypeSchema)
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((types) => [...new Set(types)]);

const DescriptionSchema = z.string().trim().max(500);

export const CreateWebhookEndpointSchema = z
  .strictObject({
    url: UrlSchema,
    eventTypes: EventTypesSchema,
    description: DescriptionSchema.default(''),
    enabled: z.boolean().default(true),
  })
  .meta({ id: 'CreateWebhookEndpoint' });
export type CreateWebhookEndpointInput = z.infer<typeof CreateWebhookEndpointSchema>;

export const UpdateWebhookEndpointSchema = z
  .strictObject({
    url: UrlSchema.optional(),
    eventTypes: EventTypesSchema.optional(),
    description: DescriptionSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .meta({ id: 'UpdateWebhookEndpoint' });
export type UpdateWebhookEndpointInput = z.infer<typeof UpdateWebhookEndpointSchema>;

export const WebhookEndpointIdParamsSchema = z.object({ id: z.uuid() });
export const WebhookDeliveryParamsSchema = z.object({ id: z.uuid(), deliveryId: z.uuid() });

export const WebhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(WebhookEventTypeSchema),
    enabled: z.boolean(),
    disabledReason: z
      .enum(['by_user', 'failing'])
      .nullable()
      .describe(
        '`failing`: the platform disabled it after a delivery failed for three days; enable it again when the receiver works',
      ),
    secretRotation: z
      .object({ previousSecretValidUntil: z.iso.datetime() })
      .nullable()
      .describe('While a rotated secret is still valid, deliveries carry a signature with each'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const WebhookEndpointListSchema = pageSchema(WebhookEndpointSchema).meta({
  id: 'WebhookEndpointList',
});

export const WebhookSecretSchema = z
  .string()
  .describe(
    'The signing secret (Standard Webhooks, `whsec_` and base64). Shown only in this answer: store it now',
  );

export const CreatedWebhookEndpointSchema = WebhookEndpointSchema.extend({
  secret: WebhookSecretSchema,
}).meta({ id: 'CreatedWebhookEndpoint' });

export const RotatedWebhookSecretSchema = z
  .object({
    secret: WebhookSecretSchema,
    previousSecretValidUntil: z.iso
      .datetime()
      .describe('Until then deliveries are signed with the old and the new secret'),
  })
  .meta({ id: 'RotatedWebhookSecret' });

export const WebhookAttemptSchema = z
  .object({
    attemptedAt: z.iso.datetime(),
    durationMs: z.number().int(),
    statusCode: z.number().int().nullable(),
    responsePrefix: z.string().nullable().describe('The first 256 characters of the answer'),
    error: z.string().nullable(),
    succeeded: z.boolean(),
  })
  .meta({ id: 'WebhookAttempt' });

export const WebhookDeliveryStatusSchema = z
  .enum(['pending', 'succeeded', 'failed'])
  .describe('pending: waiting for its (next) attempt; failed: given up after three days')
  .meta({ id: 'WebhookDeliveryStatus' });

export const WebhookDeliverySchema = z
  .object({
    id: z.uuid(),
    messageId: z.string().describe('The `webhook-id` header: the same on every attempt'),
    eventType: WebhookEventTypeSchema,
    objectType: z.string(),
    objectId: z.uuid(),
    status: WebhookDeliveryStatusSchema,
    attempts: z.number().int(),
    nextAttemptAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    lastAttempt: WebhookAttemptSchema.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryDetailSchema = WebhookDeliverySchema.extend({
  attemptLog: z.array(WebhookAttemptSchema).describe('Every attempt, oldest first'),
}).meta({ id: 'WebhookDeliveryDetail' });
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetailSchema>;

export const ListWebhookDeliveriesQuerySchema = PageQuerySchema.extend({
  status: WebhookDeliveryStatusSchema.optional(),
});
export type ListWebhookDeliveriesQuery = z.infer<typeof ListWebhookDeliveriesQuerySchema>;

export const WebhookDeliveryPageSchema = pageSchema(WebhookDeliverySchema).meta({
  id: 'WebhookDeliveryPage',
});
