import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

const QueuesPage = lazy(() => import('./QueuesPage'));
const OrganisationsPage = lazy(() => import('./OrganisationsPage'));
const OrganisationPage = lazy(() => import('./OrganisationPage'));
const AuditPage = lazy(() => import('./AuditPage'));
const MoneyPage = lazy(() => import('./MoneyPage'));

/** The platform team's pages (queues, organisations and people, audit, money). */
export const adminRoutes: RouteObject[] = [
  { path: 'queues', element: <RequireAuth>{(me) => <QueuesPage me={me} />}</RequireAuth> },
  {
    path: 'organisations',
    element: <RequireAuth>{(me) => <OrganisationsPage me={me} />}</RequireAuth>,
  },
  {
    path: 'organisations/:id',
    element: <RequireAuth>{(me) => <OrganisationPage me={me} />}</RequireAuth>,
  },
  { path: 'audit', element: <RequireAuth>{(me) => <AuditPage me={me} />}</RequireAuth> },
  { path: 'money', element: <RequireAuth>{(me) => <MoneyPage me={me} />}</RequireAuth> },
];
