import {
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
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { Field } from '../../components/Field';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { dutchDayBound, formatDateTime } from '../../lib/format';
import { AdminPage, isAdmin } from './admin-ui';

const PAGE_SIZE = 25;
/** The objects the audit trail names, in words (web/src/features/admin/messages.*.json). */
export const SUBJECT_TYPES = [
  'project',
  'order',
  'purchase',
  'payout',
  'outcome_report',
  'story',
  'organisation',
  'user',
  'invitation',
  'certificate',
  'claim',
  'contract',
  'bank_statement',
  'bank_statement_entry',
  'webhook_endpoint',
] as const;
const FILTERS = [
  'organisationId',
  'actorUserId',
  'action',
  'subjectType',
  'subjectId',
  'from',
  'to',
] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Partial<Record<Filter, string>>;

/**
 * "Logboek": the audit trail, newest first, filtered on who, what, which object and when.
 * The filters live in the address, so object pages link here filtered on themselves.
 */
export default function AuditPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <AdminPage me={me} title={t('adminAudit.title')} lead={t('adminAudit.lead')}>
      {isAdmin(me) && <Audit me={me} />}
    </AdminPage>
  );
}

function Audit({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(
    FILTERS.flatMap((f) => (params.get(f) ? [[f, params.get(f)!]] : [])),
  );
  // Cursors of the pages before this one, so "previous" goes back without the API paging back.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const filterKey = JSON.stringify(filters);
  const [seenKey, setSeenKey] = useState(filterKey);
  if (seenKey !== filterKey) {
    setSeenKey(filterKey);
    setCursors([]);
  }

  const events = useQuery({
    queryKey: [me.user.id, 'audit', filterKey, cursor ?? ''],
    queryFn: () =>
      call(() =>
        api.GET('/v1/audit', {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(cursor ? { cursor } : {}),
              ...(filters.organisationId ? { organisationId: filters.organisationId } : {}),
              ...(filters.actorUserId ? { actorUserId: filters.actorUserId } : {}),
              ...(filters.action ? { action: filters.action } : {}),
              ...(filters.subjectType ? { subjectType: filters.subjectType } : {}),
              ...(filters.subjectId ? { subjectId: filters.subjectId } : {}),
              ...(dutchDayBound(filters.from, false)
                ? { from: dutchDayBound(filters.from, false) }
                : {}),
              ...(dutchDayBound(filters.to, true) ? { to: dutchDayBound(filters.to, true) } : {}),
            },
          },
        }),
      ),
  });
  const organisations = useQuery({
    queryKey: [me.user.id, 'audit-organisations'],
    queryFn: async () =>
      (await call(() => api.GET('/v1/organisations', { params: { query: { limit: 100 } } }))).items,
  });
  const people = usePeople(me, filters.organisationId ?? me.organisation.id);
  const nameOf = (id: string | null) => {
    if (!id) return t('adminAudit.system');
    return people.data?.find((u) => u.id === id)?.name ?? t('adminAudit.otherUser');
  };
  const orgName = (id: string | null) =>
    id ? (organisations.data?.find((o) => o.id === id)?.name ?? '') : '';
  const subjectWords = (type: string) => t(`adminAudit.subjects.${type}`, { defaultValue: type });
  const filterOn = (next: Filters) => {
    const query = new URLSearchParams();
    for (const f of FILTERS) if (next[f]) query.set(f, next[f]!);
    setParams(query);
  };
  const page = events.data;
  const pageNumber = cursors.length + 1;

  return (
    <>
      <FilterForm
        key={filterKey}
        filters={filters}
        me={me}
        organisations={organisations.data ?? []}
        onSubmit={filterOn}
      />
      <section aria-labelledby="audit-events">
        <Heading2 id="audit-events">{t('adminAudit.events')}</Heading2>
        {Object.keys(filters).length > 0 && (
          <Paragraph data-testid="audit-filtered">
            {t('adminAudit.filteredOn', {
              filters: FILTERS.filter((f) => filters[f])
                .map((f) => `${t(`adminAudit.fields.${f}`)}: ${describe(f, filters[f]!)}`)
                .join('; '),
            })}{' '}
            <AppLink to="/audit">{t('adminAudit.clear')}</AppLink>
          </Paragraph>
        )}
        <QueryState query={events} />
        {page && page.items.length === 0 && <Paragraph>{t('adminAudit.none')}</Paragraph>}
        {page && page.items.length > 0 && (
          <ScrollTable label={t('adminAudit.table', { page: pageNumber })}>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('adminAudit.when')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('adminAudit.who')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('adminAudit.what')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('adminAudit.which')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('adminAudit.details')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {page.items.map((event) => (
                  <TableRow key={event.id} data-event-id={event.id}>
                    <TableCell>{formatDateTime(event.occurredAt, lang)}</TableCell>
                    <TableCell>
                      {nameOf(event.actorUserId)}
                      {orgName(event.actorOrganisationId) &&
                        ` (${orgName(event.actorOrganisationId)})`}
                    </TableCell>
                    <TableCell>
                      <code>{event.action}</code>
                    </TableCell>
                    <TableCell>
                      {subjectWords(event.subjectType)}
                      {event.subjectId && (
                        <>
                          {' '}
                          <AppLink
                            to={`/audit?subjectType=${encodeURIComponent(event.subjectType)}&subjectId=${encodeURIComponent(event.subjectId)}`}
                            aria-label={t('adminAudit.onlyThis', {
                              subject: subjectWords(event.subjectType),
                              id: event.subjectId.slice(0, 8),
                            })}
                          >
                            {event.subjectId.slice(0, 8)}
                          </AppLink>
                        </>
                      )}
                    </TableCell>
                    <TableCell>
                      <Summary summary={event.summary} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollTable>
        )}
        {page && (cursors.length > 0 || page.nextCursor) && (
          <nav aria-label={t('adminAudit.pages')}>
            <Paragraph>{t('adminAudit.page', { page: pageNumber })}</Paragraph>
            <ButtonGroup>
              {cursors.length > 0 && (
                <Button
                  appearance="secondary-action-button"
                  onClick={() => setCursors((c) => c.slice(0, -1))}
                >
                  {t('adminAudit.previous')}
                </Button>
              )}
              {page.nextCursor && (
                <Button
                  appearance="secondary-action-button"
                  onClick={() => setCursors((c) => [...c, page.nextCursor!])}
                >
                  {t('adminAudit.next')}
                </Button>
              )}
            </ButtonGroup>
          </nav>
        )}
      </section>
    </>
  );

  function describe(filter: Filter, value: string): string {
    switch (filter) {
      case 'organisationId':
        return orgName(value) || value;
      case 'actorUserId':
        return nameOf(value);
      case 'subjectType':
        return subjectWords(value);
      default:
        return value;
    }
  }
}

/** The people of one organisation, to pick "who" and to name the actors. */
function usePeople(me: Me, organisationId: string) {
  return useQuery({
    queryKey: [me.user.id, 'organisation-users', organisationId],
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/organisations/{id}/users', { params: { path: { id: organisationId } } }),
        )
      ).items,
  });
}

