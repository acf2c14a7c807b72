import {
  Alert,
  Button,
  Heading2,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { components } from '../../../../openapi/api.d.ts';
import { api, ApiError, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage, useErrorText } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { currentLanguage } from '../../i18n';
import { formatBasisPoints, formatDate, formatEuros, formatNumber } from '../../lib/format';
import { DownloadButton } from '../../components/DownloadButton';
import './certificates.css';

type Certificate = components['schemas']['Certificate'];
type Claim = components['schemas']['Claim'];
type Obligation = components['schemas']['Obligation'];

/**
 * One certificate (/certificates/{id}): its facts, its PDF in Dutch and English, how anyone
 * checks it, the invoice and credit note of its order, the claims made with it, and a claim
 * toward one of the supplier's open contracts with what it counts there shown first.
 */
export default function CertificatePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { id = '' } = useParams();
  const certificate = useQuery({
    queryKey: [me.user.id, 'certificate', id],
    queryFn: () => call(() => api.GET('/v1/certificates/{id}', { params: { path: { id } } })),
  });
  const claims = useQuery({
    queryKey: [me.user.id, 'claims', 'certificate', id],
    queryFn: () =>
      call(() => api.GET('/v1/claims', { params: { query: { certificateId: id, limit: 100 } } })),
    enabled: me.organisation.kind === 'supplier',
  });
  if (certificate.isPending)
    return (
      <>
        <PageHeading title={t('certificates.detailTitle')} />
        <Paragraph>{t('app.loading')}</Paragraph>
      </>
    );
  if (certificate.error)
    return (
      <>
        <PageHeading title={t('certificates.detailTitle')} />
        <ErrorMessage error={certificate.error} onRetry={() => void certificate.refetch()} />
        <Paragraph>
          <AppLink to="/certificates">{t('certificates.backToList')}</AppLink>
        </Paragraph>
      </>
    );
  const c = certificate.data;
  const held = (claims.data?.items ?? [])
    .filter((claim) => claim.status === 'pending' || claim.status === 'approved')
    .reduce((sum, claim) => sum + claim.credits, 0);
  return (
    <>
      <PageHeading title={t('certificates.numbered', { number: c.number })} />
      <Paragraph>
        <AppLink to="/certificates">{t('certificates.backToList')}</AppLink>
      </Paragraph>
      <dl className="ib-cert-facts">
        <div>
          <dt>{t('certificates.columns.project')}</dt>
          <dd>
            {c.project.title} ({c.initiative.name})
          </dd>
        </div>
        <div>
          <dt>{t('certificates.columns.credits')}</dt>
          <dd>
            {formatNumber(c.credits, lang)}{' '}
            {t('certificates.serials', {
              from: formatNumber(c.serialStart, lang),
              to: formatNumber(c.serialEnd, lang),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('certificates.columns.amount')}</dt>
          <dd>{formatEuros(c.valueCents, lang)}</dd>
        </div>
        <div>
          <dt>{t('certificates.columns.status')}</dt>
          <dd>{t(`certificateStatus.${c.status}`)}</dd>
        </div>
        <div>
          <dt>{t('certificates.issued')}</dt>
          <dd>{formatDate(c.issuedAt, lang)}</dd>
        </div>
        {claims.data && (
          <div>
            <dt>{t('certificates.free')}</dt>
            <dd>{formatNumber(Math.max(0, c.credits - held), lang)}</dd>
          </div>
        )}
      </dl>
      <Documents certificate={c} />
      <section aria-labelledby="cert-verify">
        <Heading2 id="cert-verify">{t('certificates.verify.title')}</Heading2>
        <Paragraph>{t('certificates.verify.explain')}</Paragraph>
        <Paragraph>
          {t('certificates.verify.code')} <code>{c.verificationCode}</code>
        </Paragraph>
        <Paragraph>
          <a className="utrecht-link" href={`/verify/${c.verificationCode}`}>
            {t('certificates.verify.link')}
          </a>
        </Paragraph>
      </section>
      <ClaimsList claims={claims.data?.items} error={claims.error} />
      {me.organisation.kind === 'supplier' && <ClaimForm me={me} certificate={c} />}
    </>
  );
}

/** The certificate's PDF in both languages, and the invoice and credit note of its order. */
function Documents({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const order = useQuery({
    queryKey: ['order', certificate.orderId],
    queryFn: () =>
      call(() => api.GET('/v1/orders/{id}', { params: { path: { id: certificate.orderId } } })),
  });
  const pdf = (lang: 'nl' | 'en') => () =>
    call(() =>
      api.GET('/v1/certificates/{id}/pdf', {
        params: { path: { id: certificate.id }, query: { lang } },
        parseAs: 'blob',
      }),
    );
  const invoice = (lang: 'nl' | 'en') => () => {
    const purchaseId = order.data?.purchaseId;
    return purchaseId
      ? call(() =>
          api.GET('/v1/purchases/{id}/invoice.pdf', {
            params: { path: { id: purchaseId }, query: { lang } },
            parseAs: 'blob',
          }),
        )
      : call(() =>
          api.GET('/v1/orders/{id}/invoice.pdf', {
            params: { path: { id: certificate.orderId }, query: { lang } },
            parseAs: 'blob',
          }),
        );
  };
  const creditNote = (lang: 'nl' | 'en') => () =>
    call(() =>
      api.GET('/v1/orders/{id}/credit-note.pdf', {
        params: { path: { id: certificate.orderId }, query: { lang } },
        parseAs: 'blob',
      }),
    );
  return (
    <section aria-labelledby="cert-documents">
      <Heading2 id="cert-documents">{t('certificates.documents.title')}</Heading2>
      <div className="ib-cert-buttons">
        <DownloadButton
          label={t('certificates.documents.pdfNl')}
          fileName={`certificaat-${certificate.number}.pdf`}
          fetchFile={pdf('nl')}
        />
        <DownloadButton
          label={t('certificates.documents.pdfEn')}
          fileName={`certificate-${certificate.number}-en.pdf`}
          fetchFile={pdf('en')}
        />
      </div>
      {order.error && <ErrorMessage error={order.error} onRetry={() => void order.refetch()} />}
      {order.data && (
        <>
          <Paragraph>
            {order.data.invoiceNumber
              ? t('certificates.documents.invoiceNumber', { number: order.data.invoiceNumber })
              : t('certificates.documents.invoice')}
          </Paragraph>
          <div className="ib-cert-buttons">
            <DownloadButton
              label={t('certificates.documents.invoiceNl')}
              fileName={`factuur-${order.data.invoiceNumber ?? certificate.number}.pdf`}
              fetchFile={invoice('nl')}
            />
            <DownloadButton
              label={t('certificates.documents.invoiceEn')}
              fileName={`invoice-${order.data.invoiceNumber ?? certificate.number}-en.pdf`}
              fetchFile={invoice('en')}
            />
          </div>
          {order.data.refundedAt && (
            <>
              <Paragraph>{t('certificates.documents.creditNote')}</Paragraph>
              <div className="ib-cert-buttons">
                <DownloadButton
                  label={t('certificates.documents.creditNoteNl')}
                  fileName={`creditnota-${certificate.number}.pdf`}
                  fetchFile={creditNote('nl')}
                />
                <DownloadButton
                  label={t('certificates.documents.creditNoteEn')}
                  fileName={`credit-note-${certificate.number}-en.pdf`}
                  fetchFile={creditNote('en')}
                />
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

function ClaimsList({ claims, error }: { claims: Claim[] | undefined; error: unknown }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section aria-labelledby="cert-claims">
      <Heading2 id="cert-claims">{t('certificates.claims.title')}</Heading2>
      {error ? <ErrorMessage error={error} /> : null}
      {claims && claims.length === 0 && <Paragraph>{t('certificates.claims.none')}</Paragraph>}
      {claims && claims.length > 0 && (
        <ul className="ib-list" aria-label={t('certificates.claims.title')}>
          {claims.map((claim) => (
            <li key={claim.id}>
              <strong>
                {claim.authority.name} · {claim.contract.title}
              </strong>{' '}
              ({claim.contract.reference})
              <br />
              {t('certificates.claims.line', {
                credits: formatNumber(claim.credits, lang),
                counted: formatEuros(claim.countedCents, lang),
                status: t(`certificates.claimStatus.${claim.status}`),
                date: formatDate(claim.createdAt, lang),
              })}
              {claim.countedCents < claim.valueCents &&
                claim.status !== 'rejected' &&
                ` ${t('certificates.claims.partial')}`}
              {claim.decisionReason &&
                ` ${t('certificates.claims.reason', { reason: claim.decisionReason })}`}
              {claim.withdrawalReason &&
                ` ${t('certificates.claims.reason', { reason: claim.withdrawalReason })}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const contractLabel = (o: Obligation) => `${o.authority.name} — ${o.title} (${o.reference})`;

/** Credits typed as a whole number; undefined when empty, NaN when not a whole number above 0. */
function parseCredits(text: string): number | undefined {
  const trimmed = text.trim().replace(/\./g, '');
  if (trimmed === '') return undefined;
  return /^\d{1,7}$/.test(trimmed) && Number(trimmed) > 0 ? Number(trimmed) : Number.NaN;
}

/**
 * The claim toward a contract: pick one of the supplier's open contracts, see what the
 * credits count there (GET /v1/claims/preview: the API's own computation, the last partial
 * credit included) and claim (POST /v1/claims).
 */
function ClaimForm({ me, certificate }: { me: Me; certificate: Certificate }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [contractId, setContractId] = useState('');
  const [creditsText, setCreditsText] = useState('');
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState<Claim>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const obligations = useQuery({
    queryKey: [me.user.id, 'obligations'],
    queryFn: () => call(() => api.GET('/v1/obligations')),
  });
  const open = (obligations.data?.items ?? []).filter((o) => o.contractStatus === 'open');
  const credits = parseCredits(creditsText);
  const preview = useQuery({
    queryKey: [me.user.id, 'claimPreview', certificate.id, contractId, credits ?? null],
    queryFn: () =>
      call(() =>
        api.GET('/v1/claims/preview', {
          params: {
            query: {
              certificateId: certificate.id,
              contractId,
              ...(credits !== undefined ? { credits } : {}),
            },
          },
        }),
      ),
    enabled: contractId !== '' && !Number.isNaN(credits),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    setDone(undefined);
    const errors: FieldError[] = [];
    if (contractId === '')
      errors.push({ field: 'claim-contract', message: t('certificates.claim.chooseContract') });
    // Left empty: the credits the preview proposed (those that still count, at least 1).
    const amount = credits ?? preview.data?.credits;
    if (amount === undefined || Number.isNaN(amount) || amount < 1)
      errors.push({ field: 'claim-credits', message: t('certificates.claim.creditsInvalid') });
    setFieldErrors(errors);
    if (errors.length > 0 || amount === undefined) return;
    setBusy(true);
    try {
      const claim = await call(() =>
        api.POST('/v1/claims', {
          params: { header: { 'idempotency-key': key } },
          body: {
            certificateId: certificate.id,
            contractId,
            credits: amount,
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      );
      setDone(claim);
      setKey(crypto.randomUUID());
      setCreditsText('');
      setNote('');
      await queryClient.invalidateQueries({ queryKey: [me.user.id] });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (field: string) => fieldErrors.find((e) => e.field === field)?.message;
  const p = preview.data;
  return (
    <section aria-labelledby="cert-claim">
      <Heading2 id="cert-claim">{t('certificates.claim.title')}</Heading2>
      <Paragraph>{t('certificates.claim.explain')}</Paragraph>
      {done && (
        <Alert type="ok" ref={doneRef} tabIndex={-1}>
          <Paragraph>
            {t('certificates.claim.done', {
              contract: done.contract.title,
              credits: formatNumber(done.credits, lang),
              counted: formatEuros(done.countedCents, lang),
            })}
          </Paragraph>
        </Alert>
      )}
      {obligations.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
      {obligations.error && (
        <ErrorMessage error={obligations.error} onRetry={() => void obligations.refetch()} />
      )}
      {obligations.data && open.length === 0 && (
        <Paragraph>{t('certificates.claim.noContracts')}</Paragraph>
      )}
      {obligations.data && open.length > 0 && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <ErrorSummary errors={fieldErrors} />
          <Field
            id="claim-contract"
            label={t('certificates.claim.contract')}
            error={errorOf('claim-contract')}
          >
            <Select
              id="claim-contract"
              value={contractId}
              invalid={Boolean(errorOf('claim-contract'))}
              aria-describedby={describedBy(
                'claim-contract',
                false,
                Boolean(errorOf('claim-contract')),
              )}
              onChange={(event) => setContractId(event.target.value)}
            >
              <SelectOption value="">{t('certificates.claim.pick')}</SelectOption>
              {open.map((o) => (
                <SelectOption key={o.contractId} value={o.contractId}>
                  {contractLabel(o)}
                </SelectOption>
              ))}
            </Select>
          </Field>
          <Field
            id="claim-credits"
            label={t('certificates.claim.credits')}
            hint={t('certificates.claim.creditsHint')}
            error={errorOf('claim-credits')}
          >
            <Textbox
              id="claim-credits"
              inputMode="numeric"
              autoComplete="off"
              value={creditsText}
              invalid={Boolean(errorOf('claim-credits')) || Number.isNaN(credits)}
              aria-describedby={describedBy(
                'claim-credits',
                true,
                Boolean(errorOf('claim-credits')),
              )}
              onChange={(event) => setCreditsText(event.target.value)}
            />
          </Field>
          <div aria-live="polite" className="ib-cert-preview" id="claim-preview">
            {contractId === '' && <Paragraph>{t('certificates.preview.pickFirst')}</Paragraph>}
            {Number.isNaN(credits) && (
              <Paragraph>{t('certificates.claim.creditsInvalid')}</Paragraph>
            )}
            {preview.isFetching && !p && <Paragraph>{t('app.loading')}</Paragraph>}
            {preview.error && <ErrorMessage error={preview.error} />}
            {contractId !== '' && p && !Number.isNaN(credits) && (
              <>
                <Heading3>{t('certificates.preview.title')}</Heading3>
                <dl className="ib-cert-facts">
                  <div>
                    <dt>{t('certificates.preview.credits')}</dt>
                    <dd>
                      {formatNumber(p.credits, lang)}
                      {credits === undefined && ` ${t('certificates.preview.suggested')}`}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('certificates.preview.value')}</dt>
                    <dd>
                      {formatEuros(p.valueCents, lang)}{' '}
                      {t('certificates.preview.valueHow', {
                        price: formatEuros(p.unitPriceCents, lang),
                        factor: formatBasisPoints(p.creditFactorBp, lang),
                      })}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('certificates.preview.counted')}</dt>
                    <dd>
                      <strong>{formatEuros(p.countedCents, lang)}</strong>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('certificates.preview.room')}</dt>
                    <dd>{formatEuros(p.roomCents, lang)}</dd>
                  </div>
                  <div>
                    <dt>{t('certificates.preview.available')}</dt>
                    <dd>{formatNumber(p.availableCredits, lang)}</dd>
                  </div>
                </dl>
                {p.refusal === null && p.lastCreditPartial && (
                  <Paragraph>
                    {t('certificates.preview.partial', {
                      spent: formatEuros(p.spentUncountedCents, lang),
                    })}
                  </Paragraph>
                )}
                {p.refusal !== null && (
                  <Alert type="warning">
                    <Paragraph>{errorText(refusalError(p.refusal))}</Paragraph>
                    {p.suggestedCredits > 0 && p.refusal === 'CLAIM.CREDIT_SHARE_CAP' && (
                      <Paragraph>
                        {t('certificates.preview.atMost', {
                          n: formatNumber(p.suggestedCredits, lang),
                        })}
                      </Paragraph>
                    )}
                  </Alert>
                )}
              </>
            )}
          </div>
          <Field id="claim-note" label={t('certificates.claim.note')}>
            <Textarea
              id="claim-note"
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </Field>
          {failure !== undefined && <ErrorMessage error={failure} />}
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {t('certificates.claim.submit')}
          </Button>
        </form>
      )}
    </section>
  );
}

/** A refusal code of the preview, as the error the claim would meet (for its text). */
function refusalError(code: string): ApiError {
  return new ApiError(409, code, undefined, undefined);
}
