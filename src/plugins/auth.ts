import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import { z } from 'zod';
import type { Actor, Ctx } from '../lib/context.js';
import { unauthorized } from '../lib/errors.js';

export interface AccessTokenClaims {
  sub: string;
  org: string;
  /** The user's token generation at issue; a token of an older generation is void. */
  gen: number;
  /** The session (refresh-token family) the token was issued to; absent on older tokens. */
  sid?: string;
  typ: 'access';
}

export interface AuthPluginOptions {
  secret: string;
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  /**
   * The user as the database has it now (or as users/actor-cache.ts keeps it while the
   * database's change notifications are heard), so a disabled user is locked out at once.
   */
  loadActor(userId: string, tokenGeneration: number): Promise<Actor | 'disabled' | undefined>;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessTokenClaims;
    user: AccessTokenClaims;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook for routes that need a signed-in user. */
    authenticate: onRequestAsyncHookHandler;
    signAccessToken(claims: Omit<AccessTokenClaims, 'typ'>): string;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/**
 * The shape every access token's claims must have. The signature proves who issued a
 * token, not that its claims are well formed (a key can leak, a bug can sign nonsense):
 * a `sub` that is no UUID reached the database and answered 500. Registered claims
 * (iss, aud, exp, iat) are checked by the JWT verifier.
 */
const AccessTokenClaimsSchema = z.looseObject({
  sub: z.guid(),
  org: z.guid(),
  gen: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  sid: z.guid().optional(),
  typ: z.literal('access'),
});

const INVALID_TOKEN = () =>
  unauthorized('AUTH.INVALID_TOKEN', 'Missing, invalid or expired access token');

/**
 * fast-jwt refusals that @fastify/jwt passes on bare, without a status (another algorithm,
 * `none` with a signature, not yet valid, ill-typed claims). They are the client's bad
 * token, a 401; left alone they would answer 500. Configuration errors are not listed.
 */
const REFUSED_TOKEN_CODES = new Set([
  'FAST_JWT_INVALID_ALGORITHM',
  'FAST_JWT_INACTIVE',
  'FAST_JWT_INVALID_CLAIM_TYPE',
  'FAST_JWT_INVALID_PAYLOAD',
  'FAST_JWT_INVALID_TYPE',
  'FAST_JWT_MALFORMED',
  'FAST_JWT_INVALID_CRIT_HEADER',
]);

/** The service context of a request: who acts, and which request this is. */
export function ctxOf(request: FastifyRequest): Ctx {
  return { actor: request.actor, requestId: request.id, ip: request.ip };
}

export default fp<AuthPluginOptions>(
  async function auth(app: FastifyInstance, options) {
    await app.register(jwt, {
      secret: options.secret,
      // The algorithm is pinned on both sides: a token signed any other way (or `none`) is refused.
      sign: {
        algorithm: 'HS256',
        iss: options.issuer,
        aud: options.audience,
        expiresIn: `${options.accessTokenTtlSeconds}s`,
      },
      verify: {
        algorithms: ['HS256'],
        allowedIss: options.issuer,
        allowedAud: options.audience,
        requiredClaims: ['sub', 'exp', 'iat', 'iss', 'aud'],
      },
    });

    app.decorateRequest('actor', null);
    app.decorate('signAccessToken', (claims: Omit<AccessTokenClaims, 'typ'>) =>
      app.jwt.sign({ ...claims, typ: 'access' }),
    );

    app.decorate('authenticate', async function authenticate(request: FastifyRequest) {
      const claims = await request.jwtVerify<AccessTokenClaims>().catch((error: unknown) => {
        if (REFUSED_TOKEN_CODES.has((error as { code?: unknown }).code as string))
          throw INVALID_TOKEN();
        throw error;
      });
      if (!AccessTokenClaimsSchema.safeParse(claims).success) throw INVALID_TOKEN();
      const actor = await options.loadActor(claims.sub, claims.gen);
      if (actor === 'disabled')
        throw unauthorized('AUTH.ACCOUNT_DISABLED', 'This account or its organisation is disabled');
      if (!actor) throw INVALID_TOKEN();
      request.actor = actor;
    });
  },
  { name: 'auth', dependencies: ['error-handler'] },
);
