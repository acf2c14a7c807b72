/**
 * Amounts come from the API in integer cents; people read euros. Dates are shown for nl-NL
 * (or en-GB when the user chose English). Every figure on a page goes through here.
 */
export type Lang = 'nl' | 'en';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'nl-NL');

export function formatEuros(cents: number, lang: Lang, options: { whole?: boolean } = {}): string {
  const whole = options.whole ?? false;
  return new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(cents / 100);
}

export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale(lang), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

/** A percentage from basis points (10 000 = 100 %). */
export function formatBasisPoints(basisPoints: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 2 }).format(
    basisPoints / 10_000,
  );
}

/**
 * Verification codes are printed in groups with dashes; people type them in any case, with
 * spaces or dashes. The API accepts all of that; the page normalises too, so the URL is clean.
 */
export function normaliseVerificationCode(input: string): string {
  // Crockford's reading rules, as the API applies them: O reads as 0, I and L as 1.
  return input
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** A moment with its time of day, in the Netherlands' time zone. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}
