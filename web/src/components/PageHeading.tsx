import { Heading1 } from '@utrecht/component-library-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/**
 * Every page has exactly one h1 and a document title. After client-side navigation focus
 * moves to the new page's heading, so screen-reader and keyboard users know the page changed
 * (but not on the first load, whose location key is 'default': there focus stays at the top,
 * before the skip link).
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();

  useEffect(() => {
    document.title = `${title} | ${t('app.titleSuffix')}`;
  }, [title, t]);

  useEffect(() => {
    if (location.key === 'default') return;
    ref.current?.focus();
    // Only a new page moves focus; a new query string (the catalogue's filters) does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.pathname]);

  return (
    <Heading1 ref={ref} tabIndex={-1}>
      {children ?? title}
    </Heading1>
  );
}
