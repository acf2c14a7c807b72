import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useStories } from '../../api/queries';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../lib/format';

/** The story bank: published stories, newest first, with keyset paging. */
export default function StoriesPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const stories = useStories();
  const items = stories.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeading title={t('stories.title')} />
      <Paragraph lead>{t('stories.lead')}</Paragraph>
      {stories.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {stories.isError && (
        <ErrorMessage error={stories.error} onRetry={() => void stories.refetch()} />
      )}
      {stories.isSuccess && items.length === 0 && <Paragraph>{t('stories.none')}</Paragraph>}
      {items.map((story) => (
        <article key={story.id} className="ib-card" style={{ marginBlock: '1rem' }}>
          <Heading2>{story.title}</Heading2>
          <Paragraph>
            <AppLink to={`/projects/${story.projectId}`}>
              {t('stories.project', { title: story.projectTitle })}
            </AppLink>
          </Paragraph>
          <Paragraph style={{ whiteSpace: 'pre-line' }}>{story.text}</Paragraph>
          <Paragraph>
            <small>{t('stories.published', { date: formatDate(story.publishedAt, lang) })}</small>
          </Paragraph>
        </article>
      ))}
      {stories.hasNextPage && (
        <Button
          appearance="secondary-action-button"
          busy={stories.isFetchingNextPage}
          onClick={() => void stories.fetchNextPage()}
        >
          {t('stories.more')}
        </Button>
      )}
    </>
  );
}
