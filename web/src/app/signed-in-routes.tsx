import { lazy } from 'react';
import type { RouteObject } from 'react-router';

/**
 * Sign-in, the invitation page (the path the API's `acceptUrl` already uses), and the pages
 * behind sign-in. Paths are English like the public ones.
 */
const LoginPage = lazy(() => import('../features/login/LoginPage'));

export const signedInRoutes: RouteObject[] = [
  { path: 'login', element: <LoginPage /> },
];
