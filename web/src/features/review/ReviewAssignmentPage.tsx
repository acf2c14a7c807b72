import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  RadioButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { ScrollTable } from '../../components/ScrollTable';
import { currentLanguage } from '../../i18n';
import { formatDate, formatDateTime, formatEuros } from '../../lib/format';
import { PlanView } from './PlanView';
import { assignmentState } from './ReviewInboxPage';
import {
  type Assignment,
  CRITERIA,
  type Criterion,
  type PanelMember,
  type PlanReview,
  type ReviewedPlan,
  SCORES,
  useAssignments,
  usePlanReview,
} from './review-api';
import './review.css';

/**
 * One assignment of a reviewer. First the declaration of interests, before anything of the
 * plan is shown; then the plan and the scoring form side by side (stacked on a small
 * screen); a check of what will be sent; sent once. Blind: the other reviewers' scores
 * appear only after the reviewer's own are in (the API enforces it; this page shows it).
 */
export default function ReviewAssignmentPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id } = useParams();
  const assignments = useAssignments(me);
  const assignment = assignments.data?.find((a) => a.id === id);
  const showPlan = assignment?.declaration === 'none';
  const review = usePlanReview(
    me,
    showPlan ? assignment.projectId : undefined,
    assignment?.roundNumber,
  );

  if (assignments.isPending)
    return (
      <>
        <PageHeading title={t('reviews.assignment.loadingTitle')} />
        <Paragraph>{t('app.loading')}</Paragraph>
      </>
    );
  if (assignments.error)
    return (
      <>
        <PageHeading title={t('reviews.assignment.loadingTitle')} />
        <ErrorMessage error={assignments.error} onRetry={() => void assignments.refetch()} />
      </>
    );
  if (!assignment)
    return (
      <>
        <PageHeading title={t('reviews.assignment.notFound')} />
        <Paragraph>
          <AppLink to="/reviews">{t('reviews.assignment.back')}</AppLink>
        </Paragraph>
      </>
    );

  const state = assignmentState(assignment);
  return (
    <>
      <PageHeading title={t('reviews.assignment.title', { title: assignment.title })} />
      <Paragraph>
        <AppLink to="/reviews">{t('reviews.assignment.back')}</AppLink>
      </Paragraph>
      <dl className="ib-facts">
        <dt>{t('reviews.assignment.initiative')}</dt>
        <dd>{assignment.initiative.name}</dd>
        <dt>{t('reviews.assignment.round')}</dt>
        <dd>{assignment.roundNumber}</dd>
        <dt>{t('reviews.assignment.assignedOn')}</dt>
        <dd>{formatDate(assignment.assignedAt, lang)}</dd>
      </dl>
      {state === 'declare' && <Declaration assignment={assignment} me={me} />}
      {state === 'closed' && assignment.declaration === null && (
        <Paragraph>{t('reviews.assignment.closed')}</Paragraph>
      )}
      {state === 'conflict' && (
        <Alert type="info">
          <Paragraph>{t('reviews.assignment.recused')}</Paragraph>
        </Alert>
      )}
      {showPlan && review.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {showPlan && review.error && (
        <ErrorMessage error={review.error} onRetry={() => void review.refetch()} />
      )}
      {showPlan && review.data && state === 'score' && (
        <div className="ib-review-split">
          <PlanView plan={review.data.plan} headingId="review-plan" />
          <ScoreForm assignment={assignment} plan={review.data.plan} me={me} />
        </div>
      )}
      {showPlan && review.data && state === 'closed' && (
        <>
          <Paragraph>{t('reviews.assignment.closed')}</Paragraph>
          <PlanView plan={review.data.plan} headingId="review-plan" />
        </>
      )}
      {showPlan && review.data && state === 'scored' && (
        <ScoredView assignment={assignment} review={review.data} />
      )}
    </>
  );
}

const DECLARATION = 'declaration-none';
const NOTE = 'declaration-note';

