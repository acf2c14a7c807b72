import { Alert, Button, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api, ApiError, call } from '../../api/client';
import { signInAfterInvitation } from '../../auth/session';
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
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../lib/format';

const NAME = 'invite-name';
const PASSWORD = 'invite-password';

/** The token from `#token=…`: in the fragment, so it never reaches a server log. */
function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

/** Invitation problems that mean "this link no longer works", with what to do instead. */
const DEAD_LINKS = [
  'INVITATION.NOT_FOUND',
  'INVITATION.EXPIRED',
  'INVITATION.ALREADY_USED',
  'ORGANISATION.DISABLED',
];

/**
 * The page an invitation link opens: what is being joined (organisation, role, e-mail), a
 * name and a password with strength feedback; accepting signs the new user in.
 */
export default function InvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const token = tokenFromHash(useLocation().hash);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const preview = useQuery({
    queryKey: ['invitation', token],
    enabled: token !== '',
    retry: false,
    queryFn: () => call(() => api.POST('/v1/invitations/preview', { body: { token } })),
  });
  const email = preview.data?.email ?? '';
  const strength = usePasswordStrength(password, [email, ...email.split(/[@.]/), name]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const found: FieldError[] = [];
    if (name.trim() === '') found.push({ field: NAME, message: t('invitation.nameRequired') });
    const problem = passwordProblem(password, strength, t);
    if (problem) found.push({ field: PASSWORD, message: problem });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await call(() =>
        api.POST('/v1/invitations/accept', {
          params: { header: { 'x-impactbeurs-client': 'web' } },
          body: { token, name: name.trim(), password, language: currentLanguage() },
        }),
      );
      await signInAfterInvitation();
      void navigate('/start?welcome=1', { replace: true });
    } catch (error) {
      const problem = serverPasswordProblem(error, t);
      if (problem) setErrors([{ field: PASSWORD, message: problem }]);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const deadCode =
    token === ''
      ? 'INVITATION.NOT_FOUND'
      : [preview.error, failure].find(
          (e): e is ApiError => e instanceof ApiError && DEAD_LINKS.includes(e.code),
        )?.code;
  if (deadCode)
    return (
      <>
        <PageHeading title={t('invitation.deadTitle')} />
        <Alert type="warning">
          <Paragraph>{t(`invitation.dead.${deadCode}`)}</Paragraph>
        </Alert>
        <Paragraph>{t('invitation.deadWhat')}</Paragraph>
      </>
    );

  const nameError = errors.find((e) => e.field === NAME)?.message;
  const passwordError = errors.find((e) => e.field === PASSWORD)?.message;
  return (
    <>
      <PageHeading title={t('invitation.title')} />
      {preview.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {preview.error && (
        <ErrorMessage error={preview.error} onRetry={() => void preview.refetch()} />
      )}
      {preview.data && (
        <>
          <Paragraph lead>
            {t('invitation.lead', {
              organisation: preview.data.organisation.name,
              role: t(`roles.${preview.data.role}`),
            })}
          </Paragraph>
          <dl className="ib-facts">
            <dt>{t('account.organisation')}</dt>
            <dd>{preview.data.organisation.name}</dd>
            <dt>{t('account.role')}</dt>
            <dd>{t(`roles.${preview.data.role}`)}</dd>
            <dt>{t('account.email')}</dt>
            <dd>{preview.data.email}</dd>
            <dt>{t('invitation.expires')}</dt>
            <dd>{formatDate(preview.data.expiresAt, currentLanguage())}</dd>
          </dl>
          <Heading2>{t('invitation.formTitle')}</Heading2>
          <ErrorSummary errors={errors} />
          {failure !== undefined && <ErrorMessage error={failure} />}
          <form onSubmit={(event) => void submit(event)} noValidate>
            {/* For password managers: the account this password belongs to. */}
            <input type="hidden" name="username" autoComplete="username" value={email} />
            <Field
              id={NAME}
              label={t('invitation.name')}
              hint={t('invitation.nameHint')}
              error={nameError}
            >
              <Textbox
                id={NAME}
                name="name"
                autoComplete="name"
                value={name}
                onChange={(event) => setName(event.target.value)}
                invalid={Boolean(nameError)}
                aria-invalid={nameError ? true : undefined}
                aria-describedby={describedBy(NAME, true, Boolean(nameError))}
              />
            </Field>
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
              {t('invitation.submit')}
            </Button>
          </form>
        </>
      )}
    </>
  );
}
