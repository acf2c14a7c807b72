import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { RequireAuth } from '../../auth/RequireAuth';

const ContractsPage = lazyPage(() => import('./ContractsPage'), ['authority']);
const ContractFormPage = lazyPage(() => import('./ContractFormPage'), ['authority']);
const ContractPage = lazyPage(() => import('./ContractPage'), ['authority']);
const ClaimsPage = lazyPage(() => import('./ClaimsPage'), ['authority']);
const OutcomesPage = lazyPage(() => import('../outcomes/OutcomesPage'), ['outcomes']);

/** The authority's pages (contracts, claims inbox, verification, outcome reports). */
export const authorityRoutes: RouteObject[] = [
  { path: 'contracts', element: <RequireAuth>{(me) => <ContractsPage me={me} />}</RequireAuth> },
  {
    path: 'contracts/new',
    element: <RequireAuth>{(me) => <ContractFormPage me={me} />}</RequireAuth>,
  },
  {
    path: 'contracts/:id',
    element: <RequireAuth>{(me) => <ContractPage me={me} />}</RequireAuth>,
  },
  {
    path: 'contracts/:id/edit',
    element: <RequireAuth>{(me) => <ContractFormPage me={me} />}</RequireAuth>,
  },
  { path: 'claims', element: <RequireAuth>{(me) => <ClaimsPage me={me} />}</RequireAuth> },
  { path: 'outcomes', element: <RequireAuth>{(me) => <OutcomesPage me={me} />}</RequireAuth> },
];
