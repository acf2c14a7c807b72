import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compactVerify, createLocalJWKSet } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import {
  type CertificateFacts,
  createCertificateSigner,
  generateSigningJwk,
  jwks,
  loadSigningKeys,
  publicJwkOf,
  signCertificate,
  signingKeysFromJwks,
  verifyCertificateJws,
} from '../../src/modules/certificates/signing.js';

const ISSUER = 'https://impactbeurs.example';

const FACTS: CertificateFacts = {
  number: 'IB-2026-000123',
  verificationCode: '7ZK3M9Q2XW4HT8B1N6VRPA5DCE',
  supplier: { name: 'Bouwbedrijf De Vries & Zoën B.V.', kvkNumber: '12345678' },
  project: {
    id: '3f1d1c3e-5a7b-4d8e-9f00-1a2b3c4d5e6f',
    title: 'Werkervaringsplekken „Groen Doet Goed”',
  },
  initiative: { name: 'Stichting Groenkracht' },
  credits: 100,
  serialStart: 1001,
  serialEnd: 1100,
  valueCents: 380_000,
  currency: 'EUR',
  issuedAt: new Date('2026-11-22T09:30:00Z'),
};

const tmpDirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'impactbeurs-signing-'));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

/** The JWKS as an authority gets it: serialised and parsed, nothing shared with our objects. */
function published(keys: ReturnType<typeof signingKeysFromJwks>) {
  return JSON.parse(JSON.stringify(jwks(keys)));
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('certificate JWS', () => {
  const keys = signingKeysFromJwks(generateSigningJwk());

  it('signs the facts with EdDSA and the key id, and verifies against the published JWKS', async () => {
    const jws = await signCertificate(FACTS, keys, ISSUER);
    const [header, payload] = jws
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'EdDSA', kid: keys.currentKid, typ: 'ib-certificate+jws' });
    expect(payload).toEqual({
      iss: ISSUER,
      number: 'IB-2026-000123',
      verificationCode: '7ZK3M9Q2XW4HT8B1N6VRPA5DCE',
      supplier: { name: 'Bouwbedrijf De Vries & Zoën B.V.', kvkNumber: '12345678' },
      project: {
        id: '3f1d1c3e-5a7b-4d8e-9f00-1a2b3c4d5e6f',
        title: 'Werkervaringsplekken „Groen Doet Goed”',
      },
      initiative: { name: 'Stichting Groenkracht' },
      credits: 100,
      serialStart: 1001,
      serialEnd: 1100,
      valueCents: 380_000,
      currency: 'EUR',
      issuedAt: '2026-11-22T09:30:00.000Z',
    });

    const result = await verifyCertificateJws(jws, published(keys));
    expect(result).toEqual({ valid: true, kid: keys.currentKid, payload });
    expect(await verifyCertificateJws(jws, keys)).toEqual(result);
  });

  it('verifies offline with a generic JOSE library and nothing but the JWKS', async () => {
    const jws = await signCertificate(FACTS, keys, ISSUER);
    const { payload, protectedHeader } = await compactVerify(
      jws,
      createLocalJWKSet(published(keys)),
    );
    expect(protectedHeader.kid).toBe(keys.currentKid);
    expect(JSON.parse(new TextDecoder().decode(payload)).number).toBe('IB-2026-000123');
  });

  it('gives the same JWS for the same facts', async () => {
    expect(await signCertificate(FACTS, keys, ISSUER)).toBe(
      await signCertificate({ ...FACTS }, keys, ISSUER),
    );
  });

  it('refuses a changed payload', async () => {
    const [header, , signature] = (await signCertificate(FACTS, keys, ISSUER)).split('.');
    const inflated = {
      ...JSON.parse(
        Buffer.from(
          (await signCertificate(FACTS, keys, ISSUER)).split('.')[1]!,
          'base64url',
        ).toString(),
      ),
      valueCents: 3_800_000,
    };
    const result = await verifyCertificateJws(
      `${header}.${b64url(inflated)}.${signature}`,
      published(keys),
    );
    expect(result).toEqual({ valid: false, reason: 'bad_signature', kid: keys.currentKid });
  });

  it('refuses a changed signature', async () => {
    const jws = await signCertificate(FACTS, keys, ISSUER);
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const bytes = Buffer.from(signature, 'base64url');
    bytes[10] = bytes[10]! ^ 0x01;
    expect(
      await verifyCertificateJws(
        `${header}.${payload}.${bytes.toString('base64url')}`,
        published(keys),
      ),
    ).toEqual({
      valid: false,
      reason: 'bad_signature',
      kid: keys.currentKid,
    });
    // A signature from another key over the same header and payload
    const stranger = signingKeysFromJwks({ ...generateSigningJwk(), kid: keys.currentKid });
    const forged = await signCertificate(FACTS, stranger, ISSUER);
    expect(forged.split('.')[0]).toBe(header);
    expect(await verifyCertificateJws(forged, published(keys))).toMatchObject({
      valid: false,
      reason: 'bad_signature',
    });
  });

  it('refuses an unknown key id', async () => {
    const other = signingKeysFromJwks(generateSigningJwk());
    const jws = await signCertificate(FACTS, other, ISSUER);
    expect(await verifyCertificateJws(jws, published(keys))).toEqual({
      valid: false,
      reason: 'unknown_kid',
      kid: other.currentKid,
    });
    expect(await verifyCertificateJws(jws, keys)).toEqual({
      valid: false,
      reason: 'unknown_kid',
      kid: other.currentKid,
    });

    // Pointing a valid JWS at another kid breaks it too (the header is signed).
    const [, payload, signature] = (await signCertificate(FACTS, keys, ISSUER)).split('.');
    const renamed = `${b64url({ alg: 'EdDSA', kid: 'no-such-key', typ: 'ib-certificate+jws' })}.${payload}.${signature}`;
    expect(await verifyCertificateJws(renamed, keys)).toEqual({
      valid: false,
      reason: 'unknown_kid',
      kid: 'no-such-key',
    });
  });

  it('says what is wrong with malformed input, without throwing', async () => {
    const jws = await signCertificate(FACTS, keys, ISSUER);
    const [, payload, signature] = jws.split('.');
    for (const input of ['', 'abc', 'a.b', 'a.b.c', `${jws}.x`, `${jws}==`, 'x'.repeat(20_000)]) {
      expect(await verifyCertificateJws(input, keys), input.slice(0, 20)).toMatchObject({
        valid: false,
        reason: 'malformed',
      });
    }
    const none = `${b64url({ alg: 'none', kid: keys.currentKid, typ: 'ib-certificate+jws' })}.${payload}.${signature}`;
    expect(await verifyCertificateJws(none, keys)).toMatchObject({
      valid: false,
      reason: 'unsupported_algorithm',
    });
    const hs256 = `${b64url({ alg: 'HS256', kid: keys.currentKid, typ: 'ib-certificate+jws' })}.${payload}.${signature}`;
    expect(await verifyCertificateJws(hs256, keys)).toMatchObject({
      valid: false,
      reason: 'unsupported_algorithm',
    });
    // A well-signed JWS of another kind (no certificate typ) is not a certificate.
    expect(
      await verifyCertificateJws(
        `${b64url({ alg: 'EdDSA', kid: keys.currentKid })}.${payload}.${signature}`,
        keys,
      ),
    ).toMatchObject({
      valid: false,
    });
  });

  it('checks the issuer when asked', async () => {
    const signer = createCertificateSigner(keys, ISSUER);
    const jws = await signer.sign(FACTS);
    expect(await signer.verify(jws)).toMatchObject({ valid: true, kid: keys.currentKid });
    const elsewhere = createCertificateSigner(keys, 'https://elsewhere.example');
    expect(await elsewhere.verify(jws)).toEqual({
      valid: false,
      reason: 'wrong_issuer',
      kid: keys.currentKid,
    });
  });

  it('keeps old certificates verifiable after the key is rotated', async () => {
    const oldJwk = generateSigningJwk();
    const before = signingKeysFromJwks(oldJwk);
    const oldJws = await signCertificate(FACTS, before, ISSUER);

    // Rotate: a new current key, the old one's public half moved to the retired list.
    const newJwk = generateSigningJwk();
    const after = loadSigningKeys({
      nodeEnv: 'production',
      dataDir: freshDir(),
      signing: {
        privateJwk: JSON.stringify(newJwk),
        retiredPublicJwks: JSON.stringify([publicJwkOf(oldJwk)]),
      },
    });
    expect(after.currentKid).toBe(newJwk.kid);
    expect(published(after).keys.map((k: { kid: string }) => k.kid)).toEqual([
      newJwk.kid,
      oldJwk.kid,
    ]);

    expect(await verifyCertificateJws(oldJws, published(after))).toMatchObject({
      valid: true,
      kid: oldJwk.kid,
    });
    const newJws = await signCertificate(FACTS, after, ISSUER);
    expect(JSON.parse(Buffer.from(newJws.split('.')[0]!, 'base64url').toString()).kid).toBe(
      newJwk.kid,
    );
    expect(await verifyCertificateJws(newJws, published(after))).toMatchObject({
      valid: true,
      kid: newJwk.kid,
    });

    // Forgetting to retire the old key orphans its certificates: the test above can fail.
    const forgotten = signingKeysFromJwks(newJwk);
    expect(await verifyCertificateJws(oldJws, published(forgotten))).toMatchObject({
      valid: false,
      reason: 'unknown_kid',
    });
  });

  it('publishes only public members in the JWKS', () => {
    const privateJwk = generateSigningJwk();
    const retired = generateSigningJwk();
    const withRetired = signingKeysFromJwks(privateJwk, [publicJwkOf(retired)]);
    const document = jwks(withRetired);
    const json = JSON.stringify(document);
    expect(json).not.toContain('"d"');
    expect(json).not.toContain(privateJwk.d);
    expect(json).not.toContain(retired.d);
    for (const key of document.keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    }
    expect(document.keys.map((k) => k.x)).toEqual([privateJwk.x, retired.x]);
    // The bound signer hands out copies: a caller cannot add members to our document.
    const signer = createCertificateSigner(withRetired, ISSUER);
    (signer.jwks().keys[0] as unknown as Record<string, unknown>).d = 'leak';
    expect(JSON.stringify(signer.jwks())).not.toContain('leak');
  });
});

