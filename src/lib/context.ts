import type { OrganisationKind, UserRole } from '../db/types.js';
import { forbidden, unauthorized } from './errors.js';

/** The signed-in user on whose behalf a service acts, as read from the database on each request. */
export interface Actor {
  userId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  role: UserRole;
}

/**
 * What every service call receives: who acts (null for public calls) and the request it
 * serves, so every audit event can be traced back to both.
 */
export interface Ctx {
  actor: Actor | null;
  requestId: string;
  ip: string;
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw unauthorized('AUTH.REQUIRED', 'Sign in to do this');
  return ctx.actor;
}

export function isPlatformAdmin(actor: Actor): boolean {
  return actor.organisationKind === 'platform' && actor.role === 'admin';
}

export function requirePlatformAdmin(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!isPlatformAdmin(actor))
    throw forbidden('AUTH.FORBIDDEN', 'Only platform admins can do this');
  return actor;
}

/** Which roles exist in which kind of organisation (DESIGN §2); the database enforces the same. */
export const ROLES_BY_KIND: Record<OrganisationKind, readonly UserRole[]> = {
  platform: ['admin', 'reviewer'],
  initiative: ['member'],
  supplier: ['member'],
  authority: ['coordinator', 'viewer'],
};

/**
 * Roles a user may hand out when inviting a colleague: never more than its own. Viewers
 * and reviewers invite nobody; platform admins invite any role of any organisation.
 */
export function rolesInvitableBy(actor: Actor): readonly UserRole[] {
  if (isPlatformAdmin(actor)) return ['admin', 'reviewer', 'member', 'coordinator', 'viewer'];
  switch (actor.role) {
    case 'member':
      return ['member'];
    case 'coordinator':
      return ['coordinator', 'viewer'];
    default:
      return [];
  }
}