function Declaration({ assignment, me }: { assignment: Assignment; me: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [choice, setChoice] = useState<'none' | 'conflict' | undefined>();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const found: FieldError[] = [];
    if (!choice) found.push({ field: DECLARATION, message: t('reviews.declaration.choose') });
    if (choice === 'conflict' && note.trim() === '')
      found.push({ field: NOTE, message: t('reviews.declaration.noteRequired') });
    setErrors(found);
    if (found.length > 0 || !choice) return;
    setBusy(true);
    try {
      await call(() =>
        api.POST('/v1/reviews/assignments/{id}/declaration', {
          params: { path: { id: assignment.id } },
          body: { declaration: choice, ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      );
      await client.invalidateQueries({ queryKey: [me.user.id, 'review-assignments'] });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const choiceError = errors.find((e) => e.field === DECLARATION)?.message;
  const noteError = errors.find((e) => e.field === NOTE)?.message;
  return (
    <section aria-labelledby="declaration-title">
      <Heading2 id="declaration-title">{t('reviews.declaration.title')}</Heading2>
      <Paragraph>
        {t('reviews.declaration.lead', { initiative: assignment.initiative.name })}
      </Paragraph>
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset
          className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
          aria-describedby={choiceError ? 'declaration-error' : undefined}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('reviews.declaration.question')}
          </legend>
          {choiceError && (
            <Paragraph id="declaration-error" className="utrecht-form-field-error-message">
              {choiceError}
            </Paragraph>
          )}
          {(['none', 'conflict'] as const).map((value) => (
            <div key={value} className="utrecht-form-field utrecht-form-field--radio">
              <RadioButton
                id={`declaration-${value}`}
                name="declaration"
                value={value}
                checked={choice === value}
                invalid={Boolean(choiceError)}
                onChange={() => setChoice(value)}
              />{' '}
              <FormLabel htmlFor={`declaration-${value}`} type="radio">
                {t(`reviews.declaration.${value}`)}
              </FormLabel>
            </div>
          ))}
        </fieldset>
        <Field
          id={NOTE}
          label={t('reviews.declaration.note')}
          hint={t('reviews.declaration.noteHint')}
          error={noteError}
        >
          <Textarea
            id={NOTE}
            value={note}
            maxLength={2000}
            onChange={(event) => setNote(event.target.value)}
            invalid={Boolean(noteError)}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={describedBy(NOTE, true, Boolean(noteError))}
          />
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('reviews.declaration.submit')}
        </Button>
      </form>
    </section>
  );
}

interface Draft {
  scores: Partial<Record<Criterion, number>>;
  rationales: Record<Criterion, string>;
  flagged: Record<string, string>;
  overall: string;
}

const scoreField = (c: Criterion) => `score-${c}-0`;
const rationaleField = (c: Criterion) => `rationale-${c}`;
const flagField = (lineId: string) => `flag-${lineId}`;
const reasonField = (lineId: string) => `flag-reason-${lineId}`;
const OVERALL = 'overall-comment';

function ScoreForm({
  assignment,
  plan,
  me,
}: {
  assignment: Assignment;
  plan: ReviewedPlan;
  me: Me;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>({
    scores: {},
    rationales: { reach: '', depth: '', durability: '', indirect: '' },
    flagged: {},
    overall: '',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const checkHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (checking) checkHeading.current?.focus();
  }, [checking]);

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldError[] = [];
    for (const c of CRITERIA) {
      if (draft.scores[c] === undefined)
        found.push({
          field: scoreField(c),
          message: t('reviews.score.scoreRequired', { criterion: t(`reviews.criteria.${c}.name`) }),
        });
      if (draft.rationales[c].trim() === '')
        found.push({
          field: rationaleField(c),
          message: t('reviews.score.rationaleRequired', {
            criterion: t(`reviews.criteria.${c}.name`),
          }),
        });
    }
    for (const line of plan.budgetLines)
      if (line.id in draft.flagged && draft.flagged[line.id]!.trim() === '')
        found.push({
          field: reasonField(line.id),
          message: t('reviews.score.reasonRequired', { line: line.description }),
        });
    if (draft.overall.trim() === '')
      found.push({ field: OVERALL, message: t('reviews.score.overallRequired') });
    setErrors(found);
    if (found.length === 0) setChecking(true);
  }

  const flaggedLines = plan.budgetLines.filter((line) => line.id in draft.flagged);

  async function send() {
    setFailure(undefined);
    setBusy(true);
    try {
      const criterion = (c: Criterion) => ({
        score: draft.scores[c]!,
        rationale: draft.rationales[c].trim(),
      });
      await call(() =>
        api.POST('/v1/reviews/assignments/{id}/scores', {
          params: { path: { id: assignment.id } },
          body: {
            reach: criterion('reach'),
            depth: criterion('depth'),
            durability: criterion('durability'),
            indirect: criterion('indirect'),
            overallComment: draft.overall.trim(),
            ineligibleBudgetLineIds: flaggedLines.map((line) => line.id),
            ineligibleReasons: flaggedLines.map((line) => ({
              budgetLineId: line.id,
              reason: draft.flagged[line.id]!.trim(),
            })),
          },
        }),
      );
      await client.invalidateQueries({ queryKey: [me.user.id] });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;

  if (checking)
    return (
      <section aria-labelledby="score-check" className="ib-review-form">
        <Heading2 id="score-check" ref={checkHeading} tabIndex={-1}>
          {t('reviews.score.checkTitle')}
        </Heading2>
        <Paragraph>{t('reviews.score.checkLead')}</Paragraph>
        {failure !== undefined && <ErrorMessage error={failure} />}
        <dl className="ib-review-summary">
          {CRITERIA.map((c) => (
            <div key={c}>
              <dt>{t(`reviews.criteria.${c}.name`)}</dt>
              <dd>
                <strong>{t('reviews.score.outOf', { score: draft.scores[c] })}</strong>
                <br />
                <span className="ib-review-prewrap">{draft.rationales[c].trim()}</span>
              </dd>
            </div>
          ))}
          <div>
            <dt>{t('reviews.score.ineligible')}</dt>
            <dd>
              {Object.keys(draft.flagged).length === 0 ? (
                t('reviews.score.allEligible')
              ) : (
                <ul className="utrecht-unordered-list">
                  {flaggedLines.map((line) => (
                    <li key={line.id} className="utrecht-unordered-list__item">
                      {line.description} ({formatEuros(line.amountCents, lang)}):{' '}
                      {draft.flagged[line.id]!.trim()}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('reviews.score.overall')}</dt>
            <dd className="ib-review-prewrap">{draft.overall.trim()}</dd>
          </div>
        </dl>
        <Alert type="warning">
          <Paragraph>{t('reviews.score.once')}</Paragraph>
        </Alert>
        <ButtonGroup>
          <Button appearance="primary-action-button" busy={busy} onClick={() => void send()}>
            {t('reviews.score.send')}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => setChecking(false)}>
            {t('reviews.score.change')}
          </Button>
        </ButtonGroup>
      </section>
    );

  return (
    <section aria-labelledby="score-form" className="ib-review-form">
      <Heading2 id="score-form">{t('reviews.score.title')}</Heading2>
      <Paragraph>{t('reviews.score.lead')}</Paragraph>
      <ErrorSummary errors={errors} />
      <form onSubmit={check} noValidate>
        {CRITERIA.map((c) => {
          const scoreError = errorOf(scoreField(c));
          const rationaleError = errorOf(rationaleField(c));
          return (
            <fieldset
              key={c}
              className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ib-review-criterion"
              aria-describedby={[`rubric-${c}`, scoreError ? `score-${c}-error` : '']
                .filter(Boolean)
                .join(' ')}
            >
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {t(`reviews.criteria.${c}.name`)}
              </legend>
              <Paragraph id={`rubric-${c}`} className="ib-review-rubric">
                {t(`reviews.criteria.${c}.rubric`)}
              </Paragraph>
              {scoreError && (
                <Paragraph id={`score-${c}-error`} className="utrecht-form-field-error-message">
                  {scoreError}
                </Paragraph>
              )}
              <div className="ib-review-scale">
                {SCORES.map((value) => (
                  <div key={value} className="utrecht-form-field utrecht-form-field--radio">
                    <RadioButton
                      id={`score-${c}-${value}`}
                      name={`score-${c}`}
                      value={String(value)}
                      checked={draft.scores[c] === value}
                      invalid={Boolean(scoreError)}
                      onChange={() =>
                        setDraft((d) => ({ ...d, scores: { ...d.scores, [c]: value } }))
                      }
                    />{' '}
                    <FormLabel htmlFor={`score-${c}-${value}`} type="radio">
                      {t(`reviews.scale.${value}`)}
                    </FormLabel>
                  </div>
                ))}
              </div>
              <Field
                id={rationaleField(c)}
                label={t('reviews.score.rationale', { criterion: t(`reviews.criteria.${c}.name`) })}
                error={rationaleError}
              >
                <Textarea
                  id={rationaleField(c)}
                  value={draft.rationales[c]}
                  maxLength={5000}
                  onChange={(event) =>
                    setDraft((d) => ({
                      ...d,
                      rationales: { ...d.rationales, [c]: event.target.value },
                    }))
                  }
                  invalid={Boolean(rationaleError)}
                  aria-invalid={rationaleError ? true : undefined}
                  aria-describedby={describedBy(rationaleField(c), false, Boolean(rationaleError))}
                />
              </Field>
            </fieldset>
          );
        })}
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ib-review-criterion">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('reviews.score.ineligible')}
          </legend>
          <Paragraph>{t('reviews.score.ineligibleLead')}</Paragraph>
          {plan.budgetLines.map((line) => {
            const flagged = line.id in draft.flagged;
            const reasonError = errorOf(reasonField(line.id));
            return (
              <div key={line.id}>
                <div className="utrecht-form-field utrecht-form-field--checkbox">
                  <Checkbox
                    id={flagField(line.id)}
                    checked={flagged}
                    onChange={(event) =>
                      setDraft((d) => {
                        const next = { ...d.flagged };
                        if (event.target.checked) next[line.id] = '';
                        else delete next[line.id];
                        return { ...d, flagged: next };
                      })
                    }
                  />{' '}
                  <FormLabel htmlFor={flagField(line.id)} type="checkbox">
                    {t('reviews.score.flagLine', {
                      line: line.description,
                      amount: formatEuros(line.amountCents, lang),
                    })}
                  </FormLabel>
                </div>
                {flagged && (
                  <Field
                    id={reasonField(line.id)}
                    label={t('reviews.score.reason', { line: line.description })}
                    error={reasonError}
                  >
                    <Textarea
                      id={reasonField(line.id)}
                      value={draft.flagged[line.id]}
                      maxLength={1000}
                      onChange={(event) =>
                        setDraft((d) => ({
                          ...d,
                          flagged: { ...d.flagged, [line.id]: event.target.value },
                        }))
                      }
                      invalid={Boolean(reasonError)}
                      aria-invalid={reasonError ? true : undefined}
                      aria-describedby={describedBy(
                        reasonField(line.id),
                        false,
                        Boolean(reasonError),
                      )}
                    />
                  </Field>
                )}
              </div>
            );
          })}
        </fieldset>
        <Field
          id={OVERALL}
          label={t('reviews.score.overall')}
          hint={t('reviews.score.overallHint')}
          error={errorOf(OVERALL)}
        >
          <Textarea
            id={OVERALL}
            value={draft.overall}
            maxLength={8000}
            onChange={(event) => setDraft((d) => ({ ...d, overall: event.target.value }))}
            invalid={Boolean(errorOf(OVERALL))}
            aria-invalid={errorOf(OVERALL) ? true : undefined}
            aria-describedby={describedBy(OVERALL, true, Boolean(errorOf(OVERALL)))}
          />
        </Field>
        <Button type="submit" appearance="primary-action-button">
          {t('reviews.score.check')}
        </Button>
      </form>
    </section>
  );
}

/** After scoring: the reviewer's own scores, and now the others' (blind until this moment). */
function ScoredView({ assignment, review }: { assignment: Assignment; review: PlanReview }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const own = review.panel.find((m) => m.assignmentId === assignment.id);
  const others = review.panel.filter(
    (m) => m.assignmentId !== assignment.id && m.declaration !== 'conflict',
  );
  return (
    <>
      <Alert type="ok">
        <Paragraph>
          {t('reviews.scored.sent', {
            date: assignment.scoredAt ? formatDateTime(assignment.scoredAt, lang) : '',
          })}
        </Paragraph>
      </Alert>
      <section aria-labelledby="scored-panel">
        <Heading2 id="scored-panel">{t('reviews.scored.panelTitle')}</Heading2>
        <Paragraph>{t('reviews.scored.panelLead')}</Paragraph>
        <PanelScoresTable own={own} others={others} />
      </section>
      {own?.score && (
        <section aria-labelledby="scored-own">
          <Heading2 id="scored-own">{t('reviews.scored.ownTitle')}</Heading2>
          {CRITERIA.map((c) => (
            <div key={c}>
              <Heading3>
                {t(`reviews.criteria.${c}.name`)}:{' '}
                {t('reviews.score.outOf', { score: own.score![c].score })}
              </Heading3>
              <Paragraph className="ib-review-prewrap">{own.score![c].rationale}</Paragraph>
            </div>
          ))}
          <Heading3>{t('reviews.score.overall')}</Heading3>
          <Paragraph className="ib-review-prewrap">{own.score.overallComment}</Paragraph>
          {own.score.ineligibleReasons.length > 0 && (
            <>
              <Heading3>{t('reviews.score.ineligible')}</Heading3>
              <ul className="utrecht-unordered-list">
                {own.score.ineligibleReasons.map((r) => (
                  <li key={r.budgetLineId} className="utrecht-unordered-list__item">
                    {review.plan.budgetLines.find((line) => line.id === r.budgetLineId)
                      ?.description ?? ''}
                    : {r.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <PlanView plan={review.plan} headingId="scored-plan" />
    </>
  );
}

function PanelScoresTable({
  own,
  others,
}: {
  own: PanelMember | undefined;
  others: PanelMember[];
}) {
  const { t } = useTranslation();
  const rows = [
    ...(own ? [{ label: t('reviews.scored.you'), member: own }] : []),
    ...others.map((member, index) => ({
      label: t('reviews.scored.other', { n: index + 1 }),
      member,
    })),
  ];
  return (
    <ScrollTable label={t('reviews.scored.table')}>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('reviews.scored.reviewer')}</TableHeaderCell>
            {CRITERIA.map((c) => (
              <TableHeaderCell key={c} scope="col" className="ib-review-number">
                {t(`reviews.criteria.${c}.short`)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ label, member }) => (
            <TableRow key={member.assignmentId}>
              <TableHeaderCell scope="row">{label}</TableHeaderCell>
              {CRITERIA.map((c) => (
                <TableCell key={c} className="ib-review-number">
                  {member.score ? member.score[c].score : t('reviews.scored.notYet')}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}
