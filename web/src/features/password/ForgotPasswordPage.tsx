import { Alert, Button, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';

const EMAIL = 'forgot-email';

/**
 * "Wachtwoord vergeten?": asks for a reset e-mail. The answer is the same whether or not the
 * address has an account, so the page says what happens if it has one.
 */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string>();
  const done = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    const found: FieldError[] =
      email === ''
        ? [{ field: EMAIL, message: t('login.emailRequired') }]
        : !/^[^\s@]+@[^\s@]+$/.test(email)
          ? [{ field: EMAIL, message: t('login.emailInvalid') }]
          : [];
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await call(() => api.POST('/v1/auth/password-reset', { body: { email } }));
      setSentTo(email);
      setTimeout(() => done.current?.focus(), 0);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400)
        setErrors([{ field: EMAIL, message: t('login.emailInvalid') }]);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const emailError = errors.find((e) => e.field === EMAIL)?.message;
  const tooMany = failure instanceof ApiError && failure.status === 429;
  if (sentTo)
    return (
      <>
        <PageHeading title={t('forgot.sentTitle')} />
        <div ref={done} tabIndex={-1}>
          <Alert type="ok" role="status">
            <Paragraph>{t('forgot.sent', { email: sentTo })}</Paragraph>
          </Alert>
        </div>
        <Paragraph>{t('forgot.notReceived')}</Paragraph>
        <Paragraph>
          <AppLink to="/login">{t('forgot.backToLogin')}</AppLink>
        </Paragraph>
      </>
    );
  return (
    <>
      <PageHeading title={t('forgot.title')} />
      <Paragraph lead>{t('forgot.lead')}</Paragraph>
      <ErrorSummary errors={errors} />
      {tooMany ? (
        <Alert type="error" role="alert">
          <Paragraph>{t('forgot.tooMany')}</Paragraph>
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
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('forgot.submit')}
        </Button>
      </form>
      <Paragraph>
        <AppLink to="/login">{t('forgot.backToLogin')}</AppLink>
      </Paragraph>
    </>
  );
}
