import { Button, Heading2, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage, useErrorText } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { QueryState } from '../../components/QueryState';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../lib/format';
import { AdminPage, isAdmin } from './admin-ui';

type Kind = 'initiative' | 'supplier' | 'authority';
const KINDS: Kind[] = ['initiative', 'supplier', 'authority'];

/** "Organisaties": every organisation by name, and registering a new one. */
export default function OrganisationsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <AdminPage me={me} title={t('adminOrgs.title')} lead={t('adminOrgs.lead')}>
      {isAdmin(me) && (
        <>
          <OrganisationList me={me} />
          <RegisterForm />
        </>
      )}
    </AdminPage>
  );
}

function OrganisationList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [kind, setKind] = useState<'' | Kind | 'platform'>('');
  const list = useInfiniteQuery({
    queryKey: [me.user.id, 'organisations', kind],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/v1/organisations', {
          params: {
            query: {
              limit: 50,
              ...(kind ? { kind } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="orgs-list">
      <Heading2 id="orgs-list">{t('adminOrgs.list')}</Heading2>
      <Field id="orgs-kind" label={t('adminOrgs.filterKind')}>
        <Select
          id="orgs-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as typeof kind)}
        >
          <SelectOption value="">{t('adminOrgs.allKinds')}</SelectOption>
          {(['platform', ...KINDS] as const).map((k) => (
            <SelectOption key={k} value={k}>
              {t(`organisationKinds.${k}`)}
            </SelectOption>
          ))}
        </Select>
      </Field>
      <QueryState query={list} />
      {items.length > 0 && (
        <DataTable
          label={t('adminOrgs.listTable')}
          columns={[
            { header: t('adminOrgs.name') },
            { header: t('adminOrgs.kind') },
            { header: t('adminOrgs.kvk') },
            { header: t('adminOrgs.status') },
            { header: t('adminOrgs.since') },
          ]}
          rows={items.map((org) => ({
            key: org.id,
            cells: [
              <AppLink to={`/organisations/${org.id}`}>{org.name}</AppLink>,
              t(`organisationKinds.${org.kind}`),
              org.kvkNumber ?? '—',
              t(`adminOrgs.orgStatus.${org.status}`),
              formatDate(org.createdAt, lang),
            ],
          }))}
        />
      )}
      {list.hasNextPage && (
        <Button
          appearance="secondary-action-button"
          busy={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('adminOrgs.more')}
        </Button>
      )}
    </section>
  );
}

type FormField = 'kind' | 'name' | 'kvk' | 'vat' | 'email' | 'street' | 'postalCode' | 'city';
const fieldId = (f: FormField) => `org-${f}`;

function RegisterForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<FormField, string>>({
    kind: '',
    name: '',
    kvk: '',
    vat: '',
    email: '',
    street: '',
    postalCode: '',
    city: '',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (f: FormField) => (value: string) => setValues((v) => ({ ...v, [f]: value }));
  const errorOf = (f: FormField) => errors.find((e) => e.field === fieldId(f))?.message;

  function check(): FieldError[] {
    const found: FieldError[] = [];
    const add = (f: FormField, key: string) => found.push({ field: fieldId(f), message: t(key) });
    if (!values.kind) add('kind', 'adminOrgs.errors.kind');
    if (!values.name.trim()) add('name', 'adminOrgs.errors.name');
    if (!/^\d{8}$/.test(values.kvk.trim())) add('kvk', 'adminOrgs.errors.kvk');
    if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
      add('email', 'adminOrgs.errors.email');
    const address = [values.street, values.postalCode, values.city].map((v) => v.trim());
    if (address.some(Boolean) && !address.every(Boolean))
      for (const f of ['street', 'postalCode', 'city'] as const)
        if (!values[f].trim()) add(f, 'adminOrgs.errors.address');
    return found;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const found = check();
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const org = await call(() =>
        api.POST('/v1/organisations', {
          body: {
            kind: values.kind as Kind,
            name: values.name.trim(),
            kvkNumber: values.kvk.trim(),
            ...(values.vat.trim() ? { vatNumber: values.vat.trim() } : {}),
            ...(values.email.trim() ? { contactEmail: values.email.trim() } : {}),
            ...(values.street.trim()
              ? {
                  address: {
                    street: values.street.trim(),
                    postalCode: values.postalCode.trim(),
                    city: values.city.trim(),
                  },
                }
              : {}),
          },
        }),
      );
      await queryClient.invalidateQueries();
      void navigate(`/organisations/${org.id}?registered=1`);
    } catch (error) {
      // The KvK number that is already registered belongs at its field.
      if (error instanceof ApiError && error.code === 'ORGANISATION.KVK_TAKEN')
        setErrors([{ field: fieldId('kvk'), message: errorText(error) }]);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const text = (f: Exclude<FormField, 'kind'>, options: { hint?: boolean; type?: string } = {}) => {
    const error = errorOf(f);
    const hint = options.hint ? t(`adminOrgs.hints.${f}`) : undefined;
    return (
      <Field id={fieldId(f)} label={t(`adminOrgs.fields.${f}`)} hint={hint} error={error}>
        <Textbox
          id={fieldId(f)}
          type={options.type ?? 'text'}
          value={values[f]}
          onChange={(event) => set(f)(event.target.value)}
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(fieldId(f), Boolean(hint), Boolean(error))}
        />
      </Field>
    );
  };

  const kindError = errorOf('kind');
  return (
    <section aria-labelledby="orgs-register">
      <Heading2 id="orgs-register">{t('adminOrgs.register')}</Heading2>
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      <form className="ib-admin-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field id={fieldId('kind')} label={t('adminOrgs.fields.kind')} error={kindError}>
          <Select
            id={fieldId('kind')}
            value={values.kind}
            onChange={(event) => set('kind')(event.target.value)}
            invalid={Boolean(kindError)}
            aria-invalid={kindError ? true : undefined}
            aria-describedby={describedBy(fieldId('kind'), false, Boolean(kindError))}
          >
            <SelectOption value="">{t('adminOrgs.chooseKind')}</SelectOption>
            {KINDS.map((k) => (
              <SelectOption key={k} value={k}>
                {t(`organisationKinds.${k}`)}
              </SelectOption>
            ))}
          </Select>
        </Field>
        {text('name')}
        {text('kvk', { hint: true })}
        {text('vat', { hint: true })}
        {text('email', { type: 'email' })}
        {text('street', { hint: true })}
        {text('postalCode')}
        {text('city')}
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('adminOrgs.registerButton')}
        </Button>
      </form>
    </section>
  );
}
