import {
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatDate, formatEuros, formatNumber } from '../../lib/format';
import type { ReviewedPlan } from './review-api';

/**
 * The plan exactly as submitted for the round, for the panel to read: what, where, for whom,
 * what it should bring, and the budget in euros. Headings start at the given level.
 */
export function PlanView({ plan, headingId }: { plan: ReviewedPlan; headingId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section aria-labelledby={headingId} className="ib-review-plan">
      <Heading2 id={headingId}>{t('reviews.plan.title')}</Heading2>
      <Paragraph lead>{plan.summary}</Paragraph>
      <Paragraph className="ib-review-prewrap">{plan.description}</Paragraph>
      <dl className="ib-facts">
        <dt>{t('reviews.plan.municipalities')}</dt>
        <dd>{plan.municipalities.map((m) => m.name).join(', ')}</dd>
        <dt>{t('reviews.plan.period')}</dt>
        <dd>
          {plan.startDate && plan.endDate
            ? t('reviews.plan.periodValue', {
                start: formatDate(plan.startDate, lang),
                end: formatDate(plan.endDate, lang),
              })
            : t('reviews.plan.unknown')}
        </dd>
        <dt>{t('reviews.plan.contact')}</dt>
        <dd>
          {[plan.contact.name, plan.contact.email, plan.contact.phone].filter(Boolean).join(', ')}
        </dd>
      </dl>
      <Heading3>{t('reviews.plan.targetGroups')}</Heading3>
      <ul className="utrecht-unordered-list">
        {plan.targetGroups.map((g) => (
          <li key={g.targetGroup} className="utrecht-unordered-list__item">
            {t(`targetGroup.${g.targetGroup}`)}:{' '}
            {t('reviews.plan.participants', {
              count: g.expectedParticipants,
              n: formatNumber(g.expectedParticipants, lang),
            })}
          </li>
        ))}
      </ul>
      <Heading3>{t('reviews.plan.outcomes')}</Heading3>
      <ul className="utrecht-unordered-list">
        {plan.expectedOutcomes.map((o) => (
          <li key={o.outcomeType} className="utrecht-unordered-list__item">
            {t(`outcomeType.${o.outcomeType}`)}:{' '}
            {t('reviews.plan.expected', { n: formatNumber(o.expectedCount, lang) })}
          </li>
        ))}
      </ul>
      <Heading3>{t('reviews.plan.budget')}</Heading3>
      <ScrollTable label={t('reviews.plan.budget')}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('reviews.plan.line')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('reviews.plan.category')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="ib-review-number">
                {t('reviews.plan.amount')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.budgetLines.map((line) => (
              <TableRow key={line.id}>
                <TableCell>{line.description}</TableCell>
                <TableCell>{t(`budgetCategory.${line.category}`)}</TableCell>
                <TableCell className="ib-review-number">
                  {formatEuros(line.amountCents, lang)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>
      <dl className="ib-facts">
        <dt>{t('reviews.plan.totalCost')}</dt>
        <dd>{plan.totalCostCents === null ? '—' : formatEuros(plan.totalCostCents, lang)}</dd>
        <dt>{t('reviews.plan.minimumBudget')}</dt>
        <dd>
          {plan.minimumBudgetCents === null ? '—' : formatEuros(plan.minimumBudgetCents, lang)}
        </dd>
        <dt>{t('reviews.plan.otherFunding')}</dt>
        <dd>
          {plan.otherFunding.amountCents > 0
            ? `${formatEuros(plan.otherFunding.amountCents, lang)} (${plan.otherFunding.description ?? ''})`
            : t('reviews.plan.none')}
        </dd>
      </dl>
    </section>
  );
}
