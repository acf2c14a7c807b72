import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import { addDays, addSeconds } from '../../lib/clock.js';
import {
  type Actor,
  type Ctx,
  isPlatformAdmin,
  requireActor,
  requirePlatformAdmin,
} from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../lib/errors.js';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  type StoredResponse,
} from '../../lib/idempotency.js';
import { isUuid } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordEvent } from '../events/events.js';
import {
  nextInvoiceNumber,
  type OrderCtx,
  queueFulfilFollowUps,
} from '../settlement/fulfilment.js';
import {
  fulfilPurchase,
  lockPurchase,
  type PurchaseFulfilResult,
  releasePurchase,
} from '../settlement/purchases.js';
import { insufficientCredits } from '../settlement/settlement-errors.js';
import { settlementRepository } from '../settlement/settlement.repository.js';
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
import type { OrdersDeps } from './orders.service.js';
import type { CreatePurchaseInput, MarkPurchasePaidInput, Purchase } from './purchases.schemas.js';
import { purchasesRepository as repo, type PurchaseView } from './purchases.repository.js';

const CREATE_SCOPE = 'purchases.create';

/** How an invoice is paid, as the invoice says: the seller's account and the payment term. */
export interface InvoiceTerms {
  seller: { name: string; iban: string };
  invoiceDueDays: number;
}

/** The API's view of a purchase (also what its Idempotency-Key replays). */
export function toPurchase(view: PurchaseView, terms: InvoiceTerms): Purchase {
  const statuses = view.orders.map((order) => order.status);
  const status: Purchase['status'] =
    view.paid_at !== null
      ? 'paid'
      : statuses.includes('reserved')
        ? 'reserved'
        : statuses.every((s) => s === 'expired')
          ? 'expired'
          : 'cancelled';
  return {
    id: view.id,
    status,
    buyerOrganisationId: view.buyer_organisation_id,
    paymentMethod: view.payment_method,
    amountCents: Number(view.amount_cents),
    currency: 'EUR',
    reservedUntil: view.reserved_until.toISOString(),
    invoiceNumber: view.invoice_number,
    paymentReference: view.payment_reference,
    checkoutUrl: status === 'reserved' ? view.stripe_checkout_url : null,
    billing: {
      name: view.billing_name,
      kvkNumber: view.billing_kvk_number,
      vatNumber: view.billing_vat_number,
      address: (view.billing_address as Purchase['billing']['address']) ?? null,
    },
    // The same due date as the invoice PDF: the payment term from placement.
    payTo:
      view.payment_method === 'invoice'
        ? {
            name: terms.seller.name,
            iban: terms.seller.iban.replace(/\s+/g, ''),
            dueAt: addDays(view.created_at, terms.invoiceDueDays).toISOString(),
          }
        : null,
    paidAt: view.paid_at?.toISOString() ?? null,
    lines: view.orders.map((order) => ({
      project: { id: order.project_id, title: order.project_title },
      credits: order.quantity,
      unitPriceCents: order.unit_price_cents,
      amountCents: Number(order.amount_cents),
      order: toOrder(order),
    })),
    createdAt: view.created_at.toISOString(),
  };
}

/** A line refused: the problem names the line (`errors[].path`). */
function lineRefusal(error: AppError, index: number): AppError {
  const extensions = error.extensions ?? {};
  return new AppError(error.status, error.code, `Line ${index + 1}: ${error.message}`, {
    ...extensions,
    errors: [{ path: `body.lines.${index}`, message: error.message }],
  });
}

