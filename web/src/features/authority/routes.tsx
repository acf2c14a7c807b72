import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

const ContractsPage = lazy(() => import('./ContractsPage'));
const ContractFormPage = lazy(() => import('./ContractFormPage'));
const ContractPage = lazy(() => import('./ContractPage'));
const ClaimsPage = lazy(() => import('./ClaimsPage'));
const OutcomesPage = lazy(() => import('../outcomes/OutcomesPage'));

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
