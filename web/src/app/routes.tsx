import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { Layout } from './Layout';

/**
 * The route table. Each page is its own lazily loaded chunk, so a visitor downloads only the
 * pages they open. To add a page: create features/<journey>/<Name>Page.tsx with a default
 * export, add a route here (and to `publicNav` if it belongs in the main menu).
 */
const HomePage = lazy(() => import('../features/home/HomePage'));
const NotFoundPage = lazy(() => import('../features/not-found/NotFoundPage'));

/** Routes that other parts of the app (sign-in, workspaces) add beside the public ones. */
export const extraRoutes: RouteObject[] = [];

export function appRoutes(): RouteObject[] {
  return [
    {
      element: <Layout />,
      children: [
        { index: true, element: <HomePage /> },
        ...extraRoutes,
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

/** The main menu; labels are i18n keys. */
export const publicNav = [{ path: '/', label: 'nav.home' }] as const;
