import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { addDays, addSeconds, type Clock } from '../../lib/clock.js';
import {
  type Ctx,
  isPlatformAdmin,
  requireActor,
  requirePlatformAdmin,
} from '../../lib/context.js';
import { type AppError, conflict, forbidden, notFound, unprocessable } from '../../lib/errors.js';
import { existingKeyClaim, type StoredResponse } from '../../lib/idempotency.js';
import { isUuid } from '../../lib/ids.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import type { FastifyBaseLogger } from 'fastify';
import type { PaymentGateway } from '../../lib/payment-gateway.js';
import {
  documentYear,
  EXPIRE_CHECKOUT_SESSION_JOB,
  fulfilOrder,
  type OrderCtx,
  queueFulfilFollowUps,
  releaseOrder,
} from '../settlement/fulfilment.js';
import { canSeeBought as canSee, isSupplierMember, requirePlacingMember } from './buyer-access.js';
import { creditsDescription, finishCheckout } from './checkout-session.js';
import {
  answerPlacement,
  type PlacementKey,
  type PlacementOutcome,
  type PlacementResponse,
  placementKey,
  refusePlacement,
  type RenderProblem,
} from './idempotent-placement.js';
import { newPaymentReference, toOrder } from './order-view.js';
import {
  ordersRepository as repo,
  type OrderView,
  type PlaceOrderInput,
  type PlacementResult,
} from './orders.repository.js';
import type {
  CancelOrderInput,
  CreateOrderInput,
  ListOrdersQuery,
  MarkPaidInput,
  Order,
  OrderPage,
  RefundOrderInput,
  ResolveFlagInput,
} from './orders.schemas.js';
import { insufficientCredits } from '../settlement/settlement-errors.js';
import { refundOrder } from '../settlement/refunds.js';
import { flagsOfOrders, type OrderFlag, resolveOrderFlag } from '../settlement/order-flags.js';
import { settlementRepository } from '../settlement/settlement.repository.js';

export interface OrdersDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
  jobs: JobQueue;
  payments?: PaymentGateway | undefined;
  /** Where a provider's refusal or outage is logged (with the provider's request id). */
  log?: FastifyBaseLogger | undefined;
}

const CREATE_SCOPE = 'orders.create';

const partOfPurchase = () =>
  conflict(
    'ORDER.PART_OF_PURCHASE',
    'This order is a line of a purchase: mark the purchase paid, or cancel the purchase',
  );

/** Errors of the order statement that are answers, not faults. */
const CHECK_VIOLATION = '23514';
const UNIQUE_VIOLATION = '23505';
const pgCode = (error: unknown): string | undefined => (error as { code?: string } | null)?.code;

/**
 * documentYear formats a date in Amsterdam time, which costs more than the rest of an
 * order's own arithmetic; Amsterdam's offset is whole hours, so the year holds for a UTC hour.
 */
let invoiceYearMemo = { hour: NaN, year: 0 };
function invoiceYear(at: Date): number {
  const hour = Math.floor(at.getTime() / 3_600_000);
  if (hour !== invoiceYearMemo.hour) invoiceYearMemo = { hour, year: documentYear(at) };
  return invoiceYearMemo.year;
}

