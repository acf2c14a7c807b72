import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { ctxOf } from '../../plugins/auth.js';
import {
  CreatedWebhookEndpointSchema,
  CreateWebhookEndpointSchema,
  ListWebhookDeliveriesQuerySchema,
  RotatedWebhookSecretSchema,
  UpdateWebhookEndpointSchema,
  WebhookDeliveryDetailSchema,
  WebhookDeliveryPageSchema,
  WebhookDeliveryParamsSchema,
  WebhookEndpointIdParamsSchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
} from './webhooks.schemas.js';
import type { WebhooksService } from './webhooks.service.js';

const WHO =
  'Members of the endpoint’s own organisation (an authority, a supplier or the platform); viewers and reviewers read only. Another organisation’s endpoint answers 404.';

/** Webhook endpoints of an organisation, their deliveries, and redelivery by hand (docs/webhooks.md). */
export const webhooksRoutes: FastifyPluginAsyncZod<{ webhooks: WebhooksService }> = async (
  app,
  { webhooks },
) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/v1/webhook-endpoints',
    {
      schema: {
        operationId: 'listWebhookEndpoints',
        tags: ['webhooks'],
        summary: 'List the organisation’s webhook endpoints',
        description: WHO,
        response: {
          200: WebhookEndpointListSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS),
        },
      },
    },
    async (request) => webhooks.list(ctxOf(request)),
  );

  app.post(
    '/v1/webhook-endpoints',
    {
      schema: {
        operationId: 'createWebhookEndpoint',
        tags: ['webhooks'],
        summary: 'Register a webhook endpoint',
        description: [
          WHO,
          'Deliveries follow the Standard Webhooks specification. The answer carries the signing secret; it is never shown again (rotate it to get a new one).',
        ].join('\n\n'),
        body: CreateWebhookEndpointSchema,
        response: {
          201: CreatedWebhookEndpointSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 'WEBHOOK_ENDPOINT.TARGET_REFUSED'),
        },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return webhooks.create(ctxOf(request), request.body);
    },
  );

  app.get(
    '/v1/webhook-endpoints/:id',
    {
      schema: {
        operationId: 'getWebhookEndpoint',
        tags: ['webhooks'],
        summary: 'Read a webhook endpoint',
        description: WHO,
        params: WebhookEndpointIdParamsSchema,
        response: {
          200: WebhookEndpointSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
        },
      },
    },
    async (request) => webhooks.get(ctxOf(request), request.params.id),
  );

  app.patch(
    '/v1/webhook-endpoints/:id',
    {
      schema: {
        operationId: 'updateWebhookEndpoint',
        tags: ['webhooks'],
        summary: 'Change, disable or enable a webhook endpoint',
        description: [
          WHO,
          'An endpoint the platform disabled because it kept failing (`disabledReason: failing`) starts again with `enabled: true`; its waiting deliveries are then sent.',
        ].join('\n\n'),
        params: WebhookEndpointIdParamsSchema,
        body: UpdateWebhookEndpointSchema,
        response: {
          200: WebhookEndpointSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 'WEBHOOK_ENDPOINT.TARGET_REFUSED'),
        },
      },
    },
    async (request) => webhooks.update(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    '/v1/webhook-endpoints/:id',
    {
      schema: {
        operationId: 'deleteWebhookEndpoint',
        tags: ['webhooks'],
        summary: 'Delete a webhook endpoint and its delivery log',
        description: `${WHO}\n\nAnswers the endpoint as it was.`,
        params: WebhookEndpointIdParamsSchema,
        response: {
          200: WebhookEndpointSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
        },
      },
    },
    async (request) => webhooks.remove(ctxOf(request), request.params.id),
  );

  app.post(
    '/v1/webhook-endpoints/:id/rotate-secret',
    {
      schema: {
        operationId: 'rotateWebhookSecret',
        tags: ['webhooks'],
        summary: 'Rotate the signing secret of a webhook endpoint',
        description: [
          WHO,
          'The new secret is shown once, in this answer. Until `previousSecretValidUntil` (24 hours unless the operator set WEBHOOK_SECRET_OVERLAP_HOURS) every delivery carries two signatures, one with each secret, so the receiver can switch without losing a delivery.',
        ].join('\n\n'),
        params: WebhookEndpointIdParamsSchema,
        response: {
          200: RotatedWebhookSecretSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
        },
      },
    },
    async (request) => webhooks.rotateSecret(ctxOf(request), request.params.id),
  );

  app.get(
    '/v1/webhook-endpoints/:id/deliveries',
    {
      schema: {
        operationId: 'listWebhookDeliveries',
        tags: ['webhooks'],
        summary: 'The delivery log of a webhook endpoint, newest first',
        description: WHO,
        params: WebhookEndpointIdParamsSchema,
        querystring: ListWebhookDeliveriesQuerySchema,
        response: {
          200: WebhookDeliveryPageSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
        },
      },
    },
    async (request) => webhooks.listDeliveries(ctxOf(request), request.params.id, request.query),
  );

  app.get(
    '/v1/webhook-endpoints/:id/deliveries/:deliveryId',
    {
      schema: {
        operationId: 'getWebhookDelivery',
        tags: ['webhooks'],
        summary: 'A delivery with every attempt',
        description: WHO,
        params: WebhookDeliveryParamsSchema,
        response: {
          200: WebhookDeliveryDetailSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
        },
      },
    },
    async (request) =>
      webhooks.getDelivery(ctxOf(request), request.params.id, request.params.deliveryId),
  );

  app.post(
    '/v1/webhook-endpoints/:id/deliveries/:deliveryId/redeliver',
    {
      schema: {
        operationId: 'redeliverWebhook',
        tags: ['webhooks'],
        summary: 'Send a finished delivery again',
        description: [
          WHO,
          'The same message (same `webhook-id` and body, freshly signed) is queued again and tried with the usual retries.',
        ].join('\n\n'),
        params: WebhookDeliveryParamsSchema,
        response: {
          200: WebhookDeliveryDetailSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 'WEBHOOK_DELIVERY.IN_PROGRESS'),
        },
      },
    },
    async (request) =>
      webhooks.redeliver(ctxOf(request), request.params.id, request.params.deliveryId),
  );
};
