import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';

const WalletPage = lazy(() => import('./WalletPage'));
const NewPurchasePage = lazy(() => import('./NewPurchasePage'));
const PurchasePage = lazy(() => import('./PurchasePage'));
const OrdersPage = lazy(() => import('./OrdersPage'));
const OrderPage = lazy(() => import('./OrderPage'));

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
];