/** The event's summary as "key: value" pairs (what the API recorded, nothing added). */
function Summary({ summary }: { summary: Record<string, unknown> }) {
  const entries = Object.entries(summary);
  if (entries.length === 0) return null;
  return (
    <ul className="ib-admin-summary">
      {entries.map(([key, value]) => (
        <li key={key}>
          {key}: {typeof value === 'string' ? value : JSON.stringify(value)}
        </li>
      ))}
    </ul>
  );
}

function FilterForm({
  me,
  filters,
  organisations,
  onSubmit,
}: {
  me: Me;
  filters: Filters;
  organisations: { id: string; name: string }[];
  onSubmit: (filters: Filters) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Filters>(filters);
  const people = usePeople(me, values.organisationId || me.organisation.id).data ?? [];
  const set = (f: Filter) => (value: string) =>
    setValues((v) => ({
      ...v,
      [f]: value,
      // Another organisation has other people.
      ...(f === 'organisationId' ? { actorUserId: '' } : {}),
    }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(
      Object.fromEntries(Object.entries(values).map(([k, v]) => [k, (v ?? '').trim()])) as Filters,
    );
  };
  const text = (f: 'action' | 'subjectId' | 'from' | 'to', type = 'text') => (
    <Field
      id={`audit-${f}`}
      label={t(`adminAudit.fields.${f}`)}
      hint={t(`adminAudit.hints.${f}`, { defaultValue: '' }) || undefined}
    >
      <Textbox
        id={`audit-${f}`}
        type={type}
        value={values[f] ?? ''}
        onChange={(event) => set(f)(event.target.value)}
        aria-describedby={
          t(`adminAudit.hints.${f}`, { defaultValue: '' }) ? `audit-${f}-hint` : undefined
        }
      />
    </Field>
  );
  return (
    <section aria-labelledby="audit-filters">
      <Heading2 id="audit-filters">{t('adminAudit.filters')}</Heading2>
      <form className="ib-admin-form" onSubmit={submit} noValidate>
        <div className="ib-admin-filters">
          <Field id="audit-organisationId" label={t('adminAudit.fields.organisationId')}>
            <Select
              id="audit-organisationId"
              value={values.organisationId ?? ''}
              onChange={(event) => set('organisationId')(event.target.value)}
            >
              <SelectOption value="">{t('adminAudit.any')}</SelectOption>
              {organisations.map((o) => (
                <SelectOption key={o.id} value={o.id}>
                  {o.name}
                </SelectOption>
              ))}
            </Select>
          </Field>
          <Field
            id="audit-actorUserId"
            label={t('adminAudit.fields.actorUserId')}
            hint={t('adminAudit.hints.actorUserId')}
          >
            <Select
              id="audit-actorUserId"
              value={values.actorUserId ?? ''}
              onChange={(event) => set('actorUserId')(event.target.value)}
              aria-describedby="audit-actorUserId-hint"
            >
              <SelectOption value="">{t('adminAudit.any')}</SelectOption>
              {people.map((u) => (
                <SelectOption key={u.id} value={u.id}>
                  {u.name}
                </SelectOption>
              ))}
            </Select>
          </Field>
          {text('action')}
          <Field id="audit-subjectType" label={t('adminAudit.fields.subjectType')}>
            <Select
              id="audit-subjectType"
              value={values.subjectType ?? ''}
              onChange={(event) => set('subjectType')(event.target.value)}
            >
              <SelectOption value="">{t('adminAudit.any')}</SelectOption>
              {SUBJECT_TYPES.map((s) => (
                <SelectOption key={s} value={s}>
                  {t(`adminAudit.subjects.${s}`)}
                </SelectOption>
              ))}
            </Select>
          </Field>
          {text('subjectId')}
          {text('from', 'date')}
          {text('to', 'date')}
        </div>
        <Button type="submit" appearance="primary-action-button">
          {t('adminAudit.apply')}
        </Button>
      </form>
    </section>
  );
}
