import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { Layout } from './Layout';
import { signedInRoutes } from './signed-in-routes';

/**
 * The route table. Each page is its own lazily loaded chunk, so a visitor downloads only the
 * pages they open. To add a page: create features/<journey>/<Name>Page.tsx with a default
 * export, add a route here (and to `publicNav` if it belongs in the main menu).
 */
const HomePage = lazy(() => import('../features/home/HomePage'));
const CataloguePage = lazy(() => import('../features/catalogue/CataloguePage'));
const ProjectPage = lazy(() => import('../features/project/ProjectPage'));
const StoriesPage = lazy(() => import('../features/stories/StoriesPage'));
const StatsPage = lazy(() => import('../features/stats/StatsPage'));
const VerifyPage = lazy(() => import('../features/verify/VerifyPage'));
const NotFoundPage = lazy(() => import('../features/not-found/NotFoundPage'));

/** Routes that other parts of the app (sign-in, workspaces) add beside the public ones. */
export const extraRoutes: RouteObject[] = [...signedInRoutes];

export function appRoutes(): RouteObject[] {
  return [
    {
      element: <Layout />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'projects', element: <CataloguePage /> },
        { path: 'projects/:id', element: <ProjectPage /> },
        { path: 'stories', element: <StoriesPage /> },
        { path: 'statistics', element: <StatsPage /> },
        { path: 'verify', element: <VerifyPage /> },
        ...extraRoutes,
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

/** The main menu; labels are i18n keys. */
export const publicNav = [
  { path: '/', label: 'nav.home' },
  { path: '/projects', label: 'nav.projects' },
  { path: '/stories', label: 'nav.stories' },
  { path: '/statistics', label: 'nav.stats' },
  { path: '/verify', label: 'nav.verify' },
] as const;
