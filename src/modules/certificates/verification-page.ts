import type { CertificatePublicReason } from '../../db/types.js';
import { requestLanguage } from '../../lib/language.js';
import {
  DOCUMENT_TIME_ZONE,
  formatDate,
  formatInteger,
  formatMoney,
  type Lang,
} from '../../lib/format.js';
import { serialRange } from './certificate-pdf.js';
import type { Verification } from './certificates.schemas.js';

/**
 * The page a coordinator lands on after scanning a certificate's QR code: a clear banner,
 * the facts, Dutch with an English switch, in the web app's frame (skip link, header with
 * the main menu, footer) and look. No scripts. With a built app the page links the app's
 * own hashed stylesheets (NL Design System, tokens, theme, `.ib-verification` rules in
 * web/src/app/layout.css) and is served under the app's strict CSP; without a build (the
 * API alone) it carries a small inline stylesheet instead. Every value HTML-escaped.
 *
 * The status never rests on colour alone: the banner carries a symbol and the status in
 * words, and its border differs per status, so a black-and-white print still says whether
 * the certificate is valid. What is shown about a certificate that is not valid comes from a
 * fixed, translated list of public reasons with the date; internal notes never reach this page.
 */

type Status = Verification['status'];

interface PageTexts {
  title: string;
  banner: Record<Status, string>;
  explain: Record<Status, string>;
  /** Spoken and printed beside the banner's symbol. */
  statusWord: Record<Status | 'unknown', string>;
  reason: Record<CertificatePublicReason, string>;
  since(date: string): string;
  notFound: string;
  notFoundExplain(code: string): string;
  notFoundAdvice: string[];
  number: string;
  supplier: string;
  supplierNow(name: string): string;
  kvk: string;
  kvkNow(kvk: string): string;
  project: string;
  initiative: string;
  credits: string;
  creditsRemaining: string;
  cannotBeUsed: Record<Exclude<Status, 'active'>, string>;
  serials: string;
  countedToward: string;
  countedTowardNone: string;
  claim(p: {
    authority: string;
    contract: string;
    reference: string;
    credits: string;
    value: string;
    date: string;
  }): string;
  tenderNed(reference: string): string;
  value: string;
  issued: string;
  checkedAt(time: string): string;
  switchLabel: string;
  /** The app's frame; the same words as web/src/i18n (checked by a test). */
  frame: {
    skipLink: string;
    mainNav: string;
    nav: { home: string; projects: string; stories: string; stats: string; verify: string };
    footer: string;
    apiDocs: string;
    checkAnother: string;
  };
}

