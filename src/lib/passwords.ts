import { hash, verify } from '@node-rs/argon2';
import { unprocessable } from './errors.js';

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

/** OWASP's minimum for argon2id: 19 MiB, two passes, one lane. */
const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Verifies against a throwaway hash, so that a login for an unknown email takes as long
 * as one for a known email and does not reveal which accounts exist.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing-only');
  await verifyPassword(await dummyHash, password);
}

/**
 * The password policy of NIST SP 800-63B (section 3.1.1.2): length first (the schemas hold
 * 12 to 256 characters), no composition rules, and a new password is refused when it is in
 * a list of passwords known from breaches or commonly chosen, or is a character or a short
 * run of characters repeated ("            ", "abcabcabcabc") or a plain sequence
 * ("abcdefghijkl", "987654321"). The list is `passwords-common` of
 * @zxcvbn-ts/language-common (the most common passwords from breach corpora), loaded on
 * first use.
 */
export type PasswordProblem = 'PASSWORD.TOO_COMMON' | 'PASSWORD.TOO_REPETITIVE';

let commonPasswords: Promise<Set<string>> | undefined;
function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    (module) => new Set(module.dictionary['passwords-common'].map((word) => word.toLowerCase())),
  );
  return commonPasswords;
}

/** A unit of at most four characters repeated, or code points that only step up or down by one. */
export function isTriviallyRepetitive(password: string): boolean {
  const chars = [...password];
  for (let unit = 1; unit <= 4 && unit < chars.length; unit++) {
    if (chars.every((char, index) => char === chars[index % unit])) return true;
  }
  if (chars.length < 3) return false;
  const codes = chars.map((char) => char.codePointAt(0) ?? 0);
  const step = codes[1]! - codes[0]!;
  return (
    (step === 1 || step === -1) &&
    codes.every((code, i) => i === 0 || code - codes[i - 1]! === step)
  );
}

/** The first rule the password breaks, or undefined when it may be used. */
export async function passwordProblem(password: string): Promise<PasswordProblem | undefined> {
  if (isTriviallyRepetitive(password)) return 'PASSWORD.TOO_REPETITIVE';
  const common = await loadCommonPasswords();
  const lower = password.toLowerCase();
  // A common password with its last characters repeated or padded to reach the length
  // ("password1234") is found by its stem as well.
  const stem = lower.replace(/[0-9!?.]+$/, '');
  if (common.has(lower) || (stem.length >= 6 && common.has(stem))) return 'PASSWORD.TOO_COMMON';
  return undefined;
}

const PROBLEM_TEXT: Record<PasswordProblem, string> = {
  'PASSWORD.TOO_COMMON': 'is a commonly used or breached password',
  'PASSWORD.TOO_REPETITIVE': 'is a repeated character, a repeated short run or a plain sequence',
};

/** Refuses a new password the policy does not allow, as a field error at `path` (e.g. body.password). */
export async function assertPasswordAllowed(password: string, path: string): Promise<void> {
  const problem = await passwordProblem(password);
  if (problem)
    throw unprocessable(problem, `The new password ${PROBLEM_TEXT[problem]}`, {
      errors: [{ path, message: PROBLEM_TEXT[problem] }],
    });
}
