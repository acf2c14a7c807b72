import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../../openapi/api.d.ts';

/**
 * The one way the app talks to the API: openapi-fetch typed by openapi/api.d.ts, which is
 * generated from the API's own document (`npm run openapi`). An API change that breaks a
 * page breaks `npm run typecheck`.
 */
export const api = createClient<paths>({ baseUrl: '' });

/**
 * Auth hook points. The access token lives in memory only (never in storage); the session
 * (auth/session.ts) sets it here, and every request carries it. Every request also carries
 * `X-Impactbeurs-Client: web`, so the API keeps the refresh token in its HttpOnly cookie.
 * When a signed-in request answers 401, `refreshHandler` is asked once for a new access
 * token and the request is sent again with it; when that fails the session has expired.
 */
let accessToken: string | undefined;
let refreshHandler: (() => Promise<string | undefined>) | undefined;

export const CLIENT_HEADER = 'x-impactbeurs-client';

export function setAccessToken(token: string | undefined): void {
  accessToken = token;
}

export function getAccessToken(): string | undefined {
  return accessToken;
}

/** The session's refresh: resolves to a new access token, or undefined when the session ended. */
export function setRefreshHandler(handler: (() => Promise<string | undefined>) | undefined): void {
  refreshHandler = handler;
}

/** Requests that must never be retried after a refresh: the session's own. */
const AUTH_PATHS = /^\/v1\/auth\//;
const retries = new Map<string, Request>();

const authMiddleware: Middleware = {
  onRequest({ request, id, schemaPath }) {
    request.headers.set(CLIENT_HEADER, 'web');
    if (accessToken && !AUTH_PATHS.test(schemaPath)) {
      request.headers.set('authorization', `Bearer ${accessToken}`);
      // Keep a copy to send again after a silent refresh (a request's body is read once).
      retries.set(id, request.clone());
    }
    return request;
  },
  async onResponse({ response, id }) {
    const copy = retries.get(id);
    retries.delete(id);
    if (response.status !== 401 || !copy || !refreshHandler) return response;
    const token = await refreshHandler();
    if (!token) return response;
    copy.headers.set('authorization', `Bearer ${token}`);
    return fetch(copy);
  },
  onError({ id }) {
    retries.delete(id);
  },
};
api.use(authMiddleware);

/** A problem+json answer (RFC 9457) as the pages need it: the stable code and the request id. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly requestId: string | undefined,
    readonly detail: string | undefined,
    readonly retryAfter?: number,
    /** The failing fields the problem names (`errors`: VALIDATION.FAILED, OUTCOME.PERSONAL_DATA, …). */
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(`${status} ${code}`);
  }
}

interface ProblemLike {
  code?: unknown;
  detail?: unknown;
  requestId?: unknown;
  retryAfter?: unknown;
  errors?: unknown;
}

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the problem's code. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  const problem = (result.error ?? {}) as ProblemLike;
  const retryAfter =
    typeof problem.retryAfter === 'number'
      ? problem.retryAfter
      : Number(result.response.headers.get('retry-after')) || undefined;
  throw new ApiError(
    result.response.status,
    typeof problem.code === 'string' ? problem.code : `HTTP.${result.response.status}`,
    (typeof problem.requestId === 'string' ? problem.requestId : undefined) ??
      result.response.headers.get('x-request-id') ??
      undefined,
    typeof problem.detail === 'string' ? problem.detail : undefined,
    retryAfter,
    Array.isArray(problem.errors)
      ? (problem.errors as unknown[]).filter(
          (e): e is { path: string; message: string } =>
            typeof (e as { path?: unknown } | null)?.path === 'string' &&
            typeof (e as { message?: unknown }).message === 'string',
        )
      : [],
  );
}

/** Network failures (offline, server down) become an ApiError too, so pages show one kind of error. */
export async function call<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result;
  try {
    result = await request();
  } catch {
    throw new ApiError(0, 'NETWORK.UNAVAILABLE', undefined, undefined);
  }
  return unwrap(result);
}
