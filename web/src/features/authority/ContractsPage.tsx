import {
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/session';
import { AppButtonLink, AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatEuros } from '../../lib/format';
import { isAuthority, isCoordinator, useContracts } from './authority-api';
import { AuthorityPage, contractStatusText, ViewerNotice } from './authority-ui';

/** "Contracten": the authority's contracts with their progress in euros. */
export default function ContractsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <AuthorityPage
      me={me}
      title={t('authority.contracts.title')}
      lead={t('authority.contracts.lead')}
    >
      {isAuthority(me) && <ContractList me={me} />}
    </AuthorityPage>
  );
}

function ContractList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const contracts = useContracts(me);
  return (
    <>
      <ViewerNotice me={me} text={t('authority.contracts.viewer')} />
      {isCoordinator(me) && (
        <Paragraph>
          <AppButtonLink to="/contracts/new">{t('authority.contracts.new')}</AppButtonLink>
        </Paragraph>
      )}
      <Paragraph>
        <AppLink to="/claims">{t('authority.contracts.toInbox')}</AppLink>
      </Paragraph>
      {contracts.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {contracts.error && (
        <ErrorMessage error={contracts.error} onRetry={() => void contracts.refetch()} />
      )}
      {contracts.data?.length === 0 && <Paragraph>{t('authority.contracts.none')}</Paragraph>}
      {contracts.data && contracts.data.length > 0 && (
        <ScrollTable label={t('authority.contracts.table')}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('authority.contracts.contract')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('authority.contracts.supplier')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="ib-authority-num">
                  {t('authority.progress.required')}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="ib-authority-num">
                  {t('authority.progress.counted')}
                </TableHeaderCell>
                <TableHeaderCell scope="col" className="ib-authority-num">
                  {t('authority.progress.remaining')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t('authority.contracts.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('authority.contracts.tenderNed')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {contracts.data.map((c) => (
                <TableRow key={c.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to={`/contracts/${c.id}`}>{c.title}</AppLink>
                    <br />
                    {c.reference}
                  </TableHeaderCell>
                  <TableCell>{c.supplier.name}</TableCell>
                  <TableCell className="ib-authority-num">
                    {formatEuros(c.progress.requiredCents, lang)}
                  </TableCell>
                  <TableCell className="ib-authority-num">
                    {formatEuros(c.progress.approvedCents, lang)}
                  </TableCell>
                  <TableCell className="ib-authority-num">
                    {formatEuros(c.progress.remainingCents, lang)}
                  </TableCell>
                  <TableCell>{contractStatusText(c, t)}</TableCell>
                  <TableCell>
                    {c.tenderNed ? (
                      <a className="utrecht-link" href={c.tenderNed.url} rel="noreferrer">
                        {c.tenderNed.reference}
                      </a>
                    ) : (
                      t('authority.contracts.noTenderNed')
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
    </>
  );
}
