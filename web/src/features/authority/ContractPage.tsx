import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppButtonLink, AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import {
  formatBasisPoints,
  formatDate,
  formatDateTime,
  formatEuros,
  formatNumber,
} from '../../lib/format';
import {
  type AuditEvent,
  type Contract,
  isAuthority,
  isCoordinator,
  useContract,
  useContractClaims,
  useContractEvents,
  useOwnPeople,
} from './authority-api';
import { ClaimItem, contractStatusText, ProgressList, ViewerNotice } from './authority-ui';

/** One contract: its details, progress, claims and history; edit and close for coordinators. */
export default function ContractPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contract = useContract(me, id);
  if (contract.isPending)
    return (
      <>
        <PageHeading title={t('authority.contract.loading')} />
        <Paragraph>{t('app.loading')}</Paragraph>
      </>
    );
  if (contract.error)
    return (
      <>
        <PageHeading title={t('authority.contract.notFound')} />
        <ErrorMessage error={contract.error} onRetry={() => void contract.refetch()} />
        <Paragraph>
          <AppLink to="/contracts">{t('authority.contract.back')}</AppLink>
        </Paragraph>
      </>
    );
  return <ContractView me={me} contract={contract.data} />;
}

function ContractView({ me, contract }: { me: Me; contract: Contract }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [params] = useSearchParams();
  const own = isAuthority(me) && contract.authority.id === me.organisation.id;
  const canChange = own && isCoordinator(me) && contract.status === 'open';
  const o = contract.obligation;
  const v = contract.valuation;
  return (
    <div className="ib-authority-page">
      <PageHeading title={contract.title} />
      {params.get('registered') === '1' && (
        <Paragraph lead role="status">
          {t('authority.contract.registered')}
        </Paragraph>
      )}
      {own && <ViewerNotice me={me} text={t('authority.contract.viewer')} />}
      {own && isCoordinator(me) && contract.status === 'closed' && (
        <Paragraph>{t('authority.contract.closedNoChange')}</Paragraph>
      )}
      <Paragraph>
        <AppLink to={isAuthority(me) ? '/contracts' : '/start'}>
          {t('authority.contract.back')}
        </AppLink>
      </Paragraph>

      <section aria-labelledby="contract-details" className="ib-authority-section">
        <Heading2 id="contract-details">{t('authority.contract.details')}</Heading2>
        <dl className="ib-authority-facts">
          <dt>{t('authority.contract.reference')}</dt>
          <dd>{contract.reference}</dd>
          <dt>{t('authority.contract.status')}</dt>
          <dd>{contractStatusText(contract, t)}</dd>
          <dt>{t('authority.contract.authority')}</dt>
          <dd>{contract.authority.name}</dd>
          <dt>{t('authority.contract.supplier')}</dt>
          <dd>
            {contract.supplier.name}
            {contract.supplier.kvkNumber &&
              ` (${t('authority.contract.kvk', { kvk: contract.supplier.kvkNumber })})`}
            {contract.supplier.status === 'pending' && (
              <>
                <br />
                {t('authority.contract.supplierInvited')}
              </>
            )}
          </dd>
          <dt>{t('authority.contract.value')}</dt>
          <dd>{formatEuros(contract.valueCents, lang)}</dd>
          <dt>{t('authority.contract.period')}</dt>
          <dd>
            {t('authority.contract.periodText', {
              from: formatDate(contract.startsOn, lang),
              to: formatDate(contract.endsOn, lang),
            })}
          </dd>
          <dt>{t('authority.contract.obligation')}</dt>
          <dd>
            {o.basis === 'fixed'
              ? t('authority.contract.fixed', { amount: formatEuros(o.obligationCents, lang) })
              : t(`authority.contract.basis.${o.basis}`, {
                  percentage: formatBasisPoints(o.percentageBp ?? 0, lang),
                  amount: formatEuros(o.obligationCents, lang),
                  ...(o.wageSumCents !== null
                    ? { wageSum: formatEuros(o.wageSumCents, lang) }
                    : {}),
                })}
          </dd>
          <dt>{t('authority.contract.credits')}</dt>
          <dd>
            {v.acceptsCredits
              ? t('authority.contract.valuation', {
                  factor: formatBasisPoints(v.creditFactorBp, lang),
                  cap: formatBasisPoints(v.creditShareCapBp, lang),
                  capAmount: formatEuros(contract.progress.creditCapCents, lang),
                })
              : t('authority.contract.noCredits')}
          </dd>
          <dt>{t('authority.contract.tenderNed')}</dt>
          <dd>
            {contract.tenderNed ? (
              <>
                {t('authority.contract.tenderNedReference', {
                  reference: contract.tenderNed.reference,
                })}{' '}
                <a className="utrecht-link" href={contract.tenderNed.url} rel="noreferrer">
                  {t('authority.contract.tenderNedLink')}
                </a>
              </>
            ) : (
              t('authority.contract.noTenderNed')
            )}
          </dd>
          {contract.closedAt && (
            <>
              <dt>{t('authority.contract.closedAt')}</dt>
              <dd>{formatDate(contract.closedAt, lang)}</dd>
            </>
          )}
        </dl>
        {canChange && (
          <Paragraph>
            <AppButtonLink to={`/contracts/${contract.id}/edit`} appearance="secondary">
              {t('authority.contract.edit')}
            </AppButtonLink>
          </Paragraph>
        )}
      </section>

      <section aria-labelledby="contract-progress" className="ib-authority-section">
        <Heading2 id="contract-progress">{t('authority.contract.progress')}</Heading2>
        <ProgressList contract={contract} />
      </section>

      <ContractClaims me={me} contract={contract} />
      {own && <History me={me} contract={contract} />}
      {canChange && <CloseContract contract={contract} />}
    </div>
  );
}

