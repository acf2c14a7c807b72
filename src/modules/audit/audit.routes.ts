import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../plugins/auth.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import type { AuditService } from './audit.service.js';
import { AuditPageSchema, AuditQuerySchema } from './audit.schemas.js';

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (
  app,
  { audit },
) => {
  app.get(
    '/v1/audit',
    {
      onRequest: [app.authenticate],
      schema: {
        operationId: 'listAuditEvents',
        tags: ['audit'],
        summary: 'List audit events (platform admins)',
        description: 'Append-only trail of every state change, newest first.',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS) },
      },
    },
    async (request) => audit.list(ctxOf(request), request.query),
  );
};
