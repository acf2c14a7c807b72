import type { Kysely } from 'kysely';
import type { DB, InvitationRow, OrganisationRow, UserRole } from '../../db/types.js';
import { addDays, type Clock } from '../../lib/clock.js';
import { type Ctx, requireActor, ROLES_BY_KIND, rolesInvitableBy } from '../../lib/context.js';
import {
  AppError,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  unprocessable,
} from '../../lib/errors.js';
import { assertPasswordAllowed, hashPassword } from '../../lib/passwords.js';
import { hashToken, newOpaqueToken } from '../../lib/tokens.js';
import { recordAudit } from '../audit/audit.service.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { canSeeOrganisation } from '../organisations/organisations.service.js';
import { usersRepository } from '../users/users.repository.js';
import { toUser } from '../users/users.service.js';
import type { User } from '../users/users.schemas.js';
import { invitationsRepository } from './invitations.repository.js';
import type { Invitation, InvitationPreview } from './invitations.schemas.js';
import { wholeList } from '../../lib/pagination.js';
import type { Lang } from '../../lib/format.js';
import type { MailService } from '../mail/mail.service.js';

export const INVITATION_TTL_DAYS = 7;

const EMAIL_TAKEN = () =>
  conflict('USER.EMAIL_TAKEN', 'A user with this email address already exists');

const INVITATION_NOT_FOUND = () =>
  new AppError(404, 'INVITATION.NOT_FOUND', 'This invitation does not exist');

/** Used, expired, or revoked with its organisation: each refused with its own problem. */
function assertAcceptable(
  invitation: InvitationRow,
  organisation: OrganisationRow | undefined,
  now: Date,
): asserts organisation is OrganisationRow {
  if (invitation.accepted_at)
    throw conflict('INVITATION.ALREADY_USED', 'This invitation has already been used');
  if (invitation.expires_at <= now)
    throw new AppError(410, 'INVITATION.EXPIRED', 'This invitation has expired; ask for a new one');
  if (!organisation || organisation.status === 'disabled')
    throw conflict('ORGANISATION.DISABLED', 'The organisation is disabled');
}

