/**
 * Looks for obvious personal identifiers in free text (a report's narrative, a story).
 * Reports hold counts only; the structured fields cannot carry a person (strict schemas),
 * and this catches what a careless copy-paste would put in the prose: e-mail addresses,
 * phone numbers, BSNs (nine digits that pass the eleven test), IBANs, postcodes and
 * street addresses, and dates of birth. Names cannot be told from ordinary words by a
 * pattern; stories therefore also need the consent flag and an admin's acceptance.
 *
 * Each pattern is narrow on purpose, so ordinary prose (years, amounts, counts,
 * percentages, "in maart 2026") passes.
 */

export interface PersonalDataFinding {
  kind: 'email' | 'phone' | 'bsn' | 'iban' | 'postcode' | 'street_address' | 'date_of_birth';
  /** What matched, masked: the finding is reported back without repeating the identifier. */
  masked: string;
}

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;
// +31 6 12345678, 06-12345678, 010 123 4567, 0031 10 1234567: a Dutch number of 10 digits from the leading 0.
const PHONE = /(?<![\d+])(?:\+31|0031|0)[\s-]?(?:\(0\)[\s-]?)?[1-9](?:[\s-]?\d){8}(?!\d)/g;
const NINE_DIGITS =
  /(?<![\d.,])(\d{4})[.\s]?(\d{2})[.\s]?(\d{3})(?![\d,]|\.\d)|(?<![\d.,])(\d{9})(?![\d,]|\.\d)/g;
const IBAN = /\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d{4}){2}\s?\d{2}\b/g;
// 1234 AB; SA, SD and SS are not used as postcode letters.
const POSTCODE = /\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b/g;
const STREET =
  /\b[A-Z][a-zà-ÿ]+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|steeg|pad)\s+\d{1,4}[a-zA-Z]?\b/g;
const MONTHS =
  '(?:jan(?:uari)?|feb(?:ruari)?|maart|mrt|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|january|february|march|may|june|july|august|october|december)';
const FULL_DATE = new RegExp(
  `\\b(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})\\b|\\b(\\d{1,2})\\s+${MONTHS}\\s+(\\d{4})\\b`,
  'gi',
);
const BIRTH_WORDS = /(geboren|geb\.|geboortedatum|date of birth|born|dob)\W{0,3}$/i;

/** The eleven test (elfproef) that every BSN passes. */
export function passesElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
  let total = 0;
  for (let i = 0; i < 8; i++) total += Number(digits[i]) * (9 - i);
  total -= Number(digits[8]);
  return total % 11 === 0;
}

function mask(value: string): string {
  const trimmed = value.trim();
  return trimmed.length <= 2
    ? '**'
    : `${trimmed[0]}${'*'.repeat(Math.min(trimmed.length - 2, 12))}${trimmed[trimmed.length - 1]}`;
}

/** Findings in one text, in order of appearance; empty when the text looks clean. */
export function findPersonalData(text: string, now: Date = new Date()): PersonalDataFinding[] {
  const findings: { index: number; finding: PersonalDataFinding }[] = [];
  const add = (kind: PersonalDataFinding['kind'], match: RegExpMatchArray) =>
    findings.push({ index: match.index ?? 0, finding: { kind, masked: mask(match[0]) } });

  for (const match of text.matchAll(EMAIL)) add('email', match);
  for (const match of text.matchAll(PHONE)) add('phone', match);
  for (const match of text.matchAll(NINE_DIGITS)) {
    const digits = match[4] ?? `${match[1]}${match[2]}${match[3]}`;
    if (passesElevenTest(digits)) add('bsn', match);
  }
  for (const match of text.matchAll(IBAN)) add('iban', match);
  for (const match of text.matchAll(POSTCODE)) add('postcode', match);
  for (const match of text.matchAll(STREET)) add('street_address', match);
  // A full date is a date of birth when the text says so, or when it lies so far back
  // (over 14 years) that it cannot be an event of a running project.
  const oldestEventYear = now.getUTCFullYear() - 14;
  for (const match of text.matchAll(FULL_DATE)) {
    const year = Number(match[3] ?? match[5]);
    const before = text.slice(Math.max(0, (match.index ?? 0) - 20), match.index ?? 0);
    if (BIRTH_WORDS.test(before) || (year >= 1900 && year <= oldestEventYear))
      add('date_of_birth', match);
  }
  return findings.sort((a, b) => a.index - b.index).map((f) => f.finding);
}
