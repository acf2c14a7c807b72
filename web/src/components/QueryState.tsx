import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';

/** What QueryState needs of a query (TanStack Query's result has it). */
export interface QueryLike {
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** Several queries as one: pending while any is, failed when any failed, retried together. */
export function combineQueries(...queries: QueryLike[]): QueryLike {
  return {
    isPending: queries.some((q) => q.isPending),
    error: queries.find((q) => q.error)?.error ?? null,
    refetch: () => Promise.all(queries.map((q) => q.refetch())),
  };
}

/**
 * The loading line or the error (with a retry button) of a query, or nothing once its data
 * is there: the scaffolding every page around a query repeats. Render the data beside it.
 */
export function QueryState({ query }: { query: QueryLike }) {
  const { t } = useTranslation();
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Paragraph>{t('app.loading')}</Paragraph>;
  return null;
}
