import { formatInteger, formatMoney, type Lang } from '../../lib/format.js';

/**
 * The notifications: an e-mail for each event a person has to hear of (docs/email.md lists
 * them, with who gets them). Each is written from data the notifications module reads when
 * the event is dispatched; amounts are integer cents and written as euros here, names are
 * names, never codes. `MANDATORY_NOTIFICATIONS` are about the reader's own money or
 * obligations and are always sent; the others a user can switch off on the account page.
 */

interface Named {
  /** The recipient's name, for the greeting. */
  name: string;
}

interface AboutProject extends Named {
  projectId: string;
  projectTitle: string;
}

/**
 * Where a supplier's claim message links: the certificate page of the claim, or (in messages
 * queued before the ids were part of the data) the claim's contract in the wallet.
 */
interface ClaimLink {
  certificateId?: string;
  contractId?: string;
}

export interface NotificationData {
  'plan-submitted': AboutProject & { initiativeName: string };
  'plan-questions': AboutProject;
  'plan-awarded': AboutProject & { supply: number; threshold: number };
  'project-listed': AboutProject;
  'review-assigned': AboutProject;
  'review-panel-complete': AboutProject;
  'order-placed': Named & {
    orderId: string;
    projectTitle: string;
    quantity: number;
    amountCents: number;
    paymentReference: string;
    payBefore: string;
    /** The invoice PDF is attached, rendered when the message is sent (never stored in the queue). */
    invoiceNumber: string | null;
  };
  'purchase-placed': Named & {
    purchaseId: string;
    lines: { projectTitle: string; quantity: number }[];
    amountCents: number;
    paymentReference: string;
    payBefore: string;
    /** The purchase's one invoice is attached, rendered when the message is sent. */
    invoiceNumber: string | null;
  };
  'order-paid': Named & {
    orderId: string;
    projectTitle: string;
    quantity: number;
    amountCents: number;
  };
  'purchase-paid': Named & {
    purchaseId: string;
    amountCents: number;
    /** The lines the payment fulfilled, each with its certificate. */
    lines: {
      projectTitle: string;
      credits: number;
      certificateId: string;
      certificateNumber: string;
      verificationCode: string;
    }[];
  };
  'order-refunded': Named & { orderId: string; projectTitle: string; amountCents: number };
  'certificate-issued': Named & {
    /** Absent in messages queued before the certificate pages existed: they link the start page. */
    certificateId?: string;
    certificateNumber: string;
    verificationCode: string;
    projectTitle: string;
    credits: number;
  };
  'contract-registered': Named & {
    contractId: string;
    authorityName: string;
    contractReference: string;
  };
  'claim-submitted': Named & { supplierName: string; contractReference: string; credits: number };
  'claim-approved': Named &
    ClaimLink & {
      authorityName: string;
      contractReference: string;
      credits: number;
    };
  'claim-rejected': Named &
    ClaimLink & {
      authorityName: string;
      contractReference: string;
      credits: number;
      reason: string | null;
    };
  'claim-withdrawn': Named &
    ClaimLink & {
      authorityName: string;
      contractReference: string;
      credits: number;
      reason: string | null;
    };
  'funding-reached': AboutProject & { audience: 'initiative' | 'buyer' };
  'funding-failed': AboutProject & {
    audience: 'initiative' | 'buyer';
    /** A buyer's money coming back (their orders of the project together); 0 for the initiative. */
    refundCents: number;
  };
  'outcome-report-due': AboutProject & { endDate: string };
  'outcome-report-returned': AboutProject;
  'outcome-report-accepted': AboutProject & { final: boolean };
  'payout-approved': AboutProject & { tranche: number; amountCents: number };
  'payout-paid': AboutProject & { tranche: number; amountCents: number; bankReference: string };
  'webhook-endpoint-disabled': Named & { url: string; description: string };
}

export type NotificationName = keyof NotificationData;

export const NOTIFICATION_NAMES = [
  'plan-submitted',
  'plan-questions',
  'plan-awarded',
  'project-listed',
  'review-assigned',
  'review-panel-complete',
  'order-placed',
  'purchase-placed',
  'order-paid',
  'purchase-paid',
  'order-refunded',
  'certificate-issued',
  'contract-registered',
  'claim-submitted',
  'claim-approved',
  'claim-rejected',
  'claim-withdrawn',
  'funding-reached',
  'funding-failed',
  'outcome-report-due',
  'outcome-report-returned',
  'outcome-report-accepted',
  'payout-approved',
  'payout-paid',
  'webhook-endpoint-disabled',
] as const satisfies readonly NotificationName[];

