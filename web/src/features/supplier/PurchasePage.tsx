import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatDate, formatDateTime, formatEuros, formatNumber } from '../../lib/format';
import { inGroups, isSupplier, pdfName, type Purchase, SupplierPage } from './supplier-ui';

/** How often the page asks again while a purchase waits for its payment. */
const POLL_STRIPE_MS = 3_000;
const POLL_INVOICE_MS = 15_000;

/**
 * A purchase: where it stands (followed until it is paid, lapsed or cancelled), how to pay
 * an invoice, its one invoice PDF, and per project line its order and certificate. Also
 * the page Stripe Checkout returns to.
 */
export default function PurchasePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const purchase = useQuery({
    queryKey: [me.user.id, 'purchase', id],
    enabled: isSupplier(me),
    queryFn: () => call(() => api.GET('/v1/purchases/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data || data.status !== 'reserved') return false;
      return data.paymentMethod === 'stripe' ? POLL_STRIPE_MS : POLL_INVOICE_MS;
    },
  });
  return (
    <SupplierPage me={me} title={t('supplier.purchase.title')}>
      {purchase.isPending && isSupplier(me) && <Paragraph>{t('app.loading')}</Paragraph>}
      {purchase.error && (
        <ErrorMessage error={purchase.error} onRetry={() => void purchase.refetch()} />
      )}
      {purchase.data && <PurchaseView purchase={purchase.data} />}
    </SupplierPage>
  );
}

