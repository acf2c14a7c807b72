import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import type { Lang } from '../../lib/format.js';
import { type Actor, type Ctx, requireActor, requirePlatformAdmin } from '../../lib/context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { credentialsRepository, refreshTokensRepository } from '../auth/auth.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { canSeeOrganisation, toOrganisation } from '../organisations/organisations.service.js';
import { type UserRecord, usersRepository } from './users.repository.js';
import type { User } from './users.schemas.js';
import type { ActorCache, ActorRow } from './actor-cache.js';
import { wholeList } from '../../lib/pagination.js';

export function toUser(row: UserRecord): User {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationKind: row.organisation_kind,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    language: row.language,
  };
}

export function createUsersService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  actorCache?: ActorCache | undefined;
}) {
  const { db, clock, actorCache } = deps;

  /** The subject as the database has it, from memory while the database's change notifications are heard. */
  async function findActor(userId: string): Promise<ActorRow | undefined> {
    const cached = actorCache?.get(userId);
    if (cached) return cached;
    const epoch = actorCache?.epoch() ?? 0;
    const row = await credentialsRepository.findActor(db, userId);
    // An unknown subject is not kept: only tokens this platform signed get this far.
    if (row) actorCache?.store(userId, row, epoch);
    return row;
  }

  return {
    /**
     * Resolves an access token's subject; 'disabled' when the user or its organisation is,
     * or when the token was issued before the user was last locked out (an older `gen`).
     */
    async loadActor(
      userId: string,
      tokenGeneration: number,
    ): Promise<Actor | 'disabled' | undefined> {
      const row = await findActor(userId);
      if (!row) return undefined;
      if (row.user_status !== 'active' || row.organisation_status !== 'active') return 'disabled';
      if (tokenGeneration !== row.token_generation) return 'disabled';
      return {
        userId: row.id,
        organisationId: row.organisation_id,
        organisationKind: row.organisation_kind,
        role: row.role,
      };
    },

    async me(ctx: Ctx) {
      const actor = requireActor(ctx);
      const [user, organisation] = await Promise.all([
        usersRepository.findById(db, actor.userId),
        organisationsRepository.findById(db, actor.organisationId),
      ]);
      if (!user || !organisation) throw notFound('User');
      return { user: toUser(user), organisation: toOrganisation(organisation) };
    },

    /** The signed-in user's own settings: for now the language its e-mails (and the web app) use. */
    async updateMe(ctx: Ctx, input: { language?: Lang | undefined }) {
      const actor = requireActor(ctx);
      if (input.language !== undefined) {
        const language = input.language;
        await db.transaction().execute(async (trx) => {
          const row = await usersRepository.setLanguage(trx, actor.userId, language, clock.now());
          if (!row) throw notFound('User');
          await recordAudit(trx, ctx, {
            action: 'user.language_changed',
            subjectType: 'user',
            subjectId: actor.userId,
            summary: { language },
          });
        });
      }
      return this.me(ctx);
    },

    async listByOrganisation(ctx: Ctx, organisationId: string) {
      const actor = requireActor(ctx);
      if (
        !canSeeOrganisation(actor, organisationId) ||
        !(await organisationsRepository.findById(db, organisationId))
      ) {
        throw notFound('Organisation');
      }
      return wholeList((await usersRepository.listByOrganisation(db, organisationId)).map(toUser));
    },

    /** Disabling a user revokes its refresh tokens; its access tokens fail at the next request. */
    async setStatus(ctx: Ctx, userId: string, status: 'active' | 'disabled'): Promise<User> {
      const actor = requirePlatformAdmin(ctx);
      if (status === 'disabled' && userId === actor.userId) {
        throw conflict('USER.CANNOT_DISABLE_SELF', 'Admins cannot disable their own account');
      }
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const row = await usersRepository.setStatus(trx, userId, status, now);
        if (!row) throw notFound('User');
        if (status === 'disabled') await refreshTokensRepository.revokeAllForUser(trx, userId, now);
        await recordAudit(trx, ctx, {
          action: status === 'disabled' ? 'user.disabled' : 'user.enabled',
          subjectType: 'user',
          subjectId: userId,
          summary: { organisationId: row.organisation_id },
        });
        return toUser(row);
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
