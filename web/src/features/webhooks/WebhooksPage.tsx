import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  Code,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../../openapi/api.d.ts';
import { api, ApiError, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../lib/format';

type Endpoint = components['schemas']['WebhookEndpoint'];
type EventType = components['schemas']['WebhookEventType'];

/** The event types a person can choose, in the order docs/webhooks.md lists them. */
const EVENT_TYPES: EventType[] = [
  'certificate.issued',
  'certificate.suspended',
  'certificate.reinstated',
  'certificate.revoked',
  'claim.submitted',
  'claim.approved',
  'claim.rejected',
  'claim.withdrawn',
  'claim.invalidated',
  'contract.created',
  'contract.changed',
  'contract.closed',
  'project.listed',
  'project.funded',
  'project.failed',
  'project.completed',
  'outcome_report.accepted',
  'webhook_endpoint.disabled',
];

const URL_FIELD = 'webhook-url';
const DESCRIPTION_FIELD = 'webhook-description';
const TYPES_FIELD = 'webhook-type-0';

/**
 * "Webhooks": an organisation's endpoints for its monitoring systems. Members add, change,
 * disable and enable them, rotate their secret (shown once), see recent deliveries and
 * send one again. Viewers and reviewers read only: the API refuses their changes.
 */
export default function WebhooksPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const endpoints = useQuery({
    queryKey: ['webhook-endpoints'],
    queryFn: () => call(() => api.GET('/v1/webhook-endpoints')),
  });
  const [editing, setEditing] = useState<Endpoint | undefined>();
  const [secret, setSecret] = useState<{ url: string; secret: string } | undefined>();
  // A new key empties the form after each save.
  const [saved, setSaved] = useState(0);
  const canChange = !['viewer', 'reviewer'].includes(me.user.role);
  const refresh = () => client.invalidateQueries({ queryKey: ['webhook-endpoints'] });

  if (me.organisation.kind === 'initiative')
    return (
      <>
        <PageHeading title={t('webhooks.title')} />
        <Paragraph>{t('webhooks.notForInitiatives')}</Paragraph>
      </>
    );

  return (
    <>
      <PageHeading title={t('webhooks.title')} />
      <Paragraph lead>{t('webhooks.lead')}</Paragraph>
      {secret && (
        <Alert type="ok" role="status">
          <Paragraph className="ib-break">
            {t('webhooks.secretOnce', { url: secret.url })}
          </Paragraph>
          <Paragraph className="ib-break">
            <Code data-testid="webhook-secret">{secret.secret}</Code>
          </Paragraph>
        </Alert>
      )}
      <section aria-labelledby="webhook-list">
        <Heading2 id="webhook-list">{t('webhooks.listTitle')}</Heading2>
        {endpoints.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
        {endpoints.error && (
          <ErrorMessage error={endpoints.error} onRetry={() => void endpoints.refetch()} />
        )}
        {endpoints.data && endpoints.data.items.length === 0 && (
          <Paragraph>{t('webhooks.none')}</Paragraph>
        )}
        {endpoints.data?.items.map((endpoint) => (
          <EndpointSection
            key={endpoint.id}
            endpoint={endpoint}
            canChange={canChange}
            onEdit={() => setEditing(endpoint)}
            onSecret={(value) => setSecret({ url: endpoint.url, secret: value })}
            onChanged={() => void refresh()}
          />
        ))}
      </section>
      {canChange && (
        <EndpointForm
          key={`${editing?.id ?? 'new'}-${saved}`}
          editing={editing}
          onDone={(created) => {
            if (created) setSecret({ url: created.url, secret: created.secret });
            setEditing(undefined);
            setSaved((count) => count + 1);
            void refresh();
          }}
          onCancel={() => setEditing(undefined)}
        />
      )}
    </>
  );
}

function EndpointSection({
  endpoint,
  canChange,
  onEdit,
  onSecret,
  onChanged,
}: {
  endpoint: Endpoint;
  canChange: boolean;
  onEdit: () => void;
  onSecret: (secret: string) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const headingId = `endpoint-${endpoint.id}`;

  async function act(action: () => Promise<void>) {
    setFailure(undefined);
    setBusy(true);
    try {
      await action();
      onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const status = endpoint.enabled
    ? t('webhooks.enabled')
    : endpoint.disabledReason === 'failing'
      ? t('webhooks.disabledFailing')
      : t('webhooks.disabled');
  return (
    <article aria-labelledby={headingId} className="ib-webhook">
      <Heading3 id={headingId} className="ib-break">
        {endpoint.description || endpoint.url}
      </Heading3>
      <dl className="ib-facts">
        <dt>{t('webhooks.url')}</dt>
        <dd className="ib-break">{endpoint.url}</dd>
        <dt>{t('webhooks.status')}</dt>
        <dd>{status}</dd>
        <dt>{t('webhooks.eventTypes')}</dt>
        <dd>{endpoint.eventTypes.map((type) => t(`webhooks.types.${type}`)).join(', ')}</dd>
        {endpoint.secretRotation && (
          <>
            <dt>{t('webhooks.oldSecretUntil')}</dt>
            <dd>
              {formatDateTime(endpoint.secretRotation.previousSecretValidUntil, currentLanguage())}
            </dd>
          </>
        )}
      </dl>
      {failure !== undefined && <ErrorMessage error={failure} />}
      {canChange && (
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={onEdit}>
            {t('webhooks.edit')}
            <span className="ib-visually-hidden"> {endpoint.description || endpoint.url}</span>
          </Button>
          <Button
            appearance="secondary-action-button"
            busy={busy}
            onClick={() =>
              void act(async () => {
                await call(() =>
                  api.PATCH('/v1/webhook-endpoints/{id}', {
                    params: { path: { id: endpoint.id } },
                    body: { enabled: !endpoint.enabled },
                  }),
                );
              })
            }
          >
            {endpoint.enabled ? t('webhooks.disable') : t('webhooks.enable')}
            <span className="ib-visually-hidden"> {endpoint.description || endpoint.url}</span>
          </Button>
          <Button
            appearance="secondary-action-button"
            busy={busy}
            onClick={() =>
              void act(async () => {
                const rotated = await call(() =>
                  api.POST('/v1/webhook-endpoints/{id}/rotate-secret', {
                    params: { path: { id: endpoint.id } },
                  }),
                );
                onSecret(rotated.secret);
              })
            }
          >
            {t('webhooks.rotate')}
            <span className="ib-visually-hidden"> {endpoint.description || endpoint.url}</span>
          </Button>
        </ButtonGroup>
      )}
      <Deliveries endpoint={endpoint} canChange={canChange} />
    </article>
  );
}

function Deliveries({ endpoint, canChange }: { endpoint: Endpoint; canChange: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [failure, setFailure] = useState<unknown>();
  const deliveries = useQuery({
    queryKey: ['webhook-endpoints', endpoint.id, 'deliveries'],
    queryFn: () =>
      call(() =>
        api.GET('/v1/webhook-endpoints/{id}/deliveries', {
          params: { path: { id: endpoint.id }, query: { limit: 10 } },
        }),
      ),
  });
  const title = t('webhooks.deliveriesOf', { name: endpoint.description || endpoint.url });
  async function redeliver(deliveryId: string) {
    setFailure(undefined);
    try {
      await call(() =>
        api.POST('/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver', {
          params: { path: { id: endpoint.id, deliveryId } },
        }),
      );
      await deliveries.refetch();
    } catch (error) {
      setFailure(error);
    }
  }
  return (
    <details className="ib-deliveries">
      <summary>{t('webhooks.deliveries')}</summary>
      {deliveries.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {deliveries.error && <ErrorMessage error={deliveries.error} />}
      {failure !== undefined && <ErrorMessage error={failure} />}
      {deliveries.data && deliveries.data.items.length === 0 && (
        <Paragraph>{t('webhooks.noDeliveries')}</Paragraph>
      )}
      {deliveries.data && deliveries.data.items.length > 0 && (
        <ScrollTable label={title}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('webhooks.event')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('webhooks.created')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('webhooks.deliveryStatus')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('webhooks.lastAnswer')}</TableHeaderCell>
                {canChange && <TableHeaderCell scope="col">{t('webhooks.action')}</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {deliveries.data.items.map((delivery) => (
                <TableRow key={delivery.id}>
                  <TableHeaderCell scope="row">
                    {t(`webhooks.types.${delivery.eventType}`)}
                  </TableHeaderCell>
                  <TableCell>{formatDateTime(delivery.createdAt, lang)}</TableCell>
                  <TableCell>
                    {t(`webhooks.deliveryStatuses.${delivery.status}`)} (
                    {t('webhooks.attempts', { count: delivery.attempts })})
                  </TableCell>
                  <TableCell>
                    {delivery.lastAttempt
                      ? (delivery.lastAttempt.statusCode ?? delivery.lastAttempt.error ?? '')
                      : ''}
                  </TableCell>
                  {canChange && (
                    <TableCell>
                      {delivery.status !== 'pending' && (
                        <Button
                          appearance="subtle-button"
                          onClick={() => void redeliver(delivery.id)}
                        >
                          {t('webhooks.redeliver')}
                          <span className="ib-visually-hidden">
                            {' '}
                            {t(`webhooks.types.${delivery.eventType}`)},{' '}
                            {formatDateTime(delivery.createdAt, lang)}
                          </span>
                        </Button>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
    </details>
  );
}

function EndpointForm({
  editing,
  onDone,
  onCancel,
}: {
  editing: Endpoint | undefined;
  onDone: (created?: { url: string; secret: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(editing?.url ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [types, setTypes] = useState<EventType[]>(editing?.eventTypes ?? []);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const found: FieldError[] = [];
    if (url.trim() === '') found.push({ field: URL_FIELD, message: t('webhooks.urlRequired') });
    if (types.length === 0)
      found.push({ field: TYPES_FIELD, message: t('webhooks.typesRequired') });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const body = { url: url.trim(), description, eventTypes: types };
      if (editing) {
        await call(() =>
          api.PATCH('/v1/webhook-endpoints/{id}', { params: { path: { id: editing.id } }, body }),
        );
        onDone();
      } else {
        const created = await call(() => api.POST('/v1/webhook-endpoints', { body }));
        onDone({ url: created.url, secret: created.secret });
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'WEBHOOK_ENDPOINT.TARGET_REFUSED')
        setErrors([{ field: URL_FIELD, message: t('webhooks.urlRefused') }]);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const urlError = errors.find((e) => e.field === URL_FIELD)?.message;
  const typesError = errors.find((e) => e.field === TYPES_FIELD)?.message;
  return (
    <section aria-labelledby="webhook-form">
      <Heading2 id="webhook-form">
        {editing
          ? t('webhooks.editTitle', { name: editing.description || editing.url })
          : t('webhooks.addTitle')}
      </Heading2>
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          id={URL_FIELD}
          label={t('webhooks.url')}
          hint={t('webhooks.urlHint')}
          error={urlError}
        >
          <Textbox
            id={URL_FIELD}
            name="url"
            type="url"
            inputMode="url"
            autoComplete="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            invalid={Boolean(urlError)}
            aria-invalid={urlError ? true : undefined}
            aria-describedby={describedBy(URL_FIELD, true, Boolean(urlError))}
          />
        </Field>
        <Field
          id={DESCRIPTION_FIELD}
          label={t('webhooks.description')}
          hint={t('webhooks.descriptionHint')}
        >
          <Textbox
            id={DESCRIPTION_FIELD}
            name="description"
            value={description}
            maxLength={500}
            onChange={(event) => setDescription(event.target.value)}
            aria-describedby={describedBy(DESCRIPTION_FIELD, true, false)}
          />
        </Field>
        <fieldset
          className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ib-checkboxes"
          aria-describedby={typesError ? 'webhook-types-error' : undefined}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('webhooks.eventTypes')}
          </legend>
          {typesError && (
            <Paragraph id="webhook-types-error" className="utrecht-form-field-error-message">
              {typesError}
            </Paragraph>
          )}
          {EVENT_TYPES.map((type, index) => (
            <div key={type} className="utrecht-form-field utrecht-form-field--checkbox">
              <Checkbox
                id={`webhook-type-${index}`}
                name="eventTypes"
                value={type}
                checked={types.includes(type)}
                invalid={Boolean(typesError)}
                onChange={(event) =>
                  setTypes((current) =>
                    event.target.checked
                      ? [...current, type]
                      : current.filter((other) => other !== type),
                  )
                }
              />{' '}
              <FormLabel htmlFor={`webhook-type-${index}`} type="checkbox">
                {t(`webhooks.types.${type}`)}
              </FormLabel>
            </div>
          ))}
        </fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {editing ? t('webhooks.save') : t('webhooks.add')}
          </Button>
          {editing && (
            <Button appearance="secondary-action-button" onClick={onCancel}>
              {t('webhooks.cancel')}
            </Button>
          )}
        </ButtonGroup>
      </form>
    </section>
  );
}