export const TEXTS: Record<Lang, PageTexts> = {
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
        'Dit certificaat telt niet mee zolang het is opgeschort. Het kan weer geldig worden.',
      revoked:
        'Dit certificaat is ingetrokken en is niet meer geldig. Het kan niet worden ingezet.',
    },
    statusWord: {
      active: 'Geldig',
      suspended: 'Opgeschort',
      revoked: 'Ingetrokken',
      unknown: 'Onbekend',
    },
    reason: {
      refunded: 'De betaling is terugbetaald.',
      funding_failed:
        'De financieringsronde van het project is mislukt; de betaling is teruggestort.',
      payment_disputed: 'Over de betaling loopt of liep een geschil.',
      withdrawn: 'Ingetrokken door het platform.',
    },
    since: (date) => `Sinds ${date}.`,
    notFound: 'Onbekend certificaat',
    notFoundExplain: (code) =>
      `Er is geen certificaat met verificatiecode ${code} uitgegeven door Impactbeurs.`,
    notFoundAdvice: [
      'Controleer of de code precies zo is overgenomen als op het certificaat staat, of scan de QR-code opnieuw.',
      'Klopt de code? Neem dan geen genoegen met het certificaat: vraag de leverancier om het originele certificaat en meld het aan Impactbeurs.',
    ],
    number: 'Certificaatnummer',
    supplier: 'Leverancier (bij uitgifte)',
    supplierNow: (name) => `nu: ${name}`,
    kvk: 'KvK-nummer (bij uitgifte)',
    kvkNow: (kvk) => `nu: ${kvk}`,
    project: 'Project',
    initiative: 'Initiatief',
    credits: 'Aantal credits',
    creditsRemaining: 'Nog in te zetten credits',
    cannotBeUsed: {
      suspended: 'Kan nu niet worden ingezet (opgeschort)',
      revoked: 'Kan niet worden ingezet (ingetrokken)',
    },
    serials: 'Serienummers',
    countedToward: 'Ingezet voor',
    countedTowardNone: 'Nog niet ingezet voor een social-returnverplichting',
    claim: (p) =>
      `${p.authority} — ${p.contract} (kenmerk ${p.reference}): ${p.credits} credits, ${p.value}, goedgekeurd op ${p.date}`,
    tenderNed: (reference) => `TenderNed-publicatie ${reference}`,
    value: 'Waarde',
    issued: 'Uitgegeven op',
    checkedAt: (time) => `Gecontroleerd op ${time}`,
    switchLabel: 'English',
    frame: {
      skipLink: 'Naar de inhoud',
      mainNav: 'Hoofdmenu',
      nav: {
        home: 'Home',
        projects: 'Projecten',
        stories: 'Verhalen',
        stats: 'Cijfers',
        verify: 'Certificaat controleren',
      },
      footer: 'Impactbeurs is open-source software (EUPL-1.2). Sociale impact, eerlijk geteld.',
      apiDocs: 'API-documentatie',
      checkAnother: 'Een ander certificaat controleren',
    },
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
        'This certificate does not count while it is suspended. It may become valid again.',
      revoked: 'This certificate has been revoked and is no longer valid. It cannot be used.',
    },
    statusWord: {
      active: 'Valid',
      suspended: 'Suspended',
      revoked: 'Revoked',
      unknown: 'Unknown',
    },
    reason: {
      refunded: 'The payment was refunded.',
      funding_failed: 'The project’s funding round failed; the payment was returned.',
      payment_disputed: 'The payment is or was disputed.',
      withdrawn: 'Withdrawn by the platform.',
    },
    since: (date) => `Since ${date}.`,
    notFound: 'Unknown certificate',
    notFoundExplain: (code) =>
      `Impactbeurs has issued no certificate with verification code ${code}.`,
    notFoundAdvice: [
      'Check that the code was copied exactly as printed on the certificate, or scan the QR code again.',
      'If the code is right, do not accept the certificate: ask the supplier for the original certificate and report it to Impactbeurs.',
    ],
    number: 'Certificate number',
    supplier: 'Supplier (at issue)',
    supplierNow: (name) => `now: ${name}`,
    kvk: 'Chamber of Commerce number (at issue)',
    kvkNow: (kvk) => `now: ${kvk}`,
    project: 'Project',
    initiative: 'Initiative',
    credits: 'Credits',
    creditsRemaining: 'Credits still available',
    cannotBeUsed: {
      suspended: 'Cannot be used now (suspended)',
      revoked: 'Cannot be used (revoked)',
    },
    serials: 'Serial numbers',
    countedToward: 'Counted toward',
    countedTowardNone: 'Not yet counted toward a social-return obligation',
    claim: (p) =>
      `${p.authority} — ${p.contract} (reference ${p.reference}): ${p.credits} credits, ${p.value}, approved on ${p.date}`,
    tenderNed: (reference) => `TenderNed publication ${reference}`,
    value: 'Value',
    issued: 'Issued on',
    checkedAt: (time) => `Checked on ${time}`,
    switchLabel: 'Nederlands',
    frame: {
      skipLink: 'Skip to content',
      mainNav: 'Main menu',
      nav: {
        home: 'Home',
        projects: 'Projects',
        stories: 'Stories',
        stats: 'Figures',
        verify: 'Check a certificate',
      },
      footer: 'Impactbeurs is open-source software (EUPL-1.2). Social impact, fairly counted.',
      apiDocs: 'API documentation',
      checkAnother: 'Check another certificate',
    },
  },
};

/**
 * A symbol per status; the banner's colour and border style per status are in the
 * stylesheet (`.ib-verification__banner--<status>`): any one of them tells the status apart.
 */
