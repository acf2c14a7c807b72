import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { CatalogueProject } from '../../api/queries';
import { AppLink } from '../../components/AppLink';
import { FundingProgress } from '../../components/FundingProgress';
import { currentLanguage } from '../../i18n';
import { formatDate, formatEuros, formatNumber } from '../../lib/format';

export function ProjectCard({ project }: { project: CatalogueProject }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <li className="ib-card">
      <Heading3>
        <AppLink to={`/projects/${project.id}`}>{project.title}</AppLink>
      </Heading3>
      <Paragraph>{project.summary}</Paragraph>
      <dl className="ib-facts">
        <dt>{t('catalogue.initiative')}</dt>
        <dd>
          {project.initiative.name}
          {project.initiative.city ? ` (${project.initiative.city})` : ''}
        </dd>
        <dt>{t('catalogue.municipalities')}</dt>
        <dd>{project.municipalities.map((m) => m.name).join(', ')}</dd>
        <dt>{t('project.status')}</dt>
        <dd>{t(`status.${project.status}`)}</dd>
        <dt>{t('catalogue.available')}</dt>
        <dd>
          {t('catalogue.credits', {
            count: project.credits.available,
            n: formatNumber(project.credits.available, lang),
          })}
        </dd>
        <dt>{t('catalogue.price')}</dt>
        <dd>{formatEuros(project.creditPriceCents, lang)}</dd>
        <dt>{t('project.deadline')}</dt>
        <dd>{formatDate(project.fundingDeadline, lang)}</dd>
      </dl>
      <FundingProgress credits={project.credits} title={project.title} />
    </li>
  );
}
