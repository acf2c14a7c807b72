import { useSyncExternalStore } from 'react';
import type { components } from '../../../openapi/api.d.ts';
import { api, ApiError, call, setAccessToken, setRefreshHandler } from '../api/client';

export type Me = components['schemas']['Me'];

/**
 * The browser session. The access token is kept in memory only (api/client.ts); the refresh
 * token lives in the HttpOnly cookie the API sets, which no script can read. On load the app
 * asks for a refresh, so a reload keeps the user signed in; a timer refreshes a minute before
 * the access token expires, and a 401 triggers one refresh and one retry (api/client.ts).
 *
 * status: 'loading' until the first refresh answered; 'expired' when a session that was
 * signed in could not be refreshed (the pages then send the user to sign-in and back).
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'expired' }
  | { status: 'signedIn'; me: Me };

let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<string | undefined> | undefined;

/**
 * A hint (no secret) that this browser has a session cookie, so that a visitor who never
 * signed in does not spend a sign-in request (rate limited per address) on every page load.
 */
const HINT_KEY = 'impactbeurs.session';

function hint(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(HINT_KEY, '1');
    else window.localStorage.removeItem(HINT_KEY);
  } catch {
    // Storage blocked: every load then asks once, which still works.
  }
}

function hinted(): boolean {
  try {
    return window.localStorage.getItem(HINT_KEY) !== null;
  } catch {
    return true;
  }
}

function set(next: SessionState): void {
  state = next;
  if (next.status !== 'loading') hint(next.status === 'signedIn');
  for (const listener of listeners) listener();
}

export function getSession(): SessionState {
  return state;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession);
}

/** Refresh this long before the access token expires (or halfway, for very short tokens). */
function refreshDelayMs(expiresIn: number): number {
  return Math.max(1_000, Math.min(expiresIn - 60, expiresIn / 2) * 1_000);
}

function startToken(accessToken: string, expiresIn: number): void {
  setAccessToken(accessToken);
  clearTimeout(timer);
  timer = setTimeout(() => void refresh(), refreshDelayMs(expiresIn));
}

function endSession(next: 'signedOut' | 'expired'): void {
  clearTimeout(timer);
  setAccessToken(undefined);
  set({ status: next });
}

async function loadMe(): Promise<Me> {
  return call(() => api.GET('/v1/me'));
}

async function doRefresh(): Promise<string | undefined> {
  const wasSignedIn = state.status === 'signedIn';
  let result;
  try {
    result = await api.POST('/v1/auth/refresh', {
      params: { header: { 'x-impactbeurs-client': 'web' } },
    });
  } catch {
    // Offline: keep the state; the next request or timer tries again.
    return undefined;
  }
  if (!result.data) {
    const refused = result.response.status === 401 || result.response.status === 403;
    // A refused cookie ends the session; a busy or failing server (429, 5xx) does not.
    if (refused || !wasSignedIn) endSession(wasSignedIn ? 'expired' : 'signedOut');
    return undefined;
  }
  startToken(result.data.accessToken, result.data.expiresIn);
  if (!wasSignedIn) {
    try {
      set({ status: 'signedIn', me: await loadMe() });
    } catch {
      endSession('signedOut');
      return undefined;
    }
  }
  return result.data.accessToken;
}

/** One refresh at a time: every caller waiting on it gets the same new token. */
export function refresh(): Promise<string | undefined> {
  inflight ??= doRefresh().finally(() => {
    inflight = undefined;
  });
  return inflight;
}

setRefreshHandler(refresh);

/** On app load: a refresh through the cookie, if this browser signed in before. */
export function restoreSession(): Promise<unknown> {
  if (!hinted()) {
    set({ status: 'signedOut' });
    return Promise.resolve();
  }
  return refresh();
}

export async function signIn(email: string, password: string): Promise<Me> {
  const tokens = await call(() =>
    api.POST('/v1/auth/login', {
      params: { header: { 'x-impactbeurs-client': 'web' } },
      body: { email, password },
    }),
  );
  startToken(tokens.accessToken, tokens.expiresIn);
  const me = await loadMe();
  set({ status: 'signedIn', me });
  return me;
}

/** After an invitation was accepted the cookie is set: a refresh gives the first access token. */
export async function signInAfterInvitation(): Promise<Me> {
  const token = await refresh();
  const current = getSession();
  if (!token || current.status !== 'signedIn')
    throw new ApiError(401, 'AUTH.INVALID_REFRESH_TOKEN', undefined, undefined);
  return current.me;
}

export async function signOut(): Promise<void> {
  try {
    await api.POST('/v1/auth/logout', {
      params: { header: { 'x-impactbeurs-client': 'web' } },
    });
  } catch {
    // Offline: the session still ends in this tab; the cookie's token expires on its own.
  }
  endSession('signedOut');
}

/** After a password change the API hands this session a fresh access token. */
export function replaceAccessToken(accessToken: string, expiresIn: number): void {
  startToken(accessToken, expiresIn);
}

/** Name, organisation or role changed: read them again. */
export async function reloadMe(): Promise<void> {
  set({ status: 'signedIn', me: await loadMe() });
}
