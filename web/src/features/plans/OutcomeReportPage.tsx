import './plans.css';
import {
  Alert,
  Button,
  FormLabel,
  Heading2,
  Paragraph,
  RadioButton,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { components, operations } from '../../../../openapi/api.d.ts';
import { api, ApiError, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../lib/format';
import { eurosForInput, parseCount, parseEuros, type Plan } from './plan-steps';
import { personalDataErrors } from './personal-data';

type Report = components['schemas']['OutcomeReport'];
type ReportBody = operations['submitOutcomeReport']['requestBody']['content']['application/json'];

/** Where the API's field paths are on this form. */
const FIELD_IDS: Record<string, string> = {
  'body.narrative': 'report-narrative',
  'body.periodStart': 'report-start',
  'body.periodEnd': 'report-end',
  'body.kind': 'report-kind-interim',
};

/**
 * An outcome report for one period (/plans/{id}/reports/new), or the answer to a returned
 * one (/plans/{id}/reports/{reportId}): counts only. The API's personal-data check is
 * shown at the field it names.
 */
export default function OutcomeReportPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id, reportId } = useParams();
  const plan = useQuery({
    queryKey: [me.user.id, 'plan', id],
    queryFn: () => call(() => api.GET('/v1/plans/{id}', { params: { path: { id: id! } } })),
  });
  const report = useQuery({
    queryKey: [me.user.id, 'report', reportId],
    queryFn: () =>
      call(() => api.GET('/v1/outcome-reports/{id}', { params: { path: { id: reportId! } } })),
    enabled: reportId !== undefined,
  });
  const title = reportId ? t('plans.report.answerTitle') : t('plans.report.newTitle');
  const failed = plan.error ?? report.error;
  if (!plan.data || (reportId && !report.data))
    return (
      <>
        <PageHeading title={title} />
        {failed ? <ErrorMessage error={failed} /> : <Paragraph>{t('app.loading')}</Paragraph>}
      </>
    );
  return (
    <>
      <PageHeading title={title} />
      <Paragraph lead>{plan.data.title}</Paragraph>
      {report.data?.questions && (
        <section aria-labelledby="report-questions">
          <Heading2 id="report-questions">{t('plans.report.questions')}</Heading2>
          <blockquote className="ib-quote" data-testid="report-questions">
            {report.data.questions}
          </blockquote>
        </section>
      )}
      {report.data && report.data.status !== 'returned' ? (
        <Paragraph>{t(`plans.reports.status.${report.data.status}`)}</Paragraph>
      ) : (
        <ReportForm plan={plan.data} report={report.data} />
      )}
    </>
  );
}

