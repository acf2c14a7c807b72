import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

const QueuesPage = lazy(() => import('./QueuesPage'));

/** The platform team's pages (queues, organisations and people, audit, money). */
export const adminRoutes: RouteObject[] = [
  { path: 'queues', element: <RequireAuth>{(me) => <QueuesPage me={me} />}</RequireAuth> },
];
