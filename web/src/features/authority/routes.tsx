import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

const OutcomesPage = lazy(() => import('../outcomes/OutcomesPage'));

/** The authority's pages (contracts, claims inbox, verification, outcome reports). */
export const authorityRoutes: RouteObject[] = [
  { path: 'outcomes', element: <RequireAuth>{(me) => <OutcomesPage me={me} />}</RequireAuth> },
];
