import {
  Button,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type CatalogueQuery, useCatalogue, useMunicipalities } from '../../api/queries';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { ProjectCard } from './ProjectCard';

const TARGET_GROUPS = [
  'participatiewet',
  'banenafspraak',
  'ww',
  'nug',
  'youth',
  'over_50',
  'status_holder',
  'other',
] as const;
const OUTCOME_TYPES = [
  'paid_work',
  'diploma',
  'internship',
  'driving_licence',
  'retraining',
  'job',
  'day_activity',
  'other',
] as const;
const SORTS = ['newest', 'deadline', 'available'] as const;
const SORT_LABELS = {
  newest: 'catalogue.sortNewest',
  deadline: 'catalogue.sortDeadline',
  available: 'catalogue.sortAvailable',
} as const;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/**
 * The catalogue. Filters live in the URL (shareable, back button works) and are sent as the
 * API's query; municipalities are chosen by name, the CBS code never shows. Keyset paging:
 * "load more" asks for the next page with the API's nextCursor.
 */
export default function CataloguePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const municipalityOptions = useMunicipalities();

  const filters = useMemo(() => {
    const query: Omit<CatalogueQuery, 'cursor'> = { limit: 24 };
    const municipality = params.get('gemeente');
    if (municipality && /^GM[0-9]{4}$/.test(municipality)) query.municipality = municipality;
    const targetGroup = pick(params.get('doelgroep'), TARGET_GROUPS);
    if (targetGroup) query.targetGroup = targetGroup;
    const outcomeType = pick(params.get('thema'), OUTCOME_TYPES);
    if (outcomeType) query.outcomeType = outcomeType;
    query.sort = pick(params.get('sorteer'), SORTS) ?? 'newest';
    return query;
  }, [params]);

  const catalogue = useCatalogue(filters);
  const projects = catalogue.data?.pages.flatMap((page) => page.items) ?? [];

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['gemeente', 'doelgroep', 'thema', 'sorteer']) {
      const value = form.get(key);
      if (typeof value === 'string' && value !== '') next.set(key, value);
    }
    setParams(next);
  }

  return (
    <>
      <PageHeading title={t('catalogue.title')} />
      <Paragraph lead>{t('catalogue.lead')}</Paragraph>

      <form onSubmit={apply} aria-labelledby="filters" key={params.toString()}>
        <Heading2 id="filters">{t('catalogue.filters')}</Heading2>
        <div className="ib-filters">
          <Field id="f-municipality" label={t('catalogue.municipality')}>
            <Select id="f-municipality" name="gemeente" defaultValue={filters.municipality ?? ''}>
              <SelectOption value="">{t('catalogue.all')}</SelectOption>
              {(municipalityOptions.data ?? []).map((m) => (
                <SelectOption key={m.cbsCode} value={m.cbsCode}>
                  {m.name}
                </SelectOption>
              ))}
            </Select>
          </Field>
          <Field id="f-target" label={t('catalogue.targetGroup')}>
            <Select id="f-target" name="doelgroep" defaultValue={filters.targetGroup ?? ''}>
              <SelectOption value="">{t('catalogue.all')}</SelectOption>
              {TARGET_GROUPS.map((g) => (
                <SelectOption key={g} value={g}>
                  {t(`targetGroup.${g}`)}
                </SelectOption>
              ))}
            </Select>
          </Field>
          <Field id="f-theme" label={t('catalogue.theme')}>
            <Select id="f-theme" name="thema" defaultValue={filters.outcomeType ?? ''}>
              <SelectOption value="">{t('catalogue.all')}</SelectOption>
              {OUTCOME_TYPES.map((o) => (
                <SelectOption key={o} value={o}>
                  {t(`outcomeType.${o}`)}
                </SelectOption>
              ))}
            </Select>
          </Field>
          <Field id="f-sort" label={t('catalogue.sort')}>
            <Select id="f-sort" name="sorteer" defaultValue={filters.sort}>
              {SORTS.map((s) => (
                <SelectOption key={s} value={s}>
                  {t(SORT_LABELS[s])}
                </SelectOption>
              ))}
            </Select>
          </Field>
          <Button type="submit" appearance="primary-action-button">
            {t('catalogue.apply')}
          </Button>
        </div>
      </form>

      <section aria-labelledby="results">
        <Heading2 id="results" className="ib-visually-hidden">
          {t('catalogue.title')}
        </Heading2>
        {catalogue.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
        {catalogue.isError && (
          <ErrorMessage error={catalogue.error} onRetry={() => void catalogue.refetch()} />
        )}
        {catalogue.isSuccess && (
          <Paragraph role="status">
            {projects.length === 0
              ? t('catalogue.none')
              : t('catalogue.results', { count: projects.length })}
          </Paragraph>
        )}
        {projects.length > 0 && (
          <ul className="ib-cards">
            {projects.map((project) => (
              <ProjectCard key={project.id} project={project} />
            ))}
          </ul>
        )}
        {catalogue.hasNextPage && (
          <Button
            appearance="secondary-action-button"
            busy={catalogue.isFetchingNextPage}
            onClick={() => void catalogue.fetchNextPage()}
          >
            {t('catalogue.more')}
          </Button>
        )}
      </section>
    </>
  );
}
