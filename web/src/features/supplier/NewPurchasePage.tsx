import {
  Button,
  FormLabel,
  Heading2,
  Paragraph,
  RadioButton,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, call } from '../../api/client';
import { useMunicipalities } from '../../api/queries';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage, useErrorText } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatBasisPoints, formatEuros, formatNumber } from '../../lib/format';
import { parseCount, parseEuros } from '../plans/plan-steps';
import { isSupplier, type Proposal, SupplierPage } from './supplier-ui';

const TARGET_GROUPS = [
  'participatiewet',
  'banenafspraak',
  'ww',
  'nug',
  'youth',
  'over_50',
  'status_holder',
  'other',
] as const;

interface Preferences {
  municipality: string;
  targetGroup: string;
  theme: string;
  /** Counts the proposals asked for: asking again makes a fresh proposal and basket. */
  round: number;
}

interface Line {
  projectId: string;
  title: string;
  unitPriceCents: number;
  /** As typed: the number of credits. */
  credits: string;
  reasons: string[];
}

/**
 * The purchase flow: the API's proposal of listed projects that covers an obligation (a
 * contract's remaining obligation, or an amount typed in), with preferences; the lines
 * adjusted (removed, quantities changed, the totals following); paid by invoice or through
 * Stripe Checkout, bought once however often the button is pressed.
 */
export default function NewPurchasePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <SupplierPage me={me} title={t('supplier.buy.title')} lead={t('supplier.buy.lead')}>
      {isSupplier(me) && <PurchaseFlow me={me} />}
    </SupplierPage>
  );
}