function ReportForm({ plan, report }: { plan: Plan; report: Report | undefined }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [kind, setKind] = useState<'interim' | 'final'>(report?.kind ?? 'interim');
  const [start, setStart] = useState(report?.periodStart ?? '');
  const [end, setEnd] = useState(report?.periodEnd ?? '');
  const [participants, setParticipants] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      plan.targetGroups.map((g) => [
        g.targetGroup,
        String(
          report?.participants.find((p) => p.targetGroup === g.targetGroup)?.participants ?? '',
        ),
      ]),
    ),
  );
  const [achieved, setAchieved] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      plan.expectedOutcomes.map((o) => [
        o.outcomeType,
        String(report?.outcomes.find((r) => r.outcomeType === o.outcomeType)?.achieved ?? ''),
      ]),
    ),
  );
  const [banen, setBanen] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      plan.expectedOutcomes.map((o) => [
        o.outcomeType,
        String(report?.outcomes.find((r) => r.outcomeType === o.outcomeType)?.banenafspraak ?? ''),
      ]),
    ),
  );
  const [spent, setSpent] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      plan.budgetLines.map((line) => [
        line.id,
        eurosForInput(report?.spending.find((s) => s.budgetLineId === line.id)?.spentCents),
      ]),
    ),
  );
  const [narrative, setNarrative] = useState(report?.narrative ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const local: FieldError[] = [];
    const count = (value: string | undefined, field: string, name: string) => {
      const text = (value ?? '').trim();
      if (text === '') return 0;
      const n = parseCount(text);
      if (n === undefined || n > 100_000) {
        local.push({ field, message: t('plans.report.countError', { name }) });
        return 0;
      }
      return n;
    };
    if (!start) local.push({ field: 'report-start', message: t('plans.report.startRequired') });
    if (!end) local.push({ field: 'report-end', message: t('plans.report.endRequired') });
    else if (start && end < start)
      local.push({ field: 'report-end', message: t('plans.report.endBeforeStart') });
    const body: ReportBody = {
      kind,
      periodStart: start,
      periodEnd: end,
      participants: plan.targetGroups.map((g, index) => ({
        targetGroup: g.targetGroup,
        participants: count(
          participants[g.targetGroup],
          `report-participants-${index}`,
          t(`targetGroup.${g.targetGroup}`),
        ),
      })),
      outcomes: plan.expectedOutcomes.map((o, index) => {
        const a = count(
          achieved[o.outcomeType],
          `report-achieved-${index}`,
          t(`outcomeType.${o.outcomeType}`),
        );
        const b = count(
          banen[o.outcomeType],
          `report-banen-${index}`,
          t(`outcomeType.${o.outcomeType}`),
        );
        if (b > a)
          local.push({
            field: `report-banen-${index}`,
            message: t('plans.report.banenTooMany', { name: t(`outcomeType.${o.outcomeType}`) }),
          });
        return { outcomeType: o.outcomeType, achieved: a, banenafspraak: b };
      }),
      spending: plan.budgetLines.flatMap((line, index) => {
        const text = (spent[line.id] ?? '').trim();
        if (text === '') return [];
        const cents = parseEuros(text);
        if (cents === undefined) {
          local.push({
            field: `report-spent-${index}`,
            message: t('plans.report.amountError', { name: line.description }),
          });
          return [];
        }
        return [{ budgetLineId: line.id, spentCents: cents }];
      }),
      narrative: narrative.trim(),
      stories: [],
    };
    if (!narrative.trim())
      local.push({ field: 'report-narrative', message: t('plans.report.narrativeRequired') });
    setErrors(local);
    if (local.length > 0) return;
    setBusy(true);
    try {
      if (report)
        await call(() =>
          api.PUT('/v1/outcome-reports/{id}', { params: { path: { id: report.id } }, body }),
        );
      else
        await call(() =>
          api.POST('/v1/projects/{id}/outcome-reports', {
            params: { path: { id: plan.id } },
            body,
          }),
        );
      await client.invalidateQueries({ queryKey: [] });
      void navigate(`/plans/${plan.id}?reported=1`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'OUTCOME.PERIOD_IN_FUTURE')
        setErrors([{ field: 'report-end', message: t('plans.report.endInFuture') }]);
      else if (error instanceof ApiError && error.code === 'OUTCOME.PERIOD_OVERLAP')
        setErrors([{ field: 'report-start', message: t('plans.report.overlap') }]);
      else {
        const fields = error instanceof ApiError ? personalDataErrors(t, error, FIELD_IDS) : [];
        if (fields.length > 0) setErrors(fields);
        else setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (id: string) => errors.find((e) => e.field === id)?.message;
  const input = (
    id: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    options: { hint?: string; type?: string; inputMode?: 'numeric' | 'decimal' } = {},
  ) => (
    <Field
      id={id}
      label={label}
      {...(options.hint ? { hint: options.hint } : {})}
      error={errorOf(id)}
    >
      <Textbox
        id={id}
        name={id}
        type={options.type ?? 'text'}
        inputMode={options.inputMode}
        value={value}
        invalid={Boolean(errorOf(id))}
        aria-invalid={errorOf(id) ? true : undefined}
        aria-describedby={describedBy(id, Boolean(options.hint), Boolean(errorOf(id)))}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
  const legend = 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend';
  const fieldset = 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset';
  return (
    <>
      <Paragraph>{t('plans.report.lead')}</Paragraph>
      <Alert type="info">
        <Paragraph>{t('plans.report.countsOnly')}</Paragraph>
      </Alert>
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      <form noValidate onSubmit={(event) => void submit(event)}>
        {!report && (
          <fieldset className={fieldset}>
            <legend className={legend}>{t('plans.report.kindLegend')}</legend>
            {(['interim', 'final'] as const).map((value) => (
              <div key={value} className="utrecht-form-field utrecht-form-field--radio">
                <RadioButton
                  id={`report-kind-${value}`}
                  name="kind"
                  value={value}
                  checked={kind === value}
                  disabled={value === 'final' && plan.status !== 'funded'}
                  onChange={() => setKind(value)}
                />{' '}
                <FormLabel htmlFor={`report-kind-${value}`} type="radio">
                  {t(`plans.report.kinds.${value}`)}
                </FormLabel>
              </div>
            ))}
          </fieldset>
        )}
        <fieldset className={fieldset}>
          <legend className={legend}>{t('plans.report.period')}</legend>
          {input('report-start', t('plans.report.start'), start, setStart, { type: 'date' })}
          {input('report-end', t('plans.report.end'), end, setEnd, { type: 'date' })}
        </fieldset>
        <fieldset className={fieldset}>
          <legend className={legend}>{t('plans.report.participants')}</legend>
          {plan.targetGroups.map((g, index) =>
            input(
              `report-participants-${index}`,
              t(`targetGroup.${g.targetGroup}`),
              participants[g.targetGroup] ?? '',
              (value) => setParticipants((all) => ({ ...all, [g.targetGroup]: value })),
              {
                inputMode: 'numeric',
                hint: t('plans.report.expected', { n: g.expectedParticipants }),
              },
            ),
          )}
        </fieldset>
        <fieldset className={fieldset}>
          <legend className={legend}>{t('plans.report.outcomes')}</legend>
          {plan.expectedOutcomes.map((o, index) => (
            <div key={o.outcomeType}>
              {input(
                `report-achieved-${index}`,
                t('plans.report.achieved', { outcome: t(`outcomeType.${o.outcomeType}`) }),
                achieved[o.outcomeType] ?? '',
                (value) => setAchieved((all) => ({ ...all, [o.outcomeType]: value })),
                { inputMode: 'numeric', hint: t('plans.report.expected', { n: o.expectedCount }) },
              )}
              {input(
                `report-banen-${index}`,
                t('plans.report.banen', { outcome: t(`outcomeType.${o.outcomeType}`) }),
                banen[o.outcomeType] ?? '',
                (value) => setBanen((all) => ({ ...all, [o.outcomeType]: value })),
                { inputMode: 'numeric' },
              )}
            </div>
          ))}
        </fieldset>
        <fieldset className={fieldset}>
          <legend className={legend}>{t('plans.report.spending')}</legend>
          {plan.budgetLines.map((line, index) =>
            input(
              `report-spent-${index}`,
              t('plans.report.spentOn', { line: line.description }),
              spent[line.id] ?? '',
              (value) => setSpent((all) => ({ ...all, [line.id]: value })),
              { inputMode: 'decimal', hint: t('plans.hints.euros') },
            ),
          )}
        </fieldset>
        <Field
          id="report-narrative"
          label={t('plans.report.narrative')}
          hint={t('plans.report.narrativeHint')}
          error={errorOf('report-narrative')}
        >
          <Textarea
            id="report-narrative"
            name="narrative"
            value={narrative}
            maxLength={5000}
            invalid={Boolean(errorOf('report-narrative'))}
            aria-invalid={errorOf('report-narrative') ? true : undefined}
            aria-describedby={describedBy(
              'report-narrative',
              true,
              Boolean(errorOf('report-narrative')),
            )}
            onChange={(event) => setNarrative(event.target.value)}
          />
        </Field>
        {report && (
          <Paragraph>
            {t('plans.report.revision', {
              n: report.revision,
              date: formatDate(report.submittedAt, lang),
            })}
          </Paragraph>
        )}
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {report ? t('plans.report.resubmit') : t('plans.report.submit')}
        </Button>
      </form>
    </>
  );
}
