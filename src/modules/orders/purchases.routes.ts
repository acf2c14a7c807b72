import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PurchaseIdParamsSchema } from '../../lib/ids.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { ctxOf } from '../../plugins/auth.js';
import { IdempotencyHeadersSchema } from './orders.schemas.js';
import type { ProposalService } from './proposal.service.js';
import {
  CancelPurchaseSchema,
  CreatePurchaseSchema,
  MarkPurchasePaidSchema,
  ProposalQuerySchema,
  ProposalSchema,
  PurchaseSchema,
} from './purchases.schemas.js';
import type { PurchasesService } from './purchases.service.js';
import { PLACEMENT_PROBLEMS, problemRenderer, sendPlacement } from './placement-route.js';

export const purchasesRoutes: FastifyPluginAsyncZod<{
  purchases: PurchasesService;
  proposals: ProposalService;
}> = async (app, { purchases, proposals }) => {
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/v1/purchases',
    {
      schema: {
        operationId: 'createPurchase',
        tags: ['orders'],
        summary: 'Buy credits of several projects in one purchase (supplier members)',
        description: [
          'One purchase, one payment: each line (one per project) becomes an order with its own reservation, serial range, certificate and escrow, and the purchase carries ONE invoice number and payment reference (invoice: the invoice PDF, with an EPC QR code for the total, is at `/v1/purchases/{id}/invoice.pdf` at once) or ONE Stripe Checkout Session with a line item per project (`checkoutUrl`).',
          'All reservations or none: a line that cannot be reserved (credits, limits, a project not selling) refuses the whole purchase, naming the line in `errors[].path`. The anti-hoarding limits apply per project line; a purchase counts as one unpaid hold toward the limit on unpaid orders.',
          '',
          'The `Idempotency-Key` header is required: a repeat with the same key and body answers the first response (header `Idempotent-Replayed: true`); the same key with another body is refused.',
        ].join('\n'),
        headers: IdempotencyHeadersSchema,
        body: CreatePurchaseSchema,
        response: {
          201: PurchaseSchema,
          ...PLACEMENT_PROBLEMS,
        },
      },
    },
    async (request, reply) =>
      sendPlacement(
        reply,
        await purchases.create(
          ctxOf(request),
          request.body,
          request.headers['idempotency-key'],
          problemRenderer(request),
        ),
      ),
  );

  app.get(
    '/v1/purchases',
    {
      schema: {
        operationId: 'listPurchases',
        tags: ['orders'],
        summary: 'The organisation’s purchases, newest first (admins: all), at most 100',
        response: {
          200: z.object({
            items: z.array(PurchaseSchema),
            nextCursor: z
              .string()
              .nullable()
              .describe('Always null: the newest 100 purchases are listed'),
          }),
          ...problemResponses(...AUTHENTICATED_PROBLEMS),
        },
      },
    },
    async (request) => purchases.list(ctxOf(request)),
  );

  app.get(
    '/v1/purchases/proposal',
    {
      schema: {
        operationId: 'proposePurchase',
        tags: ['orders'],
        summary: 'Propose listed projects that cover an obligation (supplier members)',
        description:
          'From an amount in euros (cents), or what remains of one of the supplier’s contracts at that contract’s valuation, proposes lines of listed projects that cover it: projects meeting the preferences (municipality, target group, theme) first, then the most credits available. Each line respects what may be reserved (available credits and the per-project limit). The supplier adjusts it and buys it with `POST /v1/purchases`.',
        querystring: ProposalQuerySchema,
        response: {
          200: ProposalSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
        },
      },
    },
    async (request) => proposals.propose(ctxOf(request), request.query),
  );

  app.get(
    '/v1/purchases/:id',
    {
      schema: {
        operationId: 'getPurchase',
        tags: ['orders'],
        summary: 'One purchase with its lines and their orders',
        description: 'Another organisation’s purchase answers 404.',
        params: PurchaseIdParamsSchema,
        response: {
          200: PurchaseSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
        },
      },
    },
    async (request) => purchases.get(ctxOf(request), request.params.id),
  );

  app.post(
    '/v1/purchases/:id/mark-paid',
    {
      schema: {
        operationId: 'markPurchasePaid',
        tags: ['orders'],
        summary: 'Record the bank transfer of an invoice purchase (platform admins)',
        description:
          'The amount must be the purchase’s total. Fulfils every line exactly once, in one transaction: each order is paid, gets its serial range and certificate. Repeating it changes nothing.',
        params: PurchaseIdParamsSchema,
        body: MarkPurchasePaidSchema,
        response: {
          200: PurchaseSchema,
          ...problemResponses(
            ...AUTHENTICATED_PROBLEMS,
            404,
            'ORDER.NOT_INVOICE',
            'ORDER.AMOUNT_MISMATCH',
          ),
        },
      },
    },
    async (request) => purchases.markPaid(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/v1/purchases/:id/cancel',
    {
      schema: {
        operationId: 'cancelPurchase',
        tags: ['orders'],
        summary: 'Cancel an unpaid purchase and release every line (platform admins)',
        params: PurchaseIdParamsSchema,
        body: CancelPurchaseSchema,
        response: {
          200: PurchaseSchema,
          ...problemResponses(...AUTHENTICATED_PROBLEMS, 404),
        },
      },
    },
    async (request) => purchases.cancel(ctxOf(request), request.params.id, request.body.reason),
  );
};