const LOOK = {
  active: { symbol: '✓' },
  suspended: { symbol: '!' },
  revoked: { symbol: '✗' },
  unknown: { symbol: '?' },
} as const;

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const timeFormats = new Map<Lang, Intl.DateTimeFormat>();

/** `4 december 2026 om 17:05 (Nederlandse tijd)`-like: date and time in the Netherlands. */
function formatCheckedAt(at: Date, lang: Lang): string {
  let format = timeFormats.get(lang);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
      timeZone: DOCUMENT_TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    timeFormats.set(lang, format);
  }
  return `${formatDate(at, lang)}, ${format.format(at)}`;
}

/** The page's language: ?lang= if given, else the first of Accept-Language we speak, else Dutch. */
export function pageLanguage(query: Lang | undefined, acceptLanguage: string | undefined): Lang {
  return requestLanguage(query, acceptLanguage);
}

/** Without a built app (the API alone): the essentials, inline (the API's CSP allows it). */
const FALLBACK_STYLE = `body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f6f6f6;line-height:1.45}
.ib-header,.ib-footer,main{padding:1rem}.ib-header ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0}
.ib-footer{background:#074a35;color:#fff}.ib-footer a{color:#fff}
.ib-verification__banner{display:flex;gap:1rem;color:#fff;border:.3rem solid #1a1a1a;border-radius:.5rem;padding:1rem 1.25rem}
.ib-verification__banner--active{background:#1b7f3b}.ib-verification__banner--suspended{background:#8a5300;border-style:dashed}
.ib-verification__banner--revoked{background:#b3261e;border-style:double}.ib-verification__banner--unknown{background:#555;border-style:dotted}
.ib-verification__facts dd{margin:0 0 .75rem;overflow-wrap:anywhere}
@media print{.ib-header,.ib-footer{display:none}.ib-verification__banner{color:#000;background:#fff}}`;

const NAV = [
  ['/', 'home'],
  ['/projects', 'projects'],
  ['/stories', 'stories'],
  ['/statistics', 'stats'],
  ['/verify', 'verify'],
] as const;

function page(
  lang: Lang,
  code: string,
  body: string,
  checkedAt: Date,
  stylesheets: readonly string[],
): string {
  const t = TEXTS[lang];
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  const switchHref = `/verify/${encodeURIComponent(code)}?lang=${other}`;
  const styles =
    stylesheets.length > 0
      ? stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')
      : `<style>${FALLBACK_STYLE}</style>`;
  const nav = NAV.map(
    ([href, key]) =>
      `<li><a class="utrecht-link" href="${href}"${key === 'verify' ? ' aria-current="page"' : ''}>${escapeHtml(t.frame.nav[key])}</a></li>`,
  ).join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(t.title)} | Impactbeurs</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${styles}
