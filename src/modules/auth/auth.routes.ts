import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../plugins/auth.js';
import {
  ClientHeadersSchema,
  REFRESH_COOKIE,
  clearRefreshCookie,
  deliverTokens,
  presentedRefreshToken,
} from '../../plugins/browser-session.js';
import { RATE_LIMITS } from '../../plugins/security.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { type AuthService, PASSWORD_RESETS_PER_HOUR } from './auth.service.js';
import {
  AccessTokenSchema,
  ChangePasswordSchema,
  LoginSchema,
  PasswordResetAcceptedSchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  RefreshSchema,
  TokenPairSchema,
} from './auth.schemas.js';
import { DEFAULT_THROTTLE } from './login-throttle.js';

const { perAccount, perAddress, windowSeconds } = DEFAULT_THROTTLE;
const LOGIN_DESCRIPTION = [
  'Returns a 15-minute access token and a single-use refresh token.',
  `Two limits apply. Every attempt counts toward the address limit below, successful or not. Failed attempts are also counted per account and per address in the database (across instances): after ${perAccount} failures for one account, or ${perAddress} from one address, within ${windowSeconds / 60} minutes, sign-in answers 429 \`AUTH.TOO_MANY_ATTEMPTS\` with \`Retry-After\` until the oldest of those failures is ${windowSeconds / 60} minutes old, even with the right password. A successful sign-in clears the account's failures.`,
  'With `X-Impactbeurs-Client: web` the refresh token is set as an HttpOnly cookie instead of returned in the body. A browser that signs in while its cookie still holds a session ends that session: the old refresh token stops working.',
].join('\n\n');

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService }> = async (app, { auth }) => {
  app.post(
    '/v1/auth/login',
    {
      config: { rateLimit: RATE_LIMITS.auth },
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Sign in with email and password',
        description: LOGIN_DESCRIPTION,
        security: [],
        headers: ClientHeadersSchema,
        body: LoginSchema,
        response: {
          200: TokenPairSchema,
          ...problemResponses(401, 429, 'AUTH.CROSS_SITE_REQUEST'),
        },
      },
    },
    async (request, reply) => {
      const tokens = await auth.login(ctxOf(request), request.body);
      // A browser that signs in over an existing session (another person at a shared
      // computer, say) replaces its cookie: the session the old cookie held ends with it,
      // rather than staying valid for whoever copied that token.
      const replaced = request.browserSession ? request.cookies[REFRESH_COOKIE] : undefined;
      if (replaced !== undefined) await auth.logout(ctxOf(request), replaced);
      return deliverTokens(request, reply, tokens);
    },
  );

  app.post(
    '/v1/auth/refresh',
    {
      config: { rateLimit: RATE_LIMITS.auth },
      schema: {
        operationId: 'refreshTokens',
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new token pair',
        description:
          'The refresh token is rotated. Presenting a rotated token again revokes every token of that sign-in. A browser session (`X-Impactbeurs-Client: web`) sends no body: its token is read from the `impactbeurs_refresh` cookie, and the new one replaces it there.',
        security: [],
        headers: ClientHeadersSchema,
        body: RefreshSchema.nullish(),
        response: {
          200: TokenPairSchema,
          ...problemResponses(401, 429, 'AUTH.CROSS_SITE_REQUEST'),
        },
      },
    },
    async (request, reply) => {
      const presented = presentedRefreshToken(request, request.body?.refreshToken);
      try {
        return deliverTokens(request, reply, await auth.refresh(ctxOf(request), presented));
      } catch (error) {
        // A refused cookie is of no further use; the browser should not keep sending it.
        clearRefreshCookie(request, reply);
        throw error;
      }
    },
  );

  app.post(
    '/v1/auth/logout',
    {
      config: { rateLimit: RATE_LIMITS.auth },
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'End the session of a refresh token',
        description:
          'A browser session (`X-Impactbeurs-Client: web`) sends no body: the session of its cookie ends and the cookie is removed.',
        security: [],
        headers: ClientHeadersSchema,
        body: RefreshSchema.nullish(),
        response: {
          204: z.null().describe('Signed out'),
          ...problemResponses(429, 'AUTH.CROSS_SITE_REQUEST'),
        },
      },
    },
    async (request, reply) => {
      const presented = presentedRefreshToken(request, request.body?.refreshToken);
      if (presented !== undefined) await auth.logout(ctxOf(request), presented);
      clearRefreshCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/auth/password-reset',
    {
      config: { rateLimit: RATE_LIMITS.passwordReset },
      schema: {
        operationId: 'requestPasswordReset',
        tags: ['auth'],
        summary: 'Ask for a password-reset e-mail',
        description: [
          'Always answers 202 with the same body, whether or not the address has an account: the work (looking the address up, making a single-use token valid for one hour, recording the e-mail) is done by a background job, so neither the answer nor its timing tells who has an account.',
          `An account gets at most ${PASSWORD_RESETS_PER_HOUR} reset e-mails an hour (further requests are answered alike and send nothing); one client address may ask ${RATE_LIMITS.passwordReset.max} times in ${RATE_LIMITS.passwordReset.timeWindow} (429 \`RATE_LIMIT.EXCEEDED\`). The e-mail's link opens \`/wachtwoord-herstellen#token=…\` in the web app.`,
        ].join('\n\n'),
        security: [],
        body: PasswordResetRequestSchema,
        response: {
          202: PasswordResetAcceptedSchema,
          ...problemResponses(429),
        },
      },
    },
    async (request, reply) => {
      await auth.requestPasswordReset(ctxOf(request), request.body.email);
      return reply.code(202).send({
        status: 'accepted' as const,
        message:
          'If an account has this e-mail address, a link to set a new password is on its way.',
      });
    },
  );

  app.post(
    '/v1/auth/password-reset/confirm',
    {
      config: { rateLimit: RATE_LIMITS.auth },
      schema: {
        operationId: 'confirmPasswordReset',
        tags: ['auth'],
        summary: 'Set a new password with a reset token',
        description:
          'The token works once and for one hour. Every session of the account ends: its refresh tokens are revoked and every access token stops working; sign in with the new password. Other open reset links of the account stop working too.',
        security: [],
        body: PasswordResetConfirmSchema,
        response: {
          204: z.null().describe('Password set; every session has ended'),
          ...problemResponses(
            422,
            429,
            'AUTH.RESET_TOKEN_INVALID',
            'AUTH.RESET_TOKEN_EXPIRED',
            'PASSWORD.TOO_COMMON',
            'PASSWORD.TOO_REPETITIVE',
          ),
        },
      },
    },
    async (request, reply) => {
      await auth.confirmPasswordReset(ctxOf(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/me/password',
    {
      onRequest: [app.authenticate],
      config: { rateLimit: RATE_LIMITS.auth },
      schema: {
        operationId: 'changePassword',
        tags: ['auth'],
        summary: 'Change the signed-in user’s password',
        description:
          'Every other session of the user ends: their refresh tokens are revoked and all access tokens issued before stop working. This session goes on: use the access token in the response from now on (its refresh token stays valid).',
        body: ChangePasswordSchema,
        response: {
          200: AccessTokenSchema,
          ...problemResponses(
            ...AUTHENTICATED_PROBLEMS,
            429,
            'AUTH.CURRENT_PASSWORD_INCORRECT',
            'PASSWORD.TOO_COMMON',
            'PASSWORD.TOO_REPETITIVE',
          ),
        },
      },
    },
    async (request) => auth.changePassword(ctxOf(request), request.user.sid, request.body),
  );
};