describe('loadSigningKeys', () => {
  it('outside production, generates a key once into DATA_DIR/signing-keys.json (mode 0600) and reuses it', () => {
    const dataDir = path.join(freshDir(), 'nested');
    const first = loadSigningKeys({
      nodeEnv: 'development',
      dataDir,
      signing: { privateJwk: undefined, retiredPublicJwks: undefined },
    });
    const file = path.join(dataDir, 'signing-keys.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: first.currentKid });
    expect(typeof stored.d).toBe('string');

    const second = loadSigningKeys({
      nodeEnv: 'development',
      dataDir,
      signing: { privateJwk: undefined, retiredPublicJwks: undefined },
    });
    expect(second.currentKid).toBe(first.currentKid);
    expect(jwks(second)).toEqual(jwks(first));

    const elsewhere = loadSigningKeys({
      nodeEnv: 'test',
      dataDir: freshDir(),
      signing: { privateJwk: undefined, retiredPublicJwks: undefined },
    });
    expect(elsewhere.currentKid).not.toBe(first.currentKid);
  });

  it('takes the key from configuration when given, and writes no file', async () => {
    const dataDir = freshDir();
    const jwk = generateSigningJwk();
    const config = loadConfig({
      NODE_ENV: 'development',
      JWT_SECRET: 'a-test-secret-of-at-least-thirty-two-chars',
      DATA_DIR: dataDir,
      SIGNING_PRIVATE_KEY: JSON.stringify({ ...jwk, kid: '2026-11' }),
    });
    const keys = loadSigningKeys(config);
    expect(keys.currentKid).toBe('2026-11');
    expect(() => statSync(path.join(dataDir, 'signing-keys.json'))).toThrow();
    const jws = await signCertificate(FACTS, keys, config.publicUrl);
    expect(
      await verifyCertificateJws(jws, published(keys), { issuer: 'http://localhost:3000' }),
    ).toMatchObject({ valid: true, kid: '2026-11' });
  });

  it('uses the RFC 7638 thumbprint as kid when the JWK has none', () => {
    const { kid, ...withoutKid } = generateSigningJwk();
    expect(signingKeysFromJwks(withoutKid).currentKid).toBe(kid);
    // RFC 8037 appendix A.3: the thumbprint of its example Ed25519 key
    expect(publicJwkOf({ x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }).kid).toBe(
      'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k',
    );
  });

  it('refuses to run production without a configured key, and unusable keys anywhere', () => {
    const none = { privateJwk: undefined, retiredPublicJwks: undefined };
    const dataDir = freshDir();
    expect(() => loadSigningKeys({ nodeEnv: 'production', dataDir, signing: none })).toThrow(
      /SIGNING_PRIVATE_KEY: required/,
    );
    expect(() => statSync(path.join(dataDir, 'signing-keys.json'))).toThrow();

    const load = (privateJwk: string, retiredPublicJwks?: string) =>
      loadSigningKeys({
        nodeEnv: 'development',
        dataDir,
        signing: { privateJwk, retiredPublicJwks },
      });
    const jwk = generateSigningJwk();
    const other = generateSigningJwk();
    expect(() => load('not json')).toThrow(ConfigError);
    expect(() => load('not json')).toThrow(/SIGNING_PRIVATE_KEY: must be JSON/);
    expect(() => load(JSON.stringify({ kty: 'EC', crv: 'P-256', d: 'abc' }))).toThrow(
      /SIGNING_PRIVATE_KEY: must be an Ed25519 private JWK/,
    );
    expect(() => load(JSON.stringify(publicJwkOf(jwk)))).toThrow(/SIGNING_PRIVATE_KEY/);
    expect(() => load(JSON.stringify({ ...jwk, x: other.x }))).toThrow(
      /"x" does not belong to "d"/,
    );
    expect(() => load(JSON.stringify({ ...jwk, d: 'c2hvcnQ' }))).toThrow(/SIGNING_PRIVATE_KEY/);
    expect(() => load(JSON.stringify({ ...jwk, kid: 'has spaces' }))).toThrow(/kid/);

    expect(() => load(JSON.stringify(jwk), '{}')).toThrow(
      /SIGNING_RETIRED_PUBLIC_KEYS: must be a JSON array/,
    );
    expect(() => load(JSON.stringify(jwk), JSON.stringify([other]))).toThrow(
      /SIGNING_RETIRED_PUBLIC_KEYS: key 0: must be a public key/,
    );
    expect(() =>
      load(JSON.stringify(jwk), JSON.stringify([{ ...publicJwkOf(other), kid: jwk.kid }])),
    ).toThrow(/used by two different keys/);
  });

  it('accepts a pasted old JWKS document as the retired keys, current key included', () => {
    const oldJwk = generateSigningJwk();
    const newJwk = generateSigningJwk();
    const oldDocument = { keys: [publicJwkOf(newJwk), publicJwkOf(oldJwk)] };
    const keys = loadSigningKeys({
      nodeEnv: 'production',
      dataDir: freshDir(),
      signing: {
        privateJwk: JSON.stringify(newJwk),
        retiredPublicJwks: JSON.stringify(oldDocument),
      },
    });
    expect(jwks(keys).keys.map((k) => k.kid)).toEqual([newJwk.kid, oldJwk.kid]);
  });

  it('keeps the key another process wrote first', () => {
    const dataDir = freshDir();
    const theirs = generateSigningJwk();
    writeFileSync(path.join(dataDir, 'signing-keys.json'), JSON.stringify(theirs), { mode: 0o600 });
    const keys = loadSigningKeys({
      nodeEnv: 'development',
      dataDir,
      signing: { privateJwk: undefined, retiredPublicJwks: undefined },
    });
    expect(keys.currentKid).toBe(theirs.kid);
  });
});
