import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { type Me, useSession } from './session';

/** Where sign-in sends the user back to: only a path on this site, never another origin. */
export function safeNext(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return undefined;
  return next;
}

export function loginPath(next: string, expired = false): string {
  const query = new URLSearchParams({ next });
  if (expired) query.set('expired', '1');
  return `/login?${query.toString()}`;
}

/**
 * Pages behind sign-in. While the session is being restored (a reload) it waits; signed out
 * or expired, it sends the user to sign-in with the way back in `next`.
 */
export function RequireAuth({ children }: { children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Paragraph>{t('app.loading')}</Paragraph>;
  if (session.status === 'signedIn') return <>{children(session.me)}</>;
  const here = `${location.pathname}${location.search}${location.hash}`;
  return <Navigate to={loginPath(here, session.status === 'expired')} replace />;
}
