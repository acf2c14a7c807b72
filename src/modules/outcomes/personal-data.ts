/**
 * Looks for personal identifiers in free text (a report's narrative, a story). Reports
 * hold counts only; the structured fields cannot carry a person (strict schemas), and
 * this catches what a careless copy-paste would put in the prose: e-mail addresses (also
 * written out in words: "jan punt jansen at gmail punt com", "apenstaartje"), phone
 * numbers, BSNs (nine digits that pass the eleven test), IBANs, postcodes and street
 * addresses (also with the number in words), dates of birth, and a person's name with
 * an age ("Mohammed El Amrani (54)"). Those are refused.
 *
 * A name with a place ("Mohammed El Amrani uit Waddinxveen") cannot be told from an
 * organisation in a town by a pattern, so it is flagged, not refused: the platform team
 * sees every flag on the story before it decides to publish (Story.personalDataFlags).
 *
 * Each pattern is narrow on purpose, so ordinary prose (years, amounts, counts,
 * percentages, "in maart 2026") passes.
 */

export type PersonalDataKind =
  | 'email'
  | 'phone'
  | 'bsn'
  | 'iban'
  | 'postcode'
  | 'street_address'
  | 'date_of_birth'
  | 'name_with_age'
  | 'name_with_place';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** What matched, masked: the finding is reported back without repeating the identifier. */
  masked: string;
  /** refuse: the text is not accepted; flag: accepted, and shown to the platform team before it publishes. */
  severity: 'refuse' | 'flag';
}

const FLAG_ONLY: ReadonlySet<PersonalDataKind> = new Set(['name_with_place']);

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
// An e-mail address written out: "jan punt jansen at gmail punt com", "jan (at) example (dot) nl",
// "jan apenstaartje hotmail.com". The part after the at must end in a top-level domain.
const DOT_WORD = String.raw`(?:\.|\s+(?:punt|dot)\s+|\s*[([](?:punt|dot)[)\]]\s*)`;
const AT_WORD = String.raw`(?:\s*[([]at[)\]]\s*|\s+(?:at|apenstaartje|apestaartje|at-teken)\s+)`;
const EMAIL_WORDS = new RegExp(
  String.raw`\b[a-z0-9][\w-]*(?:${DOT_WORD}[a-z0-9][\w-]*)*${AT_WORD}[a-z0-9][\w-]*(?:${DOT_WORD}[a-z0-9][\w-]*)*${DOT_WORD}(?:nl|com|org|net|eu|be|de|info|nu|io)\b`,
  'gi',
);
// "apenstaartje" on its own is only ever said of an e-mail address.
const AT_SIGN_WORD = /\bape?n?staartje\b/gi;
const NUMBER_WORD =
  '(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)en)?(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)|honderd)';
const STREET_WORDS = new RegExp(
  `\\b[A-Z][a-zà-ÿ]+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|steeg|pad)\\s+(?:(?:nummer|nr\\.?|huisnummer)\\s+(?:een|${NUMBER_WORD})|${NUMBER_WORD})\\b`,
  'g',
);
// A person's name: a capitalised first name and one to three further capitalised words,
// with Dutch and Arabic name particles between them ("El Amrani", "van der Berg").
const PARTICLE = "(?:van|de|der|den|el|al|ter|ten|te|la|le|du|da|di|bin|ben|het|op|in 't)";
const FULL_NAME = `[A-Z][a-zà-ÿ]+(?:[\\s-]+(?:${PARTICLE}\\s+)*[A-Z][a-zà-ÿ'-]+){1,3}`;
const FIRST_NAME = `[A-Z][a-zà-ÿ]+`;
const AGE = String.raw`\(\s*\d{1,3}(?:\s*(?:jaar|jr\.?))?\s*\)`;
const NAME_WITH_AGE = new RegExp(
  `\\b(?:${FULL_NAME}\\s*${AGE}|${FIRST_NAME}\\s*(?:\\(\\s*\\d{1,3}\\s*(?:jaar|jr\\.?)\\s*\\)|,\\s*\\d{1,3}\\s*(?:jaar|jr\\.?)(?=\\W)))`,
  'g',
);
const NAME_WITH_PLACE = new RegExp(
  `\\b${FULL_NAME}\\s*(?:${AGE}\\s*)?,?\\s*(?:uit|van|in|te)\\s+[A-Z][a-zà-ÿ]+`,
  'g',
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
  const add = (kind: PersonalDataKind, match: RegExpMatchArray) =>
    findings.push({
      index: match.index ?? 0,
      finding: {
        kind,
        masked: mask(match[0]),
        severity: FLAG_ONLY.has(kind) ? 'flag' : 'refuse',
      },
    });

  for (const match of text.matchAll(EMAIL)) add('email', match);
  for (const match of text.matchAll(EMAIL_WORDS)) add('email', match);
  for (const match of text.matchAll(AT_SIGN_WORD)) add('email', match);
  for (const match of text.matchAll(STREET_WORDS)) add('street_address', match);
  for (const match of text.matchAll(NAME_WITH_AGE)) add('name_with_age', match);
  for (const match of text.matchAll(NAME_WITH_PLACE)) add('name_with_place', match);
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
