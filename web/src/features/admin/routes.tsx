import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { RequireAuth } from '../../auth/RequireAuth';

const QueuesPage = lazyPage(() => import('./QueuesPage'), ['admin', 'start']);
const OrganisationsPage = lazyPage(() => import('./OrganisationsPage'), ['admin']);
const OrganisationPage = lazyPage(() => import('./OrganisationPage'), ['admin']);
const AuditPage = lazyPage(() => import('./AuditPage'), ['admin']);
const MoneyPage = lazyPage(() => import('./MoneyPage'), ['admin']);

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
