import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../plugins/auth.js';
import { RATE_LIMITS } from '../../plugins/security.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { IdParamsSchema } from '../organisations/organisations.schemas.js';
import { UserSchema } from '../users/users.schemas.js';
import type { InvitationsService } from './invitations.service.js';
import {
  AcceptInvitationSchema,
  CreatedInvitationSchema,
  CreateInvitationSchema,
  InvitationListSchema,
} from './invitations.schemas.js';

export const invitationsRoutes: FastifyPluginAsyncZod<{ invitations: InvitationsService }> = async (
  app,
  { invitations },
) => {
  app.post(
    '/v1/organisations/:id/invitations',
    {
      onRequest: [app.authenticate],
      schema: {
        operationId: 'createInvitation',
        tags: ['users'],
        summary: 'Invite a user into an organisation',
        description:
          'Platform admins invite into any organisation; other users invite colleagues into their own, at most at their own role. The token is valid for 7 days and shown only once.',
        params: IdParamsSchema,
        body: CreateInvitationSchema,
        response: {
          201: CreatedInvitationSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 409, 422),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await invitations.create(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    '/v1/organisations/:id/invitations',
    {
      onRequest: [app.authenticate],
      schema: {
        operationId: 'listInvitations',
        tags: ['users'],
        summary: 'Invitations of an organisation (platform admins, or its own users)',
        params: IdParamsSchema,
        response: {
          200: InvitationListSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
        },
      },
    },
    async (request) => invitations.list(ctxOf(request), request.params.id),
  );

  app.post(
    '/v1/invitations/accept',
    {
      config: { rateLimit: RATE_LIMITS.auth },
      schema: {
        operationId: 'acceptInvitation',
        tags: ['users'],
        summary: 'Accept an invitation and set a password',
        security: [],
        body: AcceptInvitationSchema,
        response: { 201: UserSchema, ...problemResponses(404, 409, 410, 429) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await invitations.accept(ctxOf(request), request.body)),
  );
};
