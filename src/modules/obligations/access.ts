import type { Actor, Ctx } from '../../lib/context.js';
import { isPlatformAdmin, requireActor } from '../../lib/context.js';
import { forbidden } from '../../lib/errors.js';

/**
 * Who may do what with contracts and claims (DESIGN §2). Reading follows the parties: the
 * authority that registered a contract, the supplier it binds, and platform admins; anyone
 * else gets 404, so the existence of another organisation's contract is not disclosed.
 */

export const isAuthorityMember = (actor: Actor) => actor.organisationKind === 'authority';
export const isCoordinator = (actor: Actor) =>
  actor.organisationKind === 'authority' && actor.role === 'coordinator';
export const isSupplierMember = (actor: Actor) =>
  actor.organisationKind === 'supplier' && actor.role === 'member';

export function requireCoordinator(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!isCoordinator(actor))
    throw forbidden('AUTH.FORBIDDEN', 'Only an authority’s social-return coordinators can do this');
  return actor;
}

export function requireSupplierMember(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!isSupplierMember(actor))
    throw forbidden('AUTH.FORBIDDEN', 'Only supplier members can do this');
  return actor;
}

/** Whether the actor is a party to (or administers) something between `authorityId` and `supplierId`. */
export function canSee(
  actor: Actor,
  parties: { authorityId: string; supplierId: string },
): boolean {
  return (
    isPlatformAdmin(actor) ||
    actor.organisationId === parties.authorityId ||
    actor.organisationId === parties.supplierId
  );
}
