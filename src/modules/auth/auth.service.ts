import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { addDays, addSeconds, type Clock } from '../../lib/clock.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { AppError, unauthorized, unprocessable } from '../../lib/errors.js';
import {
  assertPasswordAllowed,
  burnPasswordCheck,
  hashPassword,
  verifyPassword,
} from '../../lib/passwords.js';
import { hashToken, newOpaqueToken } from '../../lib/tokens.js';
import { recordAudit } from '../audit/audit.service.js';
import type { MailService } from '../mail/mail.service.js';
import {
  credentialsRepository,
  passwordResetRepository,
  refreshTokensRepository,
} from './auth.repository.js';
import type { AccessToken, TokenPair } from './auth.schemas.js';
import type { LoginThrottle } from './login-throttle.js';

export interface AuthServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  throttle: LoginThrottle;
  /** `sid` names the session (the refresh-token family) the access token belongs to. */
  signAccessToken(claims: { sub: string; org: string; gen: number; sid: string }): string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Password-reset e-mails; the request's work runs as a job. */
  mail: MailService;
  jobs: JobQueue;
}

export const PASSWORD_RESET_JOB = 'auth.password-reset';
/** How long a reset link works. */
export const PASSWORD_RESET_TTL_SECONDS = 3600;
/** Reset e-mails per account per hour; further requests are answered alike and send nothing. */
export const PASSWORD_RESETS_PER_HOUR = 3;

const RESET_TOKEN_INVALID = () =>
  new AppError(
    400,
    'AUTH.RESET_TOKEN_INVALID',
    'This password-reset link is unknown or has already been used; ask for a new one',
  );

const INVALID_CREDENTIALS = () =>
  unauthorized('AUTH.INVALID_CREDENTIALS', 'Email or password is incorrect');
const INVALID_REFRESH = () =>
  unauthorized('AUTH.INVALID_REFRESH_TOKEN', 'The refresh token is invalid, expired or revoked');

