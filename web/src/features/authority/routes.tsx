import type { RouteObject } from 'react-router';

/** The authority's pages (contracts, claims inbox, verification, outcome reports). */
export const authorityRoutes: RouteObject[] = [];
