import type { RouteObject } from 'react-router';

/** The platform team's pages (queues, organisations and people, audit, money). */
export const adminRoutes: RouteObject[] = [];
