import {
  Alert,
  Button,
  Checkbox,
  FormLabel,
  Paragraph,
  RadioButton,
  Textbox,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage, useErrorText } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { currentLanguage } from '../../i18n';
import { formatBasisPoints, formatEuros } from '../../lib/format';
import {
  checkTenderNed,
  type Contract,
  eurosForInput,
  isCoordinator,
  obligationPreview,
  parseEuros,
  parsePercentage,
  percentageForInput,
  useContract,
} from './authority-api';
import { AuthorityPage } from './authority-ui';

type FormField =
  | 'kvk'
  | 'supplierName'
  | 'supplierEmail'
  | 'reference'
  | 'title'
  | 'value'
  | 'percentage'
  | 'wageSum'
  | 'fixed'
  | 'startsOn'
  | 'endsOn'
  | 'factor'
  | 'cap'
  | 'tenderReference'
  | 'tenderUrl';
/** What the obligation is reckoned from: the API's `obligation.basis`. */
type Basis = 'contract_value' | 'wage_sum' | 'fixed';
const BASES: readonly Basis[] = ['contract_value', 'wage_sum', 'fixed'];
type Values = Record<FormField, string> & { acceptsCredits: boolean; basis: Basis };
const fieldId = (f: FormField) => `contract-${f}`;

/** The fields with a hint under their label. */
const HINTED = new Set<FormField>([
  'kvk',
  'supplierEmail',
  'reference',
  'value',
  'percentage',
  'wageSum',
  'fixed',
  'factor',
  'cap',
  'tenderReference',
  'tenderUrl',
]);

/** The API's field paths, as this form names its fields. */
const API_FIELDS: Record<string, FormField> = {
  'supplier.kvkNumber': 'kvk',
  'supplier.name': 'supplierName',
  'supplier.contactEmail': 'supplierEmail',
  reference: 'reference',
  title: 'title',
  valueCents: 'value',
  'obligation.percentageBp': 'percentage',
  'obligation.wageSumCents': 'wageSum',
  'obligation.fixedAmountCents': 'fixed',
  obligation: 'percentage',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  'valuation.creditFactorBp': 'factor',
  'valuation.creditShareCapBp': 'cap',
  'tenderNed.reference': 'tenderReference',
  'tenderNed.url': 'tenderUrl',
  tenderNed: 'tenderUrl',
};

/** Problems the API answers that belong at one field. */
const CODE_FIELDS: Record<string, FormField> = {
  'CONTRACT.REFERENCE_TAKEN': 'reference',
  'CONTRACT.NOT_A_SUPPLIER': 'kvk',
  'CONTRACT.SUPPLIER_EMAIL_TAKEN': 'supplierEmail',
  'CONTRACT.OBLIGATION_BELOW_COUNTED': 'value',
};

type Lookup =
  { kvk: string; state: 'found'; name: string } | { kvk: string; state: 'missing' } | undefined;

/** "Contract registreren" (/contracts/new) and "Contract wijzigen" (/contracts/:id/edit). */
export default function ContractFormPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const title = id ? t('authority.form.editTitle') : t('authority.form.newTitle');
  return (
    <AuthorityPage me={me} title={title} lead={t('authority.form.lead')}>
      {!isCoordinator(me) ? (
        <Paragraph>{t('authority.form.onlyCoordinators')}</Paragraph>
      ) : id ? (
        <EditLoader me={me} id={id} />
      ) : (
        <ContractForm />
      )}
    </AuthorityPage>
  );
}

function EditLoader({ me, id }: { me: Me; id: string }) {
  const { t } = useTranslation();
  const contract = useContract(me, id);
  if (contract.isPending) return <Paragraph>{t('app.loading')}</Paragraph>;
  if (contract.error)
    return <ErrorMessage error={contract.error} onRetry={() => void contract.refetch()} />;
  if (contract.data.status === 'closed')
    return <Paragraph>{t('authority.contract.closedNoChange')}</Paragraph>;
  return <ContractForm contract={contract.data} />;
}

function initialValues(contract?: Contract): Values {
  return {
    kvk: contract?.supplier.kvkNumber ?? '',
    supplierName: '',
    supplierEmail: '',
    reference: contract?.reference ?? '',
    title: contract?.title ?? '',
    value: contract ? eurosForInput(contract.valueCents) : '',
    basis: contract?.obligation.basis ?? 'contract_value',
    percentage: percentageForInput(contract?.obligation.percentageBp ?? 500),
    wageSum:
      contract?.obligation.wageSumCents != null
        ? eurosForInput(contract.obligation.wageSumCents)
        : '',
    fixed:
      contract?.obligation.basis === 'fixed'
        ? eurosForInput(contract.obligation.obligationCents)
        : '',
    startsOn: contract?.startsOn ?? '',
    endsOn: contract?.endsOn ?? '',
    factor: percentageForInput(contract?.valuation.creditFactorBp ?? 10_000),
    cap: percentageForInput(contract?.valuation.creditShareCapBp ?? 10_000),
    tenderReference: contract?.tenderNed?.reference ?? '',
    tenderUrl: contract?.tenderNed?.url ?? '',
    acceptsCredits: contract?.valuation.acceptsCredits ?? true,
  };
}

