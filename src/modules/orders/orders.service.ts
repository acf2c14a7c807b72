import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { DB, OrganisationRow } from '../../db/types.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { addDays, addSeconds, type Clock } from '../../lib/clock.js';
import { type Actor, type Ctx, isPlatformAdmin, requireActor, requirePlatformAdmin } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../lib/errors.js';
import {
  awaitIdempotentResponse,
  claimIdempotencyKey,
  completeIdempotencyKey,
  hashRequest,
  idempotencyInProgress,
  type IdempotencyRef,
  type StoredResponse,
} from '../../lib/idempotency.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { recordAudit } from '../audit/audit.service.js';
import type { PaymentGateway } from '../payments/payment-gateway.js';
import { documentYear, EXPIRE_CHECKOUT_SESSION_JOB, fulfilOrder, type OrderCtx, releaseOrder } from './fulfilment.js';
import { newPaymentReference, toOrder } from './order-view.js';
import { isUuid, ordersRepository as repo, type OrderView } from './orders.repository.js';
import type { CancelOrderInput, CreateOrderInput, ListOrdersQuery, MarkPaidInput, Order, OrderPage, RefundOrderInput } from './orders.schemas.js';
import { insufficientCredits, providerUnavailable } from './order-errors.js';
import { refundOrder } from './refunds.js';

export interface OrdersDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
  jobs: JobQueue;
  payments?: PaymentGateway | undefined;
}

/** Turns a domain error into the problem document the client receives (the route passes the HTTP error handler's own renderer). */
export type RenderProblem = (error: AppError) => unknown;

/** What POST /v1/orders answers: the first response to the Idempotency-Key, replayed or not. */
export interface CreateOrderResponse extends StoredResponse {
  replayed: boolean;
}

const CREATE_SCOPE = 'orders.create';
/** How long a repeat waits for the first request of its key to finish (it may be calling Stripe). */
const REPLAY_WAIT_MS = 10_000;
/** A key left in progress this long belongs to a request that died half-way: a repeat finishes its work. */
const STALE_IN_PROGRESS_MS = 60_000;

const SELLING = new Set(['listed', 'funded']);

const checkoutUnavailable = () =>
  providerUnavailable('The order was cancelled and its credits released; place a new order with a new Idempotency-Key.');

/** The balance's CHECK refused the reservation (23514): the project would be oversold. */
class ReservationRefused extends Error {
  override name = 'ReservationRefused';
}

function isSupplierMember(actor: Actor): boolean {
  return actor.organisationKind === 'supplier' && actor.role === 'member';
}

