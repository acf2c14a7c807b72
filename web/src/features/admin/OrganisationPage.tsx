import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { components } from '../../../../openapi/api.d.ts';
import { api, ApiError, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage, useErrorText } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { isAdmin, type Organisation, type User } from './admin-ui';

type Role = components['schemas']['UserRole'];
type Created = components['schemas']['CreatedInvitation'];

/** Which roles an organisation of each kind has (the API refuses any other). */
const ROLES: Record<Organisation['kind'], Role[]> = {
  platform: ['admin', 'reviewer'],
  initiative: ['member'],
  supplier: ['member'],
  authority: ['coordinator', 'viewer'],
};

/** One organisation: its details, its people and invitations; disable or enable it or them. */
export default function OrganisationPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const org = useQuery({
    queryKey: [me.user.id, 'organisation', id],
    enabled: isAdmin(me),
    queryFn: () => call(() => api.GET('/v1/organisations/{id}', { params: { path: { id } } })),
  });
  if (!isAdmin(me))
    return (
      <>
        <PageHeading title={t('adminOrgs.title')} />
        <Paragraph>{t('admin.onlyAdmins')}</Paragraph>
      </>
    );
  if (!org.data)
    return (
      <>
        <PageHeading title={t('adminOrgs.title')} />
        <QueryState query={org} />
      </>
    );
  return (
    <>
      <PageHeading title={org.data.name} />
      {params.get('registered') === '1' && (
        <Alert type="ok" role="status">
          <Paragraph>{t('adminOrgs.registered')}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        <AppLink to="/organisations">{t('adminOrgs.back')}</AppLink> ·{' '}
        <AppLink to={`/audit?subjectType=organisation&subjectId=${org.data.id}`}>
          {t('admin.history')}
        </AppLink>
      </Paragraph>
      <Details org={org.data} me={me} />
      <Users org={org.data} me={me} />
      <Invitations org={org.data} me={me} />
    </>
  );
}

function Details({ org, me }: { org: Organisation; me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const rows: [string, string][] = [
    [t('adminOrgs.kind'), t(`organisationKinds.${org.kind}`)],
    [t('adminOrgs.kvk'), org.kvkNumber ?? '—'],
    [t('adminOrgs.vat'), org.vatNumber ?? '—'],
    [t('adminOrgs.fields.email'), org.contactEmail ?? '—'],
    [
      t('adminOrgs.address'),
      org.address ? `${org.address.street}, ${org.address.postalCode} ${org.address.city}` : '—',
    ],
    [t('adminOrgs.status'), t(`adminOrgs.orgStatus.${org.status}`)],
    [t('adminOrgs.since'), formatDate(org.createdAt, lang)],
  ];
  const path = { params: { path: { id: org.id } }, body: {} };
  return (
    <section aria-labelledby="org-details">
      <Heading2 id="org-details">{t('adminOrgs.details')}</Heading2>
      <dl className="ib-facts">
        {rows.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd data-testid={term === t('adminOrgs.status') ? 'org-status' : undefined}>{value}</dd>
          </Fragment>
        ))}
      </dl>
      {org.id !== me.organisation.id && org.status !== 'pending' && (
        <Confirm
          id="org-toggle"
          action={org.status === 'active' ? t('adminOrgs.disableOrg') : t('adminOrgs.enableOrg')}
          question={t(
            org.status === 'active'
              ? 'adminOrgs.disableOrgQuestion'
              : 'adminOrgs.enableOrgQuestion',
            { name: org.name },
          )}
          onConfirm={async () => {
            await (org.status === 'active'
              ? call(() => api.POST('/v1/organisations/{id}/disable', path))
              : call(() => api.POST('/v1/organisations/{id}/enable', path)));
            await queryClient.invalidateQueries();
          }}
        />
      )}
    </section>
  );
}

/**
 * A step that is hard to undo asks first: the button opens a question with "yes" and "no";
 * focus moves to the question, and back to the button after "no".
 */