export function createAuthService(deps: AuthServiceDeps) {
  const { db, clock, throttle } = deps;

  async function issueTokens(
    trx: Kysely<DB>,
    user: { id: string; organisationId: string; tokenGeneration: number },
    familyId: string,
  ): Promise<TokenPair> {
    const refreshToken = newOpaqueToken();
    const expiresAt = addDays(clock.now(), deps.refreshTokenTtlDays);
    await refreshTokensRepository.insert(trx, {
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt,
    });
    return {
      accessToken: deps.signAccessToken({
        sub: user.id,
        org: user.organisationId,
        gen: user.tokenGeneration,
        sid: familyId,
      }),
      tokenType: 'Bearer',
      expiresIn: deps.accessTokenTtlSeconds,
      refreshToken,
      refreshTokenExpiresAt: expiresAt.toISOString(),
    };
  }

  return {
    async login(ctx: Ctx, input: { email: string; password: string }): Promise<TokenPair> {
      const now = clock.now();
      const attempt = await throttle.reserve(input.email, ctx.ip, now);

      const credentials = await credentialsRepository.findCredentials(db, input.email);
      const valid = credentials
        ? await verifyPassword(credentials.password_hash, input.password)
        : (await burnPasswordCheck(input.password), false);

      if (!credentials || !valid) {
        await throttle.failed(now);
        await recordAudit(db, ctx, {
          action: 'auth.login_failed',
          subjectType: 'user',
          subjectId: credentials?.id ?? null,
          summary: { reason: credentials ? 'wrong_password' : 'unknown_account' },
          actor: null,
        });
        throw INVALID_CREDENTIALS();
      }
      // Only after the password is proven do we say the account is disabled.
      if (credentials.user_status !== 'active' || credentials.organisation_status !== 'active') {
        throw unauthorized('AUTH.ACCOUNT_DISABLED', 'This account or its organisation is disabled');
      }

      await throttle.succeeded(attempt);
      const user = {
        id: credentials.id,
        organisationId: credentials.organisation_id,
        tokenGeneration: credentials.token_generation,
      };
      return db.transaction().execute(async (trx) => {
        await credentialsRepository.touchLastLogin(trx, user.id, now);
        const tokens = await issueTokens(trx, user, randomUUID());
        await recordAudit(trx, ctx, {
          action: 'auth.logged_in',
          subjectType: 'user',
          subjectId: user.id,
          actor: { userId: user.id, organisationId: user.organisationId },
        });
        return tokens;
      });
    },

    /**
     * Exchanges a refresh token for a new pair. Each token works once: presenting one
     * that was already rotated means it was stolen or replayed, so its whole family
     * (every token descended from the same login) is revoked.
     */
    async refresh(ctx: Ctx, refreshToken: string | undefined): Promise<TokenPair> {
      // A browser session without its cookie has nothing to present.
      if (refreshToken === undefined) throw INVALID_REFRESH();
      const now = clock.now();
      const tokenHash = hashToken(refreshToken);

      const outcome = await db.transaction().execute(async (trx) => {
        const current = await refreshTokensRepository.rotate(trx, tokenHash, now);
        if (!current) return { kind: 'not-current' as const };
        const user = await credentialsRepository.findActor(trx, current.user_id);
        if (!user || user.user_status !== 'active' || user.organisation_status !== 'active') {
          await refreshTokensRepository.revokeFamily(trx, current.family_id, now);
          return { kind: 'disabled' as const };
        }
        const tokens = await issueTokens(
          trx,
          {
            id: user.id,
            organisationId: user.organisation_id,
            tokenGeneration: user.token_generation,
          },
          current.family_id,
        );
        await recordAudit(trx, ctx, {
          action: 'auth.token_refreshed',
          subjectType: 'user',
          subjectId: user.id,
          actor: { userId: user.id, organisationId: user.organisation_id },
        });
        return { kind: 'ok' as const, tokens };
      });

      if (outcome.kind === 'ok') return outcome.tokens;
      if (outcome.kind === 'disabled')
        throw unauthorized('AUTH.ACCOUNT_DISABLED', 'This account or its organisation is disabled');

      const known = await refreshTokensRepository.findByHash(db, tokenHash);
      if (known && known.rotated_at !== null) {
        await db.transaction().execute(async (trx) => {
          const revoked = await refreshTokensRepository.revokeFamily(trx, known.family_id, now);
          await recordAudit(trx, ctx, {
            action: 'auth.refresh_token_reused',
            subjectType: 'user',
            subjectId: known.user_id,
            summary: { familyId: known.family_id, tokensRevoked: revoked },
            actor: null,
          });
        });
        throw unauthorized(
          'AUTH.REFRESH_TOKEN_REUSED',
          'This refresh token was already used; sign in again',
        );
      }
      throw INVALID_REFRESH();
    },

    /**
     * Signs in a user who has just proven who they are another way (accepting an
     * invitation sets the password, so asking for it again would add nothing).
     */
    async startSession(ctx: Ctx, userId: string, via: string): Promise<TokenPair> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const user = await credentialsRepository.findActor(trx, userId);
        if (!user || user.user_status !== 'active' || user.organisation_status !== 'active')
          throw unauthorized(
            'AUTH.ACCOUNT_DISABLED',
            'This account or its organisation is disabled',
          );
        await credentialsRepository.touchLastLogin(trx, user.id, now);
        const tokens = await issueTokens(
          trx,
          {
            id: user.id,
            organisationId: user.organisation_id,
            tokenGeneration: user.token_generation,
          },
          randomUUID(),
        );
        await recordAudit(trx, ctx, {
          action: 'auth.logged_in',
          subjectType: 'user',
          subjectId: user.id,
          summary: { via },
          actor: { userId: user.id, organisationId: user.organisation_id },
        });
        return tokens;
      });
    },

    /**
     * Changes the signed-in user's password. Everyone else who holds a session of this
     * user (another browser, a stolen token) is signed out: their refresh tokens are
     * revoked and every access token issued so far stops working. The session that made
     * the change continues, with the fresh access token this returns.
     */
    async changePassword(
      ctx: Ctx,
      sessionId: string | undefined,
      input: { currentPassword: string; newPassword: string },
    ): Promise<AccessToken> {
      const actor = requireActor(ctx);
      const current = await credentialsRepository.findPasswordHash(db, actor.userId);
      if (!current || !(await verifyPassword(current, input.currentPassword))) {
        throw unprocessable(
          'AUTH.CURRENT_PASSWORD_INCORRECT',
          'The current password is incorrect',
          { errors: [{ path: 'body.currentPassword', message: 'is incorrect' }] },
        );
      }
      await assertPasswordAllowed(input.newPassword, 'body.newPassword');
      // Hashing is slow on purpose; do it before the transaction.
      const passwordHash = await hashPassword(input.newPassword);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const generation = await credentialsRepository.setPassword(trx, actor.userId, {
          passwordHash,
          now,
        });
        const revoked = await refreshTokensRepository.revokeAllForUserExcept(
          trx,
          actor.userId,
          sessionId,
          now,
        );
        await recordAudit(trx, ctx, {
          action: 'auth.password_changed',
          subjectType: 'user',
          subjectId: actor.userId,
          summary: { otherSessionTokensRevoked: revoked },
        });
        return {
          accessToken: deps.signAccessToken({
            sub: actor.userId,
            org: actor.organisationId,
            gen: generation,
            sid: sessionId ?? randomUUID(),
          }),
          tokenType: 'Bearer' as const,
          expiresIn: deps.accessTokenTtlSeconds,
        };
      });
    },

    /**
     * Asks for a password-reset e-mail. Nothing is looked up here: the request is handed to
     * a job and answered at once, the same way whether or not the address has an account,
     * so neither the answer nor its timing tells who has one.
     */
    async requestPasswordReset(ctx: Ctx, email: string): Promise<void> {
      await deps.jobs.send(PASSWORD_RESET_JOB, { email, requestId: ctx.requestId, ip: ctx.ip });
    },

    /**
     * The job behind a reset request: for an active account, a single-use token (stored as
     * its SHA-256, valid one hour) and the e-mail with its link, in the user's language,
     * recorded in one transaction. At most PASSWORD_RESETS_PER_HOUR per account; unknown
     * addresses are audited and get nothing.
     */
    async handlePasswordResetRequest(data: Record<string, unknown>): Promise<void> {
      const email = typeof data.email === 'string' ? data.email : undefined;
      if (!email) return;
      const ctx: Ctx = {
        actor: null,
        requestId: typeof data.requestId === 'string' ? data.requestId : 'job',
        ip: typeof data.ip === 'string' ? data.ip : '',
      };
      const now = clock.now();
      const user = await credentialsRepository.findForReset(db, email);
      if (!user || user.user_status !== 'active' || user.organisation_status !== 'active') {
        await recordAudit(db, ctx, {
          action: 'auth.password_reset_refused',
          subjectType: 'user',
          subjectId: user?.id ?? null,
          summary: { reason: user ? 'disabled' : 'unknown_account' },
        });
        return;
      }
      const recent = await passwordResetRepository.countSince(db, user.id, addSeconds(now, -3600));
      if (recent >= PASSWORD_RESETS_PER_HOUR) {
        await recordAudit(db, ctx, {
          action: 'auth.password_reset_refused',
          subjectType: 'user',
          subjectId: user.id,
          summary: { reason: 'throttled', resetsInLastHour: recent },
        });
        return;
      }
      const token = newOpaqueToken();
      const expiresAt = addSeconds(now, PASSWORD_RESET_TTL_SECONDS);
      const messageId = await db.transaction().execute(async (trx) => {
        await passwordResetRepository.insert(trx, {
          userId: user.id,
          tokenHash: hashToken(token),
          now,
          expiresAt,
        });
        const id = await deps.mail.queue(trx, {
          to: user.email,
          template: 'password-reset',
          language: user.language,
          data: { name: user.name, token, expiresAt: expiresAt.toISOString() },
        });
        await recordAudit(trx, ctx, {
          action: 'auth.password_reset_requested',
          subjectType: 'user',
          subjectId: user.id,
          summary: { emailMessageId: id, expiresAt: expiresAt.toISOString() },
          actor: { userId: user.id, organisationId: user.organisation_id },
        });
        return id;
      });
      await deps.mail.dispatch(messageId);
    },

    /**
     * Sets a new password with a reset token. The token works once and for one hour; every
     * session of the account ends (refresh tokens revoked, access tokens void by a new
     * generation), and every other open reset link of the user stops working.
     */
    async confirmPasswordReset(
      ctx: Ctx,
      input: { token: string; password: string },
    ): Promise<void> {
      await assertPasswordAllowed(input.password, 'body.password');
      const passwordHash = await hashPassword(input.password);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const row = await passwordResetRepository.findByHashForUpdate(trx, hashToken(input.token));
        if (!row || row.used_at !== null) throw RESET_TOKEN_INVALID();
        if (row.expires_at <= now)
          throw new AppError(
            410,
            'AUTH.RESET_TOKEN_EXPIRED',
            'This password-reset link has expired; ask for a new one',
          );
        const user = await credentialsRepository.findActor(trx, row.user_id);
        if (!user || user.user_status !== 'active' || user.organisation_status !== 'active')
          throw RESET_TOKEN_INVALID();
        await credentialsRepository.setPassword(trx, user.id, { passwordHash, now });
        const revoked = await refreshTokensRepository.revokeAllForUserExcept(
          trx,
          user.id,
          undefined,
          now,
        );
        await passwordResetRepository.useAllForUser(trx, user.id, now);
        await recordAudit(trx, ctx, {
          action: 'auth.password_reset',
          subjectType: 'user',
          subjectId: user.id,
          summary: { sessionTokensRevoked: revoked },
          actor: { userId: user.id, organisationId: user.organisation_id },
        });
      });
    },

    /** Ends the session the refresh token belongs to. Unknown tokens are ignored, so logout is idempotent. */
    async logout(ctx: Ctx, refreshToken: string): Promise<void> {
      const known = await refreshTokensRepository.findByHash(db, hashToken(refreshToken));
      if (!known) return;
      const user = await credentialsRepository.findActor(db, known.user_id);
      await db.transaction().execute(async (trx) => {
        const revoked = await refreshTokensRepository.revokeFamily(
          trx,
          known.family_id,
          clock.now(),
        );
        if (revoked > 0) {
          await recordAudit(trx, ctx, {
            action: 'auth.logged_out',
            subjectType: 'user',
            subjectId: known.user_id,
            actor: user ? { userId: user.id, organisationId: user.organisation_id } : null,
          });
        }
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

export async function registerAuthJobs(jobs: JobQueue, auth: AuthService): Promise<void> {
  await jobs.work(PASSWORD_RESET_JOB, (data) => auth.handlePasswordResetRequest(data));
}