function ContractClaims({ me, contract }: { me: Me; contract: Contract }) {
  const { t } = useTranslation();
  const claims = useContractClaims(me, contract.id);
  return (
    <section aria-labelledby="contract-claims" className="ib-authority-section">
      <Heading2 id="contract-claims">{t('authority.contract.claims')}</Heading2>
      {claims.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {claims.error && <ErrorMessage error={claims.error} onRetry={() => void claims.refetch()} />}
      {claims.data?.length === 0 && <Paragraph>{t('authority.contract.noClaims')}</Paragraph>}
      {claims.data?.map((claim) => (
        <ClaimItem key={claim.id} me={me} claim={claim} showContract={false} />
      ))}
    </section>
  );
}

const KNOWN_ACTIONS = [
  'contract.created',
  'contract.updated',
  'contract.closed',
  'claim.created',
  'claim.approved',
  'claim.rejected',
  'claim.rejected_automatically',
  'claim.withdrawn',
  'claim.invalidated',
] as const;

/** The contract's audit trail in words: what happened, who did it, when. */
function History({ me, contract }: { me: Me; contract: Contract }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const events = useContractEvents(me, contract.id);
  const people = useOwnPeople(me);
  const who = (event: AuditEvent): string => {
    if (event.actorUserId && event.actorOrganisationId === me.organisation.id) {
      const name = people.data?.find((p) => p.id === event.actorUserId)?.name;
      return name ?? t('authority.history.someoneHere');
    }
    if (event.actorOrganisationId === contract.supplier.id)
      return t('authority.history.supplier', { name: contract.supplier.name });
    return t('authority.history.platform');
  };
  const what = (event: AuditEvent): string => {
    const action = (KNOWN_ACTIONS as readonly string[]).includes(event.action)
      ? event.action.replace('.', '_')
      : 'other';
    const credits = typeof event.summary.credits === 'number' ? event.summary.credits : undefined;
    const text = t(`authority.history.actions.${action}`, {
      n: credits === undefined ? '' : formatNumber(credits, lang),
    });
    const reason = typeof event.summary.reason === 'string' ? event.summary.reason : undefined;
    return reason ? `${text} ${t('authority.history.reason', { reason })}` : text;
  };
  return (
    <section aria-labelledby="contract-history" className="ib-authority-section">
      <Heading2 id="contract-history">{t('authority.history.title')}</Heading2>
      {events.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {events.error && <ErrorMessage error={events.error} onRetry={() => void events.refetch()} />}
      {events.data && events.data.length === 0 && (
        <Paragraph>{t('authority.history.none')}</Paragraph>
      )}
      {events.data && events.data.length > 0 && (
        <ol className="ib-authority-events">
          {events.data.map((event) => (
            <li key={event.id}>
              <strong>{formatDateTime(event.occurredAt, lang)}</strong>: {what(event)} ({who(event)}
              )
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Closing asks first ("Weet u zeker…?"); focus moves to the question and back. */
function CloseContract({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) question.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function close() {
    setBusy(true);
    setFailure(undefined);
    try {
      await call(() =>
        api.POST('/v1/contracts/{id}/close', { params: { path: { id: contract.id } }, body: {} }),
      );
      await queryClient.invalidateQueries();
    } catch (error) {
      setFailure(error);
      setAsking(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="contract-close" className="ib-authority-section">
      <Heading2 id="contract-close">{t('authority.close.title')}</Heading2>
      <Paragraph>{t('authority.close.explain')}</Paragraph>
      {asking ? (
        <div className="ib-authority-confirm">
          <Paragraph ref={question} tabIndex={-1}>
            {t('authority.close.question', { title: contract.title })}
          </Paragraph>
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              busy={busy}
              disabled={busy}
              onClick={() => void close()}
            >
              {t('authority.close.yes')}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setAsking(false)}>
              {t('authority.close.no')}
            </Button>
          </ButtonGroup>
        </div>
      ) : (
        <Button ref={opener} appearance="secondary-action-button" onClick={() => setAsking(true)}>
          {t('authority.close.button')}
        </Button>
      )}
      {failure !== undefined && (
        <div className="ib-authority-refusal">
          <ErrorMessage error={failure} />
        </div>
      )}
    </section>
  );
}
