import { formatDate, type Lang } from '../../lib/format.js';
import {
  NOTIFICATION_NAMES,
  notificationBuilders,
  notificationFooter,
  type NotificationData,
  type NotificationName,
} from './notification-templates.js';

/**
 * Every e-mail the platform writes, in Dutch (plain language, B1) and English. A template
 * turns the data recorded with the message into a subject, a plain-text part and an HTML
 * part. The HTML is simple and accessible: the language declared, one heading, short
 * paragraphs, a link whose text says where it goes (and the address written out, for
 * readers that show no links), no images, no layout tables, no colour that carries meaning.
 * Every link goes to the page of the web app where the reader acts.
 */

interface AccountTemplateData {
  invitation: {
    /** The organisation the invitee joins. */
    organisationName: string;
    role: string;
    /** The opaque invitation token (the link carries it in the fragment, never to a server log). */
    token: string;
    expiresAt: string;
  };
  'supplier-invitation': {
    supplierName: string;
    authorityName: string;
    contractReference: string;
    token: string;
    expiresAt: string;
  };
  'password-reset': {
    name: string;
    token: string;
    expiresAt: string;
  };
}

/** The data each template is written from: the account messages and the notifications. */
export type TemplateData = AccountTemplateData & NotificationData;

export type TemplateName = keyof TemplateData;
export const ACCOUNT_TEMPLATE_NAMES = [
  'invitation',
  'supplier-invitation',
  'password-reset',
] as const;
export const TEMPLATE_NAMES = [...ACCOUNT_TEMPLATE_NAMES, ...NOTIFICATION_NAMES] as const;