export function createOrdersService(deps: OrdersDeps) {
  const { db, clock, config, jobs, payments } = deps;
  const orderCtx = (ctx: Ctx): OrderCtx => ({ ...ctx, now: clock.now() });

  async function viewOf(executor: Kysely<DB>, orderId: string): Promise<OrderView> {
    const view = await repo.findOrderView(executor, orderId);
    if (!view) throw new Error(`order ${orderId} vanished`);
    return view;
  }

  /** The refusal the order statement reported, as the problem the client receives. */
  function refusalError(result: PlacementResult, quantity: number): AppError {
    switch (result.refusal) {
      case 'project_not_found':
        return notFound('Project');
      case 'project_not_selling':
        return conflict(
          'ORDER.PROJECT_NOT_SELLING',
          `This project is not selling credits (status ${result.projectStatus})`,
        );
      case 'deadline_passed':
        return conflict(
          'ORDER.PROJECT_NOT_SELLING',
          'The funding deadline of this project has passed',
        );
      case 'insufficient_credits':
        return insufficientCredits(Math.max(0, result.available ?? 0));
      case 'open_orders_limit':
        return conflict(
          'ORDER.RESERVATION_LIMIT',
          `Your organisation already has ${result.openOrders} unpaid orders, the most it may hold at once; pay or cancel one first`,
        );
      case 'share_limit':
        return conflict(
          'ORDER.RESERVATION_LIMIT',
          `One organisation may hold at most ${result.maxShare} of this project’s credits reserved and unpaid; yours would be ${result.reservedOnProject + quantity}`,
        );
      default:
        throw new Error(`order placement: unexpected outcome ${result.refusal}`);
    }
  }

  /**
   * An invoice order's 201 body as toOrder makes it, with placeholders where the order
   * statement fills in what only the database knows (project title, price, amount,
   * billing details, invoice number): the first answer and every replay are that one stored body.
   */
  function responseTemplate(
    values: Omit<PlaceOrderInput, 'responseTemplate'>,
  ): Record<string, unknown> {
    return toOrder({
      id: values.orderId,
      buyer_organisation_id: values.organisationId,
      buyer_kind: 'supplier',
      created_by: '',
      project_id: values.projectId,
      project_title: '',
      quantity: values.quantity,
      unit_price_cents: 0,
      amount_cents: 0,
      currency: 'EUR',
      payment_method: values.paymentMethod,
      status: 'reserved',
      reserved_until: values.reservedUntil,
      billing_name: '',
      billing_kvk_number: null,
      billing_vat_number: null,
      billing_address: null,
      invoice_number: null,
      payment_reference: values.paymentReference,
      stripe_checkout_session_id: null,
      stripe_checkout_url: null,
      stripe_payment_intent_id: null,
      paid_at: null,
      paid_reference: null,
      payer_name: null,
      payer_country: null,
      payer_tax_ids: null,
      closed_at: null,
      close_reason: null,
      refunded_at: null,
      needs_attention: null,
      refund_state: null,
      refund_requested_at: null,
      refund_requested_by: null,
      refund_request_source: null,
      refund_request_reason: null,
      created_at: values.at,
      updated_at: values.at,
      certificate_id: null,
      certificate_number: null,
      certificate_status: null,
      certificate_credits: null,
      certificate_serial_start: null,
      certificate_serial_end: null,
      certificate_value_cents: null,
      certificate_issued_at: null,
      purchase_id: null,
    }) as unknown as Record<string, unknown>;
  }

  /**
   * The second half of a Stripe order, after its reservation committed: its Checkout
   * Session (checkout-session.ts). If the provider fails, the order is cancelled, its
   * credits released, and the 502 is what the key replays from then on.
   */
  async function finishStripeOrder(
    ctx: Ctx,
    ref: PlacementKey,
    orderId: string,
    render: RenderProblem,
  ): Promise<StoredResponse> {
    const order = await viewOf(db, orderId);
    return finishCheckout(deps, ctx, ref, render, {
      kind: 'order',
      id: orderId,
      placed: order,
      wantsSession: order.status === 'reserved' && !order.stripe_checkout_session_id,
      items: {
        orderId,
        description: creditsDescription(order.quantity, order.project_title),
        quantity: order.quantity,
        unitAmountCents: order.unit_price_cents,
      },
      unavailableDetail:
        'The order was cancelled and its credits released; place a new order with a new Idempotency-Key.',
      lock: (trx) => settlementRepository.lockOrder(trx, orderId),
      takesSession: (locked) => locked.status === 'reserved' && !locked.stripe_checkout_session_id,
      release: (trx, octx, detail) => releaseOrder(trx, octx, orderId, 'cancelled', detail),
      storeSession: (trx, values) => settlementRepository.updateOrder(trx, orderId, values),
      view: async (trx) => toOrder(await viewOf(trx, orderId)),
    });
  }

  async function visibleOrder(trx: Transaction<DB>, ctx: Ctx, orderId: string): Promise<OrderView> {
    const view = await repo.findOrderView(trx, orderId);
    if (!view || !canSee(requireActor(ctx), view)) throw notFound('Order');
    return view;
  }

  return {
    /**
     * POST /v1/orders. Answers the response to store and send: never throws for what
     * happens after the Idempotency-Key is claimed (insufficient credits, limits, provider
     * down), because those answers are replayed to repeats of the request.
     */
    async create(
      ctx: Ctx,
      input: CreateOrderInput,
      idempotencyKey: string,
      render: RenderProblem,
    ): Promise<PlacementResponse> {
      const actor = requirePlacingMember(
        ctx,
        input.paymentMethod,
        payments,
        'Only members of a supplier organisation can order credits',
      );
      const octx = orderCtx(ctx);
      const key = placementKey(actor.organisationId, idempotencyKey, CREATE_SCOPE, input, octx.now);
      const orderId = randomUUID();

      const limits = config.orders;
      const reservedUntil =
        input.paymentMethod === 'invoice'
          ? addDays(octx.now, limits.invoiceDueDays)
          : addSeconds(octx.now, limits.checkoutMinutes * 60);
      const paymentReference = newPaymentReference();
      const order: Omit<PlaceOrderInput, 'responseTemplate'> = {
        orderId,
        organisationId: actor.organisationId,
        userId: actor.userId,
        projectId: input.projectId,
        quantity: input.quantity,
        paymentMethod: input.paymentMethod,
        reservedUntil,
        paymentReference,
        at: octx.now,
        invoiceYear: invoiceYear(octx.now),
        limits: {
          maxOpenOrders: limits.maxOpenOrdersPerOrganisation,
          maxReservedSharePercent: limits.maxReservedSharePercent,
        },
        idempotency: {
          key: idempotencyKey,
          scope: CREATE_SCOPE,
          requestHash: key.requestHash,
          pending: { orderId },
        },
        requestId: ctx.requestId ?? null,
      };
      const placement: PlaceOrderInput = {
        ...order,
        responseTemplate: input.paymentMethod === 'invoice' ? responseTemplate(order) : {},
      };

      const refuse = (refusal: AppError) => refusePlacement(db, key, refusal, render);

      const place = async (): Promise<PlacementOutcome> => {
        // A project id that is no uuid would fail in the statement: it is simply not found.
        if (!isUuid(input.projectId)) return refuse(notFound('Project'));
        let result: PlacementResult | undefined;
        try {
          result = await repo.placeOrder(db, placement);
        } catch (error) {
          if (
            pgCode(error) !== CHECK_VIOLATION ||
            (error as { table?: string }).table !== 'project_credit_balances'
          )
            throw error;
          // The balance's CHECK refused the reservation: the project would be oversold.
          const balance = await repo.findBalance(db, input.projectId);
          return refuse(
            insufficientCredits(
              balance ? Math.max(0, balance.supply - balance.reserved - balance.sold) : 0,
            ),
          );
        }
        if (!result || result.refusal === 'buyer_inactive')
          throw forbidden('AUTH.FORBIDDEN', 'The buyer organisation is not active');
        if (result.refusal === 'key_exists') return existingKeyClaim(result.existingKey!, key);
        if (result.refusal !== null) return refuse(refusalError(result, input.quantity));
        // An invoice order's order.placed event (the buyer's e-mail with the invoice) is
        // written by the placement statement itself; a Stripe order is told when paid.
        if (input.paymentMethod === 'invoice')
          return { state: 'placed', response: { status: 201, body: result.response } };
        return { state: 'checkout' };
      };

      let first;
      try {
        first = await place();
      } catch (error) {
        // The key was inserted behind the buyer's lock after all: nothing was written; once more, the statement finds it.
        if (
          pgCode(error) !== UNIQUE_VIOLATION ||
          (error as { constraint?: string }).constraint !== 'idempotency_keys_pkey'
        )
          throw error;
        first = await place();
      }

      return answerPlacement(db, key, first, {
        checkout: () => finishStripeOrder(ctx, key, orderId, render),
        resume: async (inProgress) => {
          const pendingOrderId = (inProgress.pending as { orderId?: unknown } | undefined)?.orderId;
          // A key left in progress this long (ORDER_KEY_STALE_SECONDS) belongs to a request
          // that died half-way: this repeat finishes its work.
          const stale =
            clock.now().getTime() - inProgress.createdAt.getTime() >=
            config.orders.keyStaleSeconds * 1000;
          if (
            stale &&
            typeof pendingOrderId === 'string' &&
            (await settlementRepository.findOrder(db, pendingOrderId))
          )
            return finishStripeOrder(ctx, key, pendingOrderId, render);
          return undefined;
        },
      });
    },

    async list(ctx: Ctx, query: ListOrdersQuery): Promise<OrderPage> {
      const actor = requireActor(ctx);
      let organisationId: string | undefined;
      if (isPlatformAdmin(actor)) {
        organisationId = query.organisationId;
      } else if (isSupplierMember(actor)) {
        if (query.organisationId && query.organisationId !== actor.organisationId) {
          throw forbidden('AUTH.FORBIDDEN', 'You can list only your own organisation’s orders');
        }
        if (query.needsAttention !== undefined)
          throw forbidden('AUTH.FORBIDDEN', 'Only platform admins can filter on needsAttention');
        organisationId = actor.organisationId;
      } else {
        throw forbidden('AUTH.FORBIDDEN', 'Orders are for suppliers and platform admins');
      }
      const cursor = decodeCursor(
        query.cursor,
        ['createdAt', 'id'] as const,
        (values) => isUuid(values.id) && !Number.isNaN(Date.parse(values.createdAt)),
      );
      const rows = await repo.listOrderViews(db, {
        organisationId,
        status: query.status,
        projectId: query.projectId,
        needsAttention: query.needsAttention,
        before: cursor,
        limit: query.limit,
      });
      const page = toPage(rows, query.limit, toOrder, (row) => ({
        createdAt: row.created_at.toISOString(),
        id: row.id,
      }));
      if (!isPlatformAdmin(actor)) return page;
      // The attention list: every open problem of each order, not only the latest.
      const flags = await flagsOfOrders(
        db,
        page.items.map((order) => order.id),
        true,
      );
      return {
        ...page,
        items: page.items.map((order) => ({
          ...order,
          attentionFlags: flags.get(order.id) ?? [],
        })),
      };
    },

    async get(ctx: Ctx, orderId: string): Promise<Order> {
      const actor = requireActor(ctx);
      const view = await repo.findOrderView(db, orderId);
      if (!view || !canSee(actor, view)) throw notFound('Order');
      if (!isPlatformAdmin(actor)) return toOrder(view);
      const flags = await flagsOfOrders(db, [orderId], true);
      return { ...toOrder(view), attentionFlags: flags.get(orderId) ?? [] };
    },

    /** Every flag of the order, open and resolved, oldest first (platform admins). */
    async flags(ctx: Ctx, orderId: string): Promise<{ items: OrderFlag[]; nextCursor: null }> {
      requirePlatformAdmin(ctx);
      const view = await repo.findOrderView(db, orderId);
      if (!view) throw notFound('Order');
      return {
        items: (await flagsOfOrders(db, [orderId], false)).get(orderId) ?? [],
        nextCursor: null,
      };
    },

    /** A platform admin resolves one flag of the order with a note (audited). */
    async resolveFlag(
      ctx: Ctx,
      orderId: string,
      flagId: string,
      input: ResolveFlagInput,
    ): Promise<OrderFlag> {
      const actor = requirePlatformAdmin(ctx);
      return resolveOrderFlag(
        db,
        orderCtx(ctx),
        actor,
        orderId,
        flagId,
        input.note,
        input.refundedOrderIds ?? [],
      );
    },

    /** An admin records the bank transfer of an invoice order: the amount must be the order's. */
    async markPaid(ctx: Ctx, orderId: string, input: MarkPaidInput): Promise<Order> {
      requirePlatformAdmin(ctx);
      const octx = orderCtx(ctx);
      const result = await db.transaction().execute(async (trx) => {
        const order = await visibleOrder(trx, ctx, orderId);
        if (order.purchase_id !== null) throw partOfPurchase();
        if (order.payment_method !== 'invoice') {
          throw conflict(
            'ORDER.NOT_INVOICE',
            'Only invoice orders are marked paid by hand; card and iDEAL payments arrive from Stripe',
          );
        }
        if (input.amountCents !== Number(order.amount_cents)) {
          throw unprocessable(
            'ORDER.AMOUNT_MISMATCH',
            `The amount received (${input.amountCents}) is not the order’s amount (${order.amount_cents})`,
            {
              errors: [{ path: 'body.amountCents', message: `must be ${order.amount_cents}` }],
            },
          );
        }
        return fulfilOrder(trx, octx, {
          orderId: order.id,
          amountCents: input.amountCents,
          currency: 'EUR',
          method: 'invoice',
          externalReference: input.bankReference,
        });
      });
      if (result.outcome === 'ignored')
        throw conflict('ORDER.INVALID_STATE', `This order cannot be paid: ${result.reason}`);
      if (result.outcome === 'not_found') throw notFound('Order');
      // The certificate and invoice PDFs are rendered by a job, as for a Stripe payment.
      await queueFulfilFollowUps(jobs, result);
      // fulfilled, already paid, or (a lapsed order whose credits are gone) booked and flagged refund_required.
      return toOrder(await viewOf(db, orderId));
    },

    /** An admin ends a reservation (e.g. an invoice that will not be paid): its credits return at once. */
    async cancel(ctx: Ctx, orderId: string, input: CancelOrderInput): Promise<Order> {
      requirePlatformAdmin(ctx);
      const octx = orderCtx(ctx);
      const result = await db.transaction().execute(async (trx) => {
        const order = await visibleOrder(trx, ctx, orderId);
        if (order.purchase_id !== null && order.status === 'reserved') throw partOfPurchase();
        return releaseOrder(trx, octx, orderId, 'cancelled', input.reason);
      });
      if (result.outcome === 'not_found') throw notFound('Order');
      if (result.outcome === 'not_reserved' && result.order.status !== 'cancelled') {
        throw conflict(
          'ORDER.INVALID_STATE',
          `An order in status ${result.order.status} cannot be cancelled`,
        );
      }
      if (result.outcome === 'released' && result.order.stripe_checkout_session_id) {
        await jobs.send(
          EXPIRE_CHECKOUT_SESSION_JOB,
          { orderId, sessionId: result.order.stripe_checkout_session_id },
          { singletonKey: orderId },
        );
      }
      return toOrder(await viewOf(db, orderId));
    },

    /** An admin refunds a paid order: through Stripe, or by a credit note for an invoice order. */
    async refund(ctx: Ctx, orderId: string, input: RefundOrderInput): Promise<Order> {
      const actor = requirePlatformAdmin(ctx);
      const view = await repo.findOrderView(db, orderId);
      if (!view || !canSee(actor, view)) throw notFound('Order');
      await refundOrder({ db, payments, log: deps.log }, orderCtx(ctx), view, {
        source: 'admin',
        reason: input.reason,
      });
      return toOrder(await viewOf(db, orderId));
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
