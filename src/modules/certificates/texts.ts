import type { OutcomeType } from '../../db/types.js';
import type { Lang } from '../../lib/format.js';

/**
 * Every word printed on a certificate or an invoice, in Dutch (the default) and English.
 * Functions where a sentence carries values, so each language can put them where its
 * grammar wants them. Dutch quotes are „…”, English ones “…”.
 */

export interface CertificateTexts {
  documentTitle: string;
  title: string;
  subtitle: string;
  numberLabel: string;
  statement(p: { supplier: string; credits: string; project: string; initiative: string }): string;
  supplierLabel: string;
  kvkLabel: string;
  projectLabel: string;
  initiativeLabel: string;
  creditsLabel: string;
  serialsLabel: string;
  valueLabel: string;
  issueDateLabel: string;
  fundsHeading: string;
  outcomesIntro: string;
  outcome(type: OutcomeType, count: string): string;
  socialReturnHeading: string;
  socialReturn: string;
  verifyHeading: string;
  verifyText: string;
  codeLabel: string;
  /** Alternative text of the QR code, for screen readers. */
  qrAlt(url: string): string;
  signature(p: { kid: string; jwksUrl: string }): string;
  issuedBy(issuer: string): string;
}

const OUTCOMES: Record<Lang, Record<OutcomeType, string>> = {
  nl: {
    paid_work: 'betaald werk',
    diploma: 'diploma',
    internship: 'stageplek',
    driving_licence: 'rijbewijs',
    retraining: 'omscholing',
    job: 'baan',
    day_activity: 'dagbesteding',
    other: 'overig resultaat',
  },
  en: {
    paid_work: 'paid work',
    diploma: 'diploma',
    internship: 'internship',
    driving_licence: 'driving licence',
    retraining: 'retraining',
    job: 'job',
    day_activity: 'day activity',
    other: 'other outcome',
  },
};

export const CERTIFICATE_TEXTS: Record<Lang, CertificateTexts> = {
  nl: {
    documentTitle: 'Certificaat sociale impact',
    title: 'Certificaat sociale impact',
    subtitle: 'Bewijs van een financiële bijdrage aan een sociaal project',
    numberLabel: 'Certificaatnummer',
    statement: (p) =>
      `Hierbij wordt bevestigd dat ${p.supplier} ${p.credits} impactcredits heeft verworven in het project „${p.project}” van ${p.initiative}.`,
    supplierLabel: 'Leverancier',
    kvkLabel: 'KvK-nummer',
    projectLabel: 'Project',
    initiativeLabel: 'Initiatiefnemer',
    creditsLabel: 'Aantal credits',
    serialsLabel: 'Serienummers',
    valueLabel: 'Waarde',
    issueDateLabel: 'Datum van uitgifte',
    fundsHeading: 'Wat deze credits financieren',
    outcomesIntro: 'Beoogde resultaten van het project',
    outcome: (type, count) => `${OUTCOMES.nl[type]}: ${count}`,
    socialReturnHeading: 'Social return',
    socialReturn:
      'Dit certificaat mag worden ingezet voor het invullen van een social-returnverplichting bij een opdracht van een publieke opdrachtgever, tot de waarde en het aantal credits hierboven.',
    verifyHeading: 'Echtheid controleren',
    verifyText:
      'Scan de QR-code of open de link. De verificatiepagina toont altijd de actuele status van dit certificaat: geldig, opgeschort of ingetrokken.',
    codeLabel: 'Verificatiecode',
    qrAlt: (url) => `QR-code die de verificatiepagina opent: ${url}`,
    signature: (p) =>
      `De gegevens van dit certificaat zijn digitaal ondertekend (Ed25519, JWS) met sleutel ${p.kid}. De publieke sleutels staan op ${p.jwksUrl}.`,
    issuedBy: (issuer) => `Uitgegeven door ${issuer}`,
  },
  en: {
    documentTitle: 'Social impact certificate',
    title: 'Social impact certificate',
    subtitle: 'Proof of a financial contribution to a social project',
    numberLabel: 'Certificate number',
    statement: (p) =>
      `This certifies that ${p.supplier} has acquired ${p.credits} impact credits in the project “${p.project}” by ${p.initiative}.`,
    supplierLabel: 'Supplier',
    kvkLabel: 'KvK number',
    projectLabel: 'Project',
    initiativeLabel: 'Initiative',
    creditsLabel: 'Number of credits',
    serialsLabel: 'Serial numbers',
    valueLabel: 'Value',
    issueDateLabel: 'Date of issue',
    fundsHeading: 'What these credits fund',
    outcomesIntro: 'Expected outcomes of the project',
    outcome: (type, count) => `${OUTCOMES.en[type]}: ${count}`,
    socialReturnHeading: 'Social return',
    socialReturn:
      'This certificate may be used toward a social-return obligation under a contract with a public authority, up to the value and number of credits stated above.',
    verifyHeading: 'Check authenticity',
    verifyText:
      'Scan the QR code or open the link. The verification page always shows the current status of this certificate: valid, suspended or revoked.',
    codeLabel: 'Verification code',
    qrAlt: (url) => `QR code that opens the verification page: ${url}`,
    signature: (p) =>
      `The data of this certificate is digitally signed (Ed25519, JWS) with key ${p.kid}. The public keys are published at ${p.jwksUrl}.`,
    issuedBy: (issuer) => `Issued by ${issuer}`,
  },
};