function Confirm({
  id,
  action,
  question,
  onConfirm,
}: {
  id: string;
  action: string;
  question: string;
  onConfirm: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const questionRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Closing the question (yes or no) puts focus back on the button, which now says what
  // can be done next ("weer aanzetten" after "uitzetten").
  const [closedByUser, setClosedByUser] = useState(false);
  useEffect(() => {
    if (open) questionRef.current?.focus();
    else if (closedByUser) buttonRef.current?.focus();
  }, [open, closedByUser]);
  const close = () => {
    setClosedByUser(true);
    setOpen(false);
  };
  if (!open)
    return (
      <>
        <Button
          ref={buttonRef}
          appearance="secondary-action-button"
          onClick={() => {
            setFailure(undefined);
            setClosedByUser(false);
            setOpen(true);
          }}
        >
          {action}
        </Button>
        {failure !== undefined && <ErrorMessage error={failure} />}
      </>
    );
  return (
    <div
      className="ib-admin-confirm"
      role="group"
      aria-labelledby={`${id}-question`}
      tabIndex={-1}
      ref={questionRef}
    >
      <Paragraph id={`${id}-question`}>
        <strong>{question}</strong>
      </Paragraph>
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          busy={busy}
          onClick={() => {
            setBusy(true);
            onConfirm()
              .then(close)
              .catch((error: unknown) => {
                setFailure(error);
                close();
              })
              .finally(() => setBusy(false));
          }}
        >
          {t('adminOrgs.yes', { action })}
        </Button>
        <Button appearance="secondary-action-button" onClick={close}>
          {t('adminOrgs.no')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

function Users({ org, me }: { org: Organisation; me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: [me.user.id, 'organisation-users', org.id],
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/organisations/{id}/users', { params: { path: { id: org.id } } }),
        )
      ).items,
  });
  const toggle = async (user: User) => {
    const path = { params: { path: { id: user.id } }, body: {} };
    await (user.status === 'active'
      ? call(() => api.POST('/v1/users/{id}/disable', path))
      : call(() => api.POST('/v1/users/{id}/enable', path)));
    await queryClient.invalidateQueries();
  };
  return (
    <section aria-labelledby="org-users">
      <Heading2 id="org-users">{t('adminOrgs.users')}</Heading2>
      <QueryState query={users} />
      {users.data?.length === 0 && <Paragraph>{t('adminOrgs.noUsers')}</Paragraph>}
      {users.data && users.data.length > 0 && (
        <ScrollTable label={t('adminOrgs.usersTable')}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('adminOrgs.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('adminOrgs.fields.email')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('adminOrgs.role')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('adminOrgs.lastLogin')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('adminOrgs.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('adminOrgs.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.data.map((user) => (
                <TableRow key={user.id}>
                  <TableHeaderCell scope="row">{user.name}</TableHeaderCell>
                  <TableCell>{user.email}</TableCell>
                  <TableCell>{t(`roles.${user.role}`)}</TableCell>
                  <TableCell>
                    {user.lastLoginAt
                      ? formatDateTime(user.lastLoginAt, lang)
                      : t('adminOrgs.never')}
                  </TableCell>
                  <TableCell data-testid={`user-status-${user.email}`}>
                    {t(`adminOrgs.userStatus.${user.status}`)}
                  </TableCell>
                  <TableCell>
                    {user.id === me.user.id ? (
                      t('adminOrgs.yourself')
                    ) : (
                      <Confirm
                        id={`user-${user.id}`}
                        action={t(
                          user.status === 'active'
                            ? 'adminOrgs.disableUser'
                            : 'adminOrgs.enableUser',
                          { name: user.name },
                        )}
                        question={t(
                          user.status === 'active'
                            ? 'adminOrgs.disableUserQuestion'
                            : 'adminOrgs.enableUserQuestion',
                          { name: user.name },
                        )}
                        onConfirm={() => toggle(user)}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}

function Invitations({ org, me }: { org: Organisation; me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const roles = ROLES[org.kind];
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles[0]!);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created>();
  const createdRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);
  const invitations = useQuery({
    queryKey: [me.user.id, 'organisation-invitations', org.id],
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/organisations/{id}/invitations', { params: { path: { id: org.id } } }),
        )
      ).items,
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    setCreated(undefined);
    const value = email.trim();
    const found: FieldError[] = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
      ? []
      : [{ field: 'invite-email', message: t('adminOrgs.errors.email') }];
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const result = await call(() =>
        api.POST('/v1/organisations/{id}/invitations', {
          params: { path: { id: org.id } },
          body: { email: value, role },
        }),
      );
      setCreated(result);
      setEmail('');
      await queryClient.invalidateQueries();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'USER.EMAIL_TAKEN')
        setErrors([{ field: 'invite-email', message: errorText(error) }]);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const emailError = errors[0]?.message;
  return (
    <section aria-labelledby="org-invitations">
      <Heading2 id="org-invitations">{t('adminOrgs.invitations')}</Heading2>
      <QueryState query={invitations} />
      {invitations.data?.length === 0 && <Paragraph>{t('adminOrgs.noInvitations')}</Paragraph>}
      {invitations.data && invitations.data.length > 0 && (
        <ul className="ib-list">
          {invitations.data.map((inv) => (
            <li key={inv.id}>
              {inv.email} · {t(`roles.${inv.role}`)} ·{' '}
              {t(`adminOrgs.invitationStatus.${inv.status}`)} ·{' '}
              {t('adminOrgs.invitedOn', { date: formatDate(inv.createdAt, lang) })}
            </li>
          ))}
        </ul>
      )}
      {created && (
        <Alert type="ok">
          <div ref={createdRef} tabIndex={-1} data-testid="invitation-created">
            <Paragraph>
              <strong>{t('adminOrgs.invited', { email: created.invitation.email })}</strong>
            </Paragraph>
            <Paragraph>{t('adminOrgs.linkOnce')}</Paragraph>
            <Paragraph>
              <code className="ib-admin-link" data-testid="invitation-link">
                {created.acceptUrl}
              </code>
            </Paragraph>
            <Paragraph>
              {t('adminOrgs.linkValid', {
                date: formatDateTime(created.invitation.expiresAt, lang),
              })}
            </Paragraph>
          </div>
        </Alert>
      )}
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      <form
        className="ib-admin-form"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label={t('adminOrgs.invite')}
      >
        <Field id="invite-email" label={t('adminOrgs.inviteEmail')} error={emailError}>
          <Textbox
            id="invite-email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            invalid={Boolean(emailError)}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={describedBy('invite-email', false, Boolean(emailError))}
          />
        </Field>
        <Field id="invite-role" label={t('adminOrgs.role')}>
          <Select
            id="invite-role"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            {roles.map((r) => (
              <SelectOption key={r} value={r}>
                {t(`roles.${r}`)}
              </SelectOption>
            ))}
          </Select>
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('adminOrgs.invite')}
        </Button>
      </form>
    </section>
  );
}
