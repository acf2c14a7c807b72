import { randomBytes } from 'node:crypto';

/**
 * A certificate's verification code: the secret in its QR code and on its paper. Whoever
 * holds it can look the certificate up, so it must be unguessable: 16 random bytes
 * (128 bits), written as 26 characters of Crockford base32. That alphabet has no I, L, O
 * or U, so a code read off paper or over the phone is hard to get wrong, and it is
 * URL-safe as it stands.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_BYTES = 16;
export const VERIFICATION_CODE_LENGTH = 26; // ceil(128 / 5)

// 26 × 5 = 130 bits hold the 128, so the first character carries only 3 bits: 0–7.
const WELL_FORMED = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

export function newVerificationCode(): string {
  return encodeCrockford(randomBytes(VERIFICATION_CODE_BYTES));
}

/** Exactly what newVerificationCode produces: 26 upper-case Crockford characters. */
export function isWellFormedCode(code: string): boolean {
  return WELL_FORMED.test(code);
}

/** Spaces of any kind, and the hyphens and dashes word processors turn a `-` into. */
const SEPARATORS = /[\s\u00AD\u2010-\u2015\u2212-]/g;

/**
 * A code as a person may type it: lower case, with spaces or hyphens (or dashes) anywhere,
 * with O for 0 and I or L for 1 (Crockford's reading rules: the alphabet has none of the
 * three). Returns the canonical code, or undefined when what remains is not well formed.
 */
export function normalizeCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(SEPARATORS, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return isWellFormedCode(code) ? code : undefined;
}

/** Big-endian base32 of the bytes, most significant bits first, left-padded to whole characters. */
export function encodeCrockford(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  const length = Math.ceil((bytes.length * 8) / 5);
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}

/** The bytes behind a well-formed code (the inverse of encodeCrockford for 16 bytes). */
export function decodeVerificationCode(code: string): Uint8Array {
  if (!isWellFormedCode(code)) throw new RangeError('not a well-formed verification code');
  let value = 0n;
  for (const char of code) value = (value << 5n) | BigInt(ALPHABET.indexOf(char));
  const bytes = new Uint8Array(VERIFICATION_CODE_BYTES);
  for (let i = VERIFICATION_CODE_BYTES - 1; i >= 0; i--) {
    bytes[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return bytes;
}
