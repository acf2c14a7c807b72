import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { Layout } from './Layout';
import { lazyPage } from './lazy-page';
import { signedInRoutes } from './signed-in-routes';

/**
 * The route table. Each page is its own lazily loaded chunk, so a visitor downloads only the
 * pages they open; `lazyPage` loads the messages of the features a page shows with it. To add
 * a page: create features/<journey>/<Name>Page.tsx with a default export, add a route here
 * (and to `publicNav` if it belongs in the main menu).
 */
const HomePage = lazyPage(() => import('../features/home/HomePage'), ['home']);
const CataloguePage = lazyPage(() => import('../features/catalogue/CataloguePage'), ['project']);
const ProjectPage = lazyPage(() => import('../features/project/ProjectPage'), ['project']);
const StoriesPage = lazy(() => import('../features/stories/StoriesPage'));
const StatsPage = lazyPage(() => import('../features/stats/StatsPage'), ['home']);
const VerifyPage = lazy(() => import('../features/verify/VerifyPage'));
const NotFoundPage = lazyPage(() => import('../features/not-found/NotFoundPage'), ['not-found']);

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
