import { Paragraph, SkipLink } from '@utrecht/component-library-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { api, call } from '../api/client';
import { AccountMenu } from '../auth/AccountMenu';
import { getSession } from '../auth/session';
import { AppNavLink } from '../components/AppLink';
import { currentLanguage, setLanguage } from '../i18n';
import { publicNav } from './routes';

/** Skip link, header with the main menu and the language switch, main, footer. */
export function Layout() {
  const { t } = useTranslation();
  const other = currentLanguage() === 'nl' ? 'en' : 'nl';
  return (
    <div className="utrecht-document utrecht-document--surface">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <header className="utrecht-page-header ib-header">
        <div className="utrecht-page ib-header__bar">
          <AppNavLink to="/" className="ib-logo" end>
            {t('app.name')}
          </AppNavLink>
          <nav className="ib-nav" aria-label={t('app.mainNav')}>
            <ul>
              {publicNav.map((item) => (
                <li key={item.path}>
                  <AppNavLink to={item.path} end={item.path === '/'}>
                    {t(item.label)}
                  </AppNavLink>
                </li>
              ))}
            </ul>
          </nav>
          <AccountMenu />
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle"
            lang={other}
            aria-label={t('app.switchToLabel')}
            onClick={() => {
              setLanguage(other);
              // Signed in, the choice is the user's: their e-mails follow it.
              if (getSession().status === 'signedIn')
                void call(() => api.PATCH('/v1/me', { body: { language: other } })).catch(
                  () => undefined,
                );
            }}
          >
            {t('app.switchTo')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="utrecht-page">
        <div className="utrecht-page-content">
          <Suspense fallback={<Paragraph>{t('app.loading')}</Paragraph>}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <footer className="utrecht-page-footer ib-footer">
        <div className="utrecht-page">
          <Paragraph>{t('app.footer')}</Paragraph>
          <Paragraph>
            <a className="utrecht-link" href="/docs">
              {t('app.apiDocs')}
            </a>
          </Paragraph>
        </div>
      </footer>
    </div>
  );
}
