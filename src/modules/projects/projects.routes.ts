import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { ctxOf } from '../../plugins/auth.js';
import type { ProjectsService } from './projects.service.js';
import {
  CreatePlanSchema,
  ListPlansQuerySchema,
  PlanIdParamsSchema,
  PlanPageSchema,
  PlanSchema,
  UpdatePlanSchema,
} from './projects.schemas.js';

export { createProjectsService } from './projects.service.js';

export const projectsRoutes: FastifyPluginAsyncZod<{ projects: ProjectsService }> = async (
  app,
  { projects },
) => {
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/v1/plans',
    {
      schema: {
        operationId: 'createPlan',
        tags: ['plans'],
        summary: 'Start a draft plan for the caller’s initiative (initiative members)',
        description:
          'A draft may be incomplete: only the title is required, but every field given must be valid.',
        body: CreatePlanSchema,
        response: { 201: PlanSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await projects.create(ctxOf(request), request.body)),
  );

  app.get(
    '/v1/plans',
    {
      schema: {
        operationId: 'listPlans',
        tags: ['plans'],
        summary: 'Plans the caller may see, newest first',
        description:
          'Initiative members see their organisation’s plans, reviewers the plans assigned to them, platform admins all. Suppliers and authorities are refused.',
        querystring: ListPlansQuerySchema,
        response: { 200: PlanPageSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS) },
      },
    },
    async (request) => projects.list(ctxOf(request), request.query),
  );

  app.get(
    '/v1/plans/:id',
    {
      schema: {
        operationId: 'getPlan',
        tags: ['plans'],
        summary: 'Read a plan with its completeness and review history',
        description:
          'Visible to the owning initiative, platform admins and reviewers assigned to it; anyone else gets 404.',
        params: PlanIdParamsSchema,
        response: { 200: PlanSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404) },
      },
    },
    async (request) => projects.get(ctxOf(request), request.params.id),
  );

  app.patch(
    '/v1/plans/:id',
    {
      schema: {
        operationId: 'updatePlan',
        tags: ['plans'],
        summary:
          'Change a plan while it is a draft or has changes requested (the owning initiative)',
        description:
          'Replaces the given fields; lists are replaced as a whole. A budget line keeps its id when the id is sent with it.',
        params: PlanIdParamsSchema,
        body: UpdatePlanSchema,
        response: {
          200: PlanSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 409, 422),
        },
      },
    },
    async (request) => projects.update(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/v1/plans/:id/submit',
    {
      schema: {
        operationId: 'submitPlan',
        tags: ['plans'],
        summary:
          'Submit a complete plan for review, opening a new review round (the owning initiative)',
        params: PlanIdParamsSchema,
        response: {
          200: PlanSchema,
          ...problemResponses(
            ...AUTHENTICATED_PROBLEMS,
            404,
            'PLAN.INCOMPLETE',
            'PLAN.INVALID_TRANSITION',
          ),
        },
      },
    },
    async (request) => projects.submit(ctxOf(request), request.params.id),
  );
};
