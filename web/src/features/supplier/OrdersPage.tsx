import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatDate, formatEuros, formatNumber } from '../../lib/format';
import { isSupplier, SupplierPage } from './supplier-ui';

/** The organisation's orders, newest first, 25 at a time ("load more" with the API's cursor). */
export default function OrdersPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const orders = useInfiniteQuery({
    queryKey: [me.user.id, 'orders', 'pages'],
    enabled: isSupplier(me),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/v1/orders', {
          params: { query: { limit: 25, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = orders.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <SupplierPage me={me} title={t('supplier.orders.title')} lead={t('supplier.orders.lead')}>
      {orders.isPending && isSupplier(me) && <Paragraph>{t('app.loading')}</Paragraph>}
      {orders.error && <ErrorMessage error={orders.error} onRetry={() => void orders.refetch()} />}
      {orders.data && items.length === 0 && <Paragraph>{t('supplier.orders.none')}</Paragraph>}
      {items.length > 0 && (
        <ScrollTable label={t('supplier.orders.title')}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('supplier.buy.project')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('supplier.orders.placed')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('supplier.buy.credits')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('supplier.buy.amount')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('supplier.orders.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((order) => (
                <TableRow key={order.id}>
                  <TableHeaderCell scope="row">
                    <AppLink
                      to={`/orders/${order.id}`}
                      aria-label={t('supplier.orders.openLabel', {
                        title: order.project.title,
                        date: formatDate(order.createdAt, lang),
                      })}
                    >
                      {order.project.title}
                    </AppLink>
                    {order.purchaseId && (
                      <>
                        <br />
                        <AppLink to={`/purchases/${order.purchaseId}`}>
                          {t('supplier.orders.partOfPurchase')}
                        </AppLink>
                      </>
                    )}
                  </TableHeaderCell>
                  <TableCell>{formatDate(order.createdAt, lang)}</TableCell>
                  <TableCell className="ib-supplier-num">
                    {formatNumber(order.quantity, lang)}
                  </TableCell>
                  <TableCell className="ib-supplier-num">
                    {formatEuros(order.amountCents, lang)}
                  </TableCell>
                  <TableCell>{t(`orderStatus.${order.status}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
      {orders.hasNextPage && (
        <Button
          appearance="secondary-action-button"
          busy={orders.isFetchingNextPage}
          onClick={() => void orders.fetchNextPage()}
        >
          {t('supplier.orders.more')}
        </Button>
      )}
      <Paragraph>
        <AppLink to="/wallet">{t('supplier.wallet.title')}</AppLink>
      </Paragraph>
    </SupplierPage>
  );
}