/** A document attached to a message, rendered when the message is sent (never queued as bytes). */
export type AttachmentRef =
  { kind: 'invoice'; orderId: string } | { kind: 'purchase-invoice'; purchaseId: string };

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** The documents a message carries: the invoice of an invoice order's or purchase's placed mail. */
export function attachmentRefs<K extends TemplateName>(
  template: K,
  data: TemplateData[K],
): AttachmentRef[] {
  if (template === 'order-placed') {
    const placed = data as TemplateData['order-placed'];
    if (placed.invoiceNumber !== null) return [{ kind: 'invoice', orderId: placed.orderId }];
  }
  if (template === 'purchase-placed') {
    const placed = data as TemplateData['purchase-placed'];
    if (placed.invoiceNumber !== null)
      return [{ kind: 'purchase-invoice', purchaseId: placed.purchaseId }];
  }
  return [];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Block {
  heading: string;
  paragraphs: string[];
  action: { label: string; url: string };
  after: string[];
}

const ROLE_NAMES: Record<Lang, Record<string, string>> = {
  nl: {
    admin: 'beheerder',
    reviewer: 'beoordelaar',
    member: 'lid',
    coordinator: 'coördinator',
    viewer: 'meelezer',
  },
  en: {
    admin: 'administrator',
    reviewer: 'reviewer',
    member: 'member',
    coordinator: 'coordinator',
    viewer: 'viewer',
  },
};

const SIGNATURE: Record<Lang, string> = {
  nl: 'Met vriendelijke groet,\nImpactbeurs',
  en: 'Kind regards,\nImpactbeurs',
};

const FOOTER: Record<Lang, string> = {
  nl: 'U krijgt dit bericht van Impactbeurs omdat iemand uw e-mailadres heeft gebruikt. Verwacht u dit bericht niet? Dan kunt u het negeren.',
  en: 'You receive this message from Impactbeurs because someone used your e-mail address. Not expecting it? Then you can ignore it.',
};

/** Dates in e-mails: the day and the time in the Netherlands, in words a reader knows. */
function when(iso: string, lang: Lang): string {
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
  return lang === 'nl'
    ? `${formatDate(date, lang)} om ${time}`
    : `${formatDate(date, lang)} at ${time}`;
}

type Builder<T> = (data: T, lang: Lang, publicUrl: string) => { subject: string; block: Block };

const builders: { [K in keyof AccountTemplateData]: Builder<AccountTemplateData[K]> } = {
  invitation: (data, lang, publicUrl) => {
    const url = `${publicUrl}/invitations/accept#token=${data.token}`;
    const role = ROLE_NAMES[lang][data.role] ?? data.role;
    return lang === 'nl'
      ? {
          subject: `Uitnodiging voor ${data.organisationName} op Impactbeurs`,
          block: {
            heading: 'U bent uitgenodigd',
            paragraphs: [
              `U bent uitgenodigd om als ${role} mee te doen met ${data.organisationName} op Impactbeurs.`,
              'Maak uw account aan met de link hieronder. U kiest daar zelf een wachtwoord.',
            ],
            action: { label: 'Account aanmaken', url },
            after: [`De link werkt één keer en is geldig tot ${when(data.expiresAt, lang)}.`],
          },
        }
      : {
          subject: `Invitation to join ${data.organisationName} on Impactbeurs`,
          block: {
            heading: 'You have been invited',
            paragraphs: [
              `You have been invited to join ${data.organisationName} on Impactbeurs as ${role}.`,
              'Create your account with the link below. You choose your own password there.',
            ],
            action: { label: 'Create your account', url },
            after: [`The link works once and is valid until ${when(data.expiresAt, lang)}.`],
          },
        };
  },

  'supplier-invitation': (data, lang, publicUrl) => {
    const url = `${publicUrl}/invitations/accept#token=${data.token}`;
    return lang === 'nl'
      ? {
          subject: `${data.authorityName} heeft ${data.supplierName} aangemeld op Impactbeurs`,
          block: {
            heading: 'Uw social-return verplichting op Impactbeurs',
            paragraphs: [
              `${data.authorityName} heeft ${data.supplierName} als opdrachtnemer genoemd in een contract met een social-return verplichting (kenmerk ${data.contractReference}).`,
              'Maak een account aan om die verplichting met credits in te vullen.',
            ],
            action: { label: 'Account aanmaken', url },
            after: [`De link werkt één keer en is geldig tot ${when(data.expiresAt, lang)}.`],
          },
        }
      : {
          subject: `${data.authorityName} registered ${data.supplierName} on Impactbeurs`,
          block: {
            heading: 'Your social-return obligation on Impactbeurs',
            paragraphs: [
              `${data.authorityName} named ${data.supplierName} as supplier in a contract with a social-return obligation (reference ${data.contractReference}).`,
              'Create an account to fill that obligation with credits.',
            ],
            action: { label: 'Create your account', url },
            after: [`The link works once and is valid until ${when(data.expiresAt, lang)}.`],
          },
        };
  },

  'password-reset': (data, lang, publicUrl) => {
    const url = `${publicUrl}/wachtwoord-herstellen#token=${data.token}`;
    return lang === 'nl'
      ? {
          subject: 'Nieuw wachtwoord instellen voor Impactbeurs',
          block: {
            heading: 'Nieuw wachtwoord instellen',
            paragraphs: [
              `Beste ${data.name},`,
              'Iemand heeft gevraagd om een nieuw wachtwoord voor uw account op Impactbeurs. Was u dat? Stel dan met de link hieronder een nieuw wachtwoord in.',
            ],
            action: { label: 'Nieuw wachtwoord instellen', url },
            after: [
              `De link werkt één keer en is geldig tot ${when(data.expiresAt, lang)}. Met het nieuwe wachtwoord bent u op alle apparaten uitgelogd. U logt dan opnieuw in.`,
              'Heeft u dit niet gevraagd? Dan hoeft u niets te doen: uw wachtwoord blijft hetzelfde.',
            ],
          },
        }
      : {
          subject: 'Set a new password for Impactbeurs',
          block: {
            heading: 'Set a new password',
            paragraphs: [
              `Dear ${data.name},`,
              'Someone asked for a new password for your Impactbeurs account. Was that you? Then set a new password with the link below.',
            ],
            action: { label: 'Set a new password', url },
            after: [
              `The link works once and is valid until ${when(data.expiresAt, lang)}. Afterwards you are signed out everywhere and sign in again.`,
              'Did you not ask for this? Then you need not do anything: your password stays the same.',
            ],
          },
        };
  },
};

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function toText(block: Block, lang: Lang, footer = FOOTER[lang]): string {
  return [
    block.heading,
    '',
    ...block.paragraphs.flatMap((p) => [p, '']),
    `${block.action.label}:`,
    block.action.url,
    '',
    ...block.after.flatMap((p) => [p, '']),
    SIGNATURE[lang],
    '',
    '--',
    footer,
    '',
  ].join('\n');
}

function toHtml(subject: string, block: Block, lang: Lang, footer = FOOTER[lang]): string {
  const paragraph = (text: string) => `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
  const url = escapeHtml(block.action.url);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff;">
<main style="max-width:600px;">
<h1 style="font-size:24px;line-height:1.3;">${escapeHtml(block.heading)}</h1>
${block.paragraphs.map(paragraph).join('\n')}
<p><a href="${url}" style="color:#0b5394;font-weight:bold;text-decoration:underline;">${escapeHtml(block.action.label)}</a></p>
<p>${lang === 'nl' ? 'Werkt de link niet? Kopieer dan dit adres in uw browser:' : 'Link not working? Copy this address into your browser:'}<br>${url}</p>
${block.after.map(paragraph).join('\n')}
${paragraph(SIGNATURE[lang])}
</main>
<footer style="max-width:600px;margin-top:32px;font-size:14px;color:#4d4d4d;">
${paragraph(footer)}
</footer>
</body>
</html>
`;
}

export function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(name);
}

function isNotification(name: TemplateName): name is NotificationName {
  return (NOTIFICATION_NAMES as readonly string[]).includes(name);
}

/** Renders a recorded message; its data was checked when it was queued. */
export function renderTemplate<K extends TemplateName>(
  template: K,
  data: TemplateData[K],
  lang: Lang,
  publicUrl: string,
): RenderedMail {
  if (isNotification(template)) {
    const { subject, ...block } = (
      notificationBuilders[template] as (
        d: TemplateData[K],
        l: Lang,
        u: string,
      ) => Block & { subject: string }
    )(data, lang, publicUrl);
    const footer = notificationFooter(template, lang, publicUrl);
    return {
      subject,
      text: toText(block, lang, footer),
      html: toHtml(subject, block, lang, footer),
    };
  }
  const { subject, block } = (
    builders[template as keyof AccountTemplateData] as unknown as Builder<TemplateData[K]>
  )(data, lang, publicUrl);
  return { subject, text: toText(block, lang), html: toHtml(subject, block, lang) };
}
