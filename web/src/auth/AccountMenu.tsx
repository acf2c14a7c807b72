import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AppNavLink } from '../components/AppLink';
import { signOut, useSession } from './session';

/** In the header: "Inloggen" when signed out; start page, Mijn account and sign-out when in. */
export function AccountMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  if (session.status !== 'signedIn')
    return (
      <nav className="ib-account" aria-label={t('account.menu')}>
        <ul>
          <li>
            <AppNavLink to="/login">{t('account.loginLink')}</AppNavLink>
          </li>
        </ul>
      </nav>
    );
  return (
    <nav className="ib-account" aria-label={t('account.menu')}>
      <ul>
        <li>
          <AppNavLink to="/start">{t('account.startLink')}</AppNavLink>
        </li>
        {session.me.organisation.kind === 'initiative' && (
          <li>
            <AppNavLink to="/plans">{t('account.plansLink')}</AppNavLink>
          </li>
        )}
        <li>
          <AppNavLink to="/account">{t('account.link')}</AppNavLink>
        </li>
        <li>
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle"
            onClick={() => {
              void signOut().then(() => navigate('/login?signedOut=1', { replace: true }));
            }}
          >
            {t('account.signOut')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
