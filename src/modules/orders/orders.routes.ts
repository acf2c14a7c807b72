import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrderIdParamsSchema } from '../../lib/ids.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { ctxOf } from '../../plugins/auth.js';
import {
  CancelOrderSchema,
  CreateOrderSchema,
  IdempotencyHeadersSchema,
  ListOrdersQuerySchema,
  MarkPaidSchema,
  OrderPageSchema,
  OrderFlagListSchema,
  OrderFlagParamsSchema,
  OrderFlagSchema,
  OrderSchema,
  RefundOrderSchema,
  ResolveFlagSchema,
} from './orders.schemas.js';
import type { OrdersService } from './orders.service.js';
import { PLACEMENT_PROBLEMS, problemRenderer, sendPlacement } from './placement-route.js';

export const ordersRoutes: FastifyPluginAsyncZod<{ orders: OrdersService }> = async (
  app,
  { orders },
) => {
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/v1/orders',
    {
      schema: {
        operationId: 'createOrder',
        tags: ['orders'],
        summary: 'Order credits of a listed project (supplier members)',
        description: [
          'Reserves the credits at once: they are held until `reservedUntil` (Stripe: the Checkout Session’s lifetime; invoice: until the invoice is due) and then released if unpaid.',
          'Stripe orders answer with a `checkoutUrl` to pay at; invoice orders with an invoice number and a payment reference for the bank transfer. Billing details are copied from the buyer organisation.',
          '',
          'The `Idempotency-Key` header is required. A repeat with the same key and body answers the first response again, status and body alike (with the header `Idempotent-Replayed: true`), also when it arrives while the first is still running; the same key with another body is refused.',
          '',
          'When Stripe cannot be reached or fails (502 `PAYMENT.PROVIDER_UNAVAILABLE`), or answers and refuses to create the payment page (502 `PAYMENT.PROVIDER_REFUSED`), the order is cancelled and its credits released.',
        ].join('\n'),
        headers: IdempotencyHeadersSchema,
        body: CreateOrderSchema,
        response: {
          201: OrderSchema,
          ...PLACEMENT_PROBLEMS,
        },
      },
    },
    async (request, reply) =>
      sendPlacement(
        reply,
        await orders.create(
          ctxOf(request),
          request.body,
          request.headers['idempotency-key'],
          problemRenderer(request),
        ),
      ),
  );

  app.get(
    '/v1/orders',
    {
      schema: {
        operationId: 'listOrders',
        tags: ['orders'],
        summary: 'Orders of the caller’s organisation, newest first (platform admins: all)',
        description:
          'Supplier members see their own organisation’s orders only; platform admins see all and may filter by organisation and on needsAttention.',
        querystring: ListOrdersQuerySchema,
        response: { 200: OrderPageSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS) },
      },
    },
    async (request) => orders.list(ctxOf(request), request.query),
  );

  app.get(
    '/v1/orders/:id',
    {
      schema: {
        operationId: 'getOrder',
        tags: ['orders'],
        summary: 'Read an order with its certificate once paid',
        description:
          'Visible to the buyer organisation’s members and platform admins; anyone else gets 404.',
        params: OrderIdParamsSchema,
        response: { 200: OrderSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404) },
      },
    },
    async (request) => orders.get(ctxOf(request), request.params.id),
  );

  app.post(
    '/v1/orders/:id/mark-paid',
    {
      schema: {
        operationId: 'markOrderPaid',
        tags: ['orders'],
        summary: 'Record the bank transfer of an invoice order (platform admins)',
        description:
          'The amount must equal the order’s. Fulfils the order: credits sold, serial range allocated, certificate issued. Repeating it changes nothing. A transfer for an order whose reservation lapsed re-reserves the credits if they are still there; otherwise the payment is booked and the order is flagged `needsAttention: refund_required` (refund it with a credit note).',
        params: OrderIdParamsSchema,
        body: MarkPaidSchema,
        response: {
          200: OrderSchema,
          ...problemResponses(
            ...AUTHENTICATED_PROBLEMS,
            404,
            'ORDER.NOT_INVOICE',
            'ORDER.PART_OF_PURCHASE',
            'ORDER.INVALID_STATE',
            'ORDER.AMOUNT_MISMATCH',
          ),
        },
      },
    },
    async (request) => orders.markPaid(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/v1/orders/:id/cancel',
    {
      schema: {
        operationId: 'cancelOrder',
        tags: ['orders'],
        summary: 'Cancel an unpaid order and release its credits (platform admins)',
        description:
          'Only a reserved order can be cancelled; cancelling a cancelled order changes nothing.',
        params: OrderIdParamsSchema,
        body: CancelOrderSchema,
        response: {
          200: OrderSchema,
          ...problemResponses(
            ...AUTHENTICATED_PROBLEMS,
            404,
            'ORDER.INVALID_STATE',
            'ORDER.PART_OF_PURCHASE',
          ),
        },
      },
    },
    async (request) => orders.cancel(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/v1/orders/:id/refund',
    {
      schema: {
        operationId: 'refundOrder',
        tags: ['orders'],
        summary: 'Refund a paid order (platform admins)',
        description:
          'Stripe orders are refunded through Stripe; invoice orders get a credit note (gapless number CN-YYYY-NNNNNN). The credits return to the project, the certificate is revoked and reversing ledger entries are written, exactly once: refunding a refunded order changes nothing.\n\nA Stripe refund is recorded as requested before the money moves; until it is booked no claim on the certificate is approved (CLAIM.REFUND_PENDING). When Stripe answered and refused (502 `PAYMENT.PROVIDER_REFUSED`, logged with Stripe’s request id), nothing was refunded and the request is withdrawn; when it did not answer, the outcome is unknown and the request stays: retry, a retry cannot refund twice.\n\nStripe may accept a refund as pending (iDEAL, SEPA): the answer is then 200 with `refundState: pending`, the order still paid and its certificate suspended until Stripe reports the outcome (then refunded, or `refundState: failed` with the order flagged). A refund Stripe reports as failed at once answers 409 ORDER.REFUND_FAILED.',
        params: OrderIdParamsSchema,
        body: RefundOrderSchema,
        response: {
          200: OrderSchema,
          ...problemResponses(
            ...AUTHENTICATED_PROBLEMS,
            404,
            'ORDER.CERTIFICATE_CLAIMED',
            'ORDER.NOT_REFUNDABLE',
            'ORDER.PAYMENT_NOT_FOUND',
            'ORDER.PAYMENT_METHOD_UNAVAILABLE',
            'ORDER.REFUND_FAILED',
            'PAYMENT.PROVIDER_REFUSED',
            'PAYMENT.PROVIDER_UNAVAILABLE',
          ),
        },
      },
    },
    async (request) => orders.refund(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    '/v1/orders/:id/flags',
    {
      schema: {
        operationId: 'listOrderFlags',
        tags: ['orders'],
        summary: 'Every attention flag of an order, open and resolved (platform admins)',
        description:
          'One flag per problem (a payment that did not match, a refund that failed, …), oldest first; none is overwritten. A flag is resolved by the event that settles it (a full refund resolves `refund_required`, `refund_amount_mismatch` and `refund_failed`) or by an admin with a note.',
        params: OrderIdParamsSchema,
        response: { 200: OrderFlagListSchema, ...problemResponses(...AUTHENTICATED_PROBLEMS, 404) },
      },
    },
    async (request) => orders.flags(ctxOf(request), request.params.id),
  );

  app.post(
    '/v1/orders/:id/flags/:flagId/resolve',
    {
      schema: {
        operationId: 'resolveOrderFlag',
        tags: ['orders'],
        summary: 'Resolve one attention flag of an order, with a note (platform admins)',
        description:
          'The other flags of the order stay open. Audited (`order.flag_resolved`); a flag is resolved once (409 `ORDER.FLAG_RESOLVED`). A refund of a purchase’s Stripe payment that no rule could attribute (`purchase_refund_unattributed`, raised on every line still paid) is one problem: resolving it on one line resolves it on every line; with `refundedOrderIds` the lines it gave back are booked refunded (409 `ORDER.REFUND_NOT_ATTRIBUTABLE` when they do not account for it, and nothing changes).',
        params: OrderFlagParamsSchema,
        body: ResolveFlagSchema,
        response: {
          200: OrderFlagSchema,
          ...problemResponses(
            ...AUTHENTICATED_PROBLEMS,
            404,
            'ORDER.FLAG_RESOLVED',
            'ORDER.REFUND_NOT_ATTRIBUTABLE',
          ),
        },
      },
    },
    async (request) =>
      orders.resolveFlag(ctxOf(request), request.params.id, request.params.flagId, request.body),
  );
};
