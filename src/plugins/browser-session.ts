import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { z } from 'zod';
import { badRequest, forbidden } from '../lib/errors.js';

/** The header the web app sends on every request; a cross-site form or link cannot set it. */
export const CLIENT_HEADER = 'x-impactbeurs-client';
/** The cookie that holds a browser session's refresh token. */
export const REFRESH_COOKIE = 'impactbeurs_refresh';
/** The cookie goes only to the token endpoints, never to the rest of the API. */
export const REFRESH_COOKIE_PATH = '/v1/auth';

/** Documents the header on the routes that answer browser sessions differently. */
export const ClientHeadersSchema = z.object({
  [CLIENT_HEADER]: z
    .enum(['web'])
    .optional()
    .describe(
      'Send `web` from the Impactbeurs web app: the refresh token then travels in the HttpOnly cookie `impactbeurs_refresh` (Path=/v1/auth, SameSite=Strict) instead of the JSON body. Other clients leave it out.',
    ),
});

export interface BrowserSessionOptions {
  /** The service's public address; its origin is the only one a browser session may come from. */
  publicUrl: string;
  /** In development the request's own host is accepted too (a dev server proxying to the API). */
  development: boolean;
  refreshTokenTtlSeconds: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** `Secure` when the public address is https; Max-Age is the refresh token's lifetime. */
    refreshCookie: { secure: boolean; maxAge: number };
  }
  interface FastifyRequest {
    /** The request comes from the web app (`X-Impactbeurs-Client: web`), its origin checked. */
    browserSession: boolean;
  }
}

/** A token pair as the auth service issues it. */
export interface IssuedTokens {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

const CROSS_SITE = () =>
  forbidden(
    'AUTH.CROSS_SITE_REQUEST',
    'This request relies on the session cookie and must come from the Impactbeurs web app itself',
  );

function cookieAttributes(request: FastifyRequest, maxAge: number) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: REFRESH_COOKIE_PATH,
    secure: request.server.refreshCookie.secure,
    maxAge,
  };
}

/**
 * Hands issued tokens to the client. A browser session gets the refresh token in its
 * HttpOnly cookie, out of reach of any script, and the rest in the body; API clients get
 * everything in the body, as before.
 */
export function deliverTokens(request: FastifyRequest, reply: FastifyReply, tokens: IssuedTokens) {
  if (!request.browserSession) return tokens;
  reply.setCookie(
    REFRESH_COOKIE,
    tokens.refreshToken,
    cookieAttributes(request, request.server.refreshCookie.maxAge),
  );
  const { refreshToken: _inCookie, ...body } = tokens;
  return body;
}

/** Removes the browser session's cookie (logout, or a refresh that was refused). */
export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  if (request.browserSession) reply.clearCookie(REFRESH_COOKIE, cookieAttributes(request, 0));
}

/**
 * The refresh token a request presents: a browser session's comes from its cookie only;
 * an API client's from the body. A request that leans on the cookie without being a
 * browser session (a cross-site form, say) is refused, not quietly served.
 */
export function presentedRefreshToken(
  request: FastifyRequest,
  bodyToken: string | undefined,
): string | undefined {
  if (request.browserSession) return request.cookies[REFRESH_COOKIE];
  if (bodyToken !== undefined) return bodyToken;
  if (request.cookies[REFRESH_COOKIE] !== undefined) throw CROSS_SITE();
  throw badRequest('VALIDATION.FAILED', 'The request did not pass validation', {
    errors: [{ path: 'body.refreshToken', message: 'Required' }],
  });
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * Browser sessions: the cookie parser, and the cross-site check for every request that
 * says it comes from the web app. Such a request must carry the custom header (which a
 * page on another site cannot send without a CORS preflight that this API refuses) and,
 * when the browser names its Origin, that origin must be this service's own.
 */
export default fp<BrowserSessionOptions>(
  async function browserSession(app: FastifyInstance, options) {
    app.decorate('refreshCookie', {
      secure: new URL(options.publicUrl).protocol === 'https:',
      maxAge: options.refreshTokenTtlSeconds,
    });
    const allowedOrigin = originOf(options.publicUrl);

    await app.register(cookie, { hook: 'onRequest' });
    app.decorateRequest('browserSession', false);

    app.addHook('onRequest', async (request) => {
      if (request.headers[CLIENT_HEADER] !== 'web') return;
      const origin = request.headers.origin;
      if (origin !== undefined) {
        const claimed = originOf(origin);
        const ownHost = options.development
          ? originOf(`${request.protocol}://${request.host}`)
          : undefined;
        if (claimed === undefined || (claimed !== allowedOrigin && claimed !== ownHost))
          throw CROSS_SITE();
      }
      request.browserSession = true;
    });
  },
  { name: 'browser-session', dependencies: ['error-handler'] },
);
