import { Button, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../../openapi/api.d.ts';
import type { Me } from '../../auth/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeading } from '../../components/PageHeading';
import './supplier.css';

export type Purchase = components['schemas']['Purchase'];
export type Order = components['schemas']['Order'];
export type Obligation = components['schemas']['Obligation'];
export type Proposal = components['schemas']['PurchaseProposal'];

export function isSupplier(me: Me): boolean {
  return me.organisation.kind === 'supplier' && me.user.role === 'member';
}

/** The page's heading; anyone but a supplier's member sees only a sentence saying so. */
export function SupplierPage({
  me,
  title,
  lead,
  children,
}: {
  me: Me;
  title: string;
  lead?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={title} />
      {isSupplier(me) ? (
        <>
          {lead && <Paragraph lead>{lead}</Paragraph>}
          {children}
        </>
      ) : (
        <Paragraph>{t('supplier.onlySuppliers')}</Paragraph>
      )}
    </>
  );
}

/** Saves a blob the API answered (fetched with the sign-in header) as a file. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A button that downloads a PDF from the API: the PDF routes need the sign-in header, so
 * the file is fetched and then saved. The API's refusal is shown beside it.
 */
export function DownloadButton({
  label,
  fileName,
  fetchPdf,
}: {
  label: string;
  fileName: string;
  fetchPdf: () => Promise<Blob>;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  async function download() {
    setFailure(undefined);
    setBusy(true);
    try {
      saveBlob(await fetchPdf(), fileName);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="ib-supplier-download">
      <Button
        appearance="secondary-action-button"
        busy={busy}
        disabled={busy}
        onClick={() => void download()}
      >
        {label}
      </Button>
      {failure !== undefined && <ErrorMessage error={failure} />}
    </div>
  );
}

/** A safe file name from an invoice or credit-note number. */
export function pdfName(prefix: string, number: string | null | undefined, id: string): string {
  return `${prefix}-${(number ?? id).replace(/[^A-Za-z0-9-]/g, '')}.pdf`;
}

/** Groups of four, as banks print an IBAN or a creditor reference. */
export function inGroups(text: string): string {
  return text.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
