import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../plugins/auth.js';
import { ClientHeadersSchema, deliverTokens } from '../../plugins/browser-session.js';
import { RATE_LIMITS } from '../../plugins/security.js';
import type { AuthService } from '../auth/auth.service.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { IdParamsSchema } from '../organisations/organisations.schemas.js';
import { UserSchema } from '../users/users.schemas.js';
import type { InvitationsService } from './invitations.service.js';
import {
  AcceptInvitationSchema,
  CreatedInvitationSchema,
  CreateInvitationSchema,
  InvitationListSchema,
  InvitationPreviewSchema,
  InvitationTokenSchema,
} from './invitations.schemas.js';

export const invitationsRoutes: FastifyPluginAsyncZod<{
  invitations: InvitationsService;
  /** Signs the new user in when the web app accepts (a browser session). */
  sessions: Pick<AuthService, 'startSession'>;
}> = async (app, { invitations, sessions }) => {
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
    '/v1/invitations/preview',
    {
      config: { rateLimit: RATE_LIMITS.auth },
      schema: {
        operationId: 'previewInvitation',
        tags: ['users'],
        summary: 'What an invitation joins, before the password is set',
        description:
          'The organisation, role, e-mail address and expiry of an open invitation. An invitation that is used, expired or whose organisation is disabled answers the problem accepting it would; an unknown token reveals nothing.',
        security: [],
        body: InvitationTokenSchema,
        response: {
          200: InvitationPreviewSchema,
          ...problemResponses(
            429,
            'INVITATION.NOT_FOUND',
            'INVITATION.ALREADY_USED',
            'INVITATION.EXPIRED',
            'ORGANISATION.DISABLED',
          ),
        },
      },
    },
    async (request) => invitations.preview(request.body.token),
  );

  app.post(
    '/v1/invitations/accept',
    {
      config: { rateLimit: RATE_LIMITS.auth },
      schema: {
        operationId: 'acceptInvitation',
        tags: ['users'],
        summary: 'Accept an invitation and set a password',
        description:
          'From the web app (`X-Impactbeurs-Client: web`) the new user is also signed in: the refresh token is set in the `impactbeurs_refresh` cookie, and `POST /v1/auth/refresh` gives the first access token.',
        security: [],
        headers: ClientHeadersSchema,
        body: AcceptInvitationSchema,
        response: {
          201: UserSchema,
          ...problemResponses(
            429,
            'INVITATION.NOT_FOUND',
            'INVITATION.ALREADY_USED',
            'INVITATION.EXPIRED',
            'ORGANISATION.DISABLED',
            'USER.EMAIL_TAKEN',
            'AUTH.CROSS_SITE_REQUEST',
          ),
        },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const user = await invitations.accept(ctx, request.body);
      if (request.browserSession)
        deliverTokens(request, reply, await sessions.startSession(ctx, user.id, 'invitation'));
      return reply.code(201).send(user);
    },
  );
};