function PurchaseFlow({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const contractId = params.get('contractId') ?? undefined;
  const amountParam = params.get('amount');
  const amountCents = amountParam ? parseEuros(amountParam.replace('.', ',')) : undefined;
  const [prefs, setPrefs] = useState<Preferences>({
    municipality: '',
    targetGroup: '',
    theme: '',
    round: 0,
  });

  if (!contractId && !amountCents)
    return (
      <Paragraph>
        {t('supplier.buy.nothing')} <AppLink to="/wallet">{t('supplier.buy.toWallet')}</AppLink>
      </Paragraph>
    );
  return (
    <>
      <Obligation me={me} contractId={contractId} amountCents={amountCents} />
      <PreferencesForm initial={prefs} onSubmit={setPrefs} />
      <ProposalSection me={me} contractId={contractId} amountCents={amountCents} prefs={prefs} />
    </>
  );
}

/** What is to be covered: the contract (from the wallet) or the amount typed in. */
function Obligation({
  me,
  contractId,
  amountCents,
}: {
  me: Me;
  contractId: string | undefined;
  amountCents: number | undefined;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const obligations = useQuery({
    queryKey: [me.user.id, 'obligations', 'all'],
    enabled: Boolean(contractId),
    queryFn: async () => (await call(() => api.GET('/v1/obligations'))).items,
  });
  const obligation = obligations.data?.find((o) => o.contractId === contractId);
  return (
    <section aria-labelledby="buy-obligation">
      <Heading2 id="buy-obligation">{t('supplier.buy.obligation')}</Heading2>
      {obligation ? (
        <Paragraph data-testid="buy-obligation">
          {t('supplier.buy.forContract', {
            title: obligation.title,
            reference: obligation.reference,
            authority: obligation.authority.name,
            remaining: formatEuros(obligation.progress.remainingCents, lang),
          })}
        </Paragraph>
      ) : amountCents ? (
        <Paragraph data-testid="buy-obligation">
          {t('supplier.buy.forAmount', { amount: formatEuros(amountCents, lang) })}
        </Paragraph>
      ) : obligations.isPending ? (
        <Paragraph>{t('app.loading')}</Paragraph>
      ) : null}
      <Paragraph>
        <AppLink to="/wallet">{t('supplier.buy.toWallet')}</AppLink>
      </Paragraph>
    </section>
  );
}

function PreferencesForm({
  initial,
  onSubmit,
}: {
  initial: Preferences;
  onSubmit: (prefs: Preferences) => void;
}) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const [prefs, setPrefs] = useState(initial);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit({ ...prefs, theme: prefs.theme.trim(), round: prefs.round + 1 });
    setPrefs({ ...prefs, round: prefs.round + 1 });
  }
  return (
    <section aria-labelledby="buy-preferences">
      <Heading2 id="buy-preferences">{t('supplier.buy.preferences')}</Heading2>
      <Paragraph>{t('supplier.buy.preferencesLead')}</Paragraph>
      <form onSubmit={submit} noValidate className="ib-supplier-filters">
        <Field id="pref-municipality" label={t('supplier.buy.municipality')}>
          <Select
            id="pref-municipality"
            value={prefs.municipality}
            onChange={(event) => setPrefs({ ...prefs, municipality: event.target.value })}
          >
            <SelectOption value="">{t('supplier.buy.any')}</SelectOption>
            {(municipalities.data ?? []).map((m) => (
              <SelectOption key={m.cbsCode} value={m.name}>
                {m.name}
              </SelectOption>
            ))}
          </Select>
        </Field>
        <Field id="pref-target-group" label={t('supplier.buy.targetGroup')}>
          <Select
            id="pref-target-group"
            value={prefs.targetGroup}
            onChange={(event) => setPrefs({ ...prefs, targetGroup: event.target.value })}
          >
            <SelectOption value="">{t('supplier.buy.any')}</SelectOption>
            {TARGET_GROUPS.map((group) => (
              <SelectOption key={group} value={group}>
                {t(`targetGroup.${group}`)}
              </SelectOption>
            ))}
          </Select>
        </Field>
        <Field id="pref-theme" label={t('supplier.buy.theme')} hint={t('supplier.buy.themeHint')}>
          <Textbox
            id="pref-theme"
            value={prefs.theme}
            maxLength={100}
            aria-describedby={describedBy('pref-theme', true, false)}
            onChange={(event) => setPrefs({ ...prefs, theme: event.target.value })}
          />
        </Field>
        <div>
          <Button type="submit" appearance="secondary-action-button">
            {t('supplier.buy.propose')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ProposalSection({
  me,
  contractId,
  amountCents,
  prefs,
}: {
  me: Me;
  contractId: string | undefined;
  amountCents: number | undefined;
  prefs: Preferences;
}) {
  const { t } = useTranslation();
  const query = {
    ...(contractId ? { contractId } : { amountCents }),
    ...(prefs.municipality ? { municipality: prefs.municipality } : {}),
    ...(prefs.targetGroup ? { targetGroup: prefs.targetGroup } : {}),
    ...(prefs.theme ? { theme: prefs.theme } : {}),
  };
  // The basket is made from the proposal once: a refetch in the background (window focus)
  // must not undo the supplier's changes, so a proposal is fetched only when asked for.
  const proposal = useQuery({
    queryKey: [me.user.id, 'proposal', query, prefs.round],
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    queryFn: () => call(() => api.GET('/v1/purchases/proposal', { params: { query } })),
  });
  return (
    <section aria-labelledby="buy-proposal">
      <Heading2 id="buy-proposal">{t('supplier.buy.proposal')}</Heading2>
      {proposal.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {proposal.error && (
        <ErrorMessage error={proposal.error} onRetry={() => void proposal.refetch()} />
      )}
      {proposal.data && (
        // A new proposal starts a new basket.
        <Basket key={`${JSON.stringify(query)}-${prefs.round}`} proposal={proposal.data} />
      )}
    </section>
  );
}

const creditsField = (index: number) => `line-credits-${index}`;

function Basket({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [lines, setLines] = useState<Line[]>(() =>
    proposal.lines.map((line) => ({
      projectId: line.project.id,
      title: line.project.title,
      unitPriceCents: line.unitPriceCents,
      credits: String(line.credits),
      reasons: line.reasons,
    })),
  );
  const [method, setMethod] = useState<'invoice' | 'stripe'>('invoice');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [removed, setRemoved] = useState<string>();
  // One Idempotency-Key per attempt: the same basket sent again (a double click, a retry
  // after no answer) buys once; a changed basket, or one the API answered, gets a new key.
  const attempt = useRef<{ body: string; key: string } | undefined>(undefined);
  const sending = useRef(false);
  const euros = (cents: number) => formatEuros(cents, lang);
  const factor = proposal.obligation.creditFactorBp;

  const counted = lines.map((line) => parseCount(line.credits));
  const totalCredits = counted.reduce<number>((sum, n) => sum + (n ?? 0), 0);
  const totalCents = lines.reduce(
    (sum, line, i) => sum + (counted[i] ?? 0) * line.unitPriceCents,
    0,
  );
  const countsCents = Math.floor((totalCents * factor) / 10_000);
  const uncovered = Math.max(0, proposal.obligation.amountCents - countsCents);

  useEffect(() => {
    if (removed) document.getElementById('basket-status')?.focus();
  }, [removed]);

  function setCredits(index: number, value: string) {
    setLines(lines.map((line, i) => (i === index ? { ...line, credits: value } : line)));
  }

  function remove(index: number) {
    setRemoved(lines[index]!.title);
    setLines(lines.filter((_, i) => i !== index));
    setErrors([]);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current) return;
    setFailure(undefined);
    const found: FieldError[] = [];
    lines.forEach((line, i) => {
      const n = counted[i];
      if (n === undefined || n < 1)
        found.push({
          field: creditsField(i),
          message: t('supplier.buy.creditsInvalid', { title: line.title }),
        });
    });
    if (lines.length === 0)
      found.push({ field: 'basket-status', message: t('supplier.buy.noLines') });
    setErrors(found);
    if (found.length > 0) return;

    const body = {
      lines: lines.map((line, i) => ({ projectId: line.projectId, credits: counted[i]! })),
      paymentMethod: method,
    };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: crypto.randomUUID() };
    const key = attempt.current.key;
    sending.current = true;
    setBusy(true);
    try {
      const purchase = await call(() =>
        api.POST('/v1/purchases', { body, params: { header: { 'idempotency-key': key } } }),
      );
      if (purchase.paymentMethod === 'stripe' && purchase.checkoutUrl) {
        window.location.assign(purchase.checkoutUrl);
        return;
      }
      void navigate(`/purchases/${purchase.id}?placed=1`);
    } catch (error) {
      // An answer the API gave is final for this key; no answer (or a fault) may be retried.
      if (
        error instanceof ApiError &&
        error.status > 0 &&
        error.status < 500 &&
        error.code !== 'IDEMPOTENCY.IN_PROGRESS'
      )
        attempt.current = undefined;
      const atLines: FieldError[] = [];
      if (error instanceof ApiError)
        for (const e of error.errors) {
          const m = /^body\.lines\.(\d+)/.exec(e.path);
          if (m && lines[Number(m[1])])
            atLines.push({
              field: creditsField(Number(m[1])),
              message: t('supplier.buy.lineRefused', {
                title: lines[Number(m[1])]!.title,
                reason: errorText(error),
              }),
            });
        }
      if (atLines.length > 0) setErrors(atLines);
      else setFailure(error);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  const errorOf = (index: number) => errors.find((e) => e.field === creditsField(index))?.message;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      <Paragraph>
        {t('supplier.buy.valuation', {
          amount: euros(proposal.obligation.amountCents),
          factor: formatBasisPoints(factor, lang),
        })}
      </Paragraph>
      {proposal.uncoveredCents > 0 && (
        <Paragraph>
          <strong>{t('supplier.buy.tooFew', { amount: euros(proposal.uncoveredCents) })}</strong>
        </Paragraph>
      )}
      <Paragraph id="basket-status" tabIndex={-1} role="status">
        {removed ? t('supplier.buy.removed', { title: removed }) : ''}
      </Paragraph>
      {lines.length === 0 ? (
        <Paragraph>{t('supplier.buy.empty')}</Paragraph>
      ) : (
        <ScrollTable label={t('supplier.buy.lines')}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('supplier.buy.project')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('supplier.buy.credits')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('supplier.buy.price')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('supplier.buy.amount')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('supplier.buy.remove')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lines.map((line, i) => {
                const error = errorOf(i);
                return (
                  <TableRow key={line.projectId} data-testid={`line-${line.projectId}`}>
                    <TableHeaderCell scope="row">
                      <AppLink to={`/projects/${line.projectId}`}>{line.title}</AppLink>
                      {line.reasons.length > 0 && (
                        <>
                          <br />
                          {t('supplier.buy.meets', {
                            reasons: line.reasons
                              .map((r) => t(`supplier.buy.reason.${r}`))
                              .join(', '),
                          })}
                        </>
                      )}
                    </TableHeaderCell>
                    <TableCell>
                      <Field
                        id={creditsField(i)}
                        label={t('supplier.buy.creditsOf', { title: line.title })}
                        error={error}
                      >
                        <Textbox
                          id={creditsField(i)}
                          className="ib-supplier-credits"
                          inputMode="numeric"
                          value={line.credits}
                          invalid={Boolean(error)}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={describedBy(creditsField(i), false, Boolean(error))}
                          onChange={(event) => setCredits(i, event.target.value)}
                        />
                      </Field>
                    </TableCell>
                    <TableCell className="ib-supplier-num">{euros(line.unitPriceCents)}</TableCell>
                    <TableCell className="ib-supplier-num">
                      {euros((counted[i] ?? 0) * line.unitPriceCents)}
                    </TableCell>
                    <TableCell>
                      <Button
                        appearance="subtle-button"
                        onClick={() => remove(i)}
                        aria-label={t('supplier.buy.removeLabel', { title: line.title })}
                      >
                        {t('supplier.buy.remove')}
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableHeaderCell scope="row">{t('supplier.buy.total')}</TableHeaderCell>
                <TableCell className="ib-supplier-num">
                  {formatNumber(totalCredits, lang)}
                </TableCell>
                <TableCell />
                <TableCell className="ib-supplier-num" data-testid="basket-total">
                  {euros(totalCents)}
                </TableCell>
                <TableCell />
              </TableRow>
            </TableFooter>
          </Table>
        </ScrollTable>
      )}
      <Paragraph aria-live="polite" data-testid="basket-summary">
        {t('supplier.buy.summary', {
          amount: euros(totalCents),
          counts: euros(countsCents),
        })}{' '}
        {uncovered > 0
          ? t('supplier.buy.uncovered', { amount: euros(uncovered) })
          : t('supplier.buy.covered')}
      </Paragraph>
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('supplier.buy.payment')}
        </legend>
        {(['invoice', 'stripe'] as const).map((value) => (
          <div key={value} className="utrecht-form-field utrecht-form-field--radio">
            <RadioButton
              id={`payment-${value}`}
              name="payment"
              value={value}
              checked={method === value}
              onChange={() => setMethod(value)}
            />{' '}
            <FormLabel htmlFor={`payment-${value}`} type="radio">
              {t(`supplier.buy.method.${value}`)}
            </FormLabel>
          </div>
        ))}
      </fieldset>
      <Button
        type="submit"
        appearance="primary-action-button"
        busy={busy}
        aria-disabled={busy || undefined}
      >
        {t('supplier.buy.submit', { amount: euros(totalCents) })}
      </Button>
    </form>
  );
}
