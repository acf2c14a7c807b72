import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../lib/format';
import { type Assignment, useAssignments } from './review-api';
import './review.css';

/** What the reviewer still has to do for an assignment, in words. */
export function assignmentState(
  a: Assignment,
): 'declare' | 'score' | 'conflict' | 'scored' | 'closed' {
  if (a.scored) return 'scored';
  if (a.declaration === 'conflict') return 'conflict';
  if (a.roundStatus !== 'open' || a.projectStatus !== 'in_review') return 'closed';
  return a.declaration === null ? 'declare' : 'score';
}

/**
 * "Beoordelen": the reviewer's inbox. Work to do first (declare, then score), then what is
 * done. Each plan opens on its own page, which starts with the declaration of interests.
 */
export default function ReviewInboxPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const assignments = useAssignments(me);
  if (me.user.role !== 'reviewer')
    return (
      <>
        <PageHeading title={t('reviews.inbox.title')} />
        <Paragraph>{t('reviews.inbox.onlyReviewers')}</Paragraph>
      </>
    );
  const open = assignments.data?.filter((a) => ['declare', 'score'].includes(assignmentState(a)));
  const done = assignments.data?.filter((a) => !['declare', 'score'].includes(assignmentState(a)));
  return (
    <>
      <PageHeading title={t('reviews.inbox.title')} />
      <Paragraph lead>{t('reviews.inbox.lead')}</Paragraph>
      {assignments.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {assignments.error && (
        <ErrorMessage error={assignments.error} onRetry={() => void assignments.refetch()} />
      )}
      {open && done && (
        <>
          <AssignmentList
            id="inbox-open"
            title={t('reviews.inbox.open')}
            items={open}
            empty={t('reviews.inbox.noOpen')}
          />
          <AssignmentList
            id="inbox-done"
            title={t('reviews.inbox.done')}
            items={done}
            empty={t('reviews.inbox.noDone')}
          />
        </>
      )}
    </>
  );
}

function AssignmentList({
  id,
  title,
  items,
  empty,
}: {
  id: string;
  title: string;
  items: Assignment[];
  empty: string;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section aria-labelledby={id}>
      <Heading2 id={id}>{title}</Heading2>
      {items.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <ul className="ib-list" aria-labelledby={id}>
          {items.map((a) => (
            <li key={a.id}>
              <AppLink to={`/reviews/${a.id}`}>
                <strong>{a.title}</strong>
              </AppLink>{' '}
              ({a.initiative.name})
              <br />
              {t('reviews.inbox.round', { round: a.roundNumber })} ·{' '}
              {t('reviews.inbox.assignedOn', { date: formatDate(a.assignedAt, lang) })} ·{' '}
              {t(`reviews.inbox.state.${assignmentState(a)}`, {
                date: a.scoredAt ? formatDate(a.scoredAt, lang) : '',
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
