import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** The human message for an API problem code, in the user's language. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const key = `errors.codes.${error.code}`;
      if (i18n.exists(key)) return t(key);
      if (error.status >= 500) return t('errors.server');
    }
    return t('errors.fallback');
  };
}

/**
 * An error as an alert: a plain-language message from the catalogue, and for a server fault
 * the request id, so the helpdesk can find it in the logs.
 */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText()(error);
  const requestId =
    error instanceof ApiError && (error.status >= 500 || error.status === 0)
      ? error.requestId
      : undefined;
  return (
    <Alert type="error" role="alert">
      <Paragraph>{text}</Paragraph>
      {requestId && <Paragraph>{t('errors.requestId', { id: requestId })}</Paragraph>}
      {onRetry && (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}
