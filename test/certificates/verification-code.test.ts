import { describe, expect, it } from 'vitest';
import {
  decodeVerificationCode,
  encodeCrockford,
  isWellFormedCode,
  newVerificationCode,
  normalizeCode,
} from '../../src/modules/certificates/verification-code.js';

describe('verification codes', () => {
  const codes = Array.from({ length: 10_000 }, () => newVerificationCode());

  it('are 10 000 distinct, well-formed, URL-safe codes', () => {
    expect(new Set(codes).size).toBe(10_000);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(isWellFormedCode(code)).toBe(true);
      expect(encodeURIComponent(code)).toBe(code);
    }
  });

  it('carry 128 random bits: every bit of the 16 bytes varies, each about half the time', () => {
    const ones = new Array<number>(128).fill(0);
    for (const code of codes) {
      const bytes = decodeVerificationCode(code);
      expect(bytes).toHaveLength(16);
      expect(encodeCrockford(bytes)).toBe(code);
      for (let bit = 0; bit < 128; bit++) ones[bit]! += (bytes[bit >> 3]! >> (7 - (bit & 7))) & 1;
    }
    // Binomial(10 000, ½): 4 750 – 5 250 is more than ten standard deviations wide.
    for (const count of ones) {
      expect(count).toBeGreaterThan(4_750);
      expect(count).toBeLessThan(5_250);
    }
  });

  it('encode big-endian Crockford base32', () => {
    expect(encodeCrockford(new Uint8Array(16))).toBe('0'.repeat(26));
    expect(encodeCrockford(new Uint8Array(16).fill(0xff))).toBe(`7${'Z'.repeat(25)}`);
    expect(
      encodeCrockford(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32])),
    ).toBe(`${'0'.repeat(24)}10`);
  });

  it('tell well-formed codes from anything else', () => {
    const code = codes[0]!;
    expect(isWellFormedCode(code.toLowerCase())).toBe(code === code.toLowerCase());
    for (const bad of [
      '',
      code.slice(1),
      `${code}0`,
      `8${code.slice(1)}`,
      `${code.slice(0, 25)}I`,
      `${code.slice(0, 25)}L`,
      `${code.slice(0, 25)}O`,
      `${code.slice(0, 25)}U`,
      `${code.slice(0, 25)}-`,
      ` ${code.slice(1)}`,
    ]) {
      expect(isWellFormedCode(bad), bad).toBe(false);
    }
  });

  it('read a code as a person types it', () => {
    expect(normalizeCode('7zk3-m9q2-xw4h-t8bi-n6vr-pa5d-ce')).toBe('7ZK3M9Q2XW4HT8B1N6VRPA5DCE');
    expect(normalizeCode('7ZK3 M9Q2 XW4H T8BL N6VR PA5D CE')).toBe('7ZK3M9Q2XW4HT8B1N6VRPA5DCE');
    expect(normalizeCode('OZK3M9Q2XW4HT8B1N6VRPA5DCE')).toBe('0ZK3M9Q2XW4HT8B1N6VRPA5DCE');
    expect(normalizeCode('7ZK3M9Q2XW4HT8B1N6VRPA5DC')).toBeUndefined();
    expect(normalizeCode('7ZK3M9Q2XW4HT8B1N6VRPA5DCU')).toBeUndefined();
  });
});
