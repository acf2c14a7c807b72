import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

const CertificatesPage = lazy(() => import('../certificates/CertificatesPage'));
const CertificatePage = lazy(() => import('../certificates/CertificatePage'));
const ImpactPage = lazy(() => import('../impact/ImpactPage'));

/** The supplier's pages (wallet, purchases, orders, certificates, impact report). */
export const supplierRoutes: RouteObject[] = [
  {
    path: 'certificates',
    element: <RequireAuth>{(me) => <CertificatesPage me={me} />}</RequireAuth>,
  },
  {
    path: 'certificates/:id',
    element: <RequireAuth>{(me) => <CertificatePage me={me} />}</RequireAuth>,
  },
  { path: 'impact', element: <RequireAuth>{(me) => <ImpactPage me={me} />}</RequireAuth> },
];
