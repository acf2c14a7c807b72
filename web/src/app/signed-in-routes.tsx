import type { RouteObject } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth';
import { adminRoutes } from '../features/admin/routes';
import { authorityRoutes } from '../features/authority/routes';
import { supplierRoutes } from '../features/supplier/routes';
import { lazyPage } from './lazy-page';

/**
 * Sign-in, the invitation page (the path the API's `acceptUrl` already uses), and the pages
 * behind sign-in. Paths are English like the public ones.
 */
const LoginPage = lazyPage(() => import('../features/login/LoginPage'), ['login']);
const InvitationPage = lazyPage(
  () => import('../features/invitation/InvitationPage'),
  ['invitation', 'password'],
);
const AccountPage = lazyPage(
  () => import('../features/account/AccountPage'),
  ['account', 'password', 'webhooks'],
);
const StartPage = lazyPage(
  () => import('../features/start/StartPage'),
  ['start', 'plans', 'review', 'supplier', 'authority', 'admin'],
);
const ForgotPasswordPage = lazyPage(
  () => import('../features/password/ForgotPasswordPage'),
  ['password', 'login'],
);
const ResetPasswordPage = lazyPage(
  () => import('../features/password/ResetPasswordPage'),
  ['password'],
);
const WebhooksPage = lazyPage(
  () => import('../features/webhooks/WebhooksPage'),
  ['webhooks', 'project'],
);
const PlansPage = lazyPage(() => import('../features/plans/PlansPage'), ['plans']);
const PlanPage = lazyPage(() => import('../features/plans/PlanPage'), ['plans']);
const PlanFormPage = lazyPage(() => import('../features/plans/PlanFormPage'), ['plans']);
const OutcomeReportPage = lazyPage(() => import('../features/plans/OutcomeReportPage'), ['plans']);
const ReviewInboxPage = lazyPage(() => import('../features/review/ReviewInboxPage'), ['review']);
const ReviewAssignmentPage = lazyPage(
  () => import('../features/review/ReviewAssignmentPage'),
  ['review'],
);
const PlanQueuePage = lazyPage(() => import('../features/review/PlanQueuePage'), ['review']);
const PlanPanelPage = lazyPage(
  () => import('../features/review/PlanPanelPage'),
  ['review', 'admin'],
);

export const signedInRoutes: RouteObject[] = [
  { path: 'login', element: <LoginPage /> },
  { path: 'invitations/accept', element: <InvitationPage /> },
  // The paths of the password-reset e-mail's journey are Dutch: people read them in the link.
  { path: 'wachtwoord-vergeten', element: <ForgotPasswordPage /> },
  { path: 'wachtwoord-herstellen', element: <ResetPasswordPage /> },
  { path: 'account', element: <RequireAuth>{(me) => <AccountPage me={me} />}</RequireAuth> },
  { path: 'start', element: <RequireAuth>{(me) => <StartPage me={me} />}</RequireAuth> },
  {
    path: 'webhooks',
    element: <RequireAuth>{(me) => <WebhooksPage me={me} />}</RequireAuth>,
  },
  // The initiative's plans: the form in steps, a plan's page, its outcome reports.
  { path: 'plans', element: <RequireAuth>{(me) => <PlansPage me={me} />}</RequireAuth> },
  { path: 'plans/new', element: <RequireAuth>{(me) => <PlanFormPage me={me} />}</RequireAuth> },
  { path: 'plans/:id', element: <RequireAuth>{(me) => <PlanPage me={me} />}</RequireAuth> },
  {
    path: 'plans/:id/edit/:step',
    element: <RequireAuth>{(me) => <PlanFormPage me={me} />}</RequireAuth>,
  },
  {
    path: 'plans/:id/reports/new',
    element: <RequireAuth>{(me) => <OutcomeReportPage me={me} />}</RequireAuth>,
  },
  {
    path: 'plans/:id/reports/:reportId',
    element: <RequireAuth>{(me) => <OutcomeReportPage me={me} />}</RequireAuth>,
  },
  // Expert review: the reviewer's inbox and one assignment; the platform team's plan queue.
  { path: 'reviews', element: <RequireAuth>{(me) => <ReviewInboxPage me={me} />}</RequireAuth> },
  {
    path: 'reviews/:id',
    element: <RequireAuth>{(me) => <ReviewAssignmentPage me={me} />}</RequireAuth>,
  },
  { path: 'plan-queue', element: <RequireAuth>{(me) => <PlanQueuePage me={me} />}</RequireAuth> },
  {
    path: 'plan-queue/:id',
    element: <RequireAuth>{(me) => <PlanPanelPage me={me} />}</RequireAuth>,
  },
  // Each role's pages keep their own route list beside them.
  ...supplierRoutes,
  ...authorityRoutes,
  ...adminRoutes,
];
