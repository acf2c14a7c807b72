import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

const WalletPage = lazy(() => import('./WalletPage'));
const NewPurchasePage = lazy(() => import('./NewPurchasePage'));
const PurchasePage = lazy(() => import('./PurchasePage'));
const OrdersPage = lazy(() => import('./OrdersPage'));
const OrderPage = lazy(() => import('./OrderPage'));
const CertificatesPage = lazy(() => import('../certificates/CertificatesPage'));
const CertificatePage = lazy(() => import('../certificates/CertificatePage'));
const ImpactPage = lazy(() => import('../impact/ImpactPage'));

/** The supplier's pages (wallet, purchases, orders, certificates, impact report). */
export const supplierRoutes: RouteObject[] = [
  { path: 'wallet', element: <RequireAuth>{(me) => <WalletPage me={me} />}</RequireAuth> },
  {
    path: 'purchases/new',
    element: <RequireAuth>{(me) => <NewPurchasePage me={me} />}</RequireAuth>,
  },
  {
    path: 'purchases/:id',
    element: <RequireAuth>{(me) => <PurchasePage me={me} />}</RequireAuth>,
  },
  { path: 'orders', element: <RequireAuth>{(me) => <OrdersPage me={me} />}</RequireAuth> },
  { path: 'orders/:id', element: <RequireAuth>{(me) => <OrderPage me={me} />}</RequireAuth> },
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
