import { Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatNumber } from '../lib/format';

interface Credits {
  sold: number;
  threshold: number;
  supply: number;
}

/**
 * Funding progress toward the threshold T: a native <progress> (announced by screen readers)
 * with the same fact written out beside it, so nobody depends on the bar alone.
 */
export function FundingProgress({ credits, title }: { credits: Credits; title: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const textId = useId();
  const threshold = Math.max(credits.threshold, 1);
  const reached = credits.sold >= credits.threshold;
  const percent = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(Math.min(credits.sold / threshold, 1));
  return (
    <div>
      <progress
        className="ib-progress"
        max={threshold}
        value={Math.min(credits.sold, threshold)}
        aria-label={t('catalogue.progressLabel', { title })}
        aria-describedby={textId}
      />
      <Paragraph id={textId}>
        {reached
          ? t('catalogue.progressTextFunded', {
              count: credits.sold,
              sold: formatNumber(credits.sold, lang),
            })
          : t('catalogue.progressText', {
              count: credits.threshold,
              sold: formatNumber(credits.sold, lang),
              threshold: formatNumber(credits.threshold, lang),
              percent,
            })}
      </Paragraph>
    </div>
  );
}
