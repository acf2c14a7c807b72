import {
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
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatDate, formatEuros, formatNumber } from '../../lib/format';

/**
 * The supplier's certificates (/certificates): project, credits, amount, status in words and
 * where their credits were claimed (the supplier's own claims, grouped by certificate).
 */
export default function CertificatesPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const isSupplier = me.organisation.kind === 'supplier';
  const certificates = useQuery({
    queryKey: [me.user.id, 'certificates', 'all'],
    queryFn: () => call(() => api.GET('/v1/certificates', { params: { query: { limit: 100 } } })),
    enabled: isSupplier,
  });
  const claims = useQuery({
    queryKey: [me.user.id, 'claims', 'all'],
    queryFn: () => call(() => api.GET('/v1/claims', { params: { query: { limit: 100 } } })),
    enabled: isSupplier,
  });
  if (!isSupplier)
    return (
      <>
        <PageHeading title={t('certificates.title')} />
        <Paragraph>{t('certificates.onlySuppliers')}</Paragraph>
      </>
    );
  const claimsOf = (id: string) =>
    (claims.data?.items ?? []).filter(
      (c) => c.certificate.id === id && (c.status === 'pending' || c.status === 'approved'),
    );
  return (
    <>
      <PageHeading title={t('certificates.title')} />
      <Paragraph lead>{t('certificates.lead')}</Paragraph>
      <Paragraph>
        <AppLink to="/impact">{t('certificates.toImpact')}</AppLink>
      </Paragraph>
      {certificates.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {certificates.error && (
        <ErrorMessage error={certificates.error} onRetry={() => void certificates.refetch()} />
      )}
      {claims.error && <ErrorMessage error={claims.error} onRetry={() => void claims.refetch()} />}
      {certificates.data && certificates.data.items.length === 0 && (
        <Paragraph>{t('certificates.none')}</Paragraph>
      )}
      {certificates.data && certificates.data.items.length > 0 && (
        <ScrollTable label={t('certificates.title')}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('certificates.columns.number')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('certificates.columns.project')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('certificates.columns.credits')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('certificates.columns.amount')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('certificates.columns.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('certificates.columns.claimed')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {certificates.data.items.map((c) => {
                const used = claimsOf(c.id);
                return (
                  <TableRow key={c.id}>
                    <TableHeaderCell scope="row">
                      <AppLink to={`/certificates/${c.id}`}>{c.number}</AppLink>
                      <br />
                      {t('certificates.issuedOn', { date: formatDate(c.issuedAt, lang) })}
                    </TableHeaderCell>
                    <TableCell>{c.project.title}</TableCell>
                    <TableCell>{formatNumber(c.credits, lang)}</TableCell>
                    <TableCell>{formatEuros(c.valueCents, lang)}</TableCell>
                    <TableCell>{t(`certificateStatus.${c.status}`)}</TableCell>
                    <TableCell>
                      {used.length === 0
                        ? t('certificates.notClaimed')
                        : used.map((claim, i) => (
                            <span key={claim.id}>
                              {i > 0 && <br />}
                              {t('certificates.claimedAt', {
                                authority: claim.authority.name,
                                contract: claim.contract.title,
                                credits: formatNumber(claim.credits, lang),
                                status: t(`certificates.claimStatus.${claim.status}`),
                              })}
                            </span>
                          ))}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
    </>
  );
}
