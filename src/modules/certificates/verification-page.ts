import { formatDate, formatInteger, formatMoney, type Lang } from '../../lib/format.js';
import { serialRange } from './certificate-pdf.js';
import type { Verification } from './certificates.schemas.js';

/**
 * The page a coordinator lands on after scanning a certificate's QR code: a clear banner,
 * the facts, Dutch with an English switch. No scripts; one inline <style> (the CSP allows
 * inline styles); every value HTML-escaped.
 */

const TEXTS = {
  nl: {
    title: 'Certificaat controleren',
    banner: {
      active: 'Geldig certificaat',
      suspended: 'Certificaat opgeschort',
      revoked: 'Certificaat ingetrokken',
    },
    explain: {
      active: 'Dit certificaat is uitgegeven door Impactbeurs en is geldig.',
      suspended:
        'Over de betaling van dit certificaat loopt een geschil. Het telt niet mee zolang het is opgeschort.',
      revoked: 'Dit certificaat is ingetrokken en is niet meer geldig.',
    },
    notFound: 'Onbekend certificaat',
    notFoundExplain: 'Er is geen certificaat met deze verificatiecode uitgegeven door Impactbeurs.',
    number: 'Certificaatnummer',
    supplier: 'Leverancier',
    kvk: 'KvK-nummer',
    project: 'Project',
    initiative: 'Initiatief',
    credits: 'Aantal credits',
    serials: 'Serienummers',
    countedToward: 'Ingezet voor',
    countedTowardNone: 'Nog niet ingezet voor een social-return verplichting',
    value: 'Waarde',
    issued: 'Uitgegeven op',
    switchLabel: 'English',
  },
  en: {
    title: 'Verify a certificate',
    banner: {
      active: 'Valid certificate',
      suspended: 'Certificate suspended',
      revoked: 'Certificate revoked',
    },
    explain: {
      active: 'This certificate was issued by Impactbeurs and is valid.',
      suspended:
        'The payment for this certificate is disputed. It does not count while it is suspended.',
      revoked: 'This certificate has been revoked and is no longer valid.',
    },
    notFound: 'Unknown certificate',
    notFoundExplain: 'Impactbeurs has issued no certificate with this verification code.',
    number: 'Certificate number',
    supplier: 'Supplier',
    kvk: 'Chamber of Commerce number',
    project: 'Project',
    initiative: 'Initiative',
    credits: 'Credits',
    serials: 'Serial numbers',
    countedToward: 'Counted toward',
    countedTowardNone: 'Not yet counted toward a social-return obligation',
    value: 'Value',
    issued: 'Issued on',
    switchLabel: 'Nederlands',
  },
} as const;

const COLORS = {
  active: '#1b7f3b',
  suspended: '#b26a00',
  revoked: '#b3261e',
  unknown: '#555555',
} as const;

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function page(lang: Lang, code: string, color: string, body: string): string {
  const t = TEXTS[lang];
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  const switchHref = `/verify/${encodeURIComponent(code)}${other === 'en' ? '?lang=en' : ''}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(t.title)} – Impactbeurs</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f6f6f6;line-height:1.45}
main{max-width:40rem;margin:0 auto;padding:1rem}
.banner{color:#fff;background:${color};border-radius:.5rem;padding:1rem 1.25rem;margin:1rem 0}
.banner h1{margin:0;font-size:1.5rem}
.banner p{margin:.5rem 0 0}
dl{background:#fff;border-radius:.5rem;padding:1rem 1.25rem;margin:0}
dt{font-size:.85rem;color:#555;margin-top:.75rem}
dt:first-child{margin-top:0}
dd{margin:0;font-size:1.05rem;overflow-wrap:anywhere}
nav{text-align:right}
a{color:#0b57d0}
</style>
</head>
<body>
<main>
<nav><a href="${escapeHtml(switchHref)}" hreflang="${other}" lang="${other}">${escapeHtml(t.switchLabel)}</a></nav>
${body}
</main>
</body>
</html>
`;
}

export function renderVerificationPage(
  verification: Verification,
  code: string,
  lang: Lang,
): string {
  const t = TEXTS[lang];
  const row = (label: string, value: string) =>
    `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
  const body = `<section class="banner" role="status"><h1>${escapeHtml(t.banner[verification.status])}</h1><p>${escapeHtml(t.explain[verification.status])}</p>${verification.statusReason ? `<p>${escapeHtml(verification.statusReason)}</p>` : ''}</section>
<dl>
${row(t.number, verification.number)}
${row(t.supplier, verification.supplier.name)}
${verification.supplier.kvkNumber ? row(t.kvk, verification.supplier.kvkNumber) : ''}
${row(t.project, verification.project.title)}
${row(t.initiative, verification.initiative.name)}
${row(t.credits, formatInteger(verification.credits, lang))}
${row(t.serials, serialRange(verification.serialStart, verification.serialEnd))}
${row(t.value, formatMoney(verification.valueCents, lang, verification.currency))}
${row(t.issued, formatDate(new Date(verification.issuedAt), lang))}
${row(
  t.countedToward,
  verification.countedToward.length === 0
    ? t.countedTowardNone
    : verification.countedToward
        .map(
          (claim) =>
            `${claim.authority.name} — ${claim.contractReference} (${formatInteger(claim.credits, lang)} credits)`,
        )
        .join('; '),
)}
</dl>`;
  return page(lang, code, COLORS[verification.status], body);
}

export function renderNotFoundPage(code: string, lang: Lang): string {
  const t = TEXTS[lang];
  return page(
    lang,
    code,
    COLORS.unknown,
    `<section class="banner" role="status"><h1>${escapeHtml(t.notFound)}</h1><p>${escapeHtml(t.notFoundExplain)}</p></section>`,
  );
}
