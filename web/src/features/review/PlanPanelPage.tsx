import {
  Alert,
  Button,
  Checkbox,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  RadioButton,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../api/client';
import { useProject } from '../../api/queries';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { combineQueries, QueryState } from '../../components/QueryState';
import { currentLanguage } from '../../i18n';
import { formatDate, formatDateTime, formatEuros, formatNumber } from '../../lib/format';
import { PlanView } from './PlanView';
import {
  CRITERIA,
  type Criterion,
  type PlanReview,
  SCORES,
  spreadOf,
  type User,
  usePlanReview,
  usePlatformUsers,
} from './review-api';
import './review.css';

/**
 * One plan in the platform team's queue: the panel (assign, with the rule shown), the
 * scoring progress, the review (medians, spread, divergence), the consensus, the award with
 * the four-eyes rule shown, and listing with a funding deadline.
 */
export default function PlanPanelPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id } = useParams();
  const review = usePlanReview(me, id);
  const users = usePlatformUsers(me);
  const client = useQueryClient();

  if (!(me.organisation.kind === 'platform' && me.user.role === 'admin'))
    return (
      <>
        <PageHeading title={t('planQueue.title')} />
        <Paragraph>{t('planQueue.onlyAdmins')}</Paragraph>
      </>
    );
  if (!review.data || !users.data)
    return (
      <>
        <PageHeading title={t('planQueue.plan.loadingTitle')} />
        <QueryState query={combineQueries(review, users)} />
      </>
    );

  const data = review.data;
  const people = new Map(users.data.map((u) => [u.id, u]));
  const nameOf = (userId: string) => people.get(userId)?.name ?? t('planQueue.plan.unknownPerson');
  const refresh = () => client.invalidateQueries({ queryKey: [me.user.id] });
  const open = data.round.status === 'open';
  const status = data.projectStatus;

  return (
    <>
      <PageHeading title={data.plan.title} />
      <Paragraph>
        <AppLink to="/plan-queue">{t('planQueue.plan.back')}</AppLink> ·{' '}
        <AppLink to={`/audit?subjectType=project&subjectId=${data.projectId}`}>
          {t('admin.history')}
        </AppLink>
      </Paragraph>
      <dl className="ib-facts">
        <dt>{t('planQueue.plan.initiative')}</dt>
        <dd>{data.initiative.name}</dd>
        <dt>{t('planQueue.plan.status')}</dt>
        <dd data-testid="plan-status">{t(`planStatus.${status}`)}</dd>
        <dt>{t('planQueue.plan.round')}</dt>
        <dd>
          {t('planQueue.plan.roundValue', {
            round: data.round.number,
            date: formatDate(data.round.submittedAt, lang),
          })}
        </dd>
      </dl>
      <details className="ib-review-details">
        <summary>{t('planQueue.plan.readPlan')}</summary>
        <PlanView plan={data.plan} headingId="panel-plan" />
      </details>
      <PanelProgress review={data} nameOf={nameOf} />
      {open && (status === 'submitted' || status === 'in_review') && (
        <AssignForm review={data} users={users.data} onDone={refresh} />
      )}
      {data.evaluation && data.evaluation.scoredReviewers > 0 && (
        <Evaluation review={data} nameOf={nameOf} />
      )}
      {open && status === 'in_review' && data.evaluation?.consensusNeeded && !data.consensus && (
        <ConsensusForm review={data} onDone={refresh} />
      )}
      {data.consensus && <ConsensusView review={data} nameOf={nameOf} />}
      {open && status === 'in_review' && (
        <AwardForm review={data} me={me} users={users.data} nameOf={nameOf} onDone={refresh} />
      )}
      {open && status === 'in_review' && !data.consensus && (
        <RequestChangesForm review={data} onDone={refresh} />
      )}
      {data.round.questions && (
        <section aria-labelledby="questions-view">
          <Heading2 id="questions-view">{t('planQueue.questions.asked')}</Heading2>
          <Paragraph>
            {data.round.returnedAt &&
              t('planQueue.questions.askedOn', {
                date: formatDateTime(data.round.returnedAt, lang),
              })}
          </Paragraph>
          <Paragraph className="ib-review-prewrap">{data.round.questions}</Paragraph>
        </section>
      )}
      {data.award && <AwardView review={data} nameOf={nameOf} />}
      {status === 'approved' && <ListForm review={data} onDone={refresh} />}
      {['listed', 'funded', 'completed', 'failed'].includes(status) && (
        <Listed projectId={data.projectId} />
      )}
    </>
  );
}

