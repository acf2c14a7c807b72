import {
  Alert,
  Button,
  Heading2,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../../openapi/api.d.ts';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DataTable } from '../../components/DataTable';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { QueryState } from '../../components/QueryState';
import { currentLanguage } from '../../i18n';
import { formatDate, formatDateTime, formatEuros } from '../../lib/format';
import { AdminPage, isAdmin } from './admin-ui';

type Upload = components['schemas']['BankStatementUpload'];
type Entry = components['schemas']['BankStatementEntry'];
type Decision = components['schemas']['ResolveBankExceptionInput']['decision'];

/**
 * "Geldoverzicht": the escrow ledger per project and in total, the reconciliation with
 * Stripe, the payouts-due export, and the bank statements with their exceptions queue.
 */
export default function MoneyPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <AdminPage me={me} title={t('adminMoney.title')} lead={t('adminMoney.lead')}>
      {isAdmin(me) && (
        <>
          <Ledger me={me} />
          <Reconciliation me={me} />
          <PayoutsExport />
          <BankStatements me={me} />
          <Exceptions me={me} />
        </>
      )}
    </AdminPage>
  );
}

function Ledger({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const ledger = useQuery({
    queryKey: [me.user.id, 'funding-ledger'],
    queryFn: () => call(() => api.GET('/v1/funding/ledger')),
  });
  const euros = (cents: number) => formatEuros(cents, lang);
  const balanced = (ok: boolean) => (ok ? t('adminMoney.ledger.ok') : t('adminMoney.ledger.notOk'));
  const total = ledger.data?.total;
  return (
    <section aria-labelledby="money-ledger">
      <Heading2 id="money-ledger">{t('adminMoney.ledger.title')}</Heading2>
      <Paragraph>{t('adminMoney.ledger.explain')}</Paragraph>
      <QueryState query={ledger} />
      {total && (
        <Paragraph data-testid="ledger-total">
          {t('adminMoney.ledger.total', {
            escrow: euros(total.escrowCents),
            received: euros(total.receivedCents),
            paidOut: euros(total.paidOutCents),
            refunded: euros(total.refundedCents),
          })}{' '}
          {total.heldByDisputesCents > 0 &&
            t('adminMoney.ledger.disputes', { amount: euros(total.heldByDisputesCents) })}{' '}
          <strong>{balanced(total.balanced)}</strong>
        </Paragraph>
      )}
      {ledger.data && ledger.data.projects.length > 0 && (
        <DataTable
          label={t('adminMoney.ledger.table')}
          columns={[
            { header: t('adminMoney.ledger.project') },
            { header: t('adminMoney.ledger.received'), numeric: true },
            { header: t('adminMoney.ledger.refunded'), numeric: true },
            { header: t('adminMoney.ledger.paidOut'), numeric: true },
            { header: t('adminMoney.ledger.escrow'), numeric: true },
            { header: t('adminMoney.ledger.balanced') },
          ]}
          rows={ledger.data.projects.map((p) => ({
            key: p.projectId,
            cells: [
              <AppLink to={`/projects/${p.projectId}`}>{p.title}</AppLink>,
              euros(p.receivedCents),
              euros(p.refundedCents),
              euros(p.paidOutCents),
              euros(p.escrowCents),
              balanced(p.balanced),
            ],
          }))}
          footer={
            total && [
              t('adminMoney.ledger.sum'),
              euros(total.receivedCents),
              euros(total.refundedCents),
              euros(total.paidOutCents),
              euros(total.escrowCents),
              balanced(total.balanced),
            ]
          }
        />
      )}
    </section>
  );
}

/** yyyy-mm-dd of a date in the Netherlands. */
function isoDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(date);
}

function lastMonth(): { from: string; to: string } {
  const now = new Date();
  return {
    from: isoDay(new Date(now.getTime() - 30 * 24 * 3600 * 1000)),
    to: isoDay(now),
  };
}

