/**
 * Money, number and date formatting for documents and pages a person reads (certificates,
 * invoices, the verification page). Dutch by default, English on request.
 *
 * Amounts stay integer cents until the very last step: they are handed to Intl as exact
 * decimal strings, never divided as floats.
 */

export type Lang = 'nl' | 'en';

export const LANGS: readonly Lang[] = ['nl', 'en'];

/** Dates on documents are Dutch calendar dates, whatever the server's time zone. */
export const DOCUMENT_TIME_ZONE = 'Europe/Amsterdam';

// en-GB rather than en-US: day-month-year order, as a Dutch reader expects in English too.
const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

const moneyFormats = new Map<string, Intl.NumberFormat>();
const integerFormats = new Map<Lang, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Cents as an exact decimal string ("-1234.05"), so no float ever touches an amount. */
export function centsToDecimalString(cents: number | bigint): string {
  const value = toBigIntCents(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/**
 * `€ 1.234,56` (nl: a non-breaking space after €, decimal comma) or `€1,234.56` (en).
 * Negative amounts (credit notes): `€ -1.234,56` / `-€1,234.56`.
 */
export function formatMoney(cents: number | bigint, lang: Lang, currency = 'EUR'): string {
  const key = `${lang}:${currency}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(centsToDecimalString(cents) as Intl.StringNumericLiteral);
}

/** Whole numbers with the language's grouping: `12.500` (nl), `12,500` (en). */
export function formatInteger(value: number, lang: Lang): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  let format = integerFormats.get(lang);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 });
    integerFormats.set(lang, format);
  }
  return format.format(value);
}

/** `22 november 2026` (nl) or `22 November 2026` (en), as a date in the Netherlands. */
export function formatDate(date: Date, lang: Lang, timeZone = DOCUMENT_TIME_ZONE): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid date');
  const key = `${lang}:${timeZone}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/** VAT rate in basis points as a percentage: 2100 → `21%`, 950 → `9,5%` (nl) / `9.5%` (en). */
export function formatPercentFromBasisPoints(basisPoints: number, lang: Lang): string {
  if (!Number.isSafeInteger(basisPoints))
    throw new RangeError(`not a safe integer: ${basisPoints}`);
  const whole = Math.trunc(basisPoints / 100);
  const fraction = Math.abs(basisPoints % 100);
  const decimals =
    fraction === 0
      ? ''
      : `${lang === 'nl' ? ',' : '.'}${fraction.toString().padStart(2, '0').replace(/0$/, '')}`;
  return `${whole}${decimals}%`;
}

function toBigIntCents(cents: number | bigint): bigint {
  if (typeof cents === 'bigint') return cents;
  if (!Number.isSafeInteger(cents))
    throw new RangeError(`amount in cents must be a safe integer, got ${cents}`);
  return BigInt(cents);
}

const isoDateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) it is in the Netherlands at `date`: "has the contract ended?" is asked in Dutch days. */
export function calendarDate(date: Date, timeZone = DOCUMENT_TIME_ZONE): string {
  let format = isoDateFormats.get(timeZone);
  if (format === undefined) {
    // en-CA writes dates as YYYY-MM-DD
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    isoDateFormats.set(timeZone, format);
  }
  return format.format(date);
}
