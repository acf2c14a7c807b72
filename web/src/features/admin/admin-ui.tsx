import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../../openapi/api.d.ts';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { type ActionFormProps, ActionForm as SharedActionForm } from '../../components/ActionForm';
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

/** One action on one item (see components/ActionForm), as the platform team's pages show it. */
export function ActionForm(props: ActionFormProps) {
  const { t } = useTranslation();
  return (
    <SharedActionForm
      {...props}
      className="ib-admin-action"
      refusalClassName="ib-admin-refusal"
      maxLength={1000}
      requiredMessage={(field) => t('admin.required', { field })}
    />
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
