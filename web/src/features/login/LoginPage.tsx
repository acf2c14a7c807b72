import { Alert, Button, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { safeNext } from '../../auth/RequireAuth';
import { signIn, useSession } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';

const EMAIL = 'login-email';
const PASSWORD = 'login-password';

/**
 * Sign-in. After it the user goes back to the page that sent them here (`next`), or to
 * their start page. Wrong details are a field error linked from the summary; too many
 * attempts and other faults an alert.
 */
export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next')) ?? '/start';
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (session.status === 'signedIn' && !busy) return <Navigate to={next} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const found: FieldError[] = [];
    if (email === '') found.push({ field: EMAIL, message: t('login.emailRequired') });
    if (password === '') found.push({ field: PASSWORD, message: t('login.passwordRequired') });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await signIn(email, password);
      void navigate(next, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'AUTH.INVALID_CREDENTIALS')
        setErrors([{ field: PASSWORD, message: t('login.wrong') }]);
      else if (error instanceof ApiError && error.status === 400)
        setErrors([{ field: EMAIL, message: t('login.emailInvalid') }]);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const emailError = errors.find((e) => e.field === EMAIL)?.message;
  const passwordError = errors.find((e) => e.field === PASSWORD)?.message;
  const tooMany = failure instanceof ApiError && failure.status === 429;
  return (
    <>
      <PageHeading title={t('login.title')} />
      {params.get('expired') === '1' && (
        <Alert type="info">
          <Paragraph>{t('login.expired')}</Paragraph>
        </Alert>
      )}
      <Paragraph lead>{t('login.lead')}</Paragraph>
      <ErrorSummary errors={errors} />
      {tooMany ? (
        <Alert type="error" role="alert">
          <Paragraph>
            {t('login.tooMany', {
              count: Math.max(1, Math.ceil((failure.retryAfter ?? 900) / 60)),
            })}
          </Paragraph>
        </Alert>
      ) : (
        failure !== undefined && <ErrorMessage error={failure} />
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field id={EMAIL} label={t('login.email')} error={emailError}>
          <Textbox
            id={EMAIL}
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            invalid={Boolean(emailError)}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={describedBy(EMAIL, false, Boolean(emailError))}
          />
        </Field>
        <Field id={PASSWORD} label={t('login.password')} error={passwordError}>
          <Textbox
            id={PASSWORD}
            name="password"
            type="password"
            autoComplete="current-password"
            invalid={Boolean(passwordError)}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={describedBy(PASSWORD, false, Boolean(passwordError))}
          />
        </Field>
        <Paragraph>
          <AppLink to="/wachtwoord-vergeten">{t('login.forgot')}</AppLink>
        </Paragraph>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('login.submit')}
        </Button>
      </form>
      <Paragraph>{t('login.noAccount')}</Paragraph>
    </>
  );
}