/**
 * Always sent: about the reader's own money (orders, payments, refunds, payouts, a
 * failed project's refund), their obligations (a contract, a decision on their claim, a
 * report returned to them) or their systems (a disabled webhook endpoint).
 */
export const MANDATORY_NOTIFICATIONS: readonly NotificationName[] = [
  'order-placed',
  'purchase-placed',
  'order-paid',
  'purchase-paid',
  'order-refunded',
  'certificate-issued',
  'contract-registered',
  'claim-approved',
  'claim-rejected',
  'claim-withdrawn',
  'funding-failed',
  'outcome-report-due',
  'outcome-report-returned',
  'payout-approved',
  'payout-paid',
  'webhook-endpoint-disabled',
];

/** The notifications a user may switch off. */
export const OPTIONAL_NOTIFICATIONS: readonly NotificationName[] = NOTIFICATION_NAMES.filter(
  (name) => !MANDATORY_NOTIFICATIONS.includes(name),
);

export interface NotificationBlock {
  subject: string;
  heading: string;
  paragraphs: string[];
  action: { label: string; url: string };
  after: string[];
}

type Texts<T> = (data: T, lang: Lang, publicUrl: string) => NotificationBlock;

const money = (cents: number, lang: Lang) => formatMoney(cents, lang);
const count = (n: number, lang: Lang) => formatInteger(n, lang);
const greet = (name: string, lang: Lang) => (lang === 'nl' ? `Beste ${name},` : `Dear ${name},`);

/** Where a person acts: the start page of the signed-in web app, or a project's page. */
const start = (publicUrl: string) => `${publicUrl}/start`;
const projectPage = (publicUrl: string, id: string) => `${publicUrl}/projects/${id}`;
/** The initiative's own page of its plan (and later its reports and payouts). */
const planPage = (publicUrl: string, id: string) => `${publicUrl}/plans/${id}`;
/** The platform team's review of a plan (panel, scores, award). */
const queuePage = (publicUrl: string, id: string) => `${publicUrl}/plan-queue/${id}`;
/** The supplier's order and purchase pages (web/src/features/supplier). */
const orderPage = (publicUrl: string, id: string) => `${publicUrl}/orders/${id}`;
const purchasePage = (publicUrl: string, id: string) => `${publicUrl}/purchases/${id}`;
/** A supplier's certificate page; without the id (older messages), the start page. */
const certificatePage = (publicUrl: string, id: string | undefined) =>
  id ? `${publicUrl}/certificates/${id}` : start(publicUrl);
/** The certificate page of a claim; else the claim's contract in the wallet; else the start page. */
const claimPage = (publicUrl: string, d: ClaimLink) =>
  d.certificateId
    ? certificatePage(publicUrl, d.certificateId)
    : d.contractId
      ? `${publicUrl}/wallet#contract-${d.contractId}`
      : start(publicUrl);
/** A contract's page: its obligation, progress and claims (both parties may read it). */
const contractPage = (publicUrl: string, id: string) => `${publicUrl}/contracts/${id}`;
/** The authority's claims inbox, where a coordinator approves or rejects. */
const claimsInbox = (publicUrl: string) => `${publicUrl}/claims`;

function tranche(n: number, lang: Lang): string {
  if (lang === 'nl') return n === 1 ? 'eerste deel' : 'tweede deel';
  return n === 1 ? 'first part' : 'second part';
}