export function createOrdersService(deps: OrdersDeps) {
  const { db, clock, config, jobs, payments } = deps;
  const orderCtx = (ctx: Ctx): OrderCtx => ({ ...ctx, now: clock.now() });

  async function viewOf(executor: Kysely<DB>, orderId: string): Promise<OrderView> {
    const view = await repo.findOrderView(executor, orderId);
    if (!view) throw new Error(`order ${orderId} vanished`);
    return view;
  }

  /**
   * The transaction of a new order: checks, the order row, and, as its LAST statement,
   * the reservation (one credit-ledger insert whose trigger the balance's CHECK guards).
   * Serialised per buyer (its organisation row, locked by the caller), never on a row all buyers share, except
   * that an invoice order's gapless number holds the yearly counter from its insert to commit.
   */
  async function placeOrder(
    trx: Transaction<DB>,
    ctx: OrderCtx,
    actor: Actor,
    buyer: OrganisationRow,
    input: CreateOrderInput,
    orderId: string,
    ref: IdempotencyRef,
  ): Promise<OrderView> {
    const project = await repo.findSellableProject(trx, input.projectId);
    if (!project) throw notFound('Project');
    if (!SELLING.has(project.status) || project.supply === null || project.credit_price_cents === null) {
      throw conflict('ORDER.PROJECT_NOT_SELLING', `This project is not selling credits (status ${project.status})`);
    }
    if (!project.funding_deadline || project.funding_deadline.getTime() <= ctx.now.getTime()) {
      throw conflict('ORDER.PROJECT_NOT_SELLING', 'The funding deadline of this project has passed');
    }

    // A request that cannot fit is answered without touching the balance row the
    // reservation locks. Only a fast path: the reservation's CHECK remains the judge.
    const available = project.supply - (project.reserved ?? 0) - (project.sold ?? 0);
    if (input.quantity > available) throw insufficientCredits(Math.max(0, available));

    const limits = config.orders;
    const open = await repo.openReservations(trx, buyer.id, project.id);
    if (open.openOrders >= limits.maxOpenOrdersPerOrganisation) {
      throw conflict(
        'ORDER.RESERVATION_LIMIT',
        `Your organisation already has ${open.openOrders} unpaid orders, the most it may hold at once; pay or cancel one first`,
      );
    }
    const maxShare = Math.max(1, Math.floor((project.supply * limits.maxReservedSharePercent) / 100));
    if (open.reservedOnProject + input.quantity > maxShare) {
      throw conflict(
        'ORDER.RESERVATION_LIMIT',
        `One organisation may hold at most ${maxShare} of this project’s credits reserved and unpaid; yours would be ${open.reservedOnProject + input.quantity}`,
      );
    }

    const values = {
      id: orderId,
      buyerOrganisationId: buyer.id,
      createdBy: actor.userId,
      projectId: project.id,
      quantity: input.quantity,
      unitPriceCents: project.credit_price_cents,
      paymentMethod: input.paymentMethod,
      reservedUntil:
        input.paymentMethod === 'invoice' ? addDays(ctx.now, limits.invoiceDueDays) : addSeconds(ctx.now, limits.checkoutMinutes * 60),
      billing: {
        name: buyer.name,
        kvkNumber: buyer.kvk_number,
        vatNumber: buyer.vat_number,
        address: buyer.address_street
          ? {
              street: buyer.address_street,
              postalCode: buyer.address_postal_code ?? '',
              city: buyer.address_city ?? '',
              country: buyer.address_country,
            }
          : null,
      },
      paymentReference: newPaymentReference(),
      at: ctx.now,
    };
    const row =
      input.paymentMethod === 'invoice'
        ? await repo.insertInvoiceOrder(trx, values, documentYear(ctx.now))
        : await repo.insertOrder(trx, values);
    const view: OrderView = {
      ...row,
      project_title: project.title,
      certificate_id: null,
      certificate_number: null,
      certificate_status: null,
      certificate_credits: null,
      certificate_serial_start: null,
      certificate_serial_end: null,
      certificate_value_cents: null,
      certificate_issued_at: null,
    };
    await recordOrderAudit(trx, ctx, view);
    // An invoice order is complete once reserved: its response is stored now, so that the
    // reservation below stays the last statement (the balance row is locked only until commit).
    if (input.paymentMethod === 'invoice') {
      await completeIdempotencyKey(trx, ref, { status: 201, body: toOrder(view) }, ctx.now);
    }
    try {
      await repo.insertCreditEntry(trx, {
        projectId: project.id,
        entryType: 'reserve',
        quantity: input.quantity,
        orderId,
        actorUserId: actor.userId,
        at: ctx.now,
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23514') throw new ReservationRefused();
      throw error;
    }
    return view;
  }

  async function recordOrderAudit(trx: Transaction<DB>, ctx: OrderCtx, view: OrderView) {
    await recordAudit(trx, ctx, {
      action: 'order.created',
      subjectType: 'order',
      subjectId: view.id,
      summary: {
        projectId: view.project_id,
        quantity: view.quantity,
        amountCents: Number(view.amount_cents),
        paymentMethod: view.payment_method,
        invoiceNumber: view.invoice_number,
        reservedUntil: view.reserved_until.toISOString(),
      },
    });
  }

  /**
   * The second half of a Stripe order, after its reservation committed: create the Checkout
   * Session (Stripe's idempotency key is derived from the order, so a repeat gets the same
   * session), store it, and complete the Idempotency-Key. If the provider fails, the order
   * is cancelled, its credits released, and the 502 is what the key replays from then on.
   */
  async function finishStripeOrder(ctx: Ctx, ref: IdempotencyRef, orderId: string, render: RenderProblem): Promise<StoredResponse> {
    const order = await viewOf(db, orderId);
    let session: { id: string; url: string; expiresAt: Date } | undefined;
    let failed = false;
    if (order.status === 'reserved' && !order.stripe_checkout_session_id) {
      if (!payments) {
        failed = true;
      } else {
        try {
          session = await payments.createCheckoutSession({
            orderId,
            description: `${order.quantity} ${order.quantity === 1 ? 'credit' : 'credits'} — ${order.project_title}`,
            quantity: order.quantity,
            unitAmountCents: order.unit_price_cents,
            currency: 'eur',
            expiresAt: order.reserved_until,
            successUrl: `${config.publicUrl}/orders/${orderId}?checkout=success`,
            cancelUrl: `${config.publicUrl}/orders/${orderId}?checkout=cancelled`,
            idempotencyKey: `checkout-session-${orderId}`,
          });
        } catch {
          failed = true;
        }
      }
    }
    const octx = orderCtx(ctx);
    return db.transaction().execute(async (trx) => {
      const key = await trx
        .selectFrom('idempotency_keys')
        .select(['status', 'response_status', 'response_body'])
        .where('organisation_id', '=', ref.organisationId)
        .where('key', '=', ref.key)
        .forUpdate()
        .executeTakeFirstOrThrow();
      // Another request (a repeat that resumed this one) finished first: its answer stands.
      if (key.status === 'completed') return { status: key.response_status ?? 500, body: key.response_body };
      const locked = await repo.lockOrder(trx, orderId);
      if (!locked) throw new Error(`order ${orderId} vanished`);
      if (failed) {
        await releaseOrder(trx, octx, orderId, 'cancelled', 'payment provider unavailable');
        return completeIdempotencyKey(trx, ref, { status: 502, body: render(checkoutUnavailable()) }, octx.now);
      }
      if (session && locked.status === 'reserved' && !locked.stripe_checkout_session_id) {
        await repo.updateOrder(trx, orderId, {
          stripe_checkout_session_id: session.id,
          stripe_checkout_url: session.url,
          // Hold the credits as long as the session can be paid (the provider may extend the requested expiry).
          ...(session.expiresAt.getTime() > locked.reserved_until.getTime() ? { reserved_until: session.expiresAt } : {}),
          updated_at: octx.now,
        });
        await recordAudit(trx, octx, {
          action: 'order.checkout_session_created',
          subjectType: 'order',
          subjectId: orderId,
          summary: { sessionId: session.id, expiresAt: session.expiresAt.toISOString() },
        });
      }
      return completeIdempotencyKey(trx, ref, { status: 201, body: toOrder(await viewOf(trx, orderId)) }, octx.now);
    });
  }

  async function visibleOrder(trx: Transaction<DB>, ctx: Ctx, orderId: string): Promise<OrderView> {
    const view = await repo.findOrderView(trx, orderId);
    if (!view || !canSee(requireActor(ctx), view)) throw notFound('Order');
    return view;
  }

  function canSee(actor: Actor, order: { buyer_organisation_id: string }): boolean {
    return isPlatformAdmin(actor) || (isSupplierMember(actor) && order.buyer_organisation_id === actor.organisationId);
  }

  return {
    /**
     * POST /v1/orders. Answers the response to store and send: never throws for what
     * happens after the Idempotency-Key is claimed (insufficient credits, limits, provider
     * down), because those answers are replayed to repeats of the request.
     */
    async create(ctx: Ctx, input: CreateOrderInput, idempotencyKey: string, render: RenderProblem): Promise<CreateOrderResponse> {
      const actor = requireActor(ctx);
      if (!isSupplierMember(actor)) throw forbidden('AUTH.FORBIDDEN', 'Only members of a supplier organisation can order credits');
      if (input.paymentMethod === 'stripe' && !payments) {
        throw unprocessable('ORDER.PAYMENT_METHOD_UNAVAILABLE', 'Card and iDEAL payment are not available; pay by invoice');
      }
      const ref: IdempotencyRef = { organisationId: actor.organisationId, key: idempotencyKey };
      const requestHash = hashRequest(CREATE_SCOPE, input);
      const orderId = randomUUID();
      const octx = orderCtx(ctx);

      const first = await db.transaction().execute(async (trx) => {
        // The buyer's row first: its orders (and repeats of a key) queue here, one at a time.
        const buyer = await repo.lockBuyer(trx, actor.organisationId);
        if (!buyer || buyer.status !== 'active') throw forbidden('AUTH.FORBIDDEN', 'The buyer organisation is not active');
        const claim = await claimIdempotencyKey(trx, { ...ref, scope: CREATE_SCOPE, requestHash, pending: { orderId }, at: octx.now });
        if (claim.state !== 'claimed') return claim;
        // Everything after the claim is undone on a refusal, which is then stored under the key.
        await sql`SAVEPOINT place_order`.execute(trx);
        try {
          const view = await placeOrder(trx, octx, actor, buyer, input, orderId, ref);
          return { state: 'placed' as const, view };
        } catch (error) {
          if (!(error instanceof AppError) && !(error instanceof ReservationRefused)) throw error;
          await sql`ROLLBACK TO SAVEPOINT place_order`.execute(trx);
          let refusal = error instanceof AppError ? error : undefined;
          if (!refusal) {
            const balance = await repo.findBalance(trx, input.projectId);
            refusal = insufficientCredits(balance ? Math.max(0, balance.supply - balance.reserved - balance.sold) : 0);
          }
          const response = await completeIdempotencyKey(trx, ref, { status: refusal.status, body: render(refusal) }, octx.now);
          return { state: 'refused' as const, response };
        }
      });

      switch (first.state) {
        case 'placed':
          if (input.paymentMethod === 'invoice') return { status: 201, body: toOrder(first.view), replayed: false };
          return { ...(await finishStripeOrder(ctx, ref, orderId, render)), replayed: false };
        case 'refused':
          return { ...first.response, replayed: false };
        case 'completed':
          return { ...first.response, replayed: true };
        case 'in_progress': {
          const pendingOrderId = (first.pending as { orderId?: unknown } | undefined)?.orderId;
          const stale = clock.now().getTime() - first.createdAt.getTime() >= STALE_IN_PROGRESS_MS;
          if (stale && typeof pendingOrderId === 'string' && (await repo.findOrder(db, pendingOrderId))) {
            return { ...(await finishStripeOrder(ctx, ref, pendingOrderId, render)), replayed: true };
          }
          const response = await awaitIdempotentResponse(db, ref, { timeoutMs: REPLAY_WAIT_MS });
          if (!response) throw idempotencyInProgress();
          return { ...response, replayed: true };
        }
      }
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
        if (query.needsAttention !== undefined) throw forbidden('AUTH.FORBIDDEN', 'Only platform admins can filter on needsAttention');
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
      return toPage(rows, query.limit, toOrder, (row) => ({ createdAt: row.created_at.toISOString(), id: row.id }));
    },

    async get(ctx: Ctx, orderId: string): Promise<Order> {
      const actor = requireActor(ctx);
      const view = await repo.findOrderView(db, orderId);
      if (!view || !canSee(actor, view)) throw notFound('Order');
      return toOrder(view);
    },

    /** An admin records the bank transfer of an invoice order: the amount must be the order's. */
    async markPaid(ctx: Ctx, orderId: string, input: MarkPaidInput): Promise<Order> {
      requirePlatformAdmin(ctx);
      const octx = orderCtx(ctx);
      const result = await db.transaction().execute(async (trx) => {
        const order = await visibleOrder(trx, ctx, orderId);
        if (order.payment_method !== 'invoice') {
          throw conflict('ORDER.NOT_INVOICE', 'Only invoice orders are marked paid by hand; card and iDEAL payments arrive from Stripe');
        }
        if (input.amountCents !== Number(order.amount_cents)) {
          throw unprocessable('ORDER.AMOUNT_MISMATCH', `The amount received (${input.amountCents}) is not the order’s amount (${order.amount_cents})`, {
            errors: [{ path: 'body.amountCents', message: `must be ${order.amount_cents}` }],
          });
        }
        return fulfilOrder(trx, octx, {
          orderId: order.id,
          amountCents: input.amountCents,
          currency: 'EUR',
          method: 'invoice',
          externalReference: input.bankReference,
        });
      });
      if (result.outcome === 'ignored') throw conflict('ORDER.INVALID_STATE', `This order cannot be paid: ${result.reason}`);
      if (result.outcome === 'not_found') throw notFound('Order');
      // fulfilled, already paid, or (a lapsed order whose credits are gone) booked and flagged refund_required.
      return toOrder(await viewOf(db, orderId));
    },

    /** An admin ends a reservation (e.g. an invoice that will not be paid): its credits return at once. */
    async cancel(ctx: Ctx, orderId: string, input: CancelOrderInput): Promise<Order> {
      requirePlatformAdmin(ctx);
      const octx = orderCtx(ctx);
      const result = await db.transaction().execute(async (trx) => {
        await visibleOrder(trx, ctx, orderId);
        return releaseOrder(trx, octx, orderId, 'cancelled', input.reason);
      });
      if (result.outcome === 'not_found') throw notFound('Order');
      if (result.outcome === 'not_reserved' && result.order.status !== 'cancelled') {
        throw conflict('ORDER.INVALID_STATE', `An order in status ${result.order.status} cannot be cancelled`);
      }
      if (result.outcome === 'released' && result.order.stripe_checkout_session_id) {
        await jobs.send(EXPIRE_CHECKOUT_SESSION_JOB, { orderId, sessionId: result.order.stripe_checkout_session_id }, { singletonKey: orderId });
      }
      return toOrder(await viewOf(db, orderId));
    },

    /** An admin refunds a paid order: through Stripe, or by a credit note for an invoice order. */
    async refund(ctx: Ctx, orderId: string, input: RefundOrderInput): Promise<Order> {
      const actor = requirePlatformAdmin(ctx);
      const view = await repo.findOrderView(db, orderId);
      if (!view || !canSee(actor, view)) throw notFound('Order');
      await refundOrder({ db, payments }, orderCtx(ctx), view, { source: 'admin', reason: input.reason });
      return toOrder(await viewOf(db, orderId));
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
