import { Alert, Heading2 } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * The form's errors at the top, each a link to its field (GOV.UK pattern). It takes focus
 * when it appears, so screen readers announce it and keyboard users start there.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <Alert type="error" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <Heading2 id="error-summary-title">{t('verify.errorSummary')}</Heading2>
      <ul className="utrecht-unordered-list">
        {errors.map((error) => (
          <li key={error.field} className="utrecht-unordered-list__item">
            <a
              className="utrecht-link"
              href={`#${error.field}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(error.field)?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
