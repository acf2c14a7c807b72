import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { PdfVerification } from '../../api/queries';
import { currentLanguage } from '../../i18n';
import { formatDate, formatEuros, formatNumber } from '../../lib/format';

/** What a verification found: genuine or not, valid or not, and the certificate's public facts. */
export function VerificationResult({ result, code }: { result: PdfVerification; code?: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (!result.genuine)
    return (
      <section aria-labelledby="result" role="status">
        <Heading2 id="result">{t('verify.resultTitle')}</Heading2>
        <Alert type="error">
          <Paragraph>{t('verify.notGenuine')}</Paragraph>
        </Alert>
      </section>
    );
  const c = result;
  return (
    <section aria-labelledby="result" role="status">
      <Heading2 id="result">{t('verify.resultTitle')}</Heading2>
      <Alert type={c.valid ? 'ok' : 'warning'}>
        <Paragraph>{t('verify.genuine')}</Paragraph>
        <Paragraph>
          <strong>
            {c.valid
              ? t('verify.valid')
              : t('verify.notValid', { status: t(`verify.certStatus.${c.status}`) })}
          </strong>
        </Paragraph>
      </Alert>
      <dl className="ib-facts">
        <dt>{t('verify.number')}</dt>
        <dd>{c.number}</dd>
        <dt>{t('verify.supplier')}</dt>
        <dd>
          {c.supplier.name}
          {c.supplier.nameNow ? ` (${c.supplier.nameNow})` : ''}
        </dd>
        {c.supplier.kvkNumber && (
          <>
            <dt>{t('verify.kvk')}</dt>
            <dd>{c.supplier.kvkNumber}</dd>
          </>
        )}
        <dt>{t('verify.project')}</dt>
        <dd>{c.project.title}</dd>
        <dt>{t('verify.initiative')}</dt>
        <dd>{c.initiative.name}</dd>
        <dt>{t('verify.credits')}</dt>
        <dd>
          {formatNumber(c.credits, lang)} ({formatNumber(c.serialStart, lang)}–
          {formatNumber(c.serialEnd, lang)})
        </dd>
        {c.creditsRemaining !== null && (
          <>
            <dt>{t('verify.creditsRemaining')}</dt>
            <dd>{formatNumber(c.creditsRemaining, lang)}</dd>
          </>
        )}
        <dt>{t('verify.value')}</dt>
        <dd>{formatEuros(c.valueCents, lang)}</dd>
        <dt>{t('verify.issuedAt')}</dt>
        <dd>{formatDate(c.issuedAt, lang)}</dd>
      </dl>
      {c.countedToward.length > 0 && (
        <>
          <Paragraph>
            <strong>{t('verify.countedToward')}</strong>
          </Paragraph>
          <ul className="utrecht-unordered-list">
            {c.countedToward.map((claim, index) => (
              <li key={index} className="utrecht-unordered-list__item">
                {t('verify.countedItem', {
                  authority: claim.authority.name,
                  contract: claim.contractTitle,
                  reference: claim.contractReference,
                  count: claim.credits,
                  credits: formatNumber(claim.credits, lang),
                  value: formatEuros(claim.valueCents, lang),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {code && (
        <Paragraph>
          <a className="utrecht-link" href={`/verify/${encodeURIComponent(code)}?lang=${lang}`}>
            {t('verify.permalink')}
          </a>
        </Paragraph>
      )}
    </section>
  );
}
