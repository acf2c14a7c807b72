import '@utrecht/component-library-css';
import '@utrecht/design-tokens/dist/index.css';
import './app/theme.css';
import './app/layout.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { appRoutes } from './app/routes';
import { restoreSession } from './auth/session';
import { messagesReady } from './i18n';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again; network and 5xx may.
      retry: (failureCount, error) =>
        failureCount < 2 &&
        !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

const router = createBrowserRouter(appRoutes());

// A reload keeps the user signed in: the refresh cookie gives a new access token.
void restoreSession();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// Not before the texts are there: for an English visitor, en.json comes as its own chunk.
void messagesReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