function PanelProgress({ review, nameOf }: { review: PlanReview; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const evaluation = review.evaluation;
  return (
    <section aria-labelledby="panel-progress">
      <Heading2 id="panel-progress">{t('planQueue.panel.title')}</Heading2>
      {review.panel.length === 0 ? (
        <Paragraph>{t('planQueue.panel.none')}</Paragraph>
      ) : (
        <>
          {evaluation && (
            <Paragraph data-testid="panel-progress">
              {t('planQueue.panel.progress', {
                scored: evaluation.scoredReviewers,
                active: evaluation.activeReviewers,
                min: review.panelMin,
              })}
            </Paragraph>
          )}
          <DataTable
            label={t('planQueue.panel.table')}
            columns={[
              { header: t('planQueue.panel.reviewer') },
              { header: t('planQueue.panel.declaration') },
              { header: t('planQueue.panel.scores') },
            ]}
            rows={review.panel.map((m) => ({
              key: m.assignmentId,
              cells: [
                nameOf(m.reviewerId),
                m.declaration === null
                  ? t('planQueue.panel.notDeclared')
                  : m.declaration === 'none'
                    ? t('planQueue.panel.noConflict')
                    : t('planQueue.panel.conflict', { note: m.declarationNote ?? '' }),
                m.score
                  ? t('planQueue.panel.scoredOn', { date: formatDate(m.score.submittedAt, lang) })
                  : m.declaration === 'conflict'
                    ? t('planQueue.panel.recused')
                    : t('planQueue.panel.notScored'),
              ],
            }))}
          />
        </>
      )}
    </section>
  );
}

const PANEL_FIELD = 'panel-reviewer-0';

function AssignForm({
  review,
  users,
  onDone,
}: {
  review: PlanReview;
  users: User[];
  onDone: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const onPanel = new Set(review.panel.map((m) => m.reviewerId));
  const candidates = users.filter(
    (u) => u.role === 'reviewer' && u.status === 'active' && !onPanel.has(u.id),
  );
  const active = review.panel.filter((m) => m.declaration !== 'conflict').length;
  const needed = Math.max(0, review.panelMin - active);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const found: FieldError[] = [];
    if (chosen.length < Math.max(1, needed))
      found.push({
        field: PANEL_FIELD,
        message: t('planQueue.assign.tooFew', { count: Math.max(1, needed) }),
      });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await call(() =>
        api.POST('/v1/plans/{id}/panel', {
          params: { path: { id: review.projectId } },
          body: { reviewerIds: chosen },
        }),
      );
      setChosen([]);
      await onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const error = errors[0]?.message;
  return (
    <section aria-labelledby="assign-title">
      <Heading2 id="assign-title">
        {review.panel.length === 0 ? t('planQueue.assign.title') : t('planQueue.assign.more')}
      </Heading2>
      <Alert type="info">
        <Paragraph id="assign-rule">
          {t('planQueue.assign.rule', { initiative: review.initiative.name })}
        </Paragraph>
        <Paragraph>
          {t('planQueue.assign.size', { count: review.panelMin, active, needed })}
        </Paragraph>
      </Alert>
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      {candidates.length === 0 ? (
        <Paragraph>{t('planQueue.assign.noCandidates')}</Paragraph>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <fieldset
            className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
            aria-describedby={['assign-rule', error ? 'assign-error' : '']
              .filter(Boolean)
              .join(' ')}
          >
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t('planQueue.assign.choose')}
            </legend>
            {error && (
              <Paragraph id="assign-error" className="utrecht-form-field-error-message">
                {error}
              </Paragraph>
            )}
            {candidates.map((user, index) => {
              const ownOrganisation = user.organisationId === review.initiative.id;
              return (
                <div key={user.id} className="utrecht-form-field utrecht-form-field--checkbox">
                  <Checkbox
                    id={`panel-reviewer-${index}`}
                    checked={chosen.includes(user.id)}
                    disabled={ownOrganisation}
                    invalid={Boolean(error)}
                    onChange={(event) =>
                      setChosen((current) =>
                        event.target.checked
                          ? [...current, user.id]
                          : current.filter((other) => other !== user.id),
                      )
                    }
                  />{' '}
                  <FormLabel htmlFor={`panel-reviewer-${index}`} type="checkbox">
                    {user.name}
                    {ownOrganisation && ` (${t('planQueue.assign.sameOrganisation')})`}
                  </FormLabel>
                </div>
              );
            })}
          </fieldset>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {t('planQueue.assign.submit')}
          </Button>
        </form>
      )}
    </section>
  );
}

function Evaluation({ review, nameOf }: { review: PlanReview; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const evaluation = review.evaluation!;
  const scorers = review.panel.filter((m) => m.score && m.declaration !== 'conflict');
  const divergent = new Set(evaluation.divergentCriteria);
  const rejected = new Set(evaluation.rejectedBudgetLineIds);
  const flagsOf = (lineId: string) =>
    scorers.filter((m) => m.score!.ineligibleBudgetLineIds.includes(lineId)).length;
  const reasonsOf = (lineId: string) =>
    scorers.flatMap((m) =>
      m
        .score!.ineligibleReasons.filter((r) => r.budgetLineId === lineId)
        .map((r) => `${nameOf(m.reviewerId)}: ${r.reason}`),
    );
  const preview = evaluation.awardPreview;
  return (
    <section aria-labelledby="evaluation-title">
      <Heading2 id="evaluation-title">{t('planQueue.evaluation.title')}</Heading2>
      {!evaluation.complete && <Paragraph>{t('planQueue.evaluation.incomplete')}</Paragraph>}
      <DataTable
        label={t('planQueue.evaluation.scoresTable')}
        columns={[
          { header: t('planQueue.evaluation.criterion') },
          ...scorers.map((m) => ({ header: nameOf(m.reviewerId), numeric: true })),
          { header: t('planQueue.evaluation.median'), numeric: true },
          { header: t('planQueue.evaluation.spread'), numeric: true },
          { header: t('planQueue.evaluation.divergent') },
        ]}
        rows={CRITERIA.map((c) => ({
          key: c,
          cells: [
            t(`reviews.criteria.${c}.short`),
            ...scorers.map((m) => m.score![c].score),
            evaluation.medians ? formatNumber(evaluation.medians[c], lang, 1) : '—',
            spreadOf(scorers, c) ?? '—',
            divergent.has(c) ? (
              <strong>{t('planQueue.evaluation.yes')}</strong>
            ) : (
              t('planQueue.evaluation.no')
            ),
          ],
        }))}
      />
      {evaluation.consensusNeeded && (
        <Alert type="warning">
          <Paragraph data-testid="divergence">
            {t('planQueue.evaluation.divergence', {
              criteria: evaluation.divergentCriteria
                .map((c) => t(`reviews.criteria.${c}.short`))
                .join(', '),
            })}
          </Paragraph>
        </Alert>
      )}
      <Heading3>{t('planQueue.evaluation.budget')}</Heading3>
      <DataTable
        label={t('planQueue.evaluation.budget')}
        columns={[
          { header: t('reviews.plan.line') },
          { header: t('reviews.plan.amount'), numeric: true },
          { header: t('planQueue.evaluation.flags'), numeric: true },
          { header: t('planQueue.evaluation.eligible') },
          { header: t('planQueue.evaluation.reasons') },
        ]}
        rows={review.plan.budgetLines.map((line) => ({
          key: line.id,
          cells: [
            line.description,
            formatEuros(line.amountCents, lang),
            flagsOf(line.id),
            rejected.has(line.id) ? t('planQueue.evaluation.no') : t('planQueue.evaluation.yes'),
            reasonsOf(line.id).map((reason, index) => (
              <span key={index} className="ib-review-reason">
                {reason}
              </span>
            )),
          ],
        }))}
      />
      <dl className="ib-facts">
        <dt>{t('planQueue.evaluation.eligibleCost')}</dt>
        <dd>{formatEuros(evaluation.eligibleCostCents, lang)}</dd>
        {preview && (
          <>
            <dt>{t('planQueue.evaluation.source')}</dt>
            <dd>{t(`planQueue.evaluation.sources.${evaluation.scoreSource}`)}</dd>
            <dt>{t('planQueue.evaluation.impactScore')}</dt>
            <dd>{formatNumber(Number(preview.impactScore), lang, 2)}</dd>
            <dt>{t('planQueue.evaluation.supply')}</dt>
            <dd>
              {t('planQueue.evaluation.credits', {
                count: preview.supply,
                n: formatNumber(preview.supply, lang),
                price: formatEuros(preview.creditPriceCents, lang),
              })}
            </dd>
            <dt>{t('planQueue.evaluation.threshold')}</dt>
            <dd>
              {t('planQueue.evaluation.thresholdValue', {
                count: preview.threshold,
                n: formatNumber(preview.threshold, lang),
              })}
            </dd>
            <dt>{t('planQueue.evaluation.decision')}</dt>
            <dd>{t(`planQueue.evaluation.decisions.${preview.decision}`)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

interface ConsensusDraft {
  scores: Partial<Record<Criterion, number>>;
  rationale: string;
  ineligible: string[];
}

const consensusField = (c: Criterion) => `consensus-${c}-0`;
const CONSENSUS_RATIONALE = 'consensus-rationale';

function ConsensusForm({ review, onDone }: { review: PlanReview; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const evaluation = review.evaluation!;
  const scorers = review.panel.filter((m) => m.score && m.declaration !== 'conflict');
  const [draft, setDraft] = useState<ConsensusDraft>({
    scores: {},
    rationale: '',
    ineligible: evaluation.rejectedBudgetLineIds,
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const found: FieldError[] = [];
    for (const c of CRITERIA)
      if (draft.scores[c] === undefined)
        found.push({
          field: consensusField(c),
          message: t('reviews.score.scoreRequired', { criterion: t(`reviews.criteria.${c}.name`) }),
        });
    if (draft.rationale.trim() === '')
      found.push({
        field: CONSENSUS_RATIONALE,
        message: t('planQueue.consensus.rationaleRequired'),
      });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await call(() =>
        api.POST('/v1/plans/{id}/consensus', {
          params: { path: { id: review.projectId } },
          body: {
            reach: draft.scores.reach!,
            depth: draft.scores.depth!,
            durability: draft.scores.durability!,
            indirect: draft.scores.indirect!,
            rationale: draft.rationale.trim(),
            ineligibleBudgetLineIds: draft.ineligible,
          },
        }),
      );
      await onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="consensus-title">
      <Heading2 id="consensus-title">{t('planQueue.consensus.title')}</Heading2>
      <Paragraph>{t('planQueue.consensus.lead')}</Paragraph>
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      <form onSubmit={(event) => void submit(event)} noValidate>
        {CRITERIA.map((c) => {
          const error = errorOf(consensusField(c));
          return (
            <fieldset
              key={c}
              className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ib-review-criterion"
              aria-describedby={[`consensus-${c}-hint`, error ? `consensus-${c}-error` : '']
                .filter(Boolean)
                .join(' ')}
            >
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {t(`reviews.criteria.${c}.name`)}
              </legend>
              <Paragraph id={`consensus-${c}-hint`}>
                {t('planQueue.consensus.given', {
                  scores: scorers.map((m) => m.score![c].score).join(', '),
                  median: evaluation.medians ? formatNumber(evaluation.medians[c], lang, 1) : '—',
                })}
              </Paragraph>
              {error && (
                <Paragraph id={`consensus-${c}-error`} className="utrecht-form-field-error-message">
                  {error}
                </Paragraph>
              )}
              <div className="ib-review-scale">
                {SCORES.map((value) => (
                  <div key={value} className="utrecht-form-field utrecht-form-field--radio">
                    <RadioButton
                      id={`consensus-${c}-${value}`}
                      name={`consensus-${c}`}
                      value={String(value)}
                      checked={draft.scores[c] === value}
                      invalid={Boolean(error)}
                      onChange={() =>
                        setDraft((d) => ({ ...d, scores: { ...d.scores, [c]: value } }))
                      }
                    />{' '}
                    <FormLabel htmlFor={`consensus-${c}-${value}`} type="radio">
                      {t(`reviews.scale.${value}`)}
                    </FormLabel>
                  </div>
                ))}
              </div>
            </fieldset>
          );
        })}
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ib-review-criterion">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('planQueue.consensus.ineligible')}
          </legend>
          {review.plan.budgetLines.map((line) => (
            <div key={line.id} className="utrecht-form-field utrecht-form-field--checkbox">
              <Checkbox
                id={`consensus-line-${line.id}`}
                checked={draft.ineligible.includes(line.id)}
                onChange={(event) =>
                  setDraft((d) => ({
                    ...d,
                    ineligible: event.target.checked
                      ? [...d.ineligible, line.id]
                      : d.ineligible.filter((other) => other !== line.id),
                  }))
                }
              />{' '}
              <FormLabel htmlFor={`consensus-line-${line.id}`} type="checkbox">
                {t('reviews.score.flagLine', {
                  line: line.description,
                  amount: formatEuros(line.amountCents, lang),
                })}
              </FormLabel>
            </div>
          ))}
        </fieldset>
        <Field
          id={CONSENSUS_RATIONALE}
          label={t('planQueue.consensus.rationale')}
          hint={t('planQueue.consensus.rationaleHint')}
          error={errorOf(CONSENSUS_RATIONALE)}
        >
          <Textarea
            id={CONSENSUS_RATIONALE}
            value={draft.rationale}
            maxLength={10000}
            onChange={(event) => setDraft((d) => ({ ...d, rationale: event.target.value }))}
            invalid={Boolean(errorOf(CONSENSUS_RATIONALE))}
            aria-invalid={errorOf(CONSENSUS_RATIONALE) ? true : undefined}
            aria-describedby={describedBy(
              CONSENSUS_RATIONALE,
              true,
              Boolean(errorOf(CONSENSUS_RATIONALE)),
            )}
          />
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('planQueue.consensus.submit')}
        </Button>
      </form>
    </section>
  );
}

function ConsensusView({ review, nameOf }: { review: PlanReview; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const consensus = review.consensus!;
  return (
    <section aria-labelledby="consensus-view">
      <Heading2 id="consensus-view">{t('planQueue.consensus.recorded')}</Heading2>
      <Paragraph>
        {t('planQueue.consensus.enteredBy', {
          name: nameOf(consensus.enteredBy),
          date: formatDateTime(consensus.enteredAt, lang),
        })}
      </Paragraph>
      <dl className="ib-facts">
        {CRITERIA.map((c) => (
          <div key={c} className="ib-review-contents">
            <dt>{t(`reviews.criteria.${c}.short`)}</dt>
            <dd>{consensus[c]}</dd>
          </div>
        ))}
      </dl>
      <Paragraph className="ib-review-prewrap">{consensus.rationale}</Paragraph>
    </section>
  );
}

const AWARD_RATIONALE = 'award-rationale';

function AwardForm({
  review,
  me,
  users,
  nameOf,
  onDone,
}: {
  review: PlanReview;
  me: Me;
  users: User[];
  nameOf: (id: string) => string;
  onDone: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const evaluation = review.evaluation!;
  const consensus = review.consensus;
  const otherAdmins = users
    .filter((u) => u.role === 'admin' && u.status === 'active' && u.id !== consensus?.enteredBy)
    .map((u) => u.name);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const found: FieldError[] =
      rationale.trim() === ''
        ? [{ field: AWARD_RATIONALE, message: t('planQueue.award.rationaleRequired') }]
        : [];
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await call(() =>
        api.POST('/v1/plans/{id}/award', {
          params: { path: { id: review.projectId } },
          body: { publicRationale: rationale.trim() },
        }),
      );
      await onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const rationaleError = errors[0]?.message;
  return (
    <section aria-labelledby="award-title">
      <Heading2 id="award-title">{t('planQueue.award.title')}</Heading2>
      <div className="ib-review-rule" data-testid="four-eyes">
        <Heading3>{t('planQueue.award.whoTitle')}</Heading3>
        {consensus ? (
          <ul className="utrecht-unordered-list">
            <li className="utrecht-unordered-list__item">
              {t('planQueue.award.mayNot', { name: nameOf(consensus.enteredBy) })}
            </li>
            <li className="utrecht-unordered-list__item">
              {t('planQueue.award.may', { names: otherAdmins.join(', ') })}
            </li>
          </ul>
        ) : (
          <Paragraph>{t('planQueue.award.anyAdmin')}</Paragraph>
        )}
        {consensus?.enteredBy === me.user.id && (
          <Alert type="warning">
            <Paragraph>{t('planQueue.award.youMayNot')}</Paragraph>
          </Alert>
        )}
      </div>
      {!evaluation.awardPreview ? (
        <Paragraph>
          {evaluation.consensusNeeded && !consensus
            ? t('planQueue.award.needsConsensus')
            : t('planQueue.award.needsPanel')}
        </Paragraph>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          {failure !== undefined && (
            <div data-testid="award-refused">
              <ErrorMessage error={failure} />
            </div>
          )}
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Field
              id={AWARD_RATIONALE}
              label={t('planQueue.award.rationale')}
              hint={t('planQueue.award.rationaleHint')}
              error={rationaleError}
            >
              <Textarea
                id={AWARD_RATIONALE}
                value={rationale}
                maxLength={5000}
                onChange={(event) => setRationale(event.target.value)}
                invalid={Boolean(rationaleError)}
                aria-invalid={rationaleError ? true : undefined}
                aria-describedby={describedBy(AWARD_RATIONALE, true, Boolean(rationaleError))}
              />
            </Field>
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {t('planQueue.award.submit')}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}

function AwardView({ review, nameOf }: { review: PlanReview; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const award = review.award!;
  return (
    <section aria-labelledby="award-view">
      <Heading2 id="award-view">{t('planQueue.award.confirmed')}</Heading2>
      <Paragraph data-testid="award-confirmed">
        {t('planQueue.award.confirmedBy', {
          name: nameOf(award.confirmedBy),
          date: formatDateTime(award.confirmedAt, lang),
        })}
      </Paragraph>
      <dl className="ib-facts">
        <dt>{t('planQueue.evaluation.decision')}</dt>
        <dd>{t(`planQueue.evaluation.decisions.${award.decision}`)}</dd>
        <dt>{t('planQueue.evaluation.impactScore')}</dt>
        <dd>{formatNumber(Number(award.impactScore), lang, 2)}</dd>
        <dt>{t('planQueue.evaluation.supply')}</dt>
        <dd>
          {t('planQueue.evaluation.credits', {
            count: award.supply,
            n: formatNumber(award.supply, lang),
            price: formatEuros(award.creditPriceCents, lang),
          })}
        </dd>
        <dt>{t('planQueue.evaluation.threshold')}</dt>
        <dd>
          {t('planQueue.evaluation.thresholdValue', {
            count: award.threshold,
            n: formatNumber(award.threshold, lang),
          })}
        </dd>
        <dt>{t('planQueue.evaluation.eligibleCost')}</dt>
        <dd>{formatEuros(award.eligibleCostCents, lang)}</dd>
      </dl>
      <Paragraph className="ib-review-prewrap">{award.publicRationale}</Paragraph>
    </section>
  );
}

const QUESTIONS = 'request-questions';

/** Sends the plan back to the initiative with questions; its resubmission opens the next round. */
function RequestChangesForm({
  review,
  onDone,
}: {
  review: PlanReview;
  onDone: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [questions, setQuestions] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const found: FieldError[] =
      questions.trim() === ''
        ? [{ field: QUESTIONS, message: t('planQueue.questions.required') }]
        : [];
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await call(() =>
        api.POST('/v1/plans/{id}/request-changes', {
          params: { path: { id: review.projectId } },
          body: { questions: questions.trim() },
        }),
      );
      await onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const error = errors[0]?.message;
  return (
    <section aria-labelledby="questions-title">
      <Heading2 id="questions-title">{t('planQueue.questions.title')}</Heading2>
      <Paragraph>{t('planQueue.questions.lead')}</Paragraph>
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          id={QUESTIONS}
          label={t('planQueue.questions.label')}
          hint={t('planQueue.questions.hint')}
          error={error}
        >
          <Textarea
            id={QUESTIONS}
            value={questions}
            maxLength={5000}
            onChange={(event) => setQuestions(event.target.value)}
            invalid={Boolean(error)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(QUESTIONS, true, Boolean(error))}
          />
        </Field>
        <Button type="submit" appearance="secondary-action-button" busy={busy}>
          {t('planQueue.questions.submit')}
        </Button>
      </form>
    </section>
  );
}

const DEADLINE = 'listing-deadline';

function ListForm({ review, onDone }: { review: PlanReview; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [deadline, setDeadline] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    const day = deadline.trim();
    const found: FieldError[] = [];
    // 21:59 UTC is just before midnight in the Netherlands in winter (22:59) and summer (23:59).
    const at = day ? new Date(`${day}T21:59:00Z`) : undefined;
    if (at && (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}$/.test(day)))
      found.push({ field: DEADLINE, message: t('planQueue.list.deadlineInvalid') });
    else if (at && at.getTime() <= Date.now())
      found.push({ field: DEADLINE, message: t('planQueue.list.deadlinePast') });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await call(() =>
        api.POST('/v1/plans/{id}/list', {
          params: { path: { id: review.projectId } },
          body: at ? { fundingDeadline: at.toISOString() } : {},
        }),
      );
      await onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const deadlineError = errors[0]?.message;
  return (
    <section aria-labelledby="list-title">
      <Heading2 id="list-title">{t('planQueue.list.title')}</Heading2>
      <Paragraph>{t('planQueue.list.lead')}</Paragraph>
      <ErrorSummary errors={errors} />
      {failure !== undefined && <ErrorMessage error={failure} />}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          id={DEADLINE}
          label={t('planQueue.list.deadline')}
          hint={t('planQueue.list.deadlineHint')}
          error={deadlineError}
        >
          <Textbox
            id={DEADLINE}
            type="date"
            value={deadline}
            onChange={(event) => setDeadline(event.target.value)}
            invalid={Boolean(deadlineError)}
            aria-invalid={deadlineError ? true : undefined}
            aria-describedby={describedBy(DEADLINE, true, Boolean(deadlineError))}
          />
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('planQueue.list.submit')}
        </Button>
      </form>
    </section>
  );
}

function Listed({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const project = useProject(projectId);
  return (
    <section aria-labelledby="listed-title">
      <Heading2 id="listed-title">{t('planQueue.list.listedTitle')}</Heading2>
      {project.data && (
        <Paragraph data-testid="listed">
          {t('planQueue.list.listed', {
            deadline: formatDate(project.data.fundingDeadline, lang),
          })}
        </Paragraph>
      )}
      {project.error && <ErrorMessage error={project.error} />}
      <Paragraph>
        <AppLink to={`/projects/${projectId}`}>{t('planQueue.list.publicPage')}</AppLink>
      </Paragraph>
    </section>
  );
}
