import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../plugins/auth.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { IdParamsSchema } from '../organisations/organisations.schemas.js';
import type { UsersService } from './users.service.js';
import { MeSchema, UpdateMeSchema, UserListSchema, UserSchema } from './users.schemas.js';

export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (
  app,
  { users },
) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/v1/me',
    {
      schema: {
        operationId: 'getMe',
        tags: ['users'],
        summary: 'The signed-in user and its organisation',
        response: { 200: MeSchema, ...problemResponses(401, 429) },
      },
    },
    async (request) => users.me(ctxOf(request)),
  );

  app.patch(
    '/v1/me',
    {
      schema: {
        operationId: 'updateMe',
        tags: ['users'],
        summary: 'Change the signed-in user’s own settings (its language)',
        description:
          'The language (`nl` or `en`) is the one the user’s e-mails are written in; the web app’s language switch sets it for a signed-in user.',
        body: UpdateMeSchema,
        response: { 200: MeSchema, ...problemResponses(401, 429) },
      },
    },
    async (request) => users.updateMe(ctxOf(request), request.body),
  );

  app.get(
    '/v1/organisations/:id/users',
    {
      schema: {
        operationId: 'listOrganisationUsers',
        tags: ['users'],
        summary: 'Users of an organisation (platform admins, or its own users)',
        params: IdParamsSchema,
        response: { 200: UserListSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404) },
      },
    },
    async (request) => users.listByOrganisation(ctxOf(request), request.params.id),
  );

  for (const [action, status] of [
    ['disable', 'disabled'],
    ['enable', 'active'],
  ] as const) {
    app.post(
      `/v1/users/:id/${action}`,
      {
        schema: {
          operationId: `${action}User`,
          tags: ['users'],
          summary:
            action === 'disable'
              ? 'Disable a user: its tokens stop working at once (platform admins)'
              : 'Enable a disabled user (platform admins)',
          params: IdParamsSchema,
          response: { 200: UserSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 409) },
        },
      },
      async (request) => users.setStatus(ctxOf(request), request.params.id, status),
    );
  }
};