</head>
<body class="utrecht-theme impactbeurs-theme">
<div class="utrecht-document utrecht-document--surface">
<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">${escapeHtml(t.frame.skipLink)}</a>
<header class="utrecht-page-header ib-header">
<div class="utrecht-page ib-header__bar">
<a class="utrecht-link ib-logo" href="/">Impactbeurs</a>
<nav class="ib-nav" aria-label="${escapeHtml(t.frame.mainNav)}"><ul>${nav}</ul></nav>
<a class="utrecht-link ib-verification__switch" href="${escapeHtml(switchHref)}" hreflang="${other}" lang="${other}">${escapeHtml(t.switchLabel)}</a>
</div>
</header>
<main id="main" tabindex="-1" class="utrecht-page">
<div class="utrecht-page-content ib-verification">
${body}
<p class="utrecht-paragraph ib-verification__checked">${escapeHtml(t.checkedAt(formatCheckedAt(checkedAt, lang)))}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/verify">${escapeHtml(t.frame.checkAnother)}</a></p>
</div>
</main>
<footer class="utrecht-page-footer ib-footer">
<div class="utrecht-page">
<p class="utrecht-paragraph">${escapeHtml(t.frame.footer)}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/docs">${escapeHtml(t.frame.apiDocs)}</a></p>
</div>
</footer>
</div>
</body>
</html>
`;
}

function banner(
  lang: Lang,
  status: keyof typeof LOOK,
  heading: string,
  paragraphs: string[],
): string {
  const t = TEXTS[lang];
  return `<section class="ib-verification__banner ib-verification__banner--${status}" role="status"><span class="ib-verification__symbol" aria-hidden="true">${LOOK[status].symbol}</span><div><h1 class="utrecht-heading-1">${escapeHtml(`${t.statusWord[status]}: ${heading}`)}</h1>${paragraphs.map((p) => `<p class="utrecht-paragraph">${escapeHtml(p)}</p>`).join('')}</div></section>`;
}

export function renderVerificationPage(
  verification: Verification,
  code: string,
  lang: Lang,
  checkedAt: Date,
  stylesheets: readonly string[] = [],
): string {
  const t = TEXTS[lang];
  const status = verification.status;
  const row = (label: string, value: string, now?: string | null) =>
    `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}${now ? `<span class="ib-verification__now">${escapeHtml(now)}</span>` : ''}</dd>`;
  const explain = [t.explain[status]];
  if (status !== 'active') {
    if (verification.publicReason) explain.push(t.reason[verification.publicReason]);
    if (verification.statusChangedAt)
      explain.push(t.since(formatDate(new Date(verification.statusChangedAt), lang)));
  }
  const { supplier } = verification;
  const claims = verification.countedToward.map((claim) => ({
    tenderNed: claim.tenderNed,
    text: t.claim({
      authority: claim.authority.name,
      contract: claim.contractTitle,
      reference: claim.contractReference,
      credits: formatInteger(claim.credits, lang),
      value: formatMoney(claim.valueCents, lang, verification.currency),
      date: formatDate(new Date(claim.approvedAt), lang),
    }),
  }));
  const body = `${banner(lang, status, t.banner[status], explain)}
<dl class="ib-verification__facts">
${row(t.number, verification.number)}
${row(t.supplier, supplier.name, supplier.nameNow === null ? null : t.supplierNow(supplier.nameNow))}
${supplier.kvkNumber || supplier.kvkNumberNow ? row(t.kvk, supplier.kvkNumber ?? '–', supplier.kvkNumberNow === null ? null : t.kvkNow(supplier.kvkNumberNow)) : ''}
${row(t.project, verification.project.title)}
${row(t.initiative, verification.initiative.name)}
${row(t.credits, formatInteger(verification.credits, lang))}
${row(t.serials, serialRange(verification.serialStart, verification.serialEnd))}
${row(t.value, formatMoney(verification.valueCents, lang, verification.currency))}
${row(t.issued, formatDate(new Date(verification.issuedAt), lang))}
${row(
  t.creditsRemaining,
  status === 'active'
    ? formatInteger(verification.creditsRemaining ?? 0, lang)
    : t.cannotBeUsed[status],
)}
<dt>${escapeHtml(t.countedToward)}</dt><dd>${
    claims.length === 0
      ? escapeHtml(status === 'active' ? t.countedTowardNone : t.cannotBeUsed[status])
      : `<ul class="utrecht-unordered-list">${claims
          .map(
            (claim) =>
              `<li>${escapeHtml(claim.text)}${
                claim.tenderNed
                  ? ` — <a class="utrecht-link" href="${escapeHtml(claim.tenderNed.url)}">${escapeHtml(t.tenderNed(claim.tenderNed.reference))}</a>`
                  : ''
              }</li>`,
          )
          .join('')}</ul>`
  }</dd>
</dl>`;
  return page(lang, code, body, checkedAt, stylesheets);
}

export function renderNotFoundPage(
  code: string,
  lang: Lang,
  checkedAt: Date,
  stylesheets: readonly string[] = [],
): string {
  const t = TEXTS[lang];
  // The code as typed, shortened: it is echoed back, escaped, and never longer than a line.
  const shown = code.length > 80 ? `${code.slice(0, 79)}…` : code;
  return page(
    lang,
    code,
    banner(lang, 'unknown', t.notFound, [t.notFoundExplain(shown), ...t.notFoundAdvice]),
    checkedAt,
    stylesheets,
  );
}

/** The page's icon (also served as /favicon.ico, which browsers ask for unprompted). */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b6e4f"/><path d="M8 16.5l5 5 11-11" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></svg>
`;
