import type { RouteObject } from 'react-router';

/** The supplier's pages (wallet, purchases, orders, certificates, impact report). */
export const supplierRoutes: RouteObject[] = [];
