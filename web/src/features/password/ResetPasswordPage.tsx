import { Alert, Button, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import {
  passwordProblem,
  PasswordStrength,
  serverPasswordProblem,
  usePasswordStrength,
} from '../../components/PasswordStrength';

const PASSWORD = 'reset-password';

/** The token from `#token=…`: in the fragment, so it never reaches a server log. */
function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

const DEAD_LINKS = ['AUTH.RESET_TOKEN_INVALID', 'AUTH.RESET_TOKEN_EXPIRED'];

/**
 * The page the reset e-mail's link opens: a new password, with strength feedback. Setting
 * it signs the account out everywhere; the person then signs in with the new password.
 */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = tokenFromHash(useLocation().hash);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const strength = usePasswordStrength(password, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const problem = passwordProblem(password, strength, t);
    const found: FieldError[] = problem ? [{ field: PASSWORD, message: problem }] : [];
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      // 204 has no body, which call() would take for a missing answer: check the status.
      const result = await api
        .POST('/v1/auth/password-reset/confirm', { body: { token, password } })
        .catch(() => {
          throw new ApiError(0, 'NETWORK.UNAVAILABLE', undefined, undefined);
        });
      if (!result.response.ok) unwrap(result);
      setDone(true);
      setTimeout(() => doneRef.current?.focus(), 0);
    } catch (error) {
      const fieldProblem = serverPasswordProblem(error, t);
      if (fieldProblem) setErrors([{ field: PASSWORD, message: fieldProblem }]);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  if (done)
    return (
      <>
        <PageHeading title={t('reset.doneTitle')} />
        <div ref={doneRef} tabIndex={-1}>
          <Alert type="ok" role="status">
            <Paragraph>{t('reset.done')}</Paragraph>
          </Alert>
        </div>
        <Paragraph>
          <AppLink to="/login">{t('account.loginLink')}</AppLink>
        </Paragraph>
      </>
    );

  const deadCode =
    token === ''
      ? 'AUTH.RESET_TOKEN_INVALID'
      : failure instanceof ApiError && DEAD_LINKS.includes(failure.code)
        ? failure.code
        : undefined;
  if (deadCode)
    return (
      <>
        <PageHeading title={t('reset.deadTitle')} />
        <Alert type="warning">
          <Paragraph>{t(`reset.dead.${deadCode}`)}</Paragraph>
        </Alert>
        <Paragraph>
          <AppLink to="/wachtwoord-vergeten">{t('reset.askAgain')}</AppLink>
        </Paragraph>
      </>
    );

  const passwordError = errors.find((e) => e.field === PASSWORD)?.message;
  return (
    <>
      <PageHeading title={t('reset.title')} />
      <Paragraph lead>{t('reset.lead')}</Paragraph>
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          id={PASSWORD}
          label={t('password.new')}
          hint={t('password.rules', { count: 12 })}
          error={passwordError}
        >
          <Textbox
            id={PASSWORD}
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            invalid={Boolean(passwordError)}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={`${describedBy(PASSWORD, true, Boolean(passwordError)) ?? ''} ${PASSWORD}-strength`.trim()}
          />
          <PasswordStrength
            id={`${PASSWORD}-strength`}
            strength={strength}
            length={password.length}
          />
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('reset.submit')}
        </Button>
      </form>
    </>
  );
}
