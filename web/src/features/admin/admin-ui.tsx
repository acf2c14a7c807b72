import { Alert, Button, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../../openapi/api.d.ts';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { type QueryLike, QueryState } from '../../components/QueryState';
import './admin.css';

export type User = components['schemas']['User'];
export type Organisation = components['schemas']['Organisation'];

export function isAdmin(me: Me): boolean {
  return me.organisation.kind === 'platform' && me.user.role === 'admin';
}

/** The page's heading, and for anyone but a platform admin only a sentence saying so. */
export function AdminPage({
  me,
  title,
  lead,
  children,
}: {
  me: Me;
  title: string;
  lead?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={title} />
      {isAdmin(me) ? (
        <>
          {lead && <Paragraph lead>{lead}</Paragraph>}
          {children}
        </>
      ) : (
        <Paragraph>{t('admin.onlyAdmins')}</Paragraph>
      )}
    </>
  );
}

/** A section with its heading and a count, its loading state and its error. */
export function CountedSection({
  id,
  title,
  count,
  query,
  children,
}: {
  id: string;
  title: string;
  count: number | undefined;
  query: QueryLike;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="ib-admin-section">
      <Heading2 id={id}>
        {title}
        {count !== undefined && <span className="ib-admin-count"> ({count})</span>}
      </Heading2>
      <QueryState query={query} />
      {!query.isPending && !query.error && count === 0 ? (
        <Paragraph>{t('admin.empty')}</Paragraph>
      ) : null}
      {children}
    </section>
  );
}

/**
 * One action on one item: an optional text (a note, a reason, a bank reference) and a button.
 * The API's refusal is shown beside it; on success the queries of the page are refreshed.
 */
export function ActionForm({
  label,
  hint,
  button,
  textLabel,
  initial = '',
  required = true,
  appearance = 'secondary-action-button',
  onSubmit,
  testId,
}: {
  label?: string;
  hint?: string;
  button: string;
  textLabel?: string;
  initial?: string;
  required?: boolean;
  appearance?: 'primary-action-button' | 'secondary-action-button';
  onSubmit: (text: string) => Promise<unknown>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [text, setText] = useState(initial);
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const value = text.trim();
    if (textLabel && required && value === '') {
      setMissing(true);
      document.getElementById(id)?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      await onSubmit(value);
      setText('');
      await queryClient.invalidateQueries();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const error = missing ? t('admin.required', { field: textLabel }) : undefined;
  return (
    <form
      className="ib-admin-action"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={label ?? button}
      data-testid={testId}
    >
      {textLabel && (
        <Field id={id} label={textLabel} hint={hint} error={error}>
          <Textbox
            id={id}
            value={text}
            maxLength={1000}
            onChange={(event) => setText(event.target.value)}
            invalid={Boolean(error)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
          />
        </Field>
      )}
      <Button type="submit" appearance={appearance} busy={busy} disabled={busy}>
        {button}
      </Button>
      {failure !== undefined && (
        <div className="ib-admin-refusal">
          <ErrorMessage error={failure} />
        </div>
      )}
    </form>
  );
}

/** A warning that says why this admin may not take this step (the API refuses it too). */
export function RuleNotice({ children }: { children: ReactNode }) {
  return (
    <Alert type="warning">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

/** Names of the platform team (admins), to show who approved what. */
export function usePlatformNames(me: Me) {
  const users = useQuery({
    queryKey: [me.user.id, 'platform-users'],
    enabled: isAdmin(me),
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/organisations/{id}/users', { params: { path: { id: me.organisation.id } } }),
        )
      ).items,
  });
  const { t } = useTranslation();
  return (id: string | null | undefined): string => {
    if (!id) return t('admin.someone');
    if (id === me.user.id) return t('admin.you', { name: me.user.name });
    return users.data?.find((u) => u.id === id)?.name ?? t('admin.someone');
  };
}
