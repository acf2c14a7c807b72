import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import type { Actor, Ctx } from '../lib/context.js';
import { unauthorized } from '../lib/errors.js';

export interface AccessTokenClaims {
  sub: string;
  org: string;
  typ: 'access';
}

export interface AuthPluginOptions {
  secret: string;
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  /** Reads the user afresh on every request, so a disabled user is locked out at once. */
  loadActor(userId: string): Promise<Actor | 'disabled' | undefined>;
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
    app.decorate('signAccessToken', (claims: Omit<AccessTokenClaims, 'typ'>) => app.jwt.sign({ ...claims, typ: 'access' }));

    app.decorate('authenticate', async function authenticate(request: FastifyRequest) {
      const claims = await request.jwtVerify<AccessTokenClaims>();
      if (claims.typ !== 'access' || typeof claims.sub !== 'string') {
        throw unauthorized('AUTH.INVALID_TOKEN', 'Missing, invalid or expired access token');
      }
      const actor = await options.loadActor(claims.sub);
      if (actor === 'disabled') throw unauthorized('AUTH.ACCOUNT_DISABLED', 'This account or its organisation is disabled');
      if (!actor) throw unauthorized('AUTH.INVALID_TOKEN', 'Missing, invalid or expired access token');
      request.actor = actor;
    });
  },
  { name: 'auth', dependencies: ['error-handler'] },
);
