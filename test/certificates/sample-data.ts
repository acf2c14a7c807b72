import type { CertificatePdfData } from '../../src/modules/certificates/certificate-pdf.js';
import type { InvoicePdfData } from '../../src/modules/certificates/invoice-pdf.js';

export const PUBLIC_URL = 'https://impactbeurs.example';
export const CODE = '7ZK3M9Q2XW4HT8B1N6VRPA5DCE';

/** 1,250 credits at € 38: thousands separators in both languages, an ë, „”, –. */
export function certificateData(overrides: Partial<CertificatePdfData> = {}): CertificatePdfData {
  return {
    number: 'IB-2026-000123',
    verificationCode: CODE,
    publicUrl: PUBLIC_URL,
    issuer: 'Stichting Impactbeurs',
    supplier: { name: 'Bouwbedrijf De Vries & Zoën B.V.', kvkNumber: '12345678' },
    project: {
      title: 'Werkervaringsplekken Groen Doet Goed – Rotterdam-Zuid',
      summary:
        'Twintig deelnemers uit de bijstand werken een jaar in het groenonderhoud van de wijk, met een jobcoach en een erkende vakopleiding.',
      expectedOutcomes: [
        { outcomeType: 'paid_work', expectedCount: 12 },
        { outcomeType: 'diploma', expectedCount: 8 },
        { outcomeType: 'day_activity', expectedCount: 20 },
      ],
    },
    initiative: { name: 'Stichting Coöperatie Groenkracht' },
    credits: 1250,
    serialStart: 1001,
    serialEnd: 2250,
    valueCents: 4_750_000,
    currency: 'EUR',
    issuedAt: new Date('2026-11-22T09:30:00Z'),
    signingKeyId: 'k2026-11-a',
    ...overrides,
  };
}

export const SELLER: InvoicePdfData['seller'] = {
  name: 'Stichting Impactbeurs',
  address: 'Coolsingel 40, 3011 AD Rotterdam',
  kvkNumber: '90000001',
  vatNumber: 'NL009000001B01',
  iban: 'NL91ABNA0417164300',
  email: 'facturen@impactbeurs.example',
};

export const EXEMPTION =
  'Vrijgesteld van btw (art. 11 Wet OB): bijdrage aan een sociaal project via een stichting.';
export const EXEMPTION_EN =
  'Exempt from VAT (Article 11 of the Dutch VAT Act): a contribution to a social project through a foundation.';

export function invoiceData(overrides: Partial<InvoicePdfData> = {}): InvoicePdfData {
  return {
    kind: 'invoice',
    number: 'F-2026-000042',
    issuedAt: new Date('2026-11-22T09:30:00Z'),
    dueAt: null,
    orderReference: null,
    seller: SELLER,
    buyer: {
      name: 'Bouwbedrijf De Vries & Zoën B.V.',
      address: {
        street: 'Havenstraat 12',
        postalCode: '3024 AB',
        city: 'Rotterdam',
        country: 'NL',
      },
      kvkNumber: '12345678',
      vatNumber: 'NL123456789B01',
    },
    line: {
      projectTitle: 'Werkervaringsplekken Groen Doet Goed',
      quantity: 100,
      unitPriceCents: 3800,
      certificateNumber: 'IB-2026-000123',
      serialStart: 1001,
      serialEnd: 1100,
    },
    vat: { rateBasisPoints: 2100, exemptionText: { nl: EXEMPTION, en: EXEMPTION_EN } },
    currency: 'EUR',
    payment: {
      method: 'stripe',
      status: 'paid',
      reference: 'IB-7F3K2-9QX',
      paidAt: new Date('2026-11-22T09:29:00Z'),
    },
    ...overrides,
  };
}
