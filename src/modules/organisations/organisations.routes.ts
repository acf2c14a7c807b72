import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../plugins/auth.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import type { OrganisationsService } from './organisations.service.js';
import {
  CreateOrganisationSchema,
  IdParamsSchema,
  ListOrganisationsQuerySchema,
  OrganisationPageSchema,
  OrganisationSchema,
  SetLegalDetailsSchema,
  UpdateOrganisationSchema,
} from './organisations.schemas.js';

export const organisationsRoutes: FastifyPluginAsyncZod<{
  organisations: OrganisationsService;
}> = async (app, { organisations }) => {
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/v1/organisations',
    {
      schema: {
        operationId: 'createOrganisation',
        tags: ['organisations'],
        summary: 'Register an organisation (platform admins)',
        body: CreateOrganisationSchema,
        response: { 201: OrganisationSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await organisations.create(ctxOf(request), request.body)),
  );

  app.get(
    '/v1/organisations',
    {
      schema: {
        operationId: 'listOrganisations',
        tags: ['organisations'],
        summary: 'List organisations by name (platform admins)',
        querystring: ListOrganisationsQuerySchema,
        response: { 200: OrganisationPageSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS) },
      },
    },
    async (request) => organisations.list(ctxOf(request), request.query),
  );

  app.get(
    '/v1/organisations/:id',
    {
      schema: {
        operationId: 'getOrganisation',
        tags: ['organisations'],
        summary: 'Read an organisation (platform admins, or its own users)',
        params: IdParamsSchema,
        response: { 200: OrganisationSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404) },
      },
    },
    async (request) => organisations.get(ctxOf(request), request.params.id),
  );

  app.patch(
    '/v1/organisations/:id',
    {
      schema: {
        operationId: 'updateOrganisation',
        tags: ['organisations'],
        summary:
          'Change an organisation’s contact and billing details (platform admins, or its own users except viewers); not its legal name or KvK number',
        params: IdParamsSchema,
        body: UpdateOrganisationSchema,
        response: {
          200: OrganisationSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 409),
        },
      },
    },
    async (request) => organisations.update(ctxOf(request), request.params.id, request.body),
  );

  app.put(
    '/v1/organisations/:id/legal-details',
    {
      schema: {
        operationId: 'setOrganisationLegalDetails',
        tags: ['organisations'],
        summary:
          'Change an organisation’s legal name or KvK number (platform admins, with a reason)',
        description:
          'Audited with the reason and the old and new values. Certificates already issued keep the name they were issued with; public verification shows the current name beside it.',
        params: IdParamsSchema,
        body: SetLegalDetailsSchema,
        response: {
          200: OrganisationSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 409),
        },
      },
    },
    async (request) =>
      organisations.setLegalDetails(ctxOf(request), request.params.id, request.body),
  );

  for (const [action, status] of [
    ['disable', 'disabled'],
    ['enable', 'active'],
  ] as const) {
    app.post(
      `/v1/organisations/:id/${action}`,
      {
        schema: {
          operationId: `${action}Organisation`,
          tags: ['organisations'],
          summary:
            action === 'disable'
              ? 'Disable an organisation: its users are locked out at once (platform admins)'
              : 'Enable a disabled organisation (platform admins)',
          params: IdParamsSchema,
          response: {
            200: OrganisationSchema,
            ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 409),
          },
        },
      },
      async (request) => organisations.setStatus(ctxOf(request), request.params.id, status),
    );
  }
};
