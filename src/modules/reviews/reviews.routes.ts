import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../plugins/auth.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import {
  ConfirmAwardSchema,
  ConfirmedAwardSchema,
  ListingResultSchema,
  ListProjectSchema,
} from '../awards/awards.schemas.js';
import { IdParamsSchema } from '../organisations/organisations.schemas.js';
import type { ReviewsService } from './reviews.service.js';
import {
  AssignmentsQuerySchema,
  AssignPanelSchema,
  DeclareInterestSchema,
  PlanReviewSchema,
  RecordConsensusSchema,
  RequestChangesSchema,
  ReviewAssignmentPageSchema,
  ReviewAssignmentSchema,
  ReviewQuerySchema,
  ScoredAssignmentSchema,
  SubmitScoresSchema,
} from './reviews.schemas.js';

const tags = ['reviews'];

export const reviewsRoutes: FastifyPluginAsyncZod<{ reviews: ReviewsService }> = async (
  app,
  { reviews },
) => {
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/v1/plans/:id/panel',
    {
      schema: {
        operationId: 'assignPanel',
        tags,
        summary: 'Assign reviewers to the plan’s open review round (platform admins)',
        description:
          'Each must be an active reviewer, not yet on this round, and not a member of the initiative. The first assignment moves a submitted plan to in_review. Together with those on the panel who are not recused, there must be at least PANEL_MIN reviewers.',
        params: IdParamsSchema,
        body: AssignPanelSchema,
        response: {
          201: PlanReviewSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 409, 422),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await reviews.assignPanel(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    '/v1/plans/:id/review',
    {
      schema: {
        operationId: 'getPlanReview',
        tags,
        summary: 'The review of a plan (platform admins, and reviewers on its panel)',
        description:
          'Admins see the whole panel, the medians, divergence, consensus and the award preview. A reviewer sees its own assignment, and the other reviewers’ scores only once it has submitted its own (blind review). Anyone else gets 404.',
        params: IdParamsSchema,
        querystring: ReviewQuerySchema,
        response: { 200: PlanReviewSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404) },
      },
    },
    async (request) => reviews.getReview(ctxOf(request), request.params.id, request.query),
  );

  app.get(
    '/v1/reviews/assignments',
    {
      schema: {
        operationId: 'listReviewAssignments',
        tags,
        summary: 'The caller’s own review assignments, newest first (reviewers)',
        querystring: AssignmentsQuerySchema,
        response: {
          200: ReviewAssignmentPageSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS),
        },
      },
    },
    async (request) => reviews.listAssignments(ctxOf(request), request.query),
  );

  app.post(
    '/v1/reviews/assignments/:id/declaration',
    {
      schema: {
        operationId: 'declareInterest',
        tags,
        summary: 'Declare a conflict of interest, or none, before scoring (the assigned reviewer)',
        description: 'Made once. A conflict recuses the reviewer; an admin then assigns another.',
        params: IdParamsSchema,
        body: DeclareInterestSchema,
        response: {
          200: ReviewAssignmentSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 409),
        },
      },
    },
    async (request) => reviews.declare(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/v1/reviews/assignments/:id/scores',
    {
      schema: {
        operationId: 'submitReviewScores',
        tags,
        summary: 'Submit scores for an assigned plan, once (the assigned reviewer)',
        description:
          'Requires a declaration of no conflict, the plan in review and the round open. Scores are final: they cannot be changed after submission.',
        params: IdParamsSchema,
        body: SubmitScoresSchema,
        response: {
          201: ScoredAssignmentSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 409, 422),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await reviews.score(ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/v1/plans/:id/request-changes',
    {
      schema: {
        operationId: 'requestPlanChanges',
        tags,
        summary: 'Send a plan in review back to the initiative with questions (platform admins)',
        description:
          'Closes the round as changes_requested; resubmission opens the next round, and this one stays in the history.',
        params: IdParamsSchema,
        body: RequestChangesSchema,
        response: {
          200: PlanReviewSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 409),
        },
      },
    },
    async (request) => reviews.requestChanges(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/v1/plans/:id/consensus',
    {
      schema: {
        operationId: 'recordReviewConsensus',
        tags,
        summary: 'Record the panel’s consensus where its scores diverge (platform admins)',
        description:
          'Only when every reviewer who is not recused has scored, there are at least PANEL_MIN of them, and some criterion spreads by more than the methodology allows. Recorded once; another admin must then confirm the award.',
        params: IdParamsSchema,
        body: RecordConsensusSchema,
        response: {
          201: PlanReviewSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 409, 422),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await reviews.recordConsensus(ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/v1/plans/:id/award',
    {
      schema: {
        operationId: 'confirmAward',
        tags,
        summary: 'Confirm the award computed from the panel’s scores (platform admins)',
        description:
          'Uses the consensus if one was recorded, else the medians, and the configured methodology and credit price; stores every parameter so the award can be recomputed. The plan becomes approved (with supply and threshold) or rejected. Where there is a consensus, another admin than the one who entered it must confirm.',
        params: IdParamsSchema,
        body: ConfirmAwardSchema,
        response: {
          201: ConfirmedAwardSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 409),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await reviews.confirmAward(ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/v1/plans/:id/list',
    {
      schema: {
        operationId: 'listProject',
        tags,
        summary: 'List an approved project and issue its credits (platform admins)',
        description:
          'Send `{}` for the default funding deadline, FUNDING_PERIOD_DAYS after listing; a deadline given must lie in the future (at most 730 days ahead). Issues the awarded supply into the credit ledger.',
        params: IdParamsSchema,
        body: ListProjectSchema,
        response: {
          200: ListingResultSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404, 409, 422),
        },
      },
    },
    async (request) => reviews.listProject(ctxOf(request), request.params.id, request.body),
  );
};
