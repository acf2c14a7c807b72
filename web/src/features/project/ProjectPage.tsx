import {
  Alert,
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
import { useParams } from 'react-router';
import {
  type CatalogueProjectDetail,
  type ProjectOutcomes,
  useProject,
  useProjectOutcomes,
  useProjectStories,
} from '../../api/queries';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FundingProgress } from '../../components/FundingProgress';
import { PageHeading } from '../../components/PageHeading';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatBasisPoints, formatDate, formatEuros, formatNumber } from '../../lib/format';

const CRITERIA = ['reach', 'depth', 'durability', 'indirect'] as const;

export default function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = useProject(id);

  if (project.isPending)
    return (
      <>
        <PageHeading title={t('project.titleFallback')} />
        <Paragraph>{t('app.loading')}</Paragraph>
      </>
    );
  if (project.isError)
    return (
      <>
        <PageHeading title={t('project.titleFallback')} />
        <ErrorMessage error={project.error} onRetry={() => void project.refetch()} />
        <Paragraph>
          <AppLink to="/projects">{t('project.back')}</AppLink>
        </Paragraph>
      </>
    );
  return <ProjectDetail project={project.data} />;
}

function ProjectDetail({ project }: { project: CatalogueProjectDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <>
      <Paragraph>
        <AppLink to="/projects">{t('project.back')}</AppLink>
      </Paragraph>
      <PageHeading title={project.title} />
      {project.status === 'failed' && (
        <Alert type="warning">
          <Paragraph>{t('project.failed')}</Paragraph>
        </Alert>
      )}
      <Paragraph lead>{project.summary}</Paragraph>
      <dl className="ib-facts">
        <dt>{t('project.initiative')}</dt>
        <dd>
          {project.initiative.name}
          {project.initiative.city ? ` (${project.initiative.city})` : ''}
        </dd>
        <dt>{t('project.municipalities')}</dt>
        <dd>{project.municipalities.map((m) => m.name).join(', ')}</dd>
        <dt>{t('project.status')}</dt>
        <dd>{t(`status.${project.status}`)}</dd>
        {project.startDate && project.endDate && (
          <>
            <dt>{t('project.period')}</dt>
            <dd>
              {formatDate(project.startDate, lang)} – {formatDate(project.endDate, lang)}
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="funding">
        <Heading2 id="funding">{t('project.funding')}</Heading2>
        <FundingProgress credits={project.credits} title={project.title} />
        <dl className="ib-facts">
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
      </section>

      <section aria-labelledby="description">
        <Heading2 id="description">{t('project.description')}</Heading2>
        <Paragraph style={{ whiteSpace: 'pre-line' }}>{project.description}</Paragraph>
        <Heading3>{t('project.targetGroups')}</Heading3>
        <ul className="utrecht-unordered-list">
          {project.targetGroups.map((g) => (
            <li key={g.targetGroup} className="utrecht-unordered-list__item">
              {t(`targetGroup.${g.targetGroup}`)}:{' '}
              {t('project.participants', { count: g.expectedParticipants })}
            </li>
          ))}
        </ul>
        <Heading3>{t('project.expectedOutcomes')}</Heading3>
        <ul className="utrecht-unordered-list">
          {project.expectedOutcomes.map((o) => (
            <li key={o.outcomeType} className="utrecht-unordered-list__item">
              {t(`outcomeType.${o.outcomeType}`)}:{' '}
              {t('project.expected', { count: o.expectedCount })}
            </li>
          ))}
        </ul>
      </section>

      <AwardExplained project={project} />

      <section aria-labelledby="budget">
        <Heading2 id="budget">{t('project.budget')}</Heading2>
        <ScrollTable label={t('project.budget')}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('project.budgetLine')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('project.amount')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('project.counted')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {project.budgetLines.map((line, index) => (
                <TableRow key={index}>
                  <TableHeaderCell scope="row">
                    {line.description} ({t(`budgetCategory.${line.category}`)})
                  </TableHeaderCell>
                  <TableCell>{formatEuros(line.amountCents, lang)}</TableCell>
                  <TableCell>{line.accepted ? t('project.yes') : t('project.no')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      </section>

      <ProjectOutcomesSection id={project.id} />

      <ProjectStories id={project.id} />
    </>
  );
}

/** The award explained: the panel's score per criterion, the formula with this project's numbers. */
function AwardExplained({ project }: { project: CatalogueProjectDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const award = project.award;
  const { maxScore, weightsBasisPoints, creditPriceCents } = award.parameters;
  const score = (n: number) => formatNumber(n, lang, Number.isInteger(n) ? 0 : 1);
  return (
    <section aria-labelledby="award">
      <Heading2 id="award">{t('project.award')}</Heading2>
      <Paragraph>{t('project.awardLead')}</Paragraph>
      <ScrollTable label={t('project.award')}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('project.criterion')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('project.weight')}</TableHeaderCell>
              <TableHeaderCell scope="col">
                {t('project.panelScore', { max: maxScore })}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {CRITERIA.map((c) => (
              <TableRow key={c}>
                <TableHeaderCell scope="row">{t(`criteria.${c}`)}</TableHeaderCell>
                <TableCell>{formatBasisPoints(weightsBasisPoints[c], lang)}</TableCell>
                <TableCell>{score(award.panelScores[c])}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>
      <Paragraph>
        {award.scoreSource === 'median' ? t('project.scoreMedian') : t('project.scoreConsensus')}
      </Paragraph>
      <Heading3>{t('project.formula')}</Heading3>
      <ol className="utrecht-ordered-list ib-formula">
        <li className="utrecht-ordered-list__item">
          {t('project.impactScore', {
            max: maxScore,
            value: formatNumber(Number(award.impactScore), lang, 5),
          })}
        </li>
        <li className="utrecht-ordered-list__item">
          {t('project.eligibleCost', { value: formatEuros(award.eligibleCostCents, lang) })}
        </li>
        <li className="utrecht-ordered-list__item">
          {t('project.supply', {
            e: formatEuros(award.eligibleCostCents, lang),
            s: formatNumber(Number(award.impactScore), lang, 5),
            price: formatEuros(creditPriceCents, lang),
            value: formatNumber(award.supply, lang),
          })}
        </li>
        <li className="utrecht-ordered-list__item">
          {t('project.threshold', { value: formatNumber(award.threshold, lang) })} (
          {formatEuros(award.minimumBudgetCents, lang)} ÷ {formatEuros(creditPriceCents, lang)})
        </li>
      </ol>
      <Paragraph>
        {t('project.thresholdExplained', {
          count: award.threshold,
          threshold: formatNumber(award.threshold, lang),
        })}
      </Paragraph>
      {award.publicRationale && (
        <>
          <Heading3>{t('project.rationale')}</Heading3>
          <Paragraph style={{ whiteSpace: 'pre-line' }}>{award.publicRationale}</Paragraph>
        </>
      )}
      <Paragraph>{t('project.decidedAt', { date: formatDate(award.decidedAt, lang) })}</Paragraph>
    </section>
  );
}

function ProjectStories({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const stories = useProjectStories(id);
  return (
    <section aria-labelledby="stories">
      <Heading2 id="stories">{t('project.stories')}</Heading2>
      {stories.isError && <ErrorMessage error={stories.error} />}
      {stories.data && stories.data.items.length === 0 && (
        <Paragraph>{t('project.storiesNone')}</Paragraph>
      )}
      {stories.data?.items.map((story) => (
        <article key={story.id}>
          <Heading3>{story.title}</Heading3>
          <Paragraph style={{ whiteSpace: 'pre-line' }}>{story.text}</Paragraph>
          <Paragraph>
            <small>{t('stories.published', { date: formatDate(story.publishedAt, lang) })}</small>
          </Paragraph>
        </article>
      ))}
    </section>
  );
}

type PublishedCount = ProjectOutcomes['totals']['outcomes'];

/**
 * Outcomes reported so far: the published (rounded) counts of the project's accepted
 * reports beside what the plan expected. A withheld count is said so, never shown.
 */
function ProjectOutcomesSection({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const outcomes = useProjectOutcomes(id);
  const data = outcomes.data;
  const count = (c: PublishedCount) =>
    c.value === null
      ? t('stats.suppressed')
      : `${formatNumber(c.value, lang)}${c.complete ? '' : ` ${t('stats.incomplete')}`}`;
  const shown = (line: { expected?: number | null; realised: PublishedCount }) =>
    (line.expected ?? null) !== null || line.realised.value !== 0 || line.realised.suppressed;
  const table = (
    caption: string,
    rows: { key: string; label: string; expected: number | null; realised: PublishedCount }[],
  ) => (
    <ScrollTable label={caption}>
      <Table>
        <caption className="utrecht-table__caption">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('stats.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('project.expectedColumn')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('project.realisedColumn')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
              <TableCell>
                {row.expected === null ? '–' : formatNumber(row.expected, lang)}
              </TableCell>
              <TableCell>{count(row.realised)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
  return (
    <section aria-labelledby="outcomes">
      <Heading2 id="outcomes">{t('project.outcomes')}</Heading2>
      {outcomes.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {outcomes.isError && <ErrorMessage error={outcomes.error} />}
      {data && data.reports === 0 && <Paragraph>{t('project.outcomesNone')}</Paragraph>}
      {data && data.reports > 0 && (
        <>
          <Paragraph>
            {t('project.outcomesLead', { base: data.disclosureControl.base })}{' '}
            {t('project.outcomesReports', { count: data.reports })}
          </Paragraph>
          {table(
            t('project.outcomesTable'),
            data.outcomes.filter(shown).map((o) => ({
              key: o.outcomeType,
              label: t(`outcomeType.${o.outcomeType}`),
              expected: o.expected,
              realised: o.realised,
            })),
          )}
          {table(
            t('project.participantsTable'),
            data.participants.filter(shown).map((p) => ({
              key: p.targetGroup,
              label: t(`targetGroup.${p.targetGroup}`),
              expected: p.expected,
              realised: p.realised,
            })),
          )}
        </>
      )}
      <Paragraph>
        {t('project.outcomesAll')} <AppLink to="/statistics">{t('nav.stats')}</AppLink>.
      </Paragraph>
    </section>
  );
}
