import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../../openapi/api.d.ts';
import type { Me } from '../../auth/session';
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

/** A safe file name from an invoice or credit-note number. */
export function pdfName(prefix: string, number: string | null | undefined, id: string): string {
  return `${prefix}-${(number ?? id).replace(/[^A-Za-z0-9-]/g, '')}.pdf`;
}

/** Groups of four, as banks print an IBAN or a creditor reference. */
export function inGroups(text: string): string {
  return text.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