export function createPurchasesService(deps: OrdersDeps) {
  const { db, clock, config, jobs, payments } = deps;
  const orderCtx = (ctx: Ctx): OrderCtx => ({ ...ctx, now: clock.now() });
  const terms: InvoiceTerms = {
    seller: config.seller,
    invoiceDueDays: config.orders.invoiceDueDays,
  };

  async function viewOf(executor: Kysely<DB>, id: string): Promise<PurchaseView> {
    const view = await repo.findPurchaseView(executor, id);
    if (!view) throw new Error(`purchase ${id} vanished`);
    return view;
  }

  /**
   * Every reservation or none, in one transaction. Locks: the buyer's row (its orders and
   * keys queue there), the invoice counter (invoice purchases), then the balances of the
   * lines' projects in the order of their ids — so two purchases over the same projects
   * queue rather than deadlock, and the balances' CHECK refuses any oversell.
   */
  async function place(
    trx: Transaction<DB>,
    ctx: OrderCtx,
    actor: Actor,
    input: CreatePurchaseInput,
    purchaseId: string,
    key: PlacementKey,
  ): Promise<PlacementOutcome> {
    const buyer = await repo.lockBuyer(trx, actor.organisationId);
    if (!buyer || buyer.status !== 'active')
      throw forbidden('AUTH.FORBIDDEN', 'The buyer organisation is not active');
    const claim = await claimIdempotencyKey(trx, { ...key, pending: { purchaseId } });
    if (claim.state !== 'claimed') return claim;

    const limits = config.orders;
    const invoice = input.paymentMethod === 'invoice';
    const reservedUntil = invoice
      ? addDays(ctx.now, limits.invoiceDueDays)
      : addSeconds(ctx.now, limits.checkoutMinutes * 60);
    const invoiceNumber = invoice ? await nextInvoiceNumber(trx, ctx.now) : null;

    const lines = input.lines
      .map((line, index) => ({ ...line, index }))
      .sort((a, b) => (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0));
    for (const line of lines) await settlementRepository.lockBalance(trx, line.projectId);
    const projects = new Map(
      (
        await repo.projectsForSale(
          trx,
          lines.map((line) => line.projectId),
        )
      ).map((p) => [p.id, p]),
    );
    const open = await repo.openReservations(trx, actor.organisationId);
    if (open.holds >= limits.maxOpenOrdersPerOrganisation)
      throw conflict(
        'ORDER.RESERVATION_LIMIT',
        `Your organisation already has ${open.holds} unpaid orders and purchases, the most it may hold at once; pay or cancel one first`,
      );
    let total = 0;
    for (const line of lines) {
      const project = projects.get(line.projectId);
      if (!project) throw lineRefusal(notFound('Project'), line.index);
      if (
        (project.status !== 'listed' && project.status !== 'funded') ||
        project.supply === null ||
        project.credit_price_cents === null
      )
        throw lineRefusal(
          conflict(
            'ORDER.PROJECT_NOT_SELLING',
            `This project is not selling credits (status ${project.status})`,
          ),
          line.index,
        );
      if (project.funding_deadline === null || project.funding_deadline <= ctx.now)
        throw lineRefusal(
          conflict('ORDER.PROJECT_NOT_SELLING', 'The funding deadline of this project has passed'),
          line.index,
        );
      const available = project.supply - (project.reserved ?? 0) - (project.sold ?? 0);
      if (line.credits > available)
        throw lineRefusal(insufficientCredits(Math.max(0, available)), line.index);
      const maxShare = Math.max(
        1,
        Math.floor((project.supply * limits.maxReservedSharePercent) / 100),
      );
      const held = open.perProject.get(project.id) ?? 0;
      if (held + line.credits > maxShare)
        throw lineRefusal(
          conflict(
            'ORDER.RESERVATION_LIMIT',
            `One organisation may hold at most ${maxShare} of this project’s credits reserved and unpaid; yours would be ${held + line.credits}`,
          ),
          line.index,
        );
      total += line.credits * project.credit_price_cents;
    }

    const billingAddress =
      (buyer.address_street ?? '') !== ''
        ? JSON.stringify({
            street: buyer.address_street,
            postalCode: buyer.address_postal_code ?? '',
            city: buyer.address_city ?? '',
            country: buyer.address_country,
          })
        : null;
    const paymentReference = newPaymentReference();
    const billing = {
      billing_name: buyer.name,
      billing_kvk_number: buyer.kvk_number,
      billing_vat_number: buyer.vat_number,
      billing_address: billingAddress,
    };
    await repo.insertPurchase(trx, {
      id: purchaseId,
      buyer_organisation_id: actor.organisationId,
      created_by: actor.userId,
      payment_method: input.paymentMethod,
      amount_cents: total,
      reserved_until: reservedUntil,
      invoice_number: invoiceNumber,
      payment_reference: paymentReference,
      ...billing,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    const orderIds: string[] = [];
    for (const line of lines) {
      const project = projects.get(line.projectId)!;
      const orderId = randomUUID();
      orderIds.push(orderId);
      await repo.insertOrder(trx, {
        id: orderId,
        purchase_id: purchaseId,
        buyer_organisation_id: actor.organisationId,
        created_by: actor.userId,
        project_id: project.id,
        quantity: line.credits,
        unit_price_cents: project.credit_price_cents!,
        amount_cents: line.credits * project.credit_price_cents!,
        payment_method: input.paymentMethod,
        reserved_until: reservedUntil,
        payment_reference: paymentReference,
        invoice_number: invoiceNumber,
        ...billing,
        created_at: ctx.now,
        updated_at: ctx.now,
      });
      await recordAudit(trx, ctx, {
        action: 'order.created',
        subjectType: 'order',
        subjectId: orderId,
        summary: {
          purchaseId,
          projectId: project.id,
          quantity: line.credits,
          amountCents: line.credits * project.credit_price_cents!,
          paymentMethod: input.paymentMethod,
          invoiceNumber,
          reservedUntil: reservedUntil.toISOString(),
        },
      });
      // The balance's CHECK (reserved + sold <= supply) is the judge; its row is held already.
      await settlementRepository.insertCreditEntry(trx, {
        projectId: project.id,
        entryType: 'reserve',
        quantity: line.credits,
        orderId,
        actorUserId: actor.userId,
        at: ctx.now,
      });
    }
    await recordAudit(trx, ctx, {
      action: 'purchase.created',
      subjectType: 'purchase',
      subjectId: purchaseId,
      summary: {
        orderIds,
        amountCents: total,
        paymentMethod: input.paymentMethod,
        invoiceNumber,
        paymentReference,
        reservedUntil: reservedUntil.toISOString(),
      },
    });
    if (!invoice) return { state: 'checkout' };
    // The buyer is e-mailed the invoice with the placement (a Stripe purchase is told when paid).
    await recordEvent(trx, { type: 'purchase.placed', objectId: purchaseId, occurredAt: ctx.now });
    const response = { status: 201, body: toPurchase(await viewOf(trx, purchaseId), terms) };
    return { state: 'placed', response: await completeIdempotencyKey(trx, key, response, ctx.now) };
  }

  /**
   * The second half of a Stripe purchase: ONE Checkout Session with a line item per
   * project (checkout-session.ts). If the provider fails, every line is released and the
   * 502 is what the key replays.
   */
  async function finishStripePurchase(
    ctx: Ctx,
    key: PlacementKey,
    purchaseId: string,
    render: RenderProblem,
  ): Promise<StoredResponse> {
    const view = await viewOf(db, purchaseId);
    return finishCheckout(deps, ctx, key, render, {
      kind: 'purchase',
      id: purchaseId,
      placed: view,
      // Every line still reserved: a purchase its expiry (or a cancel) closed gets no session.
      wantsSession:
        !view.stripe_checkout_session_id &&
        view.paid_at === null &&
        view.orders.every((order) => order.status === 'reserved'),
      items: {
        orderId: purchaseId,
        purchaseId,
        description: `Impactcredits in ${view.orders.length} projecten`,
        quantity: 1,
        unitAmountCents: Number(view.amount_cents),
        lineItems: view.orders.map((order) => ({
          description: creditsDescription(order.quantity, order.project_title),
          quantity: order.quantity,
          unitAmountCents: order.unit_price_cents,
        })),
      },
      unavailableDetail:
        'The purchase was cancelled and its credits released; place a new purchase with a new Idempotency-Key.',
      lock: (trx) => lockPurchase(trx, purchaseId),
      takesSession: (locked) => !locked.stripe_checkout_session_id,
      release: (trx, octx, detail) => releasePurchase(trx, octx, purchaseId, 'cancelled', detail),
      storeSession: async (trx, values) => {
        await repo.updatePurchase(trx, purchaseId, values);
        // Every line is held as long as the purchase.
        if (values.reserved_until)
          await repo.extendLines(trx, purchaseId, values.reserved_until, values.updated_at);
      },
      view: async (trx) => toPurchase(await viewOf(trx, purchaseId), terms),
    });
  }

  return {
    /** POST /v1/purchases: one purchase over several projects, all reservations or none. */
    async create(
      ctx: Ctx,
      input: CreatePurchaseInput,
      idempotencyKey: string,
      render: RenderProblem,
    ): Promise<PlacementResponse> {
      const actor = requirePlacingMember(
        ctx,
        input.paymentMethod,
        payments,
        'Only members of a supplier organisation can buy credits',
      );
      const octx = orderCtx(ctx);
      const key = placementKey(actor.organisationId, idempotencyKey, CREATE_SCOPE, input, octx.now);
      const purchaseId = randomUUID();

      let outcome: PlacementOutcome;
      try {
        outcome = await db
          .transaction()
          .execute((trx) => place(trx, octx, actor, input, purchaseId, key));
      } catch (error) {
        if (!(error instanceof AppError) || error.status === 403 || error.status === 422)
          throw error;
        // A refusal: nothing was written. It is what the key answers from now on.
        outcome = await refusePlacement(db, key, error, render);
      }
      return answerPlacement(db, key, outcome, {
        checkout: () => finishStripePurchase(ctx, key, purchaseId, render),
        resume: async (inProgress) => {
          const pending = (inProgress.pending as { purchaseId?: unknown } | undefined)?.purchaseId;
          // As for an order: a key left in progress this long (ORDER_KEY_STALE_SECONDS)
          // belongs to a request that died between reserving and creating the Checkout
          // Session; this repeat finishes its work (finishCheckout takes the key's lock, so
          // of two that finish, the first one's answer stands).
          const stale =
            clock.now().getTime() - inProgress.createdAt.getTime() >=
            config.orders.keyStaleSeconds * 1000;
          if (
            stale &&
            typeof pending === 'string' &&
            isUuid(pending) &&
            (await repo.findPurchaseView(db, pending))
          )
            return finishStripePurchase(ctx, key, pending, render);
          return undefined;
        },
      });
    },

    async get(ctx: Ctx, purchaseId: string): Promise<Purchase> {
      const actor = requireActor(ctx);
      const view = isUuid(purchaseId) ? await repo.findPurchaseView(db, purchaseId) : undefined;
      if (!view || !canSee(actor, view)) throw notFound('Purchase');
      return toPurchase(view, terms);
    },

    async list(ctx: Ctx): Promise<{ items: Purchase[]; nextCursor: null }> {
      const actor = requireActor(ctx);
      if (!isPlatformAdmin(actor) && !isSupplierMember(actor))
        throw forbidden('AUTH.FORBIDDEN', 'Purchases are for suppliers and platform admins');
      const ids = await repo.listPurchaseIds(
        db,
        isPlatformAdmin(actor) ? undefined : actor.organisationId,
        100,
      );
      const items: Purchase[] = [];
      for (const { id } of ids) items.push(toPurchase(await viewOf(db, id), terms));
      return { items, nextCursor: null };
    },

    /**
     * An admin records the one bank transfer of an invoice purchase: every line is
     * fulfilled once, in one transaction (settleInvoicePayment's purchase path).
     */
    async markPaid(ctx: Ctx, purchaseId: string, input: MarkPurchasePaidInput): Promise<Purchase> {
      requirePlatformAdmin(ctx);
      const octx = orderCtx(ctx);
      const result: PurchaseFulfilResult = await db.transaction().execute(async (trx) => {
        const purchase = await lockPurchase(trx, purchaseId);
        if (!purchase) throw notFound('Purchase');
        if (purchase.payment_method !== 'invoice')
          throw conflict(
            'ORDER.NOT_INVOICE',
            'Only invoice purchases are marked paid by hand; card and iDEAL payments arrive from Stripe',
          );
        if (input.amountCents !== Number(purchase.amount_cents))
          throw unprocessable(
            'ORDER.AMOUNT_MISMATCH',
            `The amount received (${input.amountCents}) is not the purchase’s amount (${purchase.amount_cents})`,
            {
              errors: [{ path: 'body.amountCents', message: `must be ${purchase.amount_cents}` }],
            },
          );
        return fulfilPurchase(trx, octx, {
          purchaseId,
          amountCents: input.amountCents,
          currency: 'EUR',
          method: 'invoice',
          externalReference: input.bankReference,
        });
      });
      if (result.outcome === 'fulfilled' || result.outcome === 'already_paid')
        for (const line of result.lines) await queueFulfilFollowUps(jobs, line);
      return toPurchase(await viewOf(db, purchaseId), terms);
    },

    /** An admin ends every reservation of a purchase at once. */
    async cancel(ctx: Ctx, purchaseId: string, reason: string): Promise<Purchase> {
      requirePlatformAdmin(ctx);
      const octx = orderCtx(ctx);
      const result = await db
        .transaction()
        .execute((trx) => releasePurchase(trx, octx, purchaseId, 'cancelled', reason));
      if (result.outcome === 'not_found') throw notFound('Purchase');
      return toPurchase(await viewOf(db, purchaseId), terms);
    },
  };
}

export type PurchasesService = ReturnType<typeof createPurchasesService>;
