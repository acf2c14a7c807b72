import {
  Button,
  Heading2,
  Paragraph,
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
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppButtonLink, AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatBasisPoints, formatDate, formatEuros, formatNumber } from '../../lib/format';
import { parseEuros } from '../plans/plan-steps';
import { isSupplier, type Obligation, SupplierPage } from './supplier-ui';

/** Where an obligation stands, in words: met, overdue, closed, or still open. */
export function obligationState(o: Obligation): 'met' | 'overdue' | 'closed' | 'open' {
  if (o.progress.remainingCents === 0) return 'met';
  if (o.progress.overdue) return 'overdue';
  if (o.contractStatus === 'closed') return 'closed';
  return 'open';
}

/** Whether a purchase can still help: open, accepting credits, something remaining. */
function canMeet(o: Obligation): boolean {
  return o.contractStatus === 'open' && o.acceptsCredits && o.progress.remainingCents > 0;
}

/**
 * The obligation wallet: every contract's social-return obligation across authorities,
 * what approved claims met, what remains (in euros and in credits at that contract's
 * valuation), and the way to meet it in one purchase.
 */
export default function WalletPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <SupplierPage me={me} title={t('supplier.wallet.title')} lead={t('supplier.wallet.lead')}>
      {isSupplier(me) && (
        <>
          <Obligations me={me} />
          <AmountForm />
          <Paragraph>
            <AppLink to="/orders">{t('supplier.wallet.toOrders')}</AppLink>
          </Paragraph>
        </>
      )}
    </SupplierPage>
  );
}

/** The price of a credit of the listed projects (the catalogue's), for "remaining in credits". */
function useCreditPrice() {
  return useQuery({
    queryKey: ['catalogue', 'credit-price'],
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const page = await call(() => api.GET('/v1/projects', { params: { query: { limit: 1 } } }));
      return page.items[0]?.creditPriceCents ?? null;
    },
  });
}

function Obligations({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const obligations = useQuery({
    queryKey: [me.user.id, 'obligations', 'all'],
    queryFn: async () => (await call(() => api.GET('/v1/obligations'))).items,
  });
  const price = useCreditPrice();
  const euros = (cents: number) => formatEuros(cents, lang);
  /** Credits that cover an amount at the contract's valuation (a credit counts price × factor). */
  const credits = (cents: number, factorBp: number): string => {
    if (!price.data || factorBp <= 0) return '—';
    const counts = (price.data * factorBp) / 10_000;
    return formatNumber(Math.ceil(cents / counts), lang);
  };

  return (
    <section aria-labelledby="wallet-obligations">
      <Heading2 id="wallet-obligations">{t('supplier.wallet.obligations')}</Heading2>
      {obligations.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {obligations.error && (
        <ErrorMessage error={obligations.error} onRetry={() => void obligations.refetch()} />
      )}
      {obligations.data?.length === 0 && <Paragraph>{t('supplier.wallet.none')}</Paragraph>}
      {obligations.data && obligations.data.length > 0 && (
        <>
          <Paragraph>
            {price.data
              ? t('supplier.wallet.creditsExplain', { price: euros(price.data) })
              : t('supplier.wallet.creditsUnknown')}
          </Paragraph>
          <ScrollTable label={t('supplier.wallet.obligations')}>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('supplier.wallet.contract')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('supplier.wallet.required')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('supplier.wallet.met')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('supplier.wallet.remaining')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('supplier.wallet.status')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('supplier.wallet.action')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {obligations.data.map((o) => (
                  <TableRow key={o.contractId} data-testid={`obligation-${o.reference}`}>
                    <TableHeaderCell scope="row">
                      <strong>{o.title}</strong>
                      <br />
                      {t('supplier.wallet.authority', {
                        authority: o.authority.name,
                        reference: o.reference,
                      })}
                      <br />
                      {t('supplier.wallet.endsOn', { date: formatDate(o.endsOn, lang) })}
                      <br />
                      {t('supplier.wallet.valuation', {
                        factor: formatBasisPoints(o.creditFactorBp, lang),
                      })}
                    </TableHeaderCell>
                    <TableCell className="ib-supplier-num">
                      {euros(o.progress.requiredCents)}
                      <br />
                      {t('supplier.wallet.inCredits', {
                        credits: credits(o.progress.requiredCents, o.creditFactorBp),
                      })}
                    </TableCell>
                    <TableCell className="ib-supplier-num">
                      {euros(o.progress.approvedCents)}
                      <br />
                      {t('supplier.wallet.inCredits', {
                        credits: credits(o.progress.approvedCents, o.creditFactorBp),
                      })}
                      {o.progress.pendingCents > 0 && (
                        <>
                          <br />
                          {t('supplier.wallet.pending', { amount: euros(o.progress.pendingCents) })}
                        </>
                      )}
                    </TableCell>
                    <TableCell className="ib-supplier-num">
                      {euros(o.progress.remainingCents)}
                      <br />
                      {t('supplier.wallet.inCredits', {
                        credits: credits(o.progress.remainingCents, o.creditFactorBp),
                      })}
                    </TableCell>
                    <TableCell>
                      <strong>{t(`supplier.obligationState.${obligationState(o)}`)}</strong>
                      <br />
                      {t('supplier.wallet.filled', {
                        share: formatBasisPoints(o.progress.filledShareBp, lang),
                      })}
                      {!o.acceptsCredits && (
                        <>
                          <br />
                          {t('supplier.wallet.noCredits')}
                        </>
                      )}
                    </TableCell>
                    <TableCell>
                      {canMeet(o) ? (
                        <AppButtonLink
                          to={`/purchases/new?contractId=${o.contractId}`}
                          aria-label={t('supplier.wallet.meetLabel', { title: o.title })}
                        >
                          {t('supplier.wallet.meet')}
                        </AppButtonLink>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollTable>
        </>
      )}
    </section>
  );
}

/** Or an amount typed in euros (an obligation not registered here). */
function AmountForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string>();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const cents = parseEuros(amount);
    if (cents === undefined || cents < 100) {
      setError(t('supplier.wallet.amountInvalid'));
      return;
    }
    setError(undefined);
    void navigate(`/purchases/new?amount=${cents / 100}`);
  }
  return (
    <section aria-labelledby="wallet-amount">
      <Heading2 id="wallet-amount">{t('supplier.wallet.amountTitle')}</Heading2>
      <form onSubmit={submit} noValidate className="ib-supplier-form">
        <ErrorSummary errors={error ? [{ field: 'wallet-amount-input', message: error }] : []} />
        <Field
          id="wallet-amount-input"
          label={t('supplier.wallet.amount')}
          hint={t('supplier.wallet.amountHint')}
          error={error}
        >
          <Textbox
            id="wallet-amount-input"
            inputMode="decimal"
            value={amount}
            invalid={Boolean(error)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy('wallet-amount-input', true, Boolean(error))}
            onChange={(event) => setAmount(event.target.value)}
          />
        </Field>
        <Button type="submit" appearance="secondary-action-button">
          {t('supplier.wallet.propose')}
        </Button>
      </form>
    </section>
  );
}
