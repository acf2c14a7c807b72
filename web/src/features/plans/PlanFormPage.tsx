import './plans.css';
import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  FormLabel,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { components } from '../../../../openapi/api.d.ts';
import { api, ApiError, call } from '../../api/client';
import { useMunicipalities } from '../../api/queries';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import { formatEuros } from '../../lib/format';
import {
  BUDGET_CATEGORIES,
  EDITABLE,
  eurosForInput,
  fieldOf,
  OUTCOME_TYPES,
  parseCount,
  parseEuros,
  type BudgetCategory,
  type Plan,
  STEPS,
  type Step,
  TARGET_GROUPS,
} from './plan-steps';
import { MissingList } from './MissingList';

/** The fields a step sends: a part of the PATCH /v1/plans/{id} body. */
type Patch = components['schemas']['UpdatePlanInput'];

/**
 * The plan form in steps (/plans/new, /plans/{id}/edit/{step}). Each step saves the draft
 * through the API before the next one opens, so nothing typed is lost; the last step shows
 * what the API says is still missing, with links to the fields, and submits.
 */
export default function PlanFormPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id, step: stepParam } = useParams();
  const step: Step = STEPS.includes(stepParam as Step) ? (stepParam as Step) : 'about';
  const plan = useQuery({
    queryKey: [me.user.id, 'plan', id],
    queryFn: () => call(() => api.GET('/v1/plans/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined,
  });
  // Kept here: a save reloads the plan, and the step's form starts afresh with what was saved.
  const [savedStep, setSavedStep] = useState<Step | undefined>();
  const title = id
    ? t('plans.form.editTitle', { step: t(`plans.steps.${step}`) })
    : t('plans.form.newTitle');

  if (me.organisation.kind !== 'initiative')
    return (
      <>
        <PageHeading title={title} />
        <Paragraph>{t('plans.onlyInitiatives')}</Paragraph>
      </>
    );
  if (id && plan.isPending)
    return (
      <>
        <PageHeading title={title} />
        <Paragraph>{t('app.loading')}</Paragraph>
      </>
    );
  if (id && plan.error)
    return (
      <>
        <PageHeading title={title} />
        <ErrorMessage error={plan.error} onRetry={() => void plan.refetch()} />
      </>
    );
  const current = plan.data;
  return (
    <>
      <PageHeading title={title} />
      {current && <Paragraph lead>{current.title}</Paragraph>}
      <StepNav planId={id} current={step} />
      {current && !EDITABLE.includes(current.status) ? (
        <Alert type="info">
          <Paragraph>
            {t('plans.form.notEditable', { status: t(`planStatus.${current.status}`) })}{' '}
            <AppLink to={`/plans/${current.id}`}>{t('plans.form.toPlan')}</AppLink>
          </Paragraph>
        </Alert>
      ) : (
        <StepForm
          key={`${step}-${current?.updatedAt ?? 'new'}`}
          step={step}
          plan={current}
          saved={savedStep === step}
          onSaved={setSavedStep}
        />
      )}
    </>
  );
}

function StepNav({ planId, current }: { planId: string | undefined; current: Step }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('plans.form.stepsLabel')} className="ib-plan-steps">
      <ol>
        {STEPS.map((step, index) => {
          const label = t('plans.form.stepLabel', {
            n: index + 1,
            name: t(`plans.steps.${step}`),
          });
          return (
            <li key={step}>
              {step === current ? (
                <strong aria-current="step">{label}</strong>
              ) : planId ? (
                <AppLink to={`/plans/${planId}/edit/${step}`}>{label}</AppLink>
              ) : (
                <span>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** One step: its controls, its errors, and saving (then on to the next step). */
function StepForm({
  step,
  plan,
  saved,
  onSaved,
}: {
  step: Step;
  plan: Plan | undefined;
  saved: boolean;
  onSaved: (step: Step | undefined) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  // A link from "wat ontbreekt nog" names the field after '#': focus it once the step shows.
  useEffect(() => {
    const target = decodeURIComponent(location.hash.slice(1));
    if (target) document.getElementById(target)?.focus();
  }, [location.hash]);

  const next = STEPS[STEPS.indexOf(step) + 1];

  /** Sends the step's fields; local checks first (as field errors), then the API's answer. */
  async function save(body: Patch | undefined, local: FieldError[], goNext: boolean) {
    setFailure(undefined);
    onSaved(undefined);
    setErrors(local);
    if (local.length > 0 || !body) return;
    setBusy(true);
    try {
      const result = plan
        ? await call(() => api.PATCH('/v1/plans/{id}', { params: { path: { id: plan.id } }, body }))
        : await call(() =>
            api.POST('/v1/plans', {
              // A new plan is made by the first step, which sends no nulls.
              body: {
                ...body,
                title: body.title ?? '',
              } as components['schemas']['CreatePlanInput'],
            }),
          );
      if (!goNext || !next) onSaved(step);
      await client.invalidateQueries({ queryKey: [] });
      if (goNext && next) void navigate(`/plans/${result.id}/edit/${next}`);
      else if (!plan) void navigate(`/plans/${result.id}/edit/${step}`, { replace: true });
    } catch (error) {
      const fields =
        error instanceof ApiError
          ? error.errors.flatMap((e) => {
              const field = fieldOf(e.path);
              return field && field.step === step
                ? [{ field: field.id, message: fieldMessage(t, field.key, e.message) }]
                : [];
            })
          : [];
      if (fields.length > 0) setErrors(dedupe(fields));
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const props = { plan, errors, busy, save };
  return (
    <section aria-labelledby="plan-step-title">
      <Heading2 id="plan-step-title">{t(`plans.steps.${step}`)}</Heading2>
      <Paragraph>{t(`plans.stepHints.${step}`)}</Paragraph>
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      {saved && (
        <Alert type="ok" role="status">
          <Paragraph>{t('plans.form.saved')}</Paragraph>
        </Alert>
      )}
      {step === 'about' && <AboutStep {...props} />}
      {step === 'municipalities' && plan && <MunicipalitiesStep {...props} plan={plan} />}
      {step === 'targetGroups' && plan && <TargetGroupsStep {...props} plan={plan} />}
      {step === 'outcomes' && plan && <OutcomesStep {...props} plan={plan} />}
      {step === 'budget' && plan && <BudgetStep {...props} plan={plan} />}
      {step === 'contact' && plan && <ContactStep {...props} plan={plan} />}
      {step === 'submit' && plan && <SubmitStep plan={plan} />}
    </section>
  );
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
}

type T = ReturnType<typeof useTranslation>['t'];

/** The API's message for a field in plain words where we have them; the API's own otherwise. */
function fieldMessage(t: T, key: string, apiMessage: string): string {
  const name = key.replace(/\./g, '_');
  return t(`plans.fieldErrors.${name}`, {
    defaultValue: `${t(`plans.fieldNames.${name}`, { defaultValue: key })}: ${apiMessage}`,
  });
}

interface StepProps {
  errors: FieldError[];
  busy: boolean;
  save: (body: Patch | undefined, local: FieldError[], goNext: boolean) => Promise<void>;
}

function errorOf(errors: FieldError[], id: string): string | undefined {
  return errors.find((e) => e.field === id)?.message;
}

/** The form element with "Opslaan en verder" and "Opslaan". */
function StepFormShell({
  busy,
  onSave,
  children,
}: {
  busy: boolean;
  onSave: (goNext: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        onSave(true);
      }}
    >
      {children}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('plans.form.saveNext')}
        </Button>
        <Button appearance="secondary-action-button" busy={busy} onClick={() => onSave(false)}>
          {t('plans.form.save')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  multiline,
  type,
  autoComplete,
  inputMode,
  maxLength,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  type?: string;
  autoComplete?: string;
  inputMode?: 'decimal' | 'numeric' | 'email' | 'tel' | 'text';
  maxLength?: number;
}) {
  const common = {
    id,
    name: id,
    value,
    invalid: Boolean(error),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, Boolean(hint), Boolean(error)),
  } as const;
  return (
    <Field id={id} label={label} {...(hint ? { hint } : {})} error={error}>
      {multiline ? (
        <Textarea {...common} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Textbox
          {...common}
          type={type ?? 'text'}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function AboutStep({ plan, errors, busy, save }: StepProps & { plan: Plan | undefined }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(plan?.title ?? '');
  const [summary, setSummary] = useState(plan?.summary ?? '');
  const [description, setDescription] = useState(plan?.description ?? '');
  const [start, setStart] = useState(plan?.startDate ?? '');
  const [end, setEnd] = useState(plan?.endDate ?? '');
  function onSave(goNext: boolean) {
    const local: FieldError[] = [];
    if (title.trim().length < 3)
      local.push({ field: 'plan-title', message: t('plans.fieldErrors.title') });
    if (start && end && end < start)
      local.push({ field: 'plan-end', message: t('plans.fieldErrors.endDate') });
    void save(
      {
        title: title.trim(),
        summary: summary.trim(),
        description: description.trim(),
        ...(plan
          ? { startDate: start || null, endDate: end || null }
          : { ...(start ? { startDate: start } : {}), ...(end ? { endDate: end } : {}) }),
      } as Patch,
      local,
      goNext,
    );
  }
  return (
    <StepFormShell busy={busy} onSave={onSave}>
      <TextField
        id="plan-title"
        label={t('plans.fieldNames.title')}
        hint={t('plans.hints.title')}
        error={errorOf(errors, 'plan-title')}
        value={title}
        onChange={setTitle}
        maxLength={200}
      />
      <TextField
        id="plan-summary"
        label={t('plans.fieldNames.summary')}
        hint={t('plans.hints.summary')}
        error={errorOf(errors, 'plan-summary')}
        value={summary}
        onChange={setSummary}
        multiline
        maxLength={1000}
      />
      <TextField
        id="plan-description"
        label={t('plans.fieldNames.description')}
        hint={t('plans.hints.description')}
        error={errorOf(errors, 'plan-description')}
        value={description}
        onChange={setDescription}
        multiline
        maxLength={20000}
      />
      <TextField
        id="plan-start"
        label={t('plans.fieldNames.startDate')}
        error={errorOf(errors, 'plan-start')}
        value={start}
        onChange={setStart}
        type="date"
      />
      <TextField
        id="plan-end"
        label={t('plans.fieldNames.endDate')}
        error={errorOf(errors, 'plan-end')}
        value={end}
        onChange={setEnd}
        type="date"
      />
    </StepFormShell>
  );
}

function MunicipalitiesStep({ plan, errors, busy, save }: StepProps & { plan: Plan }) {
  const { t } = useTranslation();
  const known = useMunicipalities();
  const [chosen, setChosen] = useState(plan.municipalities);
  const [otherName, setOtherName] = useState('');
  const [otherCode, setOtherCode] = useState('');
  // Every municipality with a public project, and those already in the plan, by name.
  const options = [...chosen];
  for (const m of known.data ?? [])
    if (!options.some((o) => o.cbsCode === m.cbsCode))
      options.push({ cbsCode: m.cbsCode, name: m.name });
  options.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const error = errorOf(errors, 'plan-municipalities');
  const otherError = errorOf(errors, 'plan-other-municipality-code');

  function onSave(goNext: boolean) {
    const list = [...chosen];
    const local: FieldError[] = [];
    if (otherName.trim() || otherCode.trim()) {
      const code = otherCode.trim().toUpperCase();
      if (!/^GM[0-9]{4}$/.test(code) || !otherName.trim())
        local.push({
          field: 'plan-other-municipality-code',
          message: t('plans.fieldErrors.otherMunicipality'),
        });
      else if (!list.some((m) => m.cbsCode === code))
        list.push({ cbsCode: code, name: otherName.trim() });
    }
    void save({ municipalities: list } as Patch, local, goNext);
  }
  return (
    <StepFormShell busy={busy} onSave={onSave}>
      <fieldset
        className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ib-checkboxes"
        aria-describedby={error ? 'plan-municipalities-error' : undefined}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('plans.fieldNames.municipalities')}
        </legend>
        {error && (
          <Paragraph id="plan-municipalities-error" className="utrecht-form-field-error-message">
            {error}
          </Paragraph>
        )}
        {known.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
        {options.map((m, index) => {
          const id = index === 0 ? 'plan-municipalities' : `plan-municipalities-${index}`;
          return (
            <div key={m.cbsCode} className="utrecht-form-field utrecht-form-field--checkbox">
              <Checkbox
                id={id}
                name="municipalities"
                value={m.cbsCode}
                checked={chosen.some((c) => c.cbsCode === m.cbsCode)}
                invalid={Boolean(error)}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked
                      ? [...current, m]
                      : current.filter((c) => c.cbsCode !== m.cbsCode),
                  )
                }
              />{' '}
              <FormLabel htmlFor={id} type="checkbox">
                {m.name}
              </FormLabel>
            </div>
          );
        })}
      </fieldset>
      <details className="ib-plan-other" open={Boolean(otherError)}>
        <summary>{t('plans.form.otherMunicipality')}</summary>
        <TextField
          id="plan-other-municipality-name"
          label={t('plans.fieldNames.municipalityName')}
          error={undefined}
          value={otherName}
          onChange={setOtherName}
          maxLength={100}
        />
        <TextField
          id="plan-other-municipality-code"
          label={t('plans.fieldNames.municipalityCode')}
          hint={t('plans.hints.municipalityCode')}
          error={otherError}
          value={otherCode}
          onChange={setOtherCode}
          maxLength={6}
        />
      </details>
    </StepFormShell>
  );
}

/** A number per item of a fixed list (target groups, outcome types); empty means not in the plan. */
function CountsStep<K extends string>({
  idPrefix,
  keys,
  initial,
  labelOf,
  hint,
  legend,
  toBody,
  errors,
  busy,
  save,
}: StepProps & {
  idPrefix: string;
  keys: K[];
  initial: Partial<Record<K, number>>;
  labelOf: (key: K) => string;
  hint: string;
  legend: string;
  toBody: (counts: { key: K; count: number }[]) => Patch;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(keys.map((k) => [k, initial[k] ? String(initial[k]) : ''])),
  );
  const idOf = (index: number) => (index === 0 ? idPrefix : `${idPrefix}-${index}`);
  function onSave(goNext: boolean) {
    const local: FieldError[] = [];
    const counts: { key: K; count: number }[] = [];
    keys.forEach((key, index) => {
      const text = (values[key] ?? '').trim();
      if (text === '') return;
      const count = parseCount(text);
      if (count === undefined || count < 1 || count > 100_000)
        local.push({
          field: idOf(index),
          message: t('plans.fieldErrors.count', { name: labelOf(key) }),
        });
      else counts.push({ key, count });
    });
    void save(toBody(counts), local, goNext);
  }
  const groupError = errorOf(errors, idPrefix);
  return (
    <StepFormShell busy={busy} onSave={onSave}>
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {legend}
        </legend>
        <Paragraph>{hint}</Paragraph>
        {keys.map((key, index) => {
          const id = idOf(index);
          const error = errorOf(errors, id) ?? (index === 0 ? groupError : undefined);
          return (
            <TextField
              key={key}
              id={id}
              label={labelOf(key)}
              error={error}
              value={values[key] ?? ''}
              onChange={(value) => setValues((current) => ({ ...current, [key]: value }))}
              inputMode="numeric"
              maxLength={7}
            />
          );
        })}
      </fieldset>
    </StepFormShell>
  );
}

function TargetGroupsStep(props: StepProps & { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <CountsStep
      {...props}
      idPrefix="plan-target-groups"
      keys={TARGET_GROUPS}
      initial={Object.fromEntries(
        props.plan.targetGroups.map((g) => [g.targetGroup, g.expectedParticipants]),
      )}
      labelOf={(key) => t('plans.form.participantsOf', { group: t(`targetGroup.${key}`) })}
      legend={t('plans.fieldNames.targetGroups')}
      hint={t('plans.hints.targetGroups')}
      toBody={(counts) =>
        ({
          targetGroups: counts.map((c) => ({ targetGroup: c.key, expectedParticipants: c.count })),
        }) as Patch
      }
    />
  );
}

function OutcomesStep(props: StepProps & { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <CountsStep
      {...props}
      idPrefix="plan-outcomes"
      keys={OUTCOME_TYPES}
      initial={Object.fromEntries(
        props.plan.expectedOutcomes.map((o) => [o.outcomeType, o.expectedCount]),
      )}
      labelOf={(key) => t('plans.form.expectedOf', { outcome: t(`outcomeType.${key}`) })}
      legend={t('plans.fieldNames.expectedOutcomes')}
      hint={t('plans.hints.expectedOutcomes')}
      toBody={(counts) =>
        ({
          expectedOutcomes: counts.map((c) => ({ outcomeType: c.key, expectedCount: c.count })),
        }) as Patch
      }
    />
  );
}

interface LineDraft {
  key: number;
  id?: string;
  description: string;
  category: BudgetCategory;
  amount: string;
}

function BudgetStep({ plan, errors, busy, save }: StepProps & { plan: Plan }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [lines, setLines] = useState<LineDraft[]>(() =>
    plan.budgetLines.map((line, index) => ({
      key: index,
      id: line.id,
      description: line.description,
      category: line.category,
      amount: eurosForInput(line.amountCents),
    })),
  );
  const [nextKey, setNextKey] = useState(plan.budgetLines.length);
  const [minimum, setMinimum] = useState(eurosForInput(plan.minimumBudgetCents));
  const [otherAmount, setOtherAmount] = useState(
    plan.otherFunding.amountCents > 0 ? eurosForInput(plan.otherFunding.amountCents) : '',
  );
  const [otherDescription, setOtherDescription] = useState(plan.otherFunding.description ?? '');
  const total = lines.reduce((sum, line) => sum + (parseEuros(line.amount) ?? 0), 0);

  function addLine() {
    setLines((current) => [
      ...current,
      { key: nextKey, description: '', category: 'staff', amount: '' },
    ]);
    setNextKey((k) => k + 1);
    // Focus the new line's first field once it is there.
    const target = lineFieldId(nextKey, lines.length, 'description');
    setTimeout(() => document.getElementById(target)?.focus(), 0);
  }

  function onSave(goNext: boolean) {
    const local: FieldError[] = [];
    const body = lines.map((line, index) => {
      const cents = parseEuros(line.amount);
      if (!line.description.trim())
        local.push({
          field: lineFieldId(line.key, index, 'description'),
          message: t('plans.fieldErrors.lineDescription', { n: index + 1 }),
        });
      if (cents === undefined || cents <= 0)
        local.push({
          field: `plan-line-${line.key}-amount`,
          message: t('plans.fieldErrors.lineAmount', { n: index + 1 }),
        });
      return {
        ...(line.id ? { id: line.id } : {}),
        description: line.description.trim(),
        category: line.category,
        amountCents: cents ?? 0,
      };
    });
    const minimumCents = minimum.trim() ? parseEuros(minimum) : null;
    if (minimumCents === undefined || minimumCents === 0)
      local.push({ field: 'plan-minimum', message: t('plans.fieldErrors.amount') });
    else if (minimumCents !== null && total > 0 && minimumCents > total)
      local.push({ field: 'plan-minimum', message: t('plans.fieldErrors.minimumBudgetCents') });
    const otherCents = otherAmount.trim() ? parseEuros(otherAmount) : 0;
    if (otherCents === undefined)
      local.push({ field: 'plan-other-amount', message: t('plans.fieldErrors.amount') });
    else if (otherCents > 0 && !otherDescription.trim())
      local.push({
        field: 'plan-other-description',
        message: t('plans.fieldErrors.otherFunding_description'),
      });
    void save(
      {
        budgetLines: body,
        // The total cost is the sum of the lines: nobody has to add it up by hand.
        totalCostCents: total > 0 ? total : null,
        minimumBudgetCents: minimumCents ?? null,
        otherFunding:
          otherCents && otherCents > 0
            ? { amountCents: otherCents, description: otherDescription.trim() }
            : null,
      } as Patch,
      local,
      goNext,
    );
  }

  const linesError = errorOf(errors, 'plan-budget-lines');
  return (
    <StepFormShell busy={busy} onSave={onSave}>
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('plans.fieldNames.budgetLines')}
        </legend>
        <Paragraph>{t('plans.hints.budgetLines')}</Paragraph>
        {linesError && (
          <Paragraph className="utrecht-form-field-error-message">{linesError}</Paragraph>
        )}
        {lines.map((line, index) => (
          <fieldset
            key={line.key}
            className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ib-plan-line"
          >
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t('plans.form.line', { n: index + 1 })}
            </legend>
            <TextField
              id={lineFieldId(line.key, index, 'description')}
              label={t('plans.fieldNames.lineDescription')}
              error={errorOf(errors, lineFieldId(line.key, index, 'description'))}
              value={line.description}
              onChange={(value) =>
                setLines((all) =>
                  all.map((l) => (l.key === line.key ? { ...l, description: value } : l)),
                )
              }
              maxLength={300}
            />
            <Field id={`plan-line-${line.key}-category`} label={t('plans.fieldNames.category')}>
              <Select
                id={`plan-line-${line.key}-category`}
                name={`line-${line.key}-category`}
                value={line.category}
                onChange={(event) =>
                  setLines((all) =>
                    all.map((l) =>
                      l.key === line.key
                        ? { ...l, category: event.target.value as BudgetCategory }
                        : l,
                    ),
                  )
                }
              >
                {BUDGET_CATEGORIES.map((category) => (
                  <SelectOption key={category} value={category}>
                    {t(`budgetCategory.${category}`)}
                  </SelectOption>
                ))}
              </Select>
            </Field>
            <TextField
              id={`plan-line-${line.key}-amount`}
              label={t('plans.fieldNames.amount')}
              hint={t('plans.hints.euros')}
              error={errorOf(errors, `plan-line-${line.key}-amount`)}
              value={line.amount}
              onChange={(value) =>
                setLines((all) =>
                  all.map((l) => (l.key === line.key ? { ...l, amount: value } : l)),
                )
              }
              inputMode="decimal"
              maxLength={20}
            />
            <Button
              appearance="subtle-button"
              onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}
            >
              {t('plans.form.removeLine', { n: index + 1 })}
            </Button>
          </fieldset>
        ))}
        <Button
          id={lines.length === 0 ? 'plan-budget-lines' : 'plan-add-line'}
          appearance="secondary-action-button"
          onClick={addLine}
        >
          {t('plans.form.addLine')}
        </Button>
        <Paragraph role="status">
          {t('plans.form.total', { amount: formatEuros(total, lang) })}
        </Paragraph>
      </fieldset>
      <TextField
        id="plan-minimum"
        label={t('plans.fieldNames.minimumBudgetCents')}
        hint={t('plans.hints.minimumBudget')}
        error={errorOf(errors, 'plan-minimum')}
        value={minimum}
        onChange={setMinimum}
        inputMode="decimal"
        maxLength={20}
      />
      <TextField
        id="plan-other-amount"
        label={t('plans.fieldNames.otherFunding')}
        hint={t('plans.hints.otherFunding')}
        error={errorOf(errors, 'plan-other-amount')}
        value={otherAmount}
        onChange={setOtherAmount}
        inputMode="decimal"
        maxLength={20}
      />
      <TextField
        id="plan-other-description"
        label={t('plans.fieldNames.otherFundingDescription')}
        error={errorOf(errors, 'plan-other-description')}
        value={otherDescription}
        onChange={setOtherDescription}
        maxLength={1000}
      />
    </StepFormShell>
  );
}

/** The first line's description is what "wat ontbreekt nog" links to. */
function lineFieldId(key: number, index: number, field: 'description'): string {
  return index === 0 ? 'plan-budget-lines' : `plan-line-${key}-${field}`;
}

function ContactStep({ plan, errors, busy, save }: StepProps & { plan: Plan }) {
  const { t } = useTranslation();
  const [name, setName] = useState(plan.contact.name ?? '');
  const [email, setEmail] = useState(plan.contact.email ?? '');
  const [phone, setPhone] = useState(plan.contact.phone ?? '');
  function onSave(goNext: boolean) {
    const local: FieldError[] = [];
    if (!name.trim())
      local.push({ field: 'plan-contact-name', message: t('plans.fieldErrors.contact_name') });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      local.push({ field: 'plan-contact-email', message: t('plans.fieldErrors.contact_email') });
    void save(
      {
        contact: { name: name.trim(), email: email.trim(), phone: phone.trim() || null },
      } as Patch,
      local,
      goNext,
    );
  }
  return (
    <StepFormShell busy={busy} onSave={onSave}>
      <TextField
        id="plan-contact-name"
        label={t('plans.fieldNames.contact_name')}
        error={errorOf(errors, 'plan-contact-name')}
        value={name}
        onChange={setName}
        autoComplete="name"
        maxLength={200}
      />
      <TextField
        id="plan-contact-email"
        label={t('plans.fieldNames.contact_email')}
        error={errorOf(errors, 'plan-contact-email')}
        value={email}
        onChange={setEmail}
        type="email"
        inputMode="email"
        autoComplete="email"
        maxLength={254}
      />
      <TextField
        id="plan-contact-phone"
        label={t('plans.fieldNames.contact_phone')}
        hint={t('plans.hints.phone')}
        error={errorOf(errors, 'plan-contact-phone')}
        value={phone}
        onChange={setPhone}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={40}
      />
    </StepFormShell>
  );
}

function SubmitStep({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  async function submit() {
    setFailure(undefined);
    setBusy(true);
    try {
      await call(() => api.POST('/v1/plans/{id}/submit', { params: { path: { id: plan.id } } }));
      await client.invalidateQueries({ queryKey: [] });
      void navigate(`/plans/${plan.id}?submitted=1`);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <MissingList plan={plan} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      {plan.completeness.length === 0 && (
        <>
          <Paragraph>
            {plan.status === 'changes_requested'
              ? t('plans.form.readyAgain')
              : t('plans.form.ready')}
          </Paragraph>
          <Button appearance="primary-action-button" busy={busy} onClick={() => void submit()}>
            {plan.status === 'changes_requested'
              ? t('plans.form.resubmit')
              : t('plans.form.submit')}
          </Button>
        </>
      )}
    </>
  );
}