export interface InvoiceTexts {
  invoiceTitle: string;
  creditNoteTitle: string;
  invoiceNumberLabel: string;
  creditNoteNumberLabel: string;
  dateLabel: string;
  dueDateLabel: string;
  creditsInvoiceLabel: string;
  creditNoteStatement(invoiceNumber: string): string;
  reasonLabel: string;
  orderLabel: string;
  billedToLabel: string;
  kvkLabel: string;
  vatNumberLabel: string;
  ibanLabel: string;
  descriptionLabel: string;
  quantityLabel: string;
  unitPriceLabel: string;
  amountLabel: string;
  lineDescription(project: string): string;
  lineDetail(p: { certificate?: string; serials?: string }): string;
  subtotalLabel: string;
  vatLabel(rate: string): string;
  totalLabel: string;
  paymentHeading: string;
  paymentMethod: Record<'stripe' | 'invoice', string>;
  paidOn(date: string): string;
  open: string;
  refundedOn(date: string): string;
  payBefore(p: { date: string; iban: string; seller: string; reference: string }): string;
  referenceLabel: string;
  epcQrAlt: string;
  epcQrCaption: string;
  contactLine(email: string): string;
}

export const INVOICE_TEXTS: Record<Lang, InvoiceTexts> = {
  nl: {
    invoiceTitle: 'Factuur',
    creditNoteTitle: 'Creditnota',
    invoiceNumberLabel: 'Factuurnummer',
    creditNoteNumberLabel: 'Creditnotanummer',
    dateLabel: 'Datum',
    dueDateLabel: 'Vervaldatum',
    creditsInvoiceLabel: 'Betreft factuur',
    creditNoteStatement: (number) => `Deze creditnota crediteert factuur ${number}.`,
    reasonLabel: 'Reden',
    orderLabel: 'Bestelling',
    billedToLabel: 'Aan',
    kvkLabel: 'KvK-nummer',
    vatNumberLabel: 'Btw-nummer',
    ibanLabel: 'IBAN',
    descriptionLabel: 'Omschrijving',
    quantityLabel: 'Aantal',
    unitPriceLabel: 'Prijs per credit',
    amountLabel: 'Bedrag',
    lineDescription: (project) => `Impactcredits in het project „${project}”`,
    lineDetail: (p) =>
      [
        p.certificate ? `certificaat ${p.certificate}` : undefined,
        p.serials ? `serienummers ${p.serials}` : undefined,
      ]
        .filter((part) => part !== undefined)
        .join(', '),
    subtotalLabel: 'Subtotaal',
    vatLabel: (rate) => `Btw ${rate}`,
    totalLabel: 'Totaal',
    paymentHeading: 'Betaling',
    paymentMethod: { stripe: 'online (Stripe)', invoice: 'bankoverschrijving' },
    paidOn: (date) => `Betaald op ${date}`,
    open: 'Openstaand',
    refundedOn: (date) => `Terugbetaald op ${date}`,
    payBefore: (p) =>
      `Graag het totaalbedrag vóór ${p.date} overmaken op ${p.iban} ten name van ${p.seller}, onder vermelding van ${p.reference}.`,
    referenceLabel: 'Betalingskenmerk',
    epcQrAlt:
      'QR-code voor uw bankapp: betaling van het totaalbedrag aan de verkoper, met het betalingskenmerk',
    epcQrCaption: 'Scan met uw bankapp',
    contactLine: (email) => `Vragen? Mail naar ${email}.`,
  },
  en: {
    invoiceTitle: 'Invoice',
    creditNoteTitle: 'Credit note',
    invoiceNumberLabel: 'Invoice number',
    creditNoteNumberLabel: 'Credit note number',
    dateLabel: 'Date',
    dueDateLabel: 'Due date',
    creditsInvoiceLabel: 'Credited invoice',
    creditNoteStatement: (number) => `This credit note credits invoice ${number}.`,
    reasonLabel: 'Reason',
    orderLabel: 'Order',
    billedToLabel: 'Bill to',
    kvkLabel: 'KvK number',
    vatNumberLabel: 'VAT number',
    ibanLabel: 'IBAN',
    descriptionLabel: 'Description',
    quantityLabel: 'Quantity',
    unitPriceLabel: 'Price per credit',
    amountLabel: 'Amount',
    lineDescription: (project) => `Impact credits in the project “${project}”`,
    lineDetail: (p) =>
      [
        p.certificate ? `certificate ${p.certificate}` : undefined,
        p.serials ? `serial numbers ${p.serials}` : undefined,
      ]
        .filter((part) => part !== undefined)
        .join(', '),
    subtotalLabel: 'Subtotal',
    vatLabel: (rate) => `VAT ${rate}`,
    totalLabel: 'Total',
    paymentHeading: 'Payment',
    paymentMethod: { stripe: 'online (Stripe)', invoice: 'bank transfer' },
    paidOn: (date) => `Paid on ${date}`,
    open: 'Outstanding',
    refundedOn: (date) => `Refunded on ${date}`,
    payBefore: (p) =>
      `Please transfer the total before ${p.date} to ${p.iban} in the name of ${p.seller}, quoting ${p.reference}.`,
    referenceLabel: 'Payment reference',
    epcQrAlt:
      'QR code for your banking app: a transfer of the total to the seller, with the payment reference',
    epcQrCaption: 'Scan with your banking app',
    contactLine: (email) => `Questions? Write to ${email}.`,
  },
};
