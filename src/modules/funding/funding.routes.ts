import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../lib/clock.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { CONTENT_TYPES } from '../../lib/tabular.js';
import { ctxOf } from '../../plugins/auth.js';
import { RATE_LIMITS } from '../../plugins/security.js';
import {
  ExportPayoutsQuerySchema,
  ExtendDeadlineSchema,
  FundingDecisionInputSchema,
  FundingSchema,
  LedgerReportSchema,
  ListPayoutsQuerySchema,
  MarkPayoutPaidSchema,
  PayoutIdParamsSchema,
  PayoutListSchema,
  PayoutSchema,
  ProjectIdParamsSchema,
  ReconciliationQuerySchema,
  ReconciliationReportSchema,
} from './funding.schemas.js';
import type { FundingService } from './funding.service.js';
import { wholeList } from '../../lib/pagination.js';

/** Funding rounds, payouts from escrow and the money reports (issue 8). */
export const fundingRoutes: FastifyPluginAsyncZod<{
  funding: FundingService;
  clock: Clock;
}> = async (app, { funding, clock }) => {
  // Public with an optional sign-in: a token, when sent, must be valid and widens the view.
  app.get(
    '/v1/projects/:id/funding',
    {
      config: { rateLimit: RATE_LIMITS.public },
      onRequest: async (request, reply) => {
        if (request.headers.authorization) await app.authenticate.call(app, request, reply);
      },
      schema: {
        operationId: 'getProjectFunding',
        tags: ['funding'],
        summary:
          'A project’s funding round: threshold, sold, escrow, tranches (public, more when signed in)',
        description: [
          'Everyone: threshold and sold credits, the deadline, whether the project was funded or failed and why, the waiting state of a project that missed its deadline while an approved claim stands, and the payout tranches (without bank references).',
          'Platform admins and the project’s initiative (`view: full`): also the escrow (received, refunded, paid out, held), the bank references, deadline extensions and admin decisions, and every approved claim the project waits for.',
          'Supplier members: `yourOrders`, their own organisation’s orders of the project and why each was refunded. Authority users: the approved claims of their own the project waits for.',
          'Projects that are not public answer 404 (except to admins and the initiative).',
          'No token is needed. A bearer token, when sent, must be valid (401 otherwise) and widens the view as above.',
        ].join('\n\n'),
        security: [],
        params: ProjectIdParamsSchema,
        response: { 200: FundingSchema, ...problemResponses(401, 404, 429) },
      },
    },
    async (request) => funding.get(ctxOf(request), request.params.id),
  );

  await app.register(async (signedIn) => {
    signedIn.addHook('onRequest', app.authenticate);
    const routes = signedIn.withTypeProvider<ZodTypeProvider>();

    routes.post(
      '/v1/projects/:id/funding/deadline',
      {
        schema: {
          operationId: 'extendFundingDeadline',
          tags: ['funding'],
          summary: 'Extend a funding deadline before it passes (platform admins)',
          description: 'Audited, with a reason.',
          params: ProjectIdParamsSchema,
          body: ExtendDeadlineSchema,
          response: {
            200: FundingSchema,
            ...problemResponses(
              ...AUTHENTICATED_PROBLEMS,
              404,
              'FUNDING.DEADLINE_PASSED',
              'FUNDING.INVALID_STATE',
              'FUNDING.DEADLINE_NOT_LATER',
            ),
          },
        },
      },
      async (request) => funding.extendDeadline(ctxOf(request), request.params.id, request.body),
    );

    routes.post(
      '/v1/projects/:id/funding/decision',
      {
        schema: {
          operationId: 'decideWaitingProject',
          tags: ['funding'],
          summary:
            'Decide a project that waits after its deadline because of approved claims (platform admins)',
          description: [
            '`refund_all`: the project fails now. Approved claims on its certificates are invalidated (the authorities see why), reservations are released and every paid order is refunded by the refund jobs. Once per project.',
            '`extend_deadline`: a new deadline in the future; the project sells again until then.',
            'Audited, with a reason; a single admin decides (the money only goes back to the buyers who paid it).',
          ].join('\n\n'),
          params: ProjectIdParamsSchema,
          body: FundingDecisionInputSchema,
          response: {
            200: FundingSchema,
            ...problemResponses(
              ...AUTHENTICATED_PROBLEMS,
              404,
              'FUNDING.NOT_WAITING',
              'FUNDING.DEADLINE_REQUIRED',
              'FUNDING.DEADLINE_NOT_LATER',
            ),
          },
        },
      },
      async (request) => funding.decide(ctxOf(request), request.params.id, request.body),
    );

    routes.get(
      '/v1/payouts',
      {
        schema: {
          operationId: 'listPayouts',
          tags: ['funding'],
          summary:
            'Payouts: all for platform admins (the payouts-due list with status=open), own for initiatives',
          description: 'Oldest due first. Other organisations get 404.',
          querystring: ListPayoutsQuerySchema,
          response: { 200: PayoutListSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404) },
        },
      },
      async (request) => wholeList(await funding.listPayouts(ctxOf(request), request.query)),
    );

    routes.get(
      '/v1/payouts/export',
      {
        schema: {
          operationId: 'exportPayouts',
          tags: ['funding'],
          summary: 'The payouts list as CSV (platform admins); by default those still open',
          querystring: ExportPayoutsQuerySchema,
          response: {
            200: {
              description: 'CSV (UTF-8 with BOM)',
              content: { [CONTENT_TYPES.csv]: { schema: z.string() } },
            },
            ...problemResponses(...AUTHENTICATED_PROBLEMS),
          },
        },
      },
      async (request, reply) => {
        const csv = await funding.exportPayouts(ctxOf(request), request.query.status);
        return reply
          .headers({
            'content-type': CONTENT_TYPES.csv,
            'content-disposition': `attachment; filename="payouts-${request.query.status}-${clock.now().toISOString().slice(0, 10)}.csv"`,
            'cache-control': 'private, no-store',
          })
          .send(csv as never);
      },
    );

    routes.get(
      '/v1/payouts/:id',
      {
        schema: {
          operationId: 'getPayout',
          tags: ['funding'],
          summary: 'Read a payout (platform admins; the initiative it is owed to)',
          params: PayoutIdParamsSchema,
          response: { 200: PayoutSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404) },
        },
      },
      async (request) => funding.getPayout(ctxOf(request), request.params.id),
    );

    routes.post(
      '/v1/payouts/:id/approve',
      {
        schema: {
          operationId: 'approvePayout',
          tags: ['funding'],
          summary:
            'First approval of a due payout (platform admins, not the one who accepted the final report)',
          description: 'Repeating one’s own approval changes nothing.',
          params: PayoutIdParamsSchema,
          response: {
            200: PayoutSchema,
            ...problemResponses(
              ...AUTHENTICATED_PROBLEMS,
              404,
              'PAYOUT.FOUR_EYES',
              'PAYOUT.INVALID_STATE',
            ),
          },
        },
      },
      async (request) => funding.approvePayout(ctxOf(request), request.params.id),
    );

    routes.post(
      '/v1/payouts/:id/mark-paid',
      {
        schema: {
          operationId: 'markPayoutPaid',
          tags: ['funding'],
          summary: 'Record the bank transfer of an approved payout (a second platform admin)',
          description: 'Books the payout in the money ledger with the bank reference.',
          params: PayoutIdParamsSchema,
          body: MarkPayoutPaidSchema,
          response: {
            200: PayoutSchema,
            ...problemResponses(
              ...AUTHENTICATED_PROBLEMS,
              404,
              'PAYOUT.FOUR_EYES',
              'PAYOUT.NOT_APPROVED',
              'PAYOUT.INVALID_STATE',
              'PAYOUT.INSUFFICIENT_ESCROW',
              'PAYOUT.PROJECT_FAILED',
            ),
          },
        },
      },
      async (request) =>
        funding.markPayoutPaid(ctxOf(request), request.params.id, request.body.bankReference),
    );

    routes.get(
      '/v1/funding/ledger',
      {
        schema: {
          operationId: 'getFundingLedger',
          tags: ['funding'],
          summary: 'Escrow, paid out and refunded per project and in total (platform admins)',
          response: { 200: LedgerReportSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS) },
        },
      },
      async (request) => funding.ledger(ctxOf(request)),
    );

    routes.get(
      '/v1/funding/reconciliation',
      {
        schema: {
          operationId: 'getFundingReconciliation',
          tags: ['funding'],
          summary:
            'Stripe payments and refunds recorded from Stripe against the ledger, per day, with every difference (platform admins)',
          description: 'Days are Amsterdam calendar days.',
          querystring: ReconciliationQuerySchema,
          response: {
            200: ReconciliationReportSchema,
            ...problemResponses(...AUTHENTICATED_PROBLEMS, 'FUNDING.INVALID_PERIOD'),
          },
        },
      },
      async (request) => funding.reconciliation(ctxOf(request), request.query),
    );
  });
};
