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

const NL_TIME_ZONE = 'Europe/Amsterdam';

/** How far Dutch wall-clock time is ahead of UTC at the instant `utcMs`, in milliseconds. */
function dutchOffsetMs(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: NL_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant a calendar day ("2026-12-07") begins in the Netherlands, as ISO 8601 in UTC;
 * with `end`, the instant the next day begins. Pages show times in Dutch time, so a date a
 * person types means a Dutch day, whatever time zone the browser is in. Undefined when
 * `day` is not a date.
 */
export function dutchDayBound(day: string | undefined, end = false): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnightAsUtc = Date.UTC(year, month - 1, date + (end ? 1 : 0));
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return undefined;
  // The offset at the guess can differ from the offset at the answer only across a DST
  // change; Dutch changes happen at 02:00/03:00, never at midnight, so one correction holds.
  const guess = midnightAsUtc - dutchOffsetMs(midnightAsUtc);
  return new Date(midnightAsUtc - dutchOffsetMs(guess)).toISOString();
}
