import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../../openapi/api.d.ts';

/**
 * The one way the app talks to the API: openapi-fetch typed by openapi/api.d.ts, which is
 * generated from the API's own document (`npm run openapi`). An API change that breaks a
 * page breaks `npm run typecheck`.
 */
export const api = createClient<paths>({ baseUrl: '' });

/**
 * Auth hook point. The access token lives in memory only (never in storage); whoever signs
 * the user in sets it here, and every request carries it. `onUnauthorized` lets the auth
 * layer refresh silently or send the user to sign-in.
 */
let accessToken: string | undefined;
let onUnauthorized: ((response: Response) => void) | undefined;

export function setAccessToken(token: string | undefined): void {
  accessToken = token;
}

export function getAccessToken(): string | undefined {
  return accessToken;
}

export function setUnauthorizedHandler(handler: ((response: Response) => void) | undefined): void {
  onUnauthorized = handler;
}

const authMiddleware: Middleware = {
  onRequest({ request }) {
    if (accessToken) request.headers.set('authorization', `Bearer ${accessToken}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && onUnauthorized) onUnauthorized(response);
    return response;
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
  ) {
    super(`${status} ${code}`);
  }
}

interface ProblemLike {
  code?: unknown;
  detail?: unknown;
  requestId?: unknown;
}

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the problem's code. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  const problem = (result.error ?? {}) as ProblemLike;
  throw new ApiError(
    result.response.status,
    typeof problem.code === 'string' ? problem.code : `HTTP.${result.response.status}`,
    (typeof problem.requestId === 'string' ? problem.requestId : undefined) ??
      result.response.headers.get('x-request-id') ??
      undefined,
    typeof problem.detail === 'string' ? problem.detail : undefined,
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
