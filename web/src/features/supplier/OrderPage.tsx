import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { currentLanguage } from '../../i18n';
import { formatDateTime, formatEuros, formatNumber } from '../../lib/format';
import { inGroups, isSupplier, type Order, pdfName, SupplierPage } from './supplier-ui';

/** What happened to an order, oldest first, from the moments the API keeps. */
function history(order: Order): { key: string; at: string }[] {
  const steps = [{ key: 'placed', at: order.createdAt }];
  if (order.paidAt) steps.push({ key: 'paid', at: order.paidAt });
  if (order.closedAt)
    steps.push({ key: order.status === 'expired' ? 'expired' : 'cancelled', at: order.closedAt });
  if (order.refundedAt) steps.push({ key: 'refunded', at: order.refundedAt });
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}

/** One order: where it stands and how it got there, its certificate, its invoice and credit note. */
export default function OrderPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useQuery({
    queryKey: [me.user.id, 'order', id],
    enabled: isSupplier(me),
    queryFn: () => call(() => api.GET('/v1/orders/{id}', { params: { path: { id } } })),
  });
  return (
    <SupplierPage
      me={me}
      title={
        order.data
          ? t('supplier.order.titleOf', { title: order.data.project.title })
          : t('supplier.order.title')
      }
    >
      {order.isPending && isSupplier(me) && <Paragraph>{t('app.loading')}</Paragraph>}
      {order.error && <ErrorMessage error={order.error} onRetry={() => void order.refetch()} />}
      {order.data && <OrderView order={order.data} />}
    </SupplierPage>
  );
}

function OrderView({ order }: { order: Order }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const euros = (cents: number) => formatEuros(cents, lang);
  return (
    <>
      <Paragraph role="status" data-testid="order-status">
        <strong>{t(`orderStatus.${order.status}`)}</strong>
        {order.refundState && ` · ${t(`supplier.order.refundState.${order.refundState}`)}`}
      </Paragraph>
      <DataList>
        <DataListItem>
          <DataListKey>{t('supplier.buy.project')}</DataListKey>
          <DataListValue>
            <AppLink to={`/projects/${order.project.id}`}>{order.project.title}</AppLink>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('supplier.buy.credits')}</DataListKey>
          <DataListValue>{formatNumber(order.quantity, lang)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('supplier.buy.price')}</DataListKey>
          <DataListValue>{euros(order.unitPriceCents)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('supplier.buy.amount')}</DataListKey>
          <DataListValue>{euros(order.amountCents)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('supplier.purchase.method')}</DataListKey>
          <DataListValue>{t(`supplier.buy.method.${order.paymentMethod}`)}</DataListValue>
        </DataListItem>
        {order.invoiceNumber && (
          <DataListItem>
            <DataListKey>{t('supplier.purchase.invoiceNumber')}</DataListKey>
            <DataListValue>{order.invoiceNumber}</DataListValue>
          </DataListItem>
        )}
        {order.paymentMethod === 'invoice' && (
          <DataListItem>
            <DataListKey>{t('supplier.purchase.payReference')}</DataListKey>
            <DataListValue>{inGroups(order.paymentReference)}</DataListValue>
          </DataListItem>
        )}
        {order.status === 'reserved' && (
          <DataListItem>
            <DataListKey>{t('supplier.purchase.reservedUntil')}</DataListKey>
            <DataListValue>{formatDateTime(order.reservedUntil, lang)}</DataListValue>
          </DataListItem>
        )}
      </DataList>
      {order.purchaseId && (
        <Paragraph>
          {t('supplier.order.inPurchase')}{' '}
          <AppLink to={`/purchases/${order.purchaseId}`}>{t('supplier.order.toPurchase')}</AppLink>
        </Paragraph>
      )}

      <section aria-labelledby="order-history">
        <Heading2 id="order-history">{t('supplier.order.history')}</Heading2>
        <OrderedList>
          {history(order).map((step) => (
            <OrderedListItem key={step.key}>
              {t(`supplier.order.step.${step.key}`, { date: formatDateTime(step.at, lang) })}
              {(step.key === 'cancelled' || step.key === 'expired') &&
                order.closeReason &&
                ` (${order.closeReason})`}
            </OrderedListItem>
          ))}
        </OrderedList>
      </section>

      <section aria-labelledby="order-certificate">
        <Heading2 id="order-certificate">{t('supplier.purchase.certificate')}</Heading2>
        {order.certificate ? (
          <Paragraph>
            {t('supplier.order.certificate', {
              number: order.certificate.number,
              status: t(`certificateStatus.${order.certificate.status}`),
            })}
            <br />
            {t('supplier.order.serials', {
              from: formatNumber(order.certificate.serialStart, lang),
              to: formatNumber(order.certificate.serialEnd, lang),
            })}
          </Paragraph>
        ) : (
          <Paragraph>{t('supplier.purchase.noCertificate')}</Paragraph>
        )}
      </section>

      <section aria-labelledby="order-documents">
        <Heading2 id="order-documents">{t('supplier.order.documents')}</Heading2>
        {order.invoiceNumber ? (
          <DownloadButton
            label={t('supplier.purchase.downloadInvoice', { number: order.invoiceNumber })}
            fileName={pdfName('factuur', order.invoiceNumber, order.id)}
            className="ib-supplier-download"
            fetchFile={() =>
              call(() =>
                api.GET('/v1/orders/{id}/invoice.pdf', {
                  params: { path: { id: order.id } },
                  parseAs: 'blob',
                }),
              )
            }
          />
        ) : (
          <Paragraph>{t('supplier.purchase.invoiceLater')}</Paragraph>
        )}
        {order.status === 'refunded' && (
          <DownloadButton
            label={t('supplier.order.downloadCreditNote')}
            fileName={pdfName('creditnota', order.invoiceNumber, order.id)}
            className="ib-supplier-download"
            fetchFile={() =>
              call(() =>
                api.GET('/v1/orders/{id}/credit-note.pdf', {
                  params: { path: { id: order.id } },
                  parseAs: 'blob',
                }),
              )
            }
          />
        )}
      </section>
      <Paragraph>
        <AppLink to="/orders">{t('supplier.orders.title')}</AppLink>
      </Paragraph>
    </>
  );
}