function PurchaseView({ purchase }: { purchase: Purchase }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [params] = useSearchParams();
  const euros = (cents: number) => formatEuros(cents, lang);
  const checkout = params.get('checkout');
  const waiting = purchase.status === 'reserved';
  return (
    <>
      {params.get('placed') === '1' && (
        <Alert type="ok">
          <Paragraph>
            {purchase.paymentMethod === 'invoice'
              ? t('supplier.purchase.placedInvoice')
              : t('supplier.purchase.placed')}
          </Paragraph>
        </Alert>
      )}
      {checkout === 'success' && waiting && (
        <Alert type="info">
          <Paragraph>{t('supplier.purchase.checkoutWaiting')}</Paragraph>
        </Alert>
      )}
      {checkout === 'cancelled' && waiting && (
        <Alert type="warning">
          <Paragraph>{t('supplier.purchase.checkoutCancelled')}</Paragraph>
          {purchase.checkoutUrl && (
            <Paragraph>
              <a className="utrecht-link" href={purchase.checkoutUrl}>
                {t('supplier.purchase.payAgain')}
              </a>
            </Paragraph>
          )}
        </Alert>
      )}
      <section aria-labelledby="purchase-status">
        <Heading2 id="purchase-status">{t('supplier.purchase.statusTitle')}</Heading2>
        <Paragraph role="status" data-testid="purchase-status">
          <strong>{t(`supplier.purchaseStatus.${purchase.status}`)}</strong>
          {purchase.paidAt &&
            ` · ${t('supplier.purchase.paidAt', { date: formatDateTime(purchase.paidAt, lang) })}`}
          {waiting && ` · ${t('supplier.purchase.following')}`}
        </Paragraph>
        <DataList>
          <DataListItem>
            <DataListKey>{t('supplier.purchase.total')}</DataListKey>
            <DataListValue>{euros(purchase.amountCents)}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('supplier.purchase.method')}</DataListKey>
            <DataListValue>{t(`supplier.buy.method.${purchase.paymentMethod}`)}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('supplier.purchase.placedOn')}</DataListKey>
            <DataListValue>{formatDateTime(purchase.createdAt, lang)}</DataListValue>
          </DataListItem>
          {purchase.invoiceNumber && (
            <DataListItem>
              <DataListKey>{t('supplier.purchase.invoiceNumber')}</DataListKey>
              <DataListValue>{purchase.invoiceNumber}</DataListValue>
            </DataListItem>
          )}
          {waiting && (
            <DataListItem>
              <DataListKey>{t('supplier.purchase.reservedUntil')}</DataListKey>
              <DataListValue>{formatDateTime(purchase.reservedUntil, lang)}</DataListValue>
            </DataListItem>
          )}
        </DataList>
        {waiting && purchase.paymentMethod === 'stripe' && purchase.checkoutUrl && (
          <Paragraph>
            <a className="utrecht-link" href={purchase.checkoutUrl}>
              {t('supplier.purchase.toCheckout')}
            </a>
          </Paragraph>
        )}
      </section>

      {purchase.payTo && waiting && (
        <section aria-labelledby="purchase-pay">
          <Heading2 id="purchase-pay">{t('supplier.purchase.payTitle')}</Heading2>
          <Paragraph>{t('supplier.purchase.payLead')}</Paragraph>
          <DataList data-testid="payment-instructions">
            <DataListItem>
              <DataListKey>{t('supplier.purchase.payAmount')}</DataListKey>
              <DataListValue>{euros(purchase.amountCents)}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('supplier.purchase.payIban')}</DataListKey>
              <DataListValue>{inGroups(purchase.payTo.iban)}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('supplier.purchase.payName')}</DataListKey>
              <DataListValue>{purchase.payTo.name}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('supplier.purchase.payReference')}</DataListKey>
              <DataListValue>{inGroups(purchase.paymentReference)}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('supplier.purchase.payBefore')}</DataListKey>
              <DataListValue>{formatDate(purchase.payTo.dueAt, lang)}</DataListValue>
            </DataListItem>
          </DataList>
          <Paragraph>{t('supplier.purchase.payQr')}</Paragraph>
        </section>
      )}

      <section aria-labelledby="purchase-invoice">
        <Heading2 id="purchase-invoice">{t('supplier.purchase.invoiceTitle')}</Heading2>
        {purchase.invoiceNumber ? (
          <DownloadButton
            label={t('supplier.purchase.downloadInvoice', { number: purchase.invoiceNumber })}
            fileName={pdfName('factuur', purchase.invoiceNumber, purchase.id)}
            className="ib-supplier-download"
            fetchFile={() =>
              call(() =>
                api.GET('/v1/purchases/{id}/invoice.pdf', {
                  params: { path: { id: purchase.id } },
                  parseAs: 'blob',
                }),
              )
            }
          />
        ) : (
          <Paragraph>{t('supplier.purchase.invoiceLater')}</Paragraph>
        )}
      </section>

      <section aria-labelledby="purchase-lines">
        <Heading2 id="purchase-lines">{t('supplier.purchase.lines')}</Heading2>
        <ScrollTable label={t('supplier.purchase.lines')}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('supplier.buy.project')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('supplier.buy.credits')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('supplier.buy.amount')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('supplier.purchase.order')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('supplier.purchase.certificate')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {purchase.lines.map((line) => (
                <TableRow key={line.order.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to={`/projects/${line.project.id}`}>{line.project.title}</AppLink>
                  </TableHeaderCell>
                  <TableCell className="ib-supplier-num">
                    {formatNumber(line.credits, lang)}
                  </TableCell>
                  <TableCell className="ib-supplier-num">{euros(line.amountCents)}</TableCell>
                  <TableCell>
                    <AppLink
                      to={`/orders/${line.order.id}`}
                      aria-label={t('supplier.purchase.orderLabel', {
                        title: line.project.title,
                      })}
                    >
                      {t('supplier.purchase.orderLink')}
                    </AppLink>
                    <br />
                    {t(`orderStatus.${line.order.status}`)}
                  </TableCell>
                  <TableCell>
                    {line.order.certificate ? (
                      <>
                        {line.order.certificate.number}
                        <br />
                        {t(`certificateStatus.${line.order.certificate.status}`)}
                        <br />
                        {t('supplier.order.serials', {
                          from: formatNumber(line.order.certificate.serialStart, lang),
                          to: formatNumber(line.order.certificate.serialEnd, lang),
                        })}
                      </>
                    ) : (
                      t('supplier.purchase.noCertificate')
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      </section>
      <Paragraph>
        <AppLink to="/orders">{t('supplier.orders.title')}</AppLink> ·{' '}
        <AppLink to="/wallet">{t('supplier.wallet.title')}</AppLink>
      </Paragraph>
    </>
  );
}