function Reconciliation({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // The last 30 days until today, chosen once when the page opens.
  const [initial] = useState(lastMonth);
  const [range, setRange] = useState(initial);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const report = useQuery({
    queryKey: [me.user.id, 'reconciliation', range.from, range.to],
    queryFn: () => call(() => api.GET('/v1/funding/reconciliation', { params: { query: range } })),
  });
  const euros = (cents: number | null) => (cents === null ? '—' : formatEuros(cents, lang));
  return (
    <section aria-labelledby="money-reconciliation">
      <Heading2 id="money-reconciliation">{t('adminMoney.reconciliation.title')}</Heading2>
      <Paragraph>{t('adminMoney.reconciliation.explain')}</Paragraph>
      <form
        className="ib-admin-filters"
        onSubmit={(event) => {
          event.preventDefault();
          setRange({ from, to });
        }}
      >
        <Field id="recon-from" label={t('adminMoney.reconciliation.from')}>
          <Textbox
            id="recon-from"
            type="date"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
          />
        </Field>
        <Field id="recon-to" label={t('adminMoney.reconciliation.to')}>
          <Textbox
            id="recon-to"
            type="date"
            value={to}
            onChange={(event) => setTo(event.target.value)}
          />
        </Field>
        <div>
          <Button type="submit" appearance="secondary-action-button">
            {t('adminMoney.reconciliation.show')}
          </Button>
        </div>
      </form>
      <QueryState query={report} />
      {report.data && (
        <>
          <Paragraph data-testid="reconciliation-result">
            <strong>
              {report.data.balanced
                ? t('adminMoney.reconciliation.balanced', {
                    from: formatDate(report.data.from, lang),
                    to: formatDate(report.data.to, lang),
                  })
                : t('adminMoney.reconciliation.differences', {
                    count: report.data.differences,
                    n: report.data.differences,
                  })}
            </strong>
          </Paragraph>
          {report.data.days.length > 0 && (
            <DataTable
              label={t('adminMoney.reconciliation.table')}
              columns={[
                { header: t('adminMoney.reconciliation.day') },
                { header: t('adminMoney.reconciliation.stripe'), numeric: true },
                { header: t('adminMoney.reconciliation.ledgerStripe'), numeric: true },
                { header: t('adminMoney.reconciliation.invoices'), numeric: true },
                { header: t('adminMoney.reconciliation.refunds'), numeric: true },
                { header: t('adminMoney.reconciliation.payouts'), numeric: true },
                { header: t('adminMoney.reconciliation.problems') },
              ]}
              rows={report.data.days.map((day) => ({
                key: day.day,
                cells: [
                  formatDate(day.day, lang),
                  euros(day.stripePaymentsCents),
                  euros(day.ledgerStripePaymentsCents),
                  euros(day.invoicePaymentsCents),
                  euros(day.ledgerStripeRefundsCents + day.invoiceRefundsCents),
                  euros(day.payoutsCents),
                  day.differences.length === 0
                    ? t('adminMoney.reconciliation.none')
                    : day.differences.map((d, i) => (
                        <span key={i}>
                          {i > 0 && <br />}
                          {t(`adminMoney.reconciliation.kinds.${d.kind}`, {
                            stripe: euros(d.stripeCents),
                            ledger: euros(d.ledgerCents),
                          })}
                        </span>
                      )),
                ],
              }))}
            />
          )}
        </>
      )}
    </section>
  );
}

function PayoutsExport() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'due' | 'approved' | 'paid'>('open');
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  async function download() {
    setFailure(undefined);
    setBusy(true);
    try {
      const blob = await call(() =>
        api.GET('/v1/payouts/export', { params: { query: { status } }, parseAs: 'blob' }),
      );
      // The export needs the sign-in header, so it is fetched and then saved as a file.
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `uitbetalingen-${status}-${isoDay(new Date())}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="money-export">
      <Heading2 id="money-export">{t('adminMoney.export.title')}</Heading2>
      <Paragraph>{t('adminMoney.export.explain')}</Paragraph>
      <Field id="export-status" label={t('adminMoney.export.which')}>
        <Select
          id="export-status"
          value={status}
          onChange={(event) => setStatus(event.target.value as typeof status)}
        >
          {(['open', 'due', 'approved', 'paid'] as const).map((s) => (
            <SelectOption key={s} value={s}>
              {t(`adminMoney.export.status.${s}`)}
            </SelectOption>
          ))}
        </Select>
      </Field>
      <Button appearance="secondary-action-button" busy={busy} onClick={() => void download()}>
        {t('adminMoney.export.download')}
      </Button>
      {failure !== undefined && <ErrorMessage error={failure} />}
    </section>
  );
}

function BankStatements({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Upload>();
  const statements = useQuery({
    queryKey: [me.user.id, 'bank-statements'],
    queryFn: async () =>
      (await call(() => api.GET('/v1/bank-statements', { params: { query: { limit: 10 } } })))
        .items,
  });

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    setResult(undefined);
    const found = file ? [] : [{ field: 'camt-file', message: t('adminMoney.bank.chooseFile') }];
    setErrors(found);
    if (!file) return;
    setBusy(true);
    try {
      const uploaded = await call(() =>
        api.POST('/v1/bank-statements', {
          body: file,
          headers: { 'content-type': 'application/xml' },
          bodySerializer: (body) => body,
        }),
      );
      setResult(uploaded);
      await queryClient.invalidateQueries();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const fileError = errors[0]?.message;
  return (
    <section aria-labelledby="money-bank">
      <Heading2 id="money-bank">{t('adminMoney.bank.title')}</Heading2>
      <Paragraph>{t('adminMoney.bank.explain')}</Paragraph>
      <ErrorSummary errors={errors} />
      <form className="ib-admin-form" onSubmit={(event) => void upload(event)} noValidate>
        <Field
          id="camt-file"
          label={t('adminMoney.bank.file')}
          hint={t('adminMoney.bank.fileHint')}
          error={fileError}
        >
          <input
            id="camt-file"
            type="file"
            className="utrecht-textbox"
            accept=".xml,application/xml,text/xml"
            aria-describedby={describedBy('camt-file', true, Boolean(fileError))}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => setFile(event.target.files?.[0])}
          />
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('adminMoney.bank.upload')}
        </Button>
      </form>
      {failure !== undefined && <ErrorMessage error={failure} />}
      {result && (
        <Alert type={result.duplicate ? 'warning' : 'ok'} role="status">
          <div data-testid="bank-upload-result">
            <Paragraph>
              <strong>
                {result.duplicate ? t('adminMoney.bank.duplicate') : t('adminMoney.bank.uploaded')}
              </strong>
            </Paragraph>
            {result.statements.map((s) => (
              <Paragraph key={s.id}>{statementLine(s)}</Paragraph>
            ))}
          </div>
        </Alert>
      )}
      <Heading3>{t('adminMoney.bank.recent')}</Heading3>
      <QueryState query={statements} />
      {statements.data?.length === 0 && <Paragraph>{t('adminMoney.bank.noneYet')}</Paragraph>}
      {statements.data && statements.data.length > 0 && (
        <ul className="ib-list">
          {statements.data.map((s) => (
            <li key={s.id}>
              {formatDateTime(s.uploadedAt, lang)} · {statementLine(s)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  function statementLine(s: components['schemas']['BankStatement']): string {
    return t('adminMoney.bank.statement', {
      account: s.accountIban,
      id: s.statementId,
      entries: s.counts.entries,
      matched: s.counts.matched,
      exceptions: s.counts.openExceptions,
      unmatched: s.counts.unmatched,
      duplicates: s.counts.duplicates,
    });
  }
}

function Exceptions({ me }: { me: Me }) {
  const { t } = useTranslation();
  const exceptions = useQuery({
    queryKey: [me.user.id, 'bank-exceptions'],
    queryFn: async () =>
      (
        await call(() =>
          api.GET('/v1/bank-statements/exceptions', {
            params: { query: { status: 'open', limit: 100 } },
          }),
        )
      ).items,
  });
  return (
    <section aria-labelledby="money-exceptions">
      <Heading2 id="money-exceptions">
        {t('adminMoney.exceptions.title')}
        {exceptions.data && ` (${exceptions.data.length})`}
      </Heading2>
      <Paragraph>{t('adminMoney.exceptions.explain')}</Paragraph>
      <QueryState query={exceptions} />
      {exceptions.data?.length === 0 && <Paragraph>{t('admin.empty')}</Paragraph>}
      {exceptions.data?.map((entry) => (
        <ExceptionItem key={entry.id} entry={entry} />
      ))}
    </section>
  );
}

function ExceptionItem({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<Decision>('ignore');
  const [note, setNote] = useState('');
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = (f: string) => `exc-${entry.id}-${f}`;
  const credit = entry.direction === 'credit';
  const known = credit ? entry.match.orderId : entry.match.payoutId;
  const reason = entry.exception?.reason ?? '';
  const title = t('adminMoney.exceptions.entry', {
    direction: t(`adminMoney.exceptions.${entry.direction}`),
    amount: formatEuros(entry.amountCents, lang),
    date: formatDate(entry.bookingDate, lang),
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const found: FieldError[] = [];
    if (!note.trim())
      found.push({ field: id('note'), message: t('adminMoney.exceptions.noteMissing') });
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (decision === 'book_as_paid' && !known && !uuid.test(target.trim()))
      found.push({ field: id('target'), message: t('adminMoney.exceptions.targetMissing') });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const extra =
        decision === 'book_as_paid' && !known
          ? credit
            ? { orderId: target.trim() }
            : { payoutId: target.trim() }
          : {};
      await call(() =>
        api.POST('/v1/bank-statements/exceptions/{id}/resolve', {
          params: { path: { id: entry.id } },
          body: { decision, note: note.trim(), ...extra },
        }),
      );
      await queryClient.invalidateQueries();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (f: string) => errors.find((e) => e.field === id(f))?.message;
  return (
    <article className="ib-admin-item" aria-labelledby={id('title')}>
      <Heading3 id={id('title')}>{title}</Heading3>
      <Paragraph>
        {t(`adminMoney.exceptions.reasons.${reason}`, {
          defaultValue: t('adminMoney.exceptions.reasonOther'),
        })}
        <br />
        {t('adminMoney.exceptions.counterparty', {
          name: entry.counterparty.name ?? '—',
          iban: entry.counterparty.iban ?? '—',
        })}
        <br />
        {t('adminMoney.exceptions.remittance', {
          text: entry.remittance.structured ?? entry.remittance.unstructured ?? '—',
        })}
      </Paragraph>
      <ErrorSummary errors={errors} />
      <form
        className="ib-admin-form"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label={title}
      >
        <Field id={id('decision')} label={t('adminMoney.exceptions.decision')}>
          <Select
            id={id('decision')}
            value={decision}
            onChange={(event) => setDecision(event.target.value as Decision)}
          >
            {(['ignore', 'refunded_by_hand', 'book_as_paid'] as const).map((d) => (
              <SelectOption key={d} value={d}>
                {t(`adminMoney.exceptions.decisions.${d}`)}
              </SelectOption>
            ))}
          </Select>
        </Field>
        {decision === 'book_as_paid' && !known && (
          <Field
            id={id('target')}
            label={t(credit ? 'adminMoney.exceptions.orderId' : 'adminMoney.exceptions.payoutId')}
            error={errorOf('target')}
          >
            <Textbox
              id={id('target')}
              value={target}
              onChange={(event) => setTarget(event.target.value)}
              invalid={Boolean(errorOf('target'))}
              aria-invalid={errorOf('target') ? true : undefined}
              aria-describedby={describedBy(id('target'), false, Boolean(errorOf('target')))}
            />
          </Field>
        )}
        <Field id={id('note')} label={t('adminMoney.exceptions.note')} error={errorOf('note')}>
          <Textbox
            id={id('note')}
            value={note}
            maxLength={1000}
            onChange={(event) => setNote(event.target.value)}
            invalid={Boolean(errorOf('note'))}
            aria-invalid={errorOf('note') ? true : undefined}
            aria-describedby={describedBy(id('note'), false, Boolean(errorOf('note')))}
          />
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('adminMoney.exceptions.resolve')}
        </Button>
        {failure !== undefined && <ErrorMessage error={failure} />}
      </form>
    </article>
  );
}
