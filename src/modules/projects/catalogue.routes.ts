import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../lib/problem.js';
import { RATE_LIMITS } from '../../plugins/security.js';
import type { CatalogueService } from './catalogue.service.js';
import {
  CatalogueIdParamsSchema,
  CatalogueMunicipalitiesSchema,
  CatalogueProjectDetailSchema,
  CatalogueProjectPageSchema,
  ListCatalogueQuerySchema,
} from './catalogue.schemas.js';

/** The public catalogue: no sign-in, rate limited per client address. */
export const catalogueRoutes: FastifyPluginAsyncZod<{ catalogue: CatalogueService }> = async (
  app,
  { catalogue },
) => {
  app.get(
    '/v1/projects',
    {
      config: { rateLimit: RATE_LIMITS.public },
      schema: {
        operationId: 'listProjects',
        tags: ['projects'],
        summary: 'Browse listed projects (public)',
        description:
          'Listed, funded and completed projects; failed ones only with `status=failed`. Filter by municipality, target group, outcome type and free text; sort by newest, deadline or credits still available. A cursor belongs to the sort it came from.',
        security: [],
        querystring: ListCatalogueQuerySchema,
        response: { 200: CatalogueProjectPageSchema, ...problemResponses(429) },
      },
    },
    async (request) => catalogue.list(request.query),
  );

  app.get(
    '/v1/municipalities',
    {
      config: { rateLimit: RATE_LIMITS.public },
      schema: {
        operationId: 'listCatalogueMunicipalities',
        tags: ['projects'],
        summary: 'Municipalities with public projects (public)',
        description:
          'Every municipality named by a public project (listed, funded, completed or failed), by name, with its CBS code (the `municipality` filter of GET /v1/projects) and how many public projects name it. Not paged: one entry per municipality.',
        security: [],
        response: { 200: CatalogueMunicipalitiesSchema, ...problemResponses(429) },
      },
    },
    async () => catalogue.municipalities(),
  );

  app.get(
    '/v1/projects/:id',
    {
      config: { rateLimit: RATE_LIMITS.public },
      schema: {
        operationId: 'getProject',
        tags: ['projects'],
        summary: 'Read a public project with its award (public)',
        description:
          'The plan’s public fields, its credits and the award with the methodology parameters and panel scores it was computed from, so the supply and threshold can be recomputed by hand. Projects that are not (or not yet) public answer 404.',
        security: [],
        params: CatalogueIdParamsSchema,
        response: { 200: CatalogueProjectDetailSchema, ...problemResponses(404, 429) },
      },
    },
    async (request) => catalogue.get(request.params.id),
  );
};