export function createInvitationsService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  publicUrl: string;
  mail: MailService;
}) {
  const { db, clock } = deps;

  function toInvitation(row: InvitationRow): Invitation {
    const status = row.accepted_at
      ? 'accepted'
      : row.expires_at <= clock.now()
        ? 'expired'
        : 'pending';
    return {
      id: row.id,
      organisationId: row.organisation_id,
      email: row.email,
      role: row.role,
      status,
      invitedBy: row.invited_by,
      expiresAt: row.expires_at.toISOString(),
      acceptedAt: row.accepted_at ? row.accepted_at.toISOString() : null,
      createdAt: row.created_at.toISOString(),
    };
  }

  async function loadVisibleOrganisation(ctx: Ctx, organisationId: string) {
    const actor = requireActor(ctx);
    const organisation = canSeeOrganisation(actor, organisationId)
      ? await organisationsRepository.findById(db, organisationId)
      : undefined;
    if (!organisation) throw notFound('Organisation');
    return { actor, organisation };
  }

  return {
    /**
     * Invites someone into an organisation. Platform admins invite anyone anywhere;
     * other users invite colleagues into their own organisation, at most at their own role.
     */
    async create(
      ctx: Ctx,
      organisationId: string,
      input: { email: string; role: UserRole; language?: Lang | undefined },
    ) {
      const { actor, organisation } = await loadVisibleOrganisation(ctx, organisationId);
      if (!rolesInvitableBy(actor).includes(input.role)) {
        throw forbidden(
          'INVITATION.ROLE_NOT_ALLOWED',
          `You cannot invite a user with role ${input.role}`,
        );
      }
      if (!ROLES_BY_KIND[organisation.kind].includes(input.role)) {
        throw unprocessable(
          'INVITATION.ROLE_NOT_IN_KIND',
          `An organisation of kind ${organisation.kind} has no role ${input.role}`,
          {
            errors: [
              {
                path: 'body.role',
                message: `must be one of ${ROLES_BY_KIND[organisation.kind].join(', ')}`,
              },
            ],
          },
        );
      }
      if (organisation.status === 'disabled')
        throw conflict('ORGANISATION.DISABLED', 'The organisation is disabled');
      if (await usersRepository.existsByEmail(db, input.email)) throw EMAIL_TAKEN();

      const token = newOpaqueToken();
      const language =
        input.language ?? (await usersRepository.findById(db, actor.userId))?.language ?? 'nl';
      const { row, messageId } = await db.transaction().execute(async (trx) => {
        const created = await invitationsRepository.insert(trx, {
          organisationId,
          organisationKind: organisation.kind,
          email: input.email,
          role: input.role,
          tokenHash: hashToken(token),
          invitedBy: actor.userId,
          expiresAt: addDays(clock.now(), INVITATION_TTL_DAYS),
        });
        await recordAudit(trx, ctx, {
          action: 'invitation.created',
          subjectType: 'invitation',
          subjectId: created.id,
          summary: { organisationId, email: input.email, role: input.role },
        });
        // The link goes to the invitee's own address, recorded with the invitation.
        const messageId = await deps.mail.queue(trx, {
          to: input.email,
          template: 'invitation',
          language,
          data: {
            organisationName: organisation.name,
            role: input.role,
            token,
            expiresAt: created.expires_at.toISOString(),
          },
        });
        return { row: created, messageId };
      });
      await deps.mail.dispatch(messageId);
      return {
        invitation: toInvitation(row),
        token,
        acceptUrl: `${deps.publicUrl}/invitations/accept#token=${token}`,
      };
    },

    async list(ctx: Ctx, organisationId: string) {
      await loadVisibleOrganisation(ctx, organisationId);
      return wholeList(
        (await invitationsRepository.listByOrganisation(db, organisationId)).map(toInvitation),
      );
    },

    /**
     * What an invitation joins, for the page where the invitee sets a password. Only the
     * holder of the token learns anything; an invitation that can no longer be accepted
     * answers the same problem accepting it would.
     */
    async preview(token: string): Promise<InvitationPreview> {
      const invitation = await invitationsRepository.findByHash(db, hashToken(token));
      if (!invitation) throw INVITATION_NOT_FOUND();
      const organisation = await organisationsRepository.findById(db, invitation.organisation_id);
      assertAcceptable(invitation, organisation, clock.now());
      return {
        organisation: { id: organisation.id, name: organisation.name },
        email: invitation.email,
        role: invitation.role,
        expiresAt: invitation.expires_at.toISOString(),
        status: 'open',
      };
    },

    /** Accepting sets the new user's password. A token works once, and only for seven days. */
    async accept(
      ctx: Ctx,
      input: { token: string; name: string; password: string; language?: Lang | undefined },
    ): Promise<User> {
      await assertPasswordAllowed(input.password, 'body.password');
      // Hashing is slow on purpose; do it before taking any lock.
      const passwordHash = await hashPassword(input.password);
      const now = clock.now();
      try {
        return await db.transaction().execute(async (trx) => {
          const invitation = await invitationsRepository.findByHashForUpdate(
            trx,
            hashToken(input.token),
          );
          if (!invitation) throw INVITATION_NOT_FOUND();
          const organisation = await organisationsRepository.findById(
            trx,
            invitation.organisation_id,
          );
          assertAcceptable(invitation, organisation, now);
          // A supplier an authority registered before it joined becomes active with its first user.
          if (organisation.status === 'pending') {
            await organisationsRepository.update(trx, organisation.id, {
              status: 'active',
              updated_at: now,
            });
            await recordAudit(trx, ctx, {
              action: 'organisation.activated',
              subjectType: 'organisation',
              subjectId: organisation.id,
              summary: { via: 'invitation', invitationId: invitation.id },
            });
          }
          const user = await usersRepository.insert(trx, {
            organisationId: invitation.organisation_id,
            organisationKind: invitation.organisation_kind,
            email: invitation.email,
            name: input.name,
            role: invitation.role,
            passwordHash,
            ...(input.language ? { language: input.language } : {}),
          });
          await invitationsRepository.markAccepted(trx, invitation.id, user.id, now);
          await recordAudit(trx, ctx, {
            action: 'invitation.accepted',
            subjectType: 'invitation',
            subjectId: invitation.id,
            summary: { userId: user.id, role: user.role },
            actor: { userId: user.id, organisationId: user.organisation_id },
          });
          return toUser(user);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw EMAIL_TAKEN();
        throw error;
      }
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
