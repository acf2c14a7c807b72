import { Alert, Button, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../../api/client';
import { type Me, replaceAccessToken } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { NotificationPreferences } from './NotificationPreferences';
import {
  passwordProblem,
  PasswordStrength,
  serverPasswordProblem,
  usePasswordStrength,
} from '../../components/PasswordStrength';

const CURRENT = 'account-current-password';
const NEW = 'account-new-password';

/** "Mijn account": who you are here (names, never codes), your e-mail messages and changing your password. */
export default function AccountPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const strength = usePasswordStrength(next, [me.user.email, me.user.name, me.organisation.name]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    setChanged(false);
    const found: FieldError[] = [];
    if (current === '') found.push({ field: CURRENT, message: t('account.currentRequired') });
    const problem = passwordProblem(next, strength, t);
    if (problem) found.push({ field: NEW, message: problem });
    else if (next === current) found.push({ field: NEW, message: t('account.sameAsCurrent') });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const tokens = await call(() =>
        api.POST('/v1/me/password', { body: { currentPassword: current, newPassword: next } }),
      );
      replaceAccessToken(tokens.accessToken, tokens.expiresIn);
      setCurrent('');
      setNext('');
      setChanged(true);
    } catch (error) {
      const newProblem = serverPasswordProblem(error, t);
      if (error instanceof ApiError && error.code === 'AUTH.CURRENT_PASSWORD_INCORRECT')
        setErrors([{ field: CURRENT, message: t('account.currentWrong') }]);
      else if (newProblem) setErrors([{ field: NEW, message: newProblem }]);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const currentError = errors.find((e) => e.field === CURRENT)?.message;
  const newError = errors.find((e) => e.field === NEW)?.message;
  return (
    <>
      <PageHeading title={t('account.title')} />
      <dl className="ib-facts">
        <dt>{t('account.name')}</dt>
        <dd>{me.user.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{me.user.email}</dd>
        <dt>{t('account.organisation')}</dt>
        <dd>
          {me.organisation.name} ({t(`organisationKinds.${me.organisation.kind}`)})
        </dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`roles.${me.user.role}`)}</dd>
      </dl>
      {me.organisation.kind !== 'initiative' && (
        <Paragraph>
          <AppLink to="/webhooks">{t('webhooks.accountLink')}</AppLink>
        </Paragraph>
      )}

      <NotificationPreferences />

      <section aria-labelledby="change-password">
        <Heading2 id="change-password">{t('account.changePassword')}</Heading2>
        <Paragraph>{t('account.changePasswordLead')}</Paragraph>
        {changed && (
          <Alert type="ok" role="status">
            <Paragraph>{t('account.changed')}</Paragraph>
          </Alert>
        )}
        <ErrorSummary errors={errors} />
        {failure !== undefined && <ErrorMessage error={failure} />}
        <form onSubmit={(event) => void submit(event)} noValidate>
          <input type="hidden" name="username" autoComplete="username" value={me.user.email} />
          <Field id={CURRENT} label={t('account.currentPassword')} error={currentError}>
            <Textbox
              id={CURRENT}
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
              invalid={Boolean(currentError)}
              aria-invalid={currentError ? true : undefined}
              aria-describedby={describedBy(CURRENT, false, Boolean(currentError))}
            />
          </Field>
          <Field
            id={NEW}
            label={t('password.new')}
            hint={t('password.rules', { count: 12 })}
            error={newError}
          >
            <Textbox
              id={NEW}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              value={next}
              onChange={(event) => setNext(event.target.value)}
              invalid={Boolean(newError)}
              aria-invalid={newError ? true : undefined}
              aria-describedby={`${describedBy(NEW, true, Boolean(newError)) ?? ''} ${NEW}-strength`.trim()}
            />
            <PasswordStrength id={`${NEW}-strength`} strength={strength} length={next.length} />
          </Field>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {t('account.changeSubmit')}
          </Button>
        </form>
      </section>
    </>
  );
}
