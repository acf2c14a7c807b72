import {
  Alert,
  Button,
  Checkbox,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { Plan } from './plan-steps';
import { personalDataErrors } from './personal-data';

/** The project's stories for the story bank, and a form to tell a new one. */
export function StoriesSection({ me, plan }: { me: Me; plan: Plan }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const key = [me.user.id, 'plan', plan.id, 'stories'];
  const stories = useQuery({
    queryKey: key,
    queryFn: () =>
      call(() => api.GET('/v1/projects/{id}/stories', { params: { path: { id: plan.id } } })),
  });
  const canTell = ['listed', 'funded', 'completed'].includes(plan.status);
  return (
    <section aria-labelledby="plan-stories">
      <Heading2 id="plan-stories">{t('plans.stories.title')}</Heading2>
      <Paragraph>{t('plans.stories.lead')}</Paragraph>
      {stories.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {stories.error && <ErrorMessage error={stories.error} />}
      {stories.data && stories.data.items.length === 0 && (
        <Paragraph>{t('plans.stories.none')}</Paragraph>
      )}
      {stories.data && stories.data.items.length > 0 && (
        <ul className="ib-list" data-testid="plan-story-list">
          {stories.data.items.map((story) => (
            <li key={story.id}>
              <strong>{story.title}</strong>
              <br />
              {t(`plans.stories.status.${story.status}`)} ·{' '}
              {t('plans.stories.sentOn', { date: formatDate(story.submittedAt, lang) })}
              {story.personalDataFlags.length > 0 && (
                <>
                  <br />
                  {t('plans.stories.flagged')}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canTell && <StoryForm plan={plan} onSent={() => void stories.refetch()} queryKey={key} />}
    </section>
  );
}

function StoryForm({
  plan,
  onSent,
  queryKey,
}: {
  plan: Plan;
  onSent: () => void;
  queryKey: unknown[];
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    setSent(false);
    const local: FieldError[] = [];
    if (title.trim().length < 3)
      local.push({ field: 'story-title', message: t('plans.stories.titleRequired') });
    if (text.trim().length < 20)
      local.push({ field: 'story-text', message: t('plans.stories.textRequired') });
    if (!consent)
      local.push({ field: 'story-consent', message: t('plans.stories.consentRequired') });
    setErrors(local);
    if (local.length > 0) return;
    setBusy(true);
    try {
      await call(() =>
        api.POST('/v1/projects/{id}/stories', {
          params: { path: { id: plan.id } },
          body: { title: title.trim(), text: text.trim(), consent: true },
        }),
      );
      setTitle('');
      setText('');
      setConsent(false);
      setSent(true);
      await client.invalidateQueries({ queryKey });
      onSent();
    } catch (error) {
      const fields =
        error instanceof ApiError
          ? personalDataErrors(t, error, { 'body.title': 'story-title', 'body.text': 'story-text' })
          : [];
      if (fields.length > 0) setErrors(fields);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const titleError = errors.find((e) => e.field === 'story-title')?.message;
  const textError = errors.find((e) => e.field === 'story-text')?.message;
  const consentError = errors.find((e) => e.field === 'story-consent')?.message;
  return (
    <section aria-labelledby="story-form">
      <Heading3 id="story-form">{t('plans.stories.new')}</Heading3>
      {sent && (
        <Alert type="ok" role="status">
          <Paragraph>{t('plans.stories.sent')}</Paragraph>
        </Alert>
      )}
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field id="story-title" label={t('plans.stories.storyTitle')} error={titleError}>
          <Textbox
            id="story-title"
            name="title"
            value={title}
            maxLength={200}
            invalid={Boolean(titleError)}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={describedBy('story-title', false, Boolean(titleError))}
            onChange={(event) => setTitle(event.target.value)}
          />
        </Field>
        <Field
          id="story-text"
          label={t('plans.stories.text')}
          hint={t('plans.stories.textHint')}
          error={textError}
        >
          <Textarea
            id="story-text"
            name="text"
            value={text}
            maxLength={5000}
            invalid={Boolean(textError)}
            aria-invalid={textError ? true : undefined}
            aria-describedby={describedBy('story-text', true, Boolean(textError))}
            onChange={(event) => setText(event.target.value)}
          />
        </Field>
        <div className="utrecht-form-field utrecht-form-field--checkbox">
          {consentError && (
            <Paragraph id="story-consent-error" className="utrecht-form-field-error-message">
              {consentError}
            </Paragraph>
          )}
          <Checkbox
            id="story-consent"
            name="consent"
            checked={consent}
            invalid={Boolean(consentError)}
            aria-describedby={consentError ? 'story-consent-error' : undefined}
            onChange={(event) => setConsent(event.target.checked)}
          />{' '}
          <FormLabel htmlFor="story-consent" type="checkbox">
            {t('plans.stories.consent')}
          </FormLabel>
        </div>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('plans.stories.send')}
        </Button>
      </form>
    </section>
  );
}
