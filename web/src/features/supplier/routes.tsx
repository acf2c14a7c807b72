import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { RequireAuth } from '../../auth/RequireAuth';

const WalletPage = lazyPage(() => import('./WalletPage'), ['supplier']);
const NewPurchasePage = lazyPage(() => import('./NewPurchasePage'), ['supplier']);
const PurchasePage = lazyPage(() => import('./PurchasePage'), ['supplier']);
const OrdersPage = lazyPage(() => import('./OrdersPage'), ['supplier']);
const OrderPage = lazyPage(() => import('./OrderPage'), ['supplier']);
const CertificatesPage = lazyPage(
  () => import('../certificates/CertificatesPage'),
  ['certificates'],
);
const CertificatePage = lazyPage(() => import('../certificates/CertificatePage'), ['certificates']);
const ImpactPage = lazyPage(() => import('../impact/ImpactPage'), ['impact']);

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
