import { Alert, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { type ActionFormProps, ActionForm as SharedActionForm } from '../../components/ActionForm';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import { formatBasisPoints, formatDate, formatEuros, formatNumber } from '../../lib/format';
import {
  type Claim,
  type Contract,
  isAuthority,
  isCoordinator,
  useLiveVerification,
} from './authority-api';
import './authority.css';

/** The page's heading; for anyone outside an authority only a sentence saying so. */
export function AuthorityPage({
  me,
  title,
  lead,
  allowOthers = false,
  children,
}: {
  me: Me;
  title: string;
  lead?: string;
  /** The contract page is also the supplier's (the API shows it to both parties). */
  allowOthers?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const allowed = allowOthers || isAuthority(me);
  return (
    <>
      <PageHeading title={title} />
      {allowed ? (
        <>
          {lead && <Paragraph lead>{lead}</Paragraph>}
          {children}
        </>
      ) : (
        <Paragraph>{t('authority.onlyAuthorities')}</Paragraph>
      )}
    </>
  );
}

/** For a viewer: why the page shows no buttons. */
export function ViewerNotice({ me, text }: { me: Me; text: string }) {
  if (!isAuthority(me) || isCoordinator(me)) return null;
  return (
    <Alert type="info">
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}

/** A contract's status in words (open, closed, overdue). */
export function contractStatusText(contract: Contract, t: (key: string) => string): string {
  if (contract.status === 'closed') return t('authority.status.closed');
  if (contract.progress.overdue) return t('authority.status.overdue');
  if (contract.progress.remainingCents === 0) return t('authority.status.met');
  return t('authority.status.open');
}

/** Obligation, counted, waiting and remaining, in euros. */
export function ProgressList({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const p = contract.progress;
  return (
    <dl className="ib-authority-facts">
      <dt>{t('authority.progress.required')}</dt>
      <dd>{formatEuros(p.requiredCents, lang)}</dd>
      <dt>{t('authority.progress.counted')}</dt>
      <dd>
        {formatEuros(p.approvedCents, lang)} ({formatBasisPoints(p.filledShareBp, lang)})
      </dd>
      <dt>{t('authority.progress.pending')}</dt>
      <dd>{formatEuros(p.pendingCents, lang)}</dd>
      <dt>{t('authority.progress.remaining')}</dt>
      <dd>{formatEuros(p.remainingCents, lang)}</dd>
    </dl>
  );
}

/** One action on one claim (see components/ActionForm): an optional reason and a button. */
function ActionForm(props: ActionFormProps) {
  const { t } = useTranslation();
  return (
    <SharedActionForm
      {...props}
      className="ib-authority-action"
      refusalClassName="ib-authority-refusal"
      maxLength={2000}
      requiredMessage={(field) => t('authority.required', { field })}
    />
  );
}

/** The certificate's status as public verification answers it now. */
function LiveVerification({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const live = useLiveVerification(claim);
  const link = (
    <a className="utrecht-link" href={new URL(claim.certificate.verificationUrl).pathname}>
      {t('authority.claim.verifyLink', { number: claim.certificate.number })}
    </a>
  );
  if (live.isPending) return <>{t('authority.claim.verifying')}</>;
  if (live.error)
    return (
      <>
        {t('authority.claim.verifyFailed')} {link}
      </>
    );
  const v = live.data;
  return (
    <>
      <strong className={v.valid ? 'ib-authority-ok' : 'ib-authority-warn'}>
        {v.valid
          ? t('authority.claim.live.valid')
          : t(`authority.claim.live.${v.status === 'suspended' ? 'suspended' : 'revoked'}`)}
      </strong>
      {v.creditsRemaining !== null &&
        ` · ${t('authority.claim.creditsFree', { n: formatNumber(v.creditsRemaining, lang) })}`}{' '}
      · {link}
    </>
  );
}

/** One claim with its evidence, what it counts and, for a coordinator, its actions. */
export function ClaimItem({
  me,
  claim,
  showContract = true,
}: {
  me: Me;
  claim: Claim;
  showContract?: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const canAct = isCoordinator(me) && claim.authority.id === me.organisation.id;
  const partial = claim.countedCents < claim.valueCents;
  const headingId = `claim-${claim.id}`;
  return (
    <article className="ib-authority-item" aria-labelledby={headingId} data-testid="claim">
      <Heading3 id={headingId}>
        {claim.supplier.name} · {claim.contract.reference} ·{' '}
        {t(`authority.claimStatus.${claim.status}`)}
      </Heading3>
      <dl className="ib-authority-facts">
        {showContract && (
          <>
            <dt>{t('authority.claim.contract')}</dt>
            <dd>
              <AppLink to={`/contracts/${claim.contract.id}`}>{claim.contract.title}</AppLink> (
              {claim.contract.reference})
            </dd>
          </>
        )}
        <dt>{t('authority.claim.certificate')}</dt>
        <dd>
          {claim.certificate.number} · {claim.certificate.projectTitle} (
          {claim.certificate.initiativeName})
        </dd>
        <dt>{t('authority.claim.live.label')}</dt>
        <dd>
          <LiveVerification claim={claim} />
        </dd>
        <dt>{t('authority.claim.credits')}</dt>
        <dd>{formatNumber(claim.credits, lang)}</dd>
        <dt>{t('authority.claim.value')}</dt>
        <dd>
          {t('authority.claim.valueText', {
            value: formatEuros(claim.valueCents, lang),
            price: formatEuros(claim.unitPriceCents, lang),
            factor: formatBasisPoints(claim.creditFactorBp, lang),
          })}
        </dd>
        <dt>
          {claim.status === 'pending'
            ? t('authority.claim.willCount')
            : t('authority.claim.counts')}
        </dt>
        <dd>
          {formatEuros(claim.countedCents, lang)}
          {partial && (
            <>
              <br />
              {t('authority.claim.partial', {
                spent: formatEuros(claim.valueCents - claim.countedCents, lang),
              })}
            </>
          )}
          {claim.status === 'pending' && (
            <>
              <br />
              {t('authority.claim.recheck')}
            </>
          )}
        </dd>
        <dt>{t('authority.claim.submitted')}</dt>
        <dd>{formatDate(claim.createdAt, lang)}</dd>
        {claim.note && (
          <>
            <dt>{t('authority.claim.note')}</dt>
            <dd>{claim.note}</dd>
          </>
        )}
        {claim.decisionReason && (
          <>
            <dt>{t('authority.claim.decisionReason')}</dt>
            <dd>{claim.decisionReason}</dd>
          </>
        )}
        {claim.withdrawalReason && (
          <>
            <dt>{t('authority.claim.withdrawalReason')}</dt>
            <dd>{claim.withdrawalReason}</dd>
          </>
        )}
        {claim.invalidationReason && (
          <>
            <dt>{t('authority.claim.invalidationReason')}</dt>
            <dd>{claim.invalidationReason}</dd>
          </>
        )}
      </dl>
      {canAct && claim.status === 'pending' && (
        <div className="ib-authority-actions">
          <ActionForm
            button={t('authority.claim.approve')}
            appearance="primary-action-button"
            onSubmit={() =>
              call(() =>
                api.POST('/v1/claims/{id}/approve', {
                  params: { path: { id: claim.id } },
                  body: {},
                }),
              )
            }
          />
          <ActionForm
            button={t('authority.claim.reject')}
            textLabel={t('authority.claim.rejectReason')}
            hint={t('authority.claim.rejectHint')}
            onSubmit={(reason) =>
              call(() =>
                api.POST('/v1/claims/{id}/reject', {
                  params: { path: { id: claim.id } },
                  body: { reason },
                }),
              )
            }
          />
        </div>
      )}
      {canAct && claim.status === 'approved' && (
        <div className="ib-authority-actions">
          <ActionForm
            button={t('authority.claim.withdraw')}
            textLabel={t('authority.claim.withdrawReason')}
            hint={t('authority.claim.withdrawHint')}
            onSubmit={(reason) =>
              call(() =>
                api.POST('/v1/claims/{id}/withdraw', {
                  params: { path: { id: claim.id } },
                  body: { reason },
                }),
              )
            }
          />
        </div>
      )}
    </article>
  );
}