export const notificationBuilders: { [K in NotificationName]: Texts<NotificationData[K]> } = {
  'plan-submitted': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Nieuw plan ingediend: ${d.projectTitle}`,
          heading: 'Er is een plan ingediend',
          paragraphs: [
            greet(d.name, lang),
            `${d.initiativeName} heeft het plan „${d.projectTitle}” ingediend. Het wacht op beoordelaars.`,
          ],
          action: { label: 'Plannen bekijken', url: queuePage(url, d.projectId) },
          after: [],
        }
      : {
          subject: `New plan submitted: ${d.projectTitle}`,
          heading: 'A plan was submitted',
          paragraphs: [
            greet(d.name, lang),
            `${d.initiativeName} submitted the plan “${d.projectTitle}”. It is waiting for reviewers.`,
          ],
          action: { label: 'See the plans', url: queuePage(url, d.projectId) },
          after: [],
        },

  'plan-questions': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Vragen over uw plan ${d.projectTitle}`,
          heading: 'Wij hebben vragen over uw plan',
          paragraphs: [
            greet(d.name, lang),
            `Het platformteam heeft vragen over het plan „${d.projectTitle}”. Beantwoord de vragen, pas het plan aan en dien het opnieuw in.`,
          ],
          action: { label: 'Vragen bekijken', url: planPage(url, d.projectId) },
          after: [],
        }
      : {
          subject: `Questions about your plan ${d.projectTitle}`,
          heading: 'We have questions about your plan',
          paragraphs: [
            greet(d.name, lang),
            `The platform team has questions about the plan “${d.projectTitle}”. Answer them, change the plan and submit it again.`,
          ],
          action: { label: 'See the questions', url: planPage(url, d.projectId) },
          after: [],
        },

  'plan-awarded': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Uw plan ${d.projectTitle} is goedgekeurd`,
          heading: 'Uw plan is goedgekeurd',
          paragraphs: [
            greet(d.name, lang),
            `Het plan „${d.projectTitle}” is goedgekeurd. Het project krijgt ${count(d.supply, lang)} credits. Als ${count(d.threshold, lang)} credits verkocht zijn, is het project gefinancierd.`,
          ],
          action: { label: 'Project bekijken', url: planPage(url, d.projectId) },
          after: ['Het project komt daarna op de markt, waar organisaties credits kunnen kopen.'],
        }
      : {
          subject: `Your plan ${d.projectTitle} is approved`,
          heading: 'Your plan is approved',
          paragraphs: [
            greet(d.name, lang),
            `The plan “${d.projectTitle}” is approved. The project gets ${count(d.supply, lang)} credits. Once ${count(d.threshold, lang)} credits are sold, the project is funded.`,
          ],
          action: { label: 'See the project', url: planPage(url, d.projectId) },
          after: [
            'Next, the project is listed on the market, where organisations can buy credits.',
          ],
        },

  'project-listed': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `${d.projectTitle} staat op de markt`,
          heading: 'Uw project staat op de markt',
          paragraphs: [
            greet(d.name, lang),
            `Het project „${d.projectTitle}” staat nu op Impactbeurs. Organisaties kunnen er vanaf nu credits van kopen.`,
          ],
          action: { label: 'Projectpagina bekijken', url: projectPage(url, d.projectId) },
          after: [],
        }
      : {
          subject: `${d.projectTitle} is on the market`,
          heading: 'Your project is on the market',
          paragraphs: [
            greet(d.name, lang),
            `The project “${d.projectTitle}” is now listed on Impactbeurs. Organisations can buy its credits from now on.`,
          ],
          action: { label: 'See the project page', url: projectPage(url, d.projectId) },
          after: [],
        },

  'review-assigned': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Beoordeel het plan ${d.projectTitle}`,
          heading: 'U bent gevraagd een plan te beoordelen',
          paragraphs: [
            greet(d.name, lang),
            `U bent beoordelaar van het plan „${d.projectTitle}”. Geef eerst aan of u belangen heeft bij dit plan. Daarna geeft u uw scores.`,
          ],
          action: { label: 'Plan beoordelen', url: `${url}/reviews` },
          after: [],
        }
      : {
          subject: `Review the plan ${d.projectTitle}`,
          heading: 'You are asked to review a plan',
          paragraphs: [
            greet(d.name, lang),
            `You are a reviewer of the plan “${d.projectTitle}”. First declare whether you have a conflict of interest. Then give your scores.`,
          ],
          action: { label: 'Review the plan', url: `${url}/reviews` },
          after: [],
        },

  'review-panel-complete': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Alle scores binnen: ${d.projectTitle}`,
          heading: 'De beoordeling is compleet',
          paragraphs: [
            greet(d.name, lang),
            `Alle beoordelaars van het plan „${d.projectTitle}” hebben hun scores gegeven. U kunt nu een besluit nemen.`,
          ],
          action: { label: 'Beoordeling bekijken', url: queuePage(url, d.projectId) },
          after: [],
        }
      : {
          subject: `All scores in: ${d.projectTitle}`,
          heading: 'The review is complete',
          paragraphs: [
            greet(d.name, lang),
            `Every reviewer of the plan “${d.projectTitle}” has given their scores. You can now decide.`,
          ],
          action: { label: 'See the review', url: queuePage(url, d.projectId) },
          after: [],
        },

  'order-placed': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Uw bestelling: ${count(d.quantity, lang)} credits van ${d.projectTitle}`,
          heading: 'Bedankt voor uw bestelling',
          paragraphs: [
            greet(d.name, lang),
            `U heeft ${count(d.quantity, lang)} credits besteld van het project „${d.projectTitle}”. U betaalt ${money(d.amountCents, lang)} per factuur.`,
            `Maak het bedrag over vóór ${d.payBefore} en vermeld het kenmerk ${d.paymentReference}. De credits zijn tot dan voor u gereserveerd.`,
          ],
          action: { label: 'Bestelling bekijken', url: orderPage(url, d.orderId) },
          after: d.invoiceNumber
            ? [`De factuur (${d.invoiceNumber}) zit als PDF bij dit bericht.`]
            : [],
        }
      : {
          subject: `Your order: ${count(d.quantity, lang)} credits of ${d.projectTitle}`,
          heading: 'Thank you for your order',
          paragraphs: [
            greet(d.name, lang),
            `You ordered ${count(d.quantity, lang)} credits of the project “${d.projectTitle}”. You pay ${money(d.amountCents, lang)} by invoice.`,
            `Transfer the amount before ${d.payBefore} and quote the reference ${d.paymentReference}. The credits are reserved for you until then.`,
          ],
          action: { label: 'See your order', url: orderPage(url, d.orderId) },
          after: d.invoiceNumber
            ? [`The invoice (${d.invoiceNumber}) is attached to this message as a PDF.`]
            : [],
        },

  'purchase-placed': (d, lang, url) => {
    const total = d.lines.reduce((sum, line) => sum + line.quantity, 0);
    return lang === 'nl'
      ? {
          subject: `Uw aankoop: ${count(total, lang)} credits in ${count(d.lines.length, lang)} projecten`,
          heading: 'Bedankt voor uw aankoop',
          paragraphs: [
            greet(d.name, lang),
            `U heeft credits gekocht van ${d.lines.length === 1 ? 'dit project' : 'deze projecten'}:`,
            ...d.lines.map(
              (line) => `- ${count(line.quantity, lang)} credits van „${line.projectTitle}”`,
            ),
            `U betaalt samen ${money(d.amountCents, lang)} met één factuur. Maak het bedrag over vóór ${d.payBefore} en vermeld het kenmerk ${d.paymentReference}. De credits zijn tot dan voor u gereserveerd.`,
          ],
          action: { label: 'Aankoop bekijken', url: purchasePage(url, d.purchaseId) },
          after: d.invoiceNumber
            ? [`De factuur (${d.invoiceNumber}) zit als PDF bij dit bericht.`]
            : [],
        }
      : {
          subject: `Your purchase: ${count(total, lang)} credits in ${count(d.lines.length, lang)} projects`,
          heading: 'Thank you for your purchase',
          paragraphs: [
            greet(d.name, lang),
            `You bought credits of ${d.lines.length === 1 ? 'this project' : 'these projects'}:`,
            ...d.lines.map(
              (line) => `- ${count(line.quantity, lang)} credits of “${line.projectTitle}”`,
            ),
            `You pay ${money(d.amountCents, lang)} in all, with one invoice. Transfer the amount before ${d.payBefore} and quote the reference ${d.paymentReference}. The credits are reserved for you until then.`,
          ],
          action: { label: 'See your purchase', url: purchasePage(url, d.purchaseId) },
          after: d.invoiceNumber
            ? [`The invoice (${d.invoiceNumber}) is attached to this message as a PDF.`]
            : [],
        };
  },

  'order-paid': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Betaling ontvangen: ${count(d.quantity, lang)} credits van ${d.projectTitle}`,
          heading: 'Wij hebben uw betaling ontvangen',
          paragraphs: [
            greet(d.name, lang),
            `Wij hebben ${money(d.amountCents, lang)} ontvangen voor ${count(d.quantity, lang)} credits van het project „${d.projectTitle}”. De credits zijn van u.`,
          ],
          action: { label: 'Bestelling bekijken', url: orderPage(url, d.orderId) },
          after: ['U krijgt ook een bericht met uw certificaat.'],
        }
      : {
          subject: `Payment received: ${count(d.quantity, lang)} credits of ${d.projectTitle}`,
          heading: 'We received your payment',
          paragraphs: [
            greet(d.name, lang),
            `We received ${money(d.amountCents, lang)} for ${count(d.quantity, lang)} credits of the project “${d.projectTitle}”. The credits are yours.`,
          ],
          action: { label: 'See your order', url: orderPage(url, d.orderId) },
          after: ['You also get a message with your certificate.'],
        },

  // One mail for a purchase's payment, however many projects it covers: its lines'
  // order-paid and certificate-issued mails are not sent (notifications.subscriber.ts).
  'purchase-paid': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: 'Betaling ontvangen: uw certificaten zijn klaar',
          heading: 'Wij hebben uw betaling ontvangen',
          paragraphs: [
            greet(d.name, lang),
            `Wij hebben ${money(d.amountCents, lang)} ontvangen voor uw aankoop. De credits zijn van u. ${d.lines.length === 1 ? 'Dit is uw certificaat:' : 'Voor elk project is er een certificaat:'}`,
            ...d.lines.map(
              (line) =>
                `- „${line.projectTitle}”: certificaat ${line.certificateNumber}, aantal credits: ${count(line.credits, lang)}, controlecode ${line.verificationCode}`,
            ),
          ],
          action: { label: 'Aankoop bekijken', url: purchasePage(url, d.purchaseId) },
          after: ['Iedereen kan een certificaat controleren met de controlecode.'],
        }
      : {
          subject: 'Payment received: your certificates are ready',
          heading: 'We received your payment',
          paragraphs: [
            greet(d.name, lang),
            `We received ${money(d.amountCents, lang)} for your purchase. The credits are yours. ${d.lines.length === 1 ? 'This is your certificate:' : 'Each project has its own certificate:'}`,
            ...d.lines.map(
              (line) =>
                `- “${line.projectTitle}”: certificate ${line.certificateNumber}, number of credits: ${count(line.credits, lang)}, verification code ${line.verificationCode}`,
            ),
          ],
          action: { label: 'See your purchase', url: purchasePage(url, d.purchaseId) },
          after: ['Anyone can check a certificate with its verification code.'],
        },

  'order-refunded': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Terugbetaling: ${d.projectTitle}`,
          heading: 'Uw geld komt terug',
          paragraphs: [
            greet(d.name, lang),
            `Wij betalen ${money(d.amountCents, lang)} terug voor uw bestelling van het project „${d.projectTitle}”. De credits van deze bestelling vervallen.`,
          ],
          action: { label: 'Bestelling bekijken', url: orderPage(url, d.orderId) },
          after: [
            'Het geld gaat terug naar de rekening of kaart waarmee u betaalde. Dat kan een paar dagen duren.',
          ],
        }
      : {
          subject: `Refund: ${d.projectTitle}`,
          heading: 'Your money is coming back',
          paragraphs: [
            greet(d.name, lang),
            `We are refunding ${money(d.amountCents, lang)} for your order of the project “${d.projectTitle}”. The credits of this order lapse.`,
          ],
          action: { label: 'See your order', url: orderPage(url, d.orderId) },
          after: [
            'The money goes back to the account or card you paid with. That can take a few days.',
          ],
        },

  'certificate-issued': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Uw certificaat ${d.certificateNumber}`,
          heading: 'Uw certificaat is klaar',
          paragraphs: [
            greet(d.name, lang),
            `Uw certificaat ${d.certificateNumber} voor ${count(d.credits, lang)} credits van het project „${d.projectTitle}” is uitgegeven.`,
            `Iedereen kan het certificaat controleren met de code ${d.verificationCode}.`,
          ],
          action: { label: 'Certificaat bekijken', url: certificatePage(url, d.certificateId) },
          after: [],
        }
      : {
          subject: `Your certificate ${d.certificateNumber}`,
          heading: 'Your certificate is ready',
          paragraphs: [
            greet(d.name, lang),
            `Your certificate ${d.certificateNumber} for ${count(d.credits, lang)} credits of the project “${d.projectTitle}” has been issued.`,
            `Anyone can check the certificate with the code ${d.verificationCode}.`,
          ],
          action: { label: 'See the certificate', url: certificatePage(url, d.certificateId) },
          after: [],
        },

  'contract-registered': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Nieuw contract van ${d.authorityName}`,
          heading: 'Een nieuw contract met social return',
          paragraphs: [
            greet(d.name, lang),
            `${d.authorityName} heeft een contract met uw organisatie geregistreerd (kenmerk ${d.contractReference}). Daarin staat een social-return verplichting. U kunt die met credits invullen.`,
          ],
          action: { label: 'Contract bekijken', url: contractPage(url, d.contractId) },
          after: [],
        }
      : {
          subject: `New contract from ${d.authorityName}`,
          heading: 'A new contract with social return',
          paragraphs: [
            greet(d.name, lang),
            `${d.authorityName} registered a contract with your organisation (reference ${d.contractReference}). It includes a social-return obligation, which you can fill with credits.`,
          ],
          action: { label: 'See the contract', url: contractPage(url, d.contractId) },
          after: [],
        },

  'claim-submitted': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Nieuwe claim van ${d.supplierName}`,
          heading: 'Er wacht een claim op uw besluit',
          paragraphs: [
            greet(d.name, lang),
            `${d.supplierName} wil ${count(d.credits, lang)} credits inzetten voor het contract ${d.contractReference}. Keur de claim goed of wijs hem af.`,
          ],
          action: { label: 'Claim bekijken', url: claimsInbox(url) },
          after: [],
        }
      : {
          subject: `New claim from ${d.supplierName}`,
          heading: 'A claim is waiting for your decision',
          paragraphs: [
            greet(d.name, lang),
            `${d.supplierName} wants to use ${count(d.credits, lang)} credits for the contract ${d.contractReference}. Approve or reject the claim.`,
          ],
          action: { label: 'See the claim', url: claimsInbox(url) },
          after: [],
        },

  'claim-approved': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Claim goedgekeurd: ${d.contractReference}`,
          heading: 'Uw claim is goedgekeurd',
          paragraphs: [
            greet(d.name, lang),
            `${d.authorityName} heeft uw claim van ${count(d.credits, lang)} credits voor het contract ${d.contractReference} goedgekeurd. Ze tellen mee voor uw social-return verplichting.`,
          ],
          action: { label: 'Claim bekijken', url: claimPage(url, d) },
          after: [],
        }
      : {
          subject: `Claim approved: ${d.contractReference}`,
          heading: 'Your claim is approved',
          paragraphs: [
            greet(d.name, lang),
            `${d.authorityName} approved your claim of ${count(d.credits, lang)} credits for the contract ${d.contractReference}. They count toward your social-return obligation.`,
          ],
          action: { label: 'See the claim', url: claimPage(url, d) },
          after: [],
        },

  'claim-rejected': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Claim afgewezen: ${d.contractReference}`,
          heading: 'Uw claim is afgewezen',
          paragraphs: [
            greet(d.name, lang),
            `Uw claim van ${count(d.credits, lang)} credits voor het contract ${d.contractReference} is afgewezen.`,
            ...(d.reason ? [`De reden: ${d.reason}`] : []),
          ],
          action: { label: 'Claim bekijken', url: claimPage(url, d) },
          after: ['De credits zijn weer vrij. U kunt ze opnieuw inzetten.'],
        }
      : {
          subject: `Claim rejected: ${d.contractReference}`,
          heading: 'Your claim was rejected',
          paragraphs: [
            greet(d.name, lang),
            `Your claim of ${count(d.credits, lang)} credits for the contract ${d.contractReference} was rejected.`,
            ...(d.reason ? [`The reason: ${d.reason}`] : []),
          ],
          action: { label: 'See the claim', url: claimPage(url, d) },
          after: ['The credits are free again. You can use them once more.'],
        },

  'claim-withdrawn': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Goedkeuring ingetrokken: ${d.contractReference}`,
          heading: 'De goedkeuring van uw claim is ingetrokken',
          paragraphs: [
            greet(d.name, lang),
            `${d.authorityName} heeft de goedkeuring van uw claim van ${count(d.credits, lang)} credits voor het contract ${d.contractReference} ingetrokken.`,
            ...(d.reason ? [`De reden: ${d.reason}`] : []),
          ],
          action: { label: 'Claim bekijken', url: claimPage(url, d) },
          after: [],
        }
      : {
          subject: `Approval withdrawn: ${d.contractReference}`,
          heading: 'The approval of your claim was withdrawn',
          paragraphs: [
            greet(d.name, lang),
            `${d.authorityName} withdrew the approval of your claim of ${count(d.credits, lang)} credits for the contract ${d.contractReference}.`,
            ...(d.reason ? [`The reason: ${d.reason}`] : []),
          ],
          action: { label: 'See the claim', url: claimPage(url, d) },
          after: [],
        },

  'funding-reached': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `${d.projectTitle} is gefinancierd`,
          heading: 'Het project is gefinancierd',
          paragraphs: [
            greet(d.name, lang),
            d.audience === 'initiative'
              ? `Er zijn genoeg credits verkocht van uw project „${d.projectTitle}”. Het project is gefinancierd. Het eerste deel van het geld wordt aan u uitbetaald.`
              : `Het project „${d.projectTitle}”, waarvan u credits heeft, heeft genoeg credits verkocht. Het is gefinancierd en gaat van start.`,
          ],
          action: { label: 'Project bekijken', url: projectPage(url, d.projectId) },
          after: [],
        }
      : {
          subject: `${d.projectTitle} is funded`,
          heading: 'The project is funded',
          paragraphs: [
            greet(d.name, lang),
            d.audience === 'initiative'
              ? `Enough credits of your project “${d.projectTitle}” have been sold. The project is funded. The first part of the money will be paid out to you.`
              : `The project “${d.projectTitle}”, whose credits you hold, has sold enough credits. It is funded and goes ahead.`,
          ],
          action: { label: 'See the project', url: projectPage(url, d.projectId) },
          after: [],
        },

  'funding-failed': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `${d.projectTitle} is niet gefinancierd`,
          heading: 'Het project is niet doorgegaan',
          paragraphs: [
            greet(d.name, lang),
            d.audience === 'initiative'
              ? `Voor uw project „${d.projectTitle}” zijn niet op tijd genoeg credits verkocht. Het project gaat niet door. Kopers krijgen hun geld terug.`
              : `Het project „${d.projectTitle}” heeft niet op tijd genoeg credits verkocht en gaat niet door. U krijgt ${money(d.refundCents, lang)} terug.`,
          ],
          action: { label: 'Project bekijken', url: projectPage(url, d.projectId) },
          after:
            d.audience === 'buyer'
              ? [
                  'Het geld gaat terug naar de rekening of kaart waarmee u betaalde. Uw credits van dit project vervallen.',
                ]
              : [],
        }
      : {
          subject: `${d.projectTitle} was not funded`,
          heading: 'The project did not go ahead',
          paragraphs: [
            greet(d.name, lang),
            d.audience === 'initiative'
              ? `Not enough credits of your project “${d.projectTitle}” were sold in time. The project does not go ahead. Buyers get their money back.`
              : `The project “${d.projectTitle}” did not sell enough credits in time and does not go ahead. You get ${money(d.refundCents, lang)} back.`,
          ],
          action: { label: 'See the project', url: projectPage(url, d.projectId) },
          after:
            d.audience === 'buyer'
              ? [
                  'The money goes back to the account or card you paid with. Your credits of this project lapse.',
                ]
              : [],
        },

  'outcome-report-due': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Stuur uw eindrapport: ${d.projectTitle}`,
          heading: 'Uw eindrapport is nu nodig',
          paragraphs: [
            greet(d.name, lang),
            `Het project „${d.projectTitle}” is op ${d.endDate} afgelopen. Stuur nu het eindrapport met de resultaten van het project.`,
          ],
          action: { label: 'Rapport maken', url: `${planPage(url, d.projectId)}/reports/new` },
          after: [
            'Na goedkeuring van het eindrapport wordt de rest van het geld aan u uitbetaald.',
          ],
        }
      : {
          subject: `Send your final report: ${d.projectTitle}`,
          heading: 'Your final report is due',
          paragraphs: [
            greet(d.name, lang),
            `The project “${d.projectTitle}” ended on ${d.endDate}. Now send the final report with the project's results.`,
          ],
          action: { label: 'Write the report', url: `${planPage(url, d.projectId)}/reports/new` },
          after: ['Once the final report is accepted, the rest of the money is paid out to you.'],
        },

  'outcome-report-returned': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Vragen over uw resultaatrapport: ${d.projectTitle}`,
          heading: 'Uw resultaatrapport is teruggestuurd',
          paragraphs: [
            greet(d.name, lang),
            `Het platformteam heeft vragen over uw resultaatrapport van het project „${d.projectTitle}”. Beantwoord de vragen en stuur het rapport opnieuw in.`,
          ],
          action: { label: 'Rapport bekijken', url: planPage(url, d.projectId) },
          after: [],
        }
      : {
          subject: `Questions about your outcome report: ${d.projectTitle}`,
          heading: 'Your outcome report was returned',
          paragraphs: [
            greet(d.name, lang),
            `The platform team has questions about your outcome report of the project “${d.projectTitle}”. Answer them and submit the report again.`,
          ],
          action: { label: 'See the report', url: planPage(url, d.projectId) },
          after: [],
        },

  'outcome-report-accepted': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Resultaatrapport goedgekeurd: ${d.projectTitle}`,
          heading: 'Het resultaatrapport is goedgekeurd',
          paragraphs: [
            greet(d.name, lang),
            `Het resultaatrapport van het project „${d.projectTitle}” is goedgekeurd.`,
            ...(d.final ? ['Dit was het eindrapport: het project is afgerond.'] : []),
          ],
          action: { label: 'Project bekijken', url: projectPage(url, d.projectId) },
          after: [],
        }
      : {
          subject: `Outcome report accepted: ${d.projectTitle}`,
          heading: 'The outcome report is accepted',
          paragraphs: [
            greet(d.name, lang),
            `The outcome report of the project “${d.projectTitle}” is accepted.`,
            ...(d.final ? ['This was the final report: the project is completed.'] : []),
          ],
          action: { label: 'See the project', url: projectPage(url, d.projectId) },
          after: [],
        },

  'payout-approved': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Uitbetaling goedgekeurd: ${d.projectTitle}`,
          heading: 'Uw uitbetaling is goedgekeurd',
          paragraphs: [
            greet(d.name, lang),
            `Het ${tranche(d.tranche, lang)} van het geld voor het project „${d.projectTitle}”, ${money(d.amountCents, lang)}, is goedgekeurd. Wij maken het binnenkort over.`,
          ],
          action: { label: 'Uitbetalingen bekijken', url: planPage(url, d.projectId) },
          after: [],
        }
      : {
          subject: `Payout approved: ${d.projectTitle}`,
          heading: 'Your payout is approved',
          paragraphs: [
            greet(d.name, lang),
            `The ${tranche(d.tranche, lang)} of the money for the project “${d.projectTitle}”, ${money(d.amountCents, lang)}, is approved. We will transfer it soon.`,
          ],
          action: { label: 'See the payouts', url: planPage(url, d.projectId) },
          after: [],
        },

  'payout-paid': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: `Uitbetaald: ${money(d.amountCents, lang)} voor ${d.projectTitle}`,
          heading: 'Het geld is overgemaakt',
          paragraphs: [
            greet(d.name, lang),
            `Wij hebben ${money(d.amountCents, lang)} overgemaakt, het ${tranche(d.tranche, lang)} van het geld voor het project „${d.projectTitle}”. Het kenmerk van de overboeking is ${d.bankReference}.`,
          ],
          action: { label: 'Uitbetalingen bekijken', url: planPage(url, d.projectId) },
          after: [],
        }
      : {
          subject: `Paid out: ${money(d.amountCents, lang)} for ${d.projectTitle}`,
          heading: 'The money has been transferred',
          paragraphs: [
            greet(d.name, lang),
            `We transferred ${money(d.amountCents, lang)}, the ${tranche(d.tranche, lang)} of the money for the project “${d.projectTitle}”. The transfer's reference is ${d.bankReference}.`,
          ],
          action: { label: 'See the payouts', url: planPage(url, d.projectId) },
          after: [],
        },

  'webhook-endpoint-disabled': (d, lang, url) =>
    lang === 'nl'
      ? {
          subject: 'Een webhook van uw organisatie staat uit',
          heading: 'Een webhook is uitgezet',
          paragraphs: [
            greet(d.name, lang),
            `Het adres ${d.url}${d.description ? ` (${d.description})` : ''} nam drie dagen lang onze berichten niet aan. Daarom hebben wij deze webhook uitgezet. Er gaan geen berichten meer naartoe.`,
            'Los het probleem bij de ontvanger op en zet de webhook daarna weer aan. Berichten die nog wachten, worden dan alsnog verstuurd.',
          ],
          action: { label: 'Webhooks bekijken', url: `${url}/webhooks` },
          after: [],
        }
      : {
          subject: 'A webhook of your organisation is switched off',
          heading: 'A webhook was switched off',
          paragraphs: [
            greet(d.name, lang),
            `The address ${d.url}${d.description ? ` (${d.description})` : ''} did not accept our messages for three days. So we switched this webhook off. No messages go there any more.`,
            'Fix the problem at the receiver, then switch the webhook on again. Messages still waiting are then sent after all.',
          ],
          action: { label: 'See the webhooks', url: `${url}/webhooks` },
          after: [],
        },
};

/** The notifications' footer: why the reader gets it, and where to switch optional ones off. */
export function notificationFooter(name: NotificationName, lang: Lang, publicUrl: string): string {
  const mandatory = MANDATORY_NOTIFICATIONS.includes(name);
  if (lang === 'nl')
    return mandatory
      ? 'U krijgt dit bericht van Impactbeurs omdat het over uw geld of uw verplichtingen gaat. Dit soort berichten krijgt u altijd.'
      : `U krijgt dit bericht van Impactbeurs omdat u een account heeft. Wilt u dit soort berichten niet meer? Zet ze uit op uw accountpagina: ${publicUrl}/account`;
  return mandatory
    ? 'You receive this message from Impactbeurs because it is about your money or your obligations. You always get messages like this.'
    : `You receive this message from Impactbeurs because you have an account. Don't want messages like this? Switch them off on your account page: ${publicUrl}/account`;
}
