import type { PaymentMethod } from '../../db/types.js';
import type { PaymentGateway } from '../../lib/payment-gateway.js';
import { type Actor, type Ctx, isPlatformAdmin, requireActor } from '../../lib/context.js';
import { forbidden, unprocessable } from '../../lib/errors.js';

/**
 * Who may buy, and who may see what was bought: the same rules for an order and for a
 * purchase (the buyer organisation's supplier members, and platform admins).
 */

export function isSupplierMember(actor: Actor): boolean {
  return actor.organisationKind === 'supplier' && actor.role === 'member';
}

/** An order or purchase is seen by platform admins and by its buyer's supplier members. */
export function canSeeBought(actor: Actor, bought: { buyer_organisation_id: string }): boolean {
  return (
    isPlatformAdmin(actor) ||
    (isSupplierMember(actor) && bought.buyer_organisation_id === actor.organisationId)
  );
}

/**
 * The supplier member who places an order or purchase, refused before its Idempotency-Key
 * is looked at: a buyer of another kind (`forbiddenDetail` says what they may not do), and
 * card or iDEAL payment when no payment provider is configured.
 */
export function requirePlacingMember(
  ctx: Ctx,
  paymentMethod: PaymentMethod,
  payments: PaymentGateway | undefined,
  forbiddenDetail: string,
): Actor {
  const actor = requireActor(ctx);
  if (!isSupplierMember(actor)) throw forbidden('AUTH.FORBIDDEN', forbiddenDetail);
  if (paymentMethod === 'stripe' && !payments)
    throw unprocessable(
      'ORDER.PAYMENT_METHOD_UNAVAILABLE',
      'Card and iDEAL payment are not available; pay by invoice',
    );
  return actor;
}
