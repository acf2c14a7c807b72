import { Button, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type PdfVerification, verifyCode, verifyPdf } from '../../api/queries';
import { ErrorMessage, useErrorText } from '../../components/ErrorMessage';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { PageHeading } from '../../components/PageHeading';
import { normaliseVerificationCode } from '../../lib/format';
import { VerificationResult } from './VerificationResult';

const CODE = 'verify-code';
const PDF = 'verify-pdf';

/**
 * Check a certificate by its code or by its PDF. Field errors (empty, unknown code, not a
 * PDF) are shown at the field and summarised at the top; other faults as an alert.
 */
export default function VerifyPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<{ result: PdfVerification; code?: string } | undefined>();

  const byCode = useMutation({
    mutationFn: (code: string) => verifyCode(code),
    onSuccess: (data, code) => setResult({ result: data, code }),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 404)
        setErrors([{ field: CODE, message: t('verify.unknown') }]);
      else if (error instanceof ApiError && error.status === 400)
        setErrors([{ field: CODE, message: t('verify.unknown') }]);
    },
  });
  const byPdf = useMutation({
    mutationFn: (file: File) => verifyPdf(file),
    onSuccess: (data) => setResult({ result: data }),
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500 && error.status !== 429)
        setErrors([{ field: PDF, message: errorText(error) }]);
    },
  });
  const otherError = [byCode.error, byPdf.error].find(
    (e) => e && !(e instanceof ApiError && e.status < 500 && e.status !== 429),
  );
  const rateLimited = [byCode.error, byPdf.error].find(
    (e) => e instanceof ApiError && e.status === 429,
  );

  function reset() {
    setErrors([]);
    setResult(undefined);
    byCode.reset();
    byPdf.reset();
  }

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const raw = new FormData(event.currentTarget).get('code');
    const code = normaliseVerificationCode(typeof raw === 'string' ? raw : '');
    if (code === '') {
      setErrors([{ field: CODE, message: t('verify.codeRequired') }]);
      return;
    }
    byCode.mutate(code);
  }

  function submitPdf(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const file = new FormData(event.currentTarget).get('pdf');
    if (!(file instanceof File) || file.size === 0) {
      setErrors([{ field: PDF, message: t('verify.pdfRequired') }]);
      return;
    }
    byPdf.mutate(file);
  }

  const codeError = errors.find((e) => e.field === CODE)?.message;
  const pdfError = errors.find((e) => e.field === PDF)?.message;
  return (
    <>
      <PageHeading title={t('verify.title')} />
      <Paragraph lead>{t('verify.lead')}</Paragraph>
      <ErrorSummary errors={errors} />
      {otherError && <ErrorMessage error={otherError} />}
      {rateLimited && <ErrorMessage error={rateLimited} />}

      <section aria-labelledby="by-code">
        <Heading2 id="by-code">{t('verify.byCode')}</Heading2>
        <form onSubmit={submitCode} noValidate>
          <Field
            id={CODE}
            label={t('verify.codeLabel')}
            hint={t('verify.codeHint')}
            error={codeError}
          >
            <Textbox
              id={CODE}
              name="code"
              autoComplete="off"
              spellCheck={false}
              invalid={Boolean(codeError)}
              aria-invalid={codeError ? true : undefined}
              aria-describedby={describedBy(CODE, true, Boolean(codeError))}
            />
          </Field>
          <Button type="submit" appearance="primary-action-button" busy={byCode.isPending}>
            {t('verify.check')}
          </Button>
        </form>
      </section>

      <section aria-labelledby="by-pdf">
        <Heading2 id="by-pdf">{t('verify.byPdf')}</Heading2>
        <form onSubmit={submitPdf} noValidate>
          <Field id={PDF} label={t('verify.pdfLabel')} hint={t('verify.pdfHint')} error={pdfError}>
            <input
              id={PDF}
              name="pdf"
              type="file"
              accept="application/pdf,.pdf"
              className="utrecht-textbox"
              aria-invalid={pdfError ? true : undefined}
              aria-describedby={describedBy(PDF, true, Boolean(pdfError))}
            />
          </Field>
          <Button type="submit" appearance="primary-action-button" busy={byPdf.isPending}>
            {t('verify.checkPdf')}
          </Button>
        </form>
      </section>

      {result && (
        <VerificationResult
          result={result.result}
          {...(result.code ? { code: result.code } : {})}
        />
      )}
    </>
  );
}
