import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { ctxOf } from '../../plugins/auth.js';
import { RATE_LIMITS } from '../../plugins/security.js';
import {
  OutcomeReportInputSchema,
  OutcomeReportListSchema,
  OutcomeReportPageSchema,
  OutcomeReportSchema,
  ProjectIdParamsSchema,
  PublicStoriesQuerySchema,
  PublicStoryPageSchema,
  RejectStorySchema,
  ReportIdParamsSchema,
  ReportQueueQuerySchema,
  ReturnReportSchema,
  StoryIdParamsSchema,
  StoryInputSchema,
  StoryListSchema,
  StorySchema,
} from './outcomes.schemas.js';
import type { OutcomesService } from './outcomes.service.js';

const PERSONAL_DATA_NOTE =
  ' Counts only: unknown fields are refused, and so is free text that contains personal data.';

/** Initiatives report outcomes; platform admins accept or return them and publish stories. */
export const outcomesRoutes: FastifyPluginAsyncZod<{ outcomes: OutcomesService }> = async (
  app,
  { outcomes },
) => {
  app.get(
    '/v1/stories',
    {
      config: { rateLimit: RATE_LIMITS.public },
      schema: {
        operationId: 'listStories',
        tags: ['outcomes'],
        summary: 'The story bank: published stories, newest first (public)',
        description:
          'Stories the people in them consented to, accepted by a platform admin. Filter by project.',
        security: [],
        querystring: PublicStoriesQuerySchema,
        response: { 200: PublicStoryPageSchema, ...problemResponses(429) },
      },
    },
    async (request) => outcomes.publishedStories(request.query),
  );

  await app.register(async (inner) => {
    const authed = inner.withTypeProvider<ZodTypeProvider>();
    authed.addHook('onRequest', authed.authenticate);

    authed.post(
      '/v1/projects/:id/outcome-reports',
      {
        schema: {
          operationId: 'submitOutcomeReport',
          tags: ['outcomes'],
          summary: 'Report a period’s outcomes for a project (its initiative)',
          description:
            'Participants per target group, outcomes per type (of which Banenafspraak), spending per budget line, a narrative and optional stories. Interim reports for listed or funded projects, a final report for a funded project. Periods of one project never overlap; one final report per project.' +
            PERSONAL_DATA_NOTE,
          params: ProjectIdParamsSchema,
          body: OutcomeReportInputSchema,
          response: {
            201: OutcomeReportSchema,
            ...problemResponses(
              ...AUTHENTICATED_PROBLEMS,
              404,
              'OUTCOME.PERSONAL_DATA',
              'OUTCOME.PROJECT_NOT_REPORTABLE',
              'OUTCOME.PERIOD_OVERLAP',
              'OUTCOME.FINAL_EXISTS',
              'OUTCOME.PERIOD_IN_FUTURE',
              'OUTCOME.UNKNOWN_BUDGET_LINE',
            ),
          },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await outcomes.submit(ctxOf(request), request.params.id, request.body)),
    );

    authed.get(
      '/v1/projects/:id/outcome-reports',
      {
        schema: {
          operationId: 'listProjectOutcomeReports',
          tags: ['outcomes'],
          summary: 'A project’s outcome reports (its initiative and platform admins)',
          params: ProjectIdParamsSchema,
          response: {
            200: OutcomeReportListSchema,
            ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
          },
        },
      },
      async (request) => outcomes.listForProject(ctxOf(request), request.params.id),
    );

    authed.get(
      '/v1/outcome-reports',
      {
        schema: {
          operationId: 'listOutcomeReports',
          tags: ['outcomes'],
          summary: 'Outcome reports by status, oldest first: the admins’ queue (platform admins)',
          querystring: ReportQueueQuerySchema,
          response: {
            200: OutcomeReportPageSchema,
            ...problemResponses(...AUTHENTICATED_PROBLEMS),
          },
        },
      },
      async (request) => outcomes.queue(ctxOf(request), request.query),
    );

    authed.get(
      '/v1/outcome-reports/:id',
      {
        schema: {
          operationId: 'getOutcomeReport',
          tags: ['outcomes'],
          summary: 'Read an outcome report (its initiative and platform admins; anyone else 404)',
          params: ReportIdParamsSchema,
          response: {
            200: OutcomeReportSchema,
            ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
          },
        },
      },
      async (request) => outcomes.get(ctxOf(request), request.params.id),
    );

    authed.put(
      '/v1/outcome-reports/:id',
      {
        schema: {
          operationId: 'resubmitOutcomeReport',
          tags: ['outcomes'],
          summary: 'Answer a returned report with a new revision (its initiative)',
          description:
            'Replaces the figures of a returned report and submits it again.' + PERSONAL_DATA_NOTE,
          params: ReportIdParamsSchema,
          body: OutcomeReportInputSchema,
          response: {
            200: OutcomeReportSchema,
            ...problemResponses(
              ...AUTHENTICATED_PROBLEMS,
              404,
              'OUTCOME.PERSONAL_DATA',
              'OUTCOME.INVALID_STATE',
              'OUTCOME.PROJECT_NOT_REPORTABLE',
              'OUTCOME.PERIOD_OVERLAP',
              'OUTCOME.FINAL_EXISTS',
              'OUTCOME.PERIOD_IN_FUTURE',
              'OUTCOME.UNKNOWN_BUDGET_LINE',
            ),
          },
        },
      },
      async (request) => outcomes.resubmit(ctxOf(request), request.params.id, request.body),
    );

    authed.post(
      '/v1/outcome-reports/:id/accept',
      {
        schema: {
          operationId: 'acceptOutcomeReport',
          tags: ['outcomes'],
          summary: 'Accept a submitted report (platform admins)',
          description:
            'Only accepted reports count in reports. Its counts are published with disclosure control at once. A final report marks the project completed (and must belong to a funded project). Accepting an accepted report again changes nothing.',
          params: ReportIdParamsSchema,
          response: {
            200: OutcomeReportSchema,
            ...problemResponses(
              ...AUTHENTICATED_PROBLEMS,
              404,
              'OUTCOME.INVALID_STATE',
              'OUTCOME.PROJECT_NOT_REPORTABLE',
            ),
          },
        },
      },
      async (request) => outcomes.accept(ctxOf(request), request.params.id),
    );

    authed.post(
      '/v1/outcome-reports/:id/return',
      {
        schema: {
          operationId: 'returnOutcomeReport',
          tags: ['outcomes'],
          summary: 'Return a submitted report to its initiative with questions (platform admins)',
          params: ReportIdParamsSchema,
          body: ReturnReportSchema,
          response: {
            200: OutcomeReportSchema,
            ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 'OUTCOME.INVALID_STATE'),
          },
        },
      },
      async (request) =>
        outcomes.returnWithQuestions(ctxOf(request), request.params.id, request.body.questions),
    );

    authed.post(
      '/v1/projects/:id/stories',
      {
        schema: {
          operationId: 'submitStory',
          tags: ['outcomes'],
          summary: 'Submit a story for the story bank (its initiative)',
          description:
            'Needs `consent: true`: the people in it agreed to publication. Published only after a platform admin accepts it.' +
            PERSONAL_DATA_NOTE,
          params: ProjectIdParamsSchema,
          body: StoryInputSchema,
          response: {
            201: StorySchema,
            ...problemResponses(
              ...AUTHENTICATED_PROBLEMS,
              404,
              'OUTCOME.PERSONAL_DATA',
              'OUTCOME.PROJECT_NOT_REPORTABLE',
            ),
          },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await outcomes.submitStory(ctxOf(request), request.params.id, request.body)),
    );

    authed.get(
      '/v1/projects/:id/stories',
      {
        schema: {
          operationId: 'listProjectStories',
          tags: ['outcomes'],
          summary: 'A project’s stories in every status (its initiative and platform admins)',
          params: ProjectIdParamsSchema,
          response: { 200: StoryListSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404) },
        },
      },
      async (request) => outcomes.storiesOfProject(ctxOf(request), request.params.id),
    );

    authed.get(
      '/v1/stories/submitted',
      {
        schema: {
          operationId: 'listSubmittedStories',
          tags: ['outcomes'],
          summary: 'Stories waiting for a decision, oldest first, at most 100 (platform admins)',
          description:
            'The platform team’s story queue: stories submitted with a report or on their own, not yet published or rejected.',
          response: { 200: StoryListSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS) },
        },
      },
      async (request) => outcomes.submittedStories(ctxOf(request)),
    );

    authed.post(
      '/v1/stories/:id/publish',
      {
        schema: {
          operationId: 'publishStory',
          tags: ['outcomes'],
          summary: 'Accept a story for publication in the story bank (platform admins)',
          params: StoryIdParamsSchema,
          response: {
            200: StorySchema,
            ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 'STORY.INVALID_STATE'),
          },
        },
      },
      async (request) => outcomes.decideStory(ctxOf(request), request.params.id, { publish: true }),
    );

    authed.post(
      '/v1/stories/:id/reject',
      {
        schema: {
          operationId: 'rejectStory',
          tags: ['outcomes'],
          summary: 'Decline a story, with a reason (platform admins)',
          params: StoryIdParamsSchema,
          body: RejectStorySchema,
          response: {
            200: StorySchema,
            ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 'STORY.INVALID_STATE'),
          },
        },
      },
      async (request) =>
        outcomes.decideStory(ctxOf(request), request.params.id, {
          publish: false,
          reason: request.body.reason,
        }),
    );
  });
};
