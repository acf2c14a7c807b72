import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../plugins/auth.js';
import { RATE_LIMITS } from '../../plugins/security.js';
import { problemResponses } from '../../lib/problem.js';
import type { AuthService } from './auth.service.js';
import { DEFAULT_THROTTLE } from './login-throttle.js';
import { LoginSchema, RefreshSchema, TokenPairSchema } from './auth.schemas.js';

const { perAccount, perAddress, windowSeconds } = DEFAULT_THROTTLE;
const LOGIN_DESCRIPTION = [
  'Returns a 15-minute access token and a single-use refresh token.',
  `Two limits apply. Every attempt counts toward the address limit below, successful or not. Failed attempts are also counted per account and per address in the database (across instances): after ${perAccount} failures for one account, or ${perAddress} from one address, within ${windowSeconds / 60} minutes, sign-in answers 429 \`AUTH.TOO_MANY_ATTEMPTS\` with \`Retry-After\` until the oldest of those failures is ${windowSeconds / 60} minutes old, even with the right password. A successful sign-in clears the account's failures.`,
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
        body: LoginSchema,
        response: { 200: TokenPairSchema, ...problemResponses(401, 429) },
      },
    },
    async (request) => auth.login(ctxOf(request), request.body),
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
          'The refresh token is rotated. Presenting a rotated token again revokes every token of that sign-in.',
        security: [],
        body: RefreshSchema,
        response: { 200: TokenPairSchema, ...problemResponses(401, 429) },
      },
    },
    async (request) => auth.refresh(ctxOf(request), request.body.refreshToken),
  );

  app.post(
    '/v1/auth/logout',
    {
      config: { rateLimit: RATE_LIMITS.auth },
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'End the session of a refresh token',
        security: [],
        body: RefreshSchema,
        response: { 204: z.null().describe('Signed out'), ...problemResponses(429) },
      },
    },
    async (request, reply) => {
      await auth.logout(ctxOf(request), request.body.refreshToken);
      return reply.code(204).send(null);
    },
  );
};