function ContractForm({ contract }: { contract?: Contract }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => initialValues(contract));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [lookup, setLookup] = useState<Lookup>();
  const [lookupFailure, setLookupFailure] = useState<unknown>();
  const [looking, setLooking] = useState(false);
  const editing = Boolean(contract);
  const percentageBasis = values.basis !== 'fixed';

  const set = (f: FormField) => (value: string) => {
    setValues((v) => ({ ...v, [f]: value }));
    if (f === 'kvk') setLookup(undefined);
  };
  const errorOf = (f: FormField) => errors.find((e) => e.field === fieldId(f))?.message;
  const message = (key: string) => t(`authority.form.errors.${key}`);

  const valueCents = parseEuros(values.value);
  const wageSumCents = parseEuros(values.wageSum);
  const fixedCents = parseEuros(values.fixed);
  const percentageBp = parsePercentage(values.percentage);
  // The amount a percentage is taken of: the contract value or the wage sum.
  const baseCents = values.basis === 'wage_sum' ? wageSumCents : valueCents;
  const computed =
    values.basis === 'fixed'
      ? fixedCents !== undefined && fixedCents >= 1
        ? fixedCents
        : undefined
      : baseCents !== undefined &&
          percentageBp !== undefined &&
          percentageBp >= 1 &&
          percentageBp <= 10_000
        ? obligationPreview(baseCents, percentageBp)
        : undefined;
  const capBp = parsePercentage(values.cap);

  async function findSupplier(kvk: string): Promise<Lookup> {
    setLookupFailure(undefined);
    setLooking(true);
    try {
      const found = await call(() =>
        api.GET('/v1/contracts/supplier', { params: { query: { kvkNumber: kvk } } }),
      );
      const result: Lookup = { kvk, state: 'found', name: found.name };
      setLookup(result);
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        const result: Lookup = { kvk, state: 'missing' };
        setLookup(result);
        return result;
      }
      setLookupFailure(error);
      return undefined;
    } finally {
      setLooking(false);
    }
  }

  function check(current: Lookup): FieldError[] {
    const found: FieldError[] = [];
    const add = (f: FormField, key: string) =>
      found.push({ field: fieldId(f), message: message(key) });
    if (!editing) {
      if (!/^\d{8}$/.test(values.kvk.trim())) add('kvk', 'kvk');
      else if (current?.state === 'missing') {
        if (!values.supplierName.trim()) add('supplierName', 'supplierName');
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.supplierEmail.trim()))
          add('supplierEmail', 'supplierEmail');
      }
    }
    if (!values.reference.trim()) add('reference', 'reference');
    if (values.title.trim().length < 3) add('title', 'title');
    if (valueCents === undefined || valueCents < 1) add('value', 'value');
    if (
      percentageBasis &&
      (percentageBp === undefined || percentageBp < 1 || percentageBp > 10_000)
    )
      add('percentage', 'percentage');
    if (values.basis === 'wage_sum' && (wageSumCents === undefined || wageSumCents < 1))
      add('wageSum', 'wageSum');
    if (values.basis === 'fixed' && (fixedCents === undefined || fixedCents < 1))
      add('fixed', 'fixed');
    if (!values.startsOn) add('startsOn', 'startsOn');
    if (!values.endsOn) add('endsOn', 'endsOn');
    else if (values.startsOn && values.endsOn < values.startsOn) add('endsOn', 'endsBeforeStart');
    if (values.acceptsCredits) {
      const factor = parsePercentage(values.factor);
      if (factor === undefined || factor < 1 || factor > 10_000) add('factor', 'factor');
      if (capBp === undefined || capBp > 10_000) add('cap', 'cap');
    }
    const tender = checkTenderNed(values.tenderReference, values.tenderUrl);
    if (tender.reference) add('tenderReference', tender.reference);
    if (tender.url) add('tenderUrl', tender.url);
    return found;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    let current = lookup;
    const kvk = values.kvk.trim();
    if (!editing && /^\d{8}$/.test(kvk) && current?.kvk !== kvk) {
      current = await findSupplier(kvk);
      if (!current) return;
      if (current.state === 'missing' && !values.supplierName.trim()) {
        // The invitation fields have just appeared: ask for them at their fields.
        setErrors([
          { field: fieldId('supplierName'), message: message('supplierName') },
          { field: fieldId('supplierEmail'), message: message('supplierEmail') },
        ]);
        return;
      }
    }
    const found = check(current);
    setErrors(found);
    if (found.length > 0) return;
    const tenderNed = values.tenderReference.trim()
      ? { reference: values.tenderReference.trim(), url: values.tenderUrl.trim() }
      : null;
    const valuation = values.acceptsCredits
      ? {
          acceptsCredits: true,
          creditFactorBp: parsePercentage(values.factor) ?? 10_000,
          creditShareCapBp: capBp ?? 10_000,
        }
      : { acceptsCredits: false };
    const common = {
      reference: values.reference.trim(),
      title: values.title.trim(),
      valueCents: valueCents ?? 0,
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      valuation,
      tenderNed,
      obligation: obligationInput(values.basis, {
        percentageBp: percentageBp ?? 500,
        wageSumCents: wageSumCents ?? 0,
        fixedAmountCents: fixedCents ?? 0,
      }),
    };
    setBusy(true);
    try {
      if (contract) {
        await call(() =>
          api.PATCH('/v1/contracts/{id}', {
            params: { path: { id: contract.id } },
            body: common,
          }),
        );
        await queryClient.invalidateQueries();
        void navigate(`/contracts/${contract.id}`);
      } else {
        const created = await call(() =>
          api.POST('/v1/contracts', {
            body: {
              ...common,
              supplier: {
                kvkNumber: kvk,
                ...(current?.state === 'missing'
                  ? {
                      name: values.supplierName.trim(),
                      contactEmail: values.supplierEmail.trim(),
                    }
                  : {}),
              },
            },
          }),
        );
        await queryClient.invalidateQueries();
        void navigate(`/contracts/${created.id}?registered=1`);
      }
    } catch (error) {
      if (error instanceof ApiError) {
        const atFields = error.errors.flatMap((e) => {
          const path = e.path.replace(/^body\.?/, '');
          const f = API_FIELDS[path];
          return f ? [{ field: fieldId(f), message: message(`api.${f}`) }] : [];
        });
        const codeField = CODE_FIELDS[error.code];
        if (codeField) atFields.push({ field: fieldId(codeField), message: errorText(error) });
        if (error.code === 'CONTRACT.SUPPLIER_DETAILS_REQUIRED') {
          setLookup({ kvk, state: 'missing' });
          atFields.push({ field: fieldId('supplierName'), message: message('supplierName') });
        }
        const unique = atFields.filter(
          (e, i) => atFields.findIndex((o) => o.field === e.field) === i,
        );
        if (unique.length > 0) setErrors(unique);
        else setFailure(error);
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const text = (
    f: FormField,
    options: { type?: string; inputMode?: 'numeric' | 'decimal' } = {},
  ) => {
    const error = errorOf(f);
    const hint = HINTED.has(f) ? t(`authority.form.hints.${f}`) : undefined;
    return (
      <Field id={fieldId(f)} label={t(`authority.form.fields.${f}`)} hint={hint} error={error}>
        <Textbox
          id={fieldId(f)}
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          value={values[f]}
          onChange={(event) => set(f)(event.target.value)}
          invalid={Boolean(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(fieldId(f), Boolean(hint), Boolean(error))}
        />
      </Field>
    );
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      <form className="ib-authority-form" onSubmit={(event) => void submit(event)} noValidate>
        {!editing && (
          <fieldset>
            <legend>{t('authority.form.supplier')}</legend>
            <Paragraph>{t('authority.form.supplierExplain')}</Paragraph>
            {text('kvk', { inputMode: 'numeric' })}
            <Button
              type="button"
              appearance="secondary-action-button"
              busy={looking}
              disabled={looking}
              onClick={() => {
                const kvk = values.kvk.trim();
                if (!/^\d{8}$/.test(kvk)) {
                  setErrors([{ field: fieldId('kvk'), message: message('kvk') }]);
                  return;
                }
                setErrors([]);
                void findSupplier(kvk);
              }}
            >
              {t('authority.form.findSupplier')}
            </Button>
            <div role="status" aria-live="polite">
              {lookup?.state === 'found' && (
                <Paragraph>{t('authority.form.supplierFound', { name: lookup.name })}</Paragraph>
              )}
              {lookup?.state === 'missing' && (
                <Paragraph>{t('authority.form.supplierMissing')}</Paragraph>
              )}
            </div>
            {lookupFailure !== undefined && <ErrorMessage error={lookupFailure} />}
            {lookup?.state === 'missing' && (
              <>
                {text('supplierName')}
                {text('supplierEmail', { type: 'email' })}
              </>
            )}
          </fieldset>
        )}
        {editing && contract && (
          <Paragraph>
            {t('authority.form.supplierFixed', { name: contract.supplier.name })}
          </Paragraph>
        )}

        <fieldset>
          <legend>{t('authority.form.contract')}</legend>
          {text('reference')}
          {text('title')}
          {text('startsOn', { type: 'date' })}
          {text('endsOn', { type: 'date' })}
        </fieldset>

        <fieldset>
          <legend>{t('authority.form.obligation')}</legend>
          {text('value', { inputMode: 'decimal' })}
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t('authority.form.basis')}
            </legend>
            {BASES.map((basis) => (
              <div key={basis} className="utrecht-form-field utrecht-form-field--radio">
                <RadioButton
                  id={`contract-basis-${basis}`}
                  name="basis"
                  value={basis}
                  checked={values.basis === basis}
                  onChange={() => setValues((v) => ({ ...v, basis }))}
                />{' '}
                <FormLabel htmlFor={`contract-basis-${basis}`} type="radio">
                  {t(`authority.form.bases.${basis}`)}
                </FormLabel>
              </div>
            ))}
          </fieldset>
          {values.basis === 'wage_sum' && text('wageSum', { inputMode: 'decimal' })}
          {percentageBasis && text('percentage', { inputMode: 'decimal' })}
          {values.basis === 'fixed' && text('fixed', { inputMode: 'decimal' })}
          <Paragraph className="ib-authority-computed" role="status" aria-live="polite">
            {computed === undefined
              ? t(`authority.form.computedMissing.${values.basis}`)
              : values.basis === 'fixed'
                ? t('authority.form.computedFixed', { amount: formatEuros(computed, lang) })
                : t('authority.form.computed', {
                    amount: formatEuros(computed, lang),
                    percentage: formatBasisPoints(percentageBp ?? 0, lang),
                    value: formatEuros(baseCents ?? 0, lang),
                  })}
          </Paragraph>
        </fieldset>

        <fieldset>
          <legend>{t('authority.form.valuation')}</legend>
          <Paragraph>{t('authority.form.valuationExplain')}</Paragraph>
          <div className="utrecht-form-field utrecht-form-field--checkbox">
            <Checkbox
              id="contract-accepts"
              checked={values.acceptsCredits}
              onChange={(event) =>
                setValues((v) => ({ ...v, acceptsCredits: event.target.checked }))
              }
            />{' '}
            <FormLabel htmlFor="contract-accepts" type="checkbox">
              {t('authority.form.acceptsCredits')}
            </FormLabel>
          </div>
          {values.acceptsCredits && (
            <>
              {text('factor', { inputMode: 'decimal' })}
              {text('cap', { inputMode: 'decimal' })}
              {computed !== undefined && capBp !== undefined && capBp <= 10_000 && (
                <Paragraph className="ib-authority-computed" role="status" aria-live="polite">
                  {t('authority.form.capComputed', {
                    amount: formatEuros(Math.floor((computed * capBp) / 10_000), lang),
                  })}
                </Paragraph>
              )}
            </>
          )}
        </fieldset>

        <fieldset>
          <legend>{t('authority.form.tenderNed')}</legend>
          <Paragraph>{t('authority.form.tenderNedExplain')}</Paragraph>
          {text('tenderReference', { inputMode: 'numeric' })}
          {text('tenderUrl', { type: 'url' })}
        </fieldset>

        {editing && (
          <Alert type="info">
            <Paragraph>{t('authority.form.editNote')}</Paragraph>
          </Alert>
        )}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {editing ? t('authority.form.save') : t('authority.form.register')}
        </Button>
      </form>
      <Paragraph>
        <AppLink to={contract ? `/contracts/${contract.id}` : '/contracts'}>
          {t('authority.form.cancel')}
        </AppLink>
      </Paragraph>
    </>
  );
}

/** The obligation as the API takes it, for the basis chosen. */
function obligationInput(
  basis: Basis,
  amounts: { percentageBp: number; wageSumCents: number; fixedAmountCents: number },
) {
  if (basis === 'fixed')
    return { basis: 'fixed' as const, fixedAmountCents: amounts.fixedAmountCents };
  if (basis === 'wage_sum')
    return {
      basis: 'wage_sum' as const,
      percentageBp: amounts.percentageBp,
      wageSumCents: amounts.wageSumCents,
    };
  return { basis: 'contract_value' as const, percentageBp: amounts.percentageBp };
}
