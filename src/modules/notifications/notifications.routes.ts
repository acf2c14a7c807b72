import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../lib/problem.js';
import { ctxOf } from '../../plugins/auth.js';
import {
  NotificationPreferencesSchema,
  UpdateNotificationPreferencesSchema,
} from './notifications.schemas.js';
import type { NotificationsService } from './notifications.service.js';

export const notificationsRoutes: FastifyPluginAsyncZod<{
  notifications: NotificationsService;
}> = async (app, { notifications }) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/v1/me/notification-preferences',
    {
      schema: {
        operationId: 'getNotificationPreferences',
        tags: ['users'],
        summary: 'The e-mail notifications the signed-in user gets',
        description:
          'Every notification that concerns users of the user’s kind of organisation, whether it is mandatory (about their own money or obligations: always sent) and whether it is on.',
        response: { 200: NotificationPreferencesSchema, ...problemResponses(401, 429) },
      },
    },
    async (request) => notifications.preferences(ctxOf(request)),
  );

  app.put(
    '/v1/me/notification-preferences',
    {
      schema: {
        operationId: 'updateNotificationPreferences',
        tags: ['users'],
        summary: 'Switch optional e-mail notifications off (and on again)',
        description:
          '`disabled` lists every optional notification the user does not want; the rest are sent. Mandatory notifications cannot be switched off (400). The change counts for events dispatched from now on.',
        body: UpdateNotificationPreferencesSchema,
        response: { 200: NotificationPreferencesSchema, ...problemResponses(401, 429) },
      },
    },
    async (request) => notifications.update(ctxOf(request), request.body),
  );
};
