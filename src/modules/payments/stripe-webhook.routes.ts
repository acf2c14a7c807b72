import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { problemResponses } from '../../lib/problem.js';
import { STRIPE_WEBHOOK_EVENTS, type StripeWebhookService } from './stripe-webhook.service.js';

const WebhookAckSchema = z
  .object({
    received: z.literal(true),
    eventId: z.string(),
    outcome: z
      .string()
      .describe(
        'What the event did, e.g. fulfilled, released, refunded, ignored; duplicate for a redelivery',
      ),
    duplicate: z.boolean().describe('The event was recorded before: acknowledged without effect'),
  })
  .meta({ id: 'StripeWebhookAck' });

/**
 * POST /v1/stripe/webhook. Always registered, so the API document is the same for every
 * deployment; without Stripe configured it answers 404.
 *
 * The signature covers the exact bytes Stripe sent, so this plugin (and only this one:
 * it is encapsulated, not wrapped in fastify-plugin) reads application/json as a raw
 * Buffer instead of parsing it.
 */
export const stripeWebhookRoutes: FastifyPluginAsyncZod<{
  webhook: StripeWebhookService | undefined;
}> = async (app, { webhook }) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/v1/stripe/webhook',
    {
      schema: {
        operationId: 'receiveStripeWebhook',
        tags: ['payments'],
        summary: 'Stripe event endpoint (called by Stripe)',
        description:
          'Receives Stripe events. The body is the raw JSON Stripe sent and must carry a valid `Stripe-Signature` (checked with the endpoint’s signing secrets, at most 300 s old) and be rendered in the API version the platform pins (another version answers 400 `WEBHOOK.API_VERSION_MISMATCH` and is not recorded, so Stripe retries it); anything else answers 400 and changes nothing. Each event is applied once: a redelivery answers 200 with `duplicate: true`. Handled: ' +
          STRIPE_WEBHOOK_EVENTS.join(', ') +
          '; other types are recorded and ignored.',
        security: [],
        headers: z.object({
          'stripe-signature': z.string().optional().describe('Stripe’s signature of the raw body'),
        }),
        response: {
          200: WebhookAckSchema,
          ...problemResponses(
            'PAYMENTS.STRIPE_NOT_CONFIGURED',
            'WEBHOOK.INVALID_SIGNATURE',
            'WEBHOOK.INVALID_BODY',
            'WEBHOOK.API_VERSION_MISMATCH',
            413,
            415,
          ),
        },
      },
    },
    async (request) => {
      if (!webhook)
        throw new AppError(
          404,
          'PAYMENTS.STRIPE_NOT_CONFIGURED',
          'Stripe payments are not configured on this instance',
        );
      const event = webhook.verify(request.body, request.headers['stripe-signature']);
      const result = await webhook.handle(event, { requestId: request.id, ip: request.ip });
      return { received: true as const, ...result };
    },
  );
};
