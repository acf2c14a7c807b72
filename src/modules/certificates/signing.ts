import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CompactSign, compactVerify, decodeProtectedHeader, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { type Config, ConfigError } from '../../config.js';

/**
 * Ed25519 signatures over a certificate's facts (DESIGN §6), so that an authority can
 * check a certificate offline against the published JWKS, without asking us.
 *
 * Keys: the current private key signs; every public key we ever signed with stays in the
 * JWKS. Rotation: generate a new key (`npx tsx src/cli/signing-key.ts`), make it
 * SIGNING_PRIVATE_KEY, and append the old key's public half (or the whole old JWKS
 * document) to SIGNING_RETIRED_PUBLIC_KEYS. Old certificates keep verifying by their kid.
 *
 * The JWS proves what was issued, not what holds now: a certificate's status (suspended,
 * revoked) changes after issue and is answered by the verification routes.
 */

export const JWS_ALG = 'EdDSA';
/** Explicit typing (RFC 8725 §3.11): a certificate JWS cannot pass for another kind of token. */
export const CERTIFICATE_JWS_TYP = 'ib-certificate+jws';
/** Where the development key lives when SIGNING_PRIVATE_KEY is not set. */
export const DEV_SIGNING_KEY_FILE = 'signing-keys.json';

const KID = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, 'kid must be 1–128 of A–Z a–z 0–9 . _ -');
const BASE64URL = z.string().regex(/^[A-Za-z0-9_-]+$/);

const PrivateJwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  d: BASE64URL,
  x: BASE64URL.optional(),
  kid: KID.optional(),
  alg: z.literal(JWS_ALG).optional(),
});

const PublicJwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: BASE64URL,
  kid: KID.optional(),
  alg: z.literal(JWS_ALG).optional(),
});

/** A public key as published in the JWKS: only these members, never `d`. */
export interface PublicSigningJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: typeof JWS_ALG;
  use: 'sig';
}

export interface JwksDocument {
  keys: PublicSigningJwk[];
}

export interface SigningKeys {
  /** The kid new certificates are signed with (printed on the certificate). */
  currentKid: string;
  /** Never serialised; the JWKS is built from publicJwks only. */
  privateKey: KeyObject;
  /** The current key first, then the retired ones. */
  publicJwks: readonly PublicSigningJwk[];
  publicKeys: ReadonlyMap<string, KeyObject>;
}

/** What a certificate JWS states. Amounts in integer cents, the issue moment as ISO 8601. */
export interface CertificateFacts {
  number: string;
  verificationCode: string;
  supplier: { name: string; kvkNumber: string };
  project: { id: string; title: string };
  initiative: { name: string };
  credits: number;
  serialStart: number;
  serialEnd: number;
  valueCents: number;
  currency: string;
  issuedAt: Date;
}

const CertificatePayloadSchema = z.object({
  iss: z.string(),
  number: z.string(),
  verificationCode: z.string(),
  supplier: z.object({ name: z.string(), kvkNumber: z.string() }),
  project: z.object({ id: z.string(), title: z.string() }),
  initiative: z.object({ name: z.string() }),
  credits: z.number().int(),
  serialStart: z.number().int(),
  serialEnd: z.number().int(),
  valueCents: z.number().int(),
  currency: z.string(),
  issuedAt: z.string(),
});

export type CertificateJwsPayload = z.infer<typeof CertificatePayloadSchema>;

export type JwsFailureReason =
  'malformed' | 'unsupported_algorithm' | 'unknown_kid' | 'bad_signature' | 'wrong_issuer';

export type JwsVerification =
  | { valid: true; kid: string; payload: CertificateJwsPayload }
  | { valid: false; reason: JwsFailureReason; kid?: string };

// ---------------------------------------------------------------------------- keys

/**
 * The signing keys from configuration. Outside production, a missing SIGNING_PRIVATE_KEY
 * is generated once into DATA_DIR/signing-keys.json (mode 0600) and reused, so that
 * `npm start` works on a fresh machine and certificates stay verifiable across restarts.
 * Throws a ConfigError naming the variable when a key is unusable.
 */
export function loadSigningKeys(
  config: Pick<Config, 'nodeEnv' | 'dataDir' | 'signing'>,
): SigningKeys {
  let privateJwkJson = config.signing.privateJwk;
  let source = 'SIGNING_PRIVATE_KEY';
  if (privateJwkJson === undefined) {
    if (config.nodeEnv === 'production') {
      throw new ConfigError(
        'Invalid configuration:\n  SIGNING_PRIVATE_KEY: required when NODE_ENV=production',
      );
    }
    privateJwkJson = loadOrCreateDevSigningKey(config.dataDir);
    source = path.join(config.dataDir, DEV_SIGNING_KEY_FILE);
  }

  const current = parsePrivateJwk(privateJwkJson, source);
  const retired = parseRetiredPublicJwks(config.signing.retiredPublicJwks);
  return assembleKeys(current, retired);
}

/** Builds SigningKeys from JWK objects (what loadSigningKeys does after parsing; handy in tests and tools). */
export function signingKeysFromJwks(
  privateJwk: object,
  retiredPublicJwks: readonly object[] = [],
): SigningKeys {
  return loadSigningKeys({
    nodeEnv: 'production',
    dataDir: '',
    signing: {
      privateJwk: JSON.stringify(privateJwk),
      retiredPublicJwks: JSON.stringify(retiredPublicJwks),
    },
  });
}

/** A fresh Ed25519 private key as a JWK, its kid the RFC 7638 thumbprint. */
export function generateSigningJwk(): {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  d: string;
  kid: string;
  alg: 'EdDSA';
} {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const x = jwk.x!;
  return { kty: 'OKP', crv: 'Ed25519', x, d: jwk.d!, kid: thumbprint(x), alg: JWS_ALG };
}

/** The public half of a JWK, with only the members a JWKS may carry. */
export function publicJwkOf(jwk: { x?: string; d?: string; kid?: string }): PublicSigningJwk {
  const x = jwk.x ?? (jwk.d ? derivePublicX(jwk.d) : undefined);
  if (x === undefined) throw new TypeError('JWK has neither x nor d');
  return { kty: 'OKP', crv: 'Ed25519', x, kid: jwk.kid ?? thumbprint(x), alg: JWS_ALG, use: 'sig' };
}

/** The JWKS document of all public keys (current and retired). */
export function jwks(keys: SigningKeys): JwksDocument {
  // Rebuilt member by member: nothing but public members can reach the document.
  return {
    keys: keys.publicJwks.map((k) => ({
      kty: k.kty,
      crv: k.crv,
      x: k.x,
      kid: k.kid,
      alg: k.alg,
      use: k.use,
    })),
  };
}

function loadOrCreateDevSigningKey(dataDir: string): string {
  const file = path.join(dataDir, DEV_SIGNING_KEY_FILE);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const json = `${JSON.stringify(generateSigningJwk(), null, 2)}\n`;
  try {
    // 'wx': if another process created the file meanwhile, its key wins and we read it.
    writeFileSync(file, json, { mode: 0o600, flag: 'wx' });
    return json;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8');
  }
}

interface ParsedKey {
  kid: string;
  x: string;
  privateKey?: KeyObject;
  publicKey: KeyObject;
}

function parsePrivateJwk(json: string, source: string): ParsedKey & { privateKey: KeyObject } {
  const parsed = PrivateJwkSchema.safeParse(parseJson(json, source));
  if (!parsed.success)
    throw keyError(source, `must be an Ed25519 private JWK (${describe(parsed.error)})`);
  const jwk = parsed.data;
  let privateKey: KeyObject;
  let x: string;
  try {
    privateKey = createPrivateKey({
      key: { kty: 'OKP', crv: 'Ed25519', d: jwk.d, x: jwk.x ?? derivePublicX(jwk.d) },
      format: 'jwk',
    });
    x = createPublicKey(privateKey).export({ format: 'jwk' }).x!;
  } catch {
    throw keyError(source, 'is not a usable Ed25519 private key');
  }
  if (jwk.x !== undefined && jwk.x !== x) throw keyError(source, '"x" does not belong to "d"');
  return { kid: jwk.kid ?? thumbprint(x), x, privateKey, publicKey: createPublicKey(privateKey) };
}

function parseRetiredPublicJwks(json: string | undefined): ParsedKey[] {
  if (json === undefined) return [];
  const source = 'SIGNING_RETIRED_PUBLIC_KEYS';
  const value = parseJson(json, source);
  // A copied JWKS document ({"keys": [...]}) is as welcome as a bare array.
  const list = Array.isArray(value) ? value : (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list))
    throw keyError(source, 'must be a JSON array of public JWKs (or a JWKS document)');
  return list.map((item: unknown, index) => {
    // A private key has no business in a variable of public keys; refuse rather than strip it.
    if (typeof item === 'object' && item !== null && 'd' in item)
      throw keyError(source, `key ${index}: must be a public key (has "d")`);
    const parsed = PublicJwkSchema.safeParse(item);
    if (!parsed.success)
      throw keyError(
        source,
        `key ${index}: must be an Ed25519 public JWK (${describe(parsed.error)})`,
      );
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey({
        key: { kty: 'OKP', crv: 'Ed25519', x: parsed.data.x },
        format: 'jwk',
      });
    } catch {
      throw keyError(source, `key ${index}: is not a usable Ed25519 public key`);
    }
    return { kid: parsed.data.kid ?? thumbprint(parsed.data.x), x: parsed.data.x, publicKey };
  });
}

function assembleKeys(
  current: ParsedKey & { privateKey: KeyObject },
  retired: ParsedKey[],
): SigningKeys {
  const publicKeys = new Map<string, KeyObject>([[current.kid, current.publicKey]]);
  const publicJwks: PublicSigningJwk[] = [publicJwkOf({ x: current.x, kid: current.kid })];
  const xByKid = new Map([[current.kid, current.x]]);
  for (const key of retired) {
    const known = xByKid.get(key.kid);
    if (known === key.x) continue; // the current key listed again (e.g. a whole old JWKS pasted in)
    if (known !== undefined) {
      throw keyError(
        'SIGNING_RETIRED_PUBLIC_KEYS',
        `kid "${key.kid}" is used by two different keys`,
      );
    }
    xByKid.set(key.kid, key.x);
    publicKeys.set(key.kid, key.publicKey);
    publicJwks.push(publicJwkOf({ x: key.x, kid: key.kid }));
  }
  return { currentKid: current.kid, privateKey: current.privateKey, publicJwks, publicKeys };
}

/** RFC 7638 thumbprint of an Ed25519 public key: SHA-256 over the required members in order. */
function thumbprint(x: string): string {
  return createHash('sha256')
    .update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`)
    .digest('base64url');
}

function derivePublicX(d: string): string {
  // A PKCS#8 wrapper around the 32-byte seed; node:crypto derives the public key from it.
  const seed = Buffer.from(d, 'base64url');
  if (seed.length !== 32) throw new TypeError('Ed25519 "d" must be 32 bytes');
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({
    format: 'jwk',
  }).x!;
}

function parseJson(json: string, source: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw keyError(source, 'must be JSON');
  }
}

function keyError(source: string, message: string): ConfigError {
  return new ConfigError(`Invalid configuration:\n  ${source}: ${message}`);
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'key'}: ${issue.message}`)
    .join('; ');
}

// ---------------------------------------------------------------------------- JWS

/**
 * The certificate's facts as a compact JWS (alg EdDSA, header kid). Ed25519 signatures are
 * deterministic and the payload's members are written in a fixed order, so the same facts
 * and key always give the same JWS.
 */
export async function signCertificate(
  facts: CertificateFacts,
  keys: SigningKeys,
  issuer: string,
): Promise<string> {
  const payload = certificatePayload(facts, issuer);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: JWS_ALG, kid: keys.currentKid, typ: CERTIFICATE_JWS_TYP })
    .sign(keys.privateKey);
}

export function certificatePayload(facts: CertificateFacts, issuer: string): CertificateJwsPayload {
  for (const [name, value] of Object.entries({
    credits: facts.credits,
    serialStart: facts.serialStart,
    serialEnd: facts.serialEnd,
    valueCents: facts.valueCents,
  })) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer`);
  }
  return {
    iss: issuer,
    number: facts.number,
    verificationCode: facts.verificationCode,
    supplier: { name: facts.supplier.name, kvkNumber: facts.supplier.kvkNumber },
    project: { id: facts.project.id, title: facts.project.title },
    initiative: { name: facts.initiative.name },
    credits: facts.credits,
    serialStart: facts.serialStart,
    serialEnd: facts.serialEnd,
    valueCents: facts.valueCents,
    currency: facts.currency,
    issuedAt: facts.issuedAt.toISOString(),
  };
}

/**
 * Checks a compact JWS against a set of public keys: our own SigningKeys, or a JWKS
 * document as an authority would fetch it. Never throws for bad input; says why instead.
 */
export async function verifyCertificateJws(
  jws: string,
  publicKeys: SigningKeys | JwksDocument,
  options: { issuer?: string } = {},
): Promise<JwsVerification> {
  if (
    typeof jws !== 'string' ||
    jws.length > 16_384 ||
    !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jws.trim())
  ) {
    return { valid: false, reason: 'malformed' };
  }
  const token = jws.trim();
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  if (header.alg !== JWS_ALG)
    return { valid: false, reason: 'unsupported_algorithm', ...(kid ? { kid } : {}) };
  if (header.typ !== CERTIFICATE_JWS_TYP)
    return { valid: false, reason: 'malformed', ...(kid ? { kid } : {}) };
  if (kid === undefined) return { valid: false, reason: 'unknown_kid' };
  const key = findPublicKey(publicKeys, kid);
  if (key === undefined) return { valid: false, reason: 'unknown_kid', kid };

  let payloadBytes: Uint8Array;
  try {
    ({ payload: payloadBytes } = await compactVerify(token, key, { algorithms: [JWS_ALG] }));
  } catch (error) {
    if (error instanceof joseErrors.JWSSignatureVerificationFailed)
      return { valid: false, reason: 'bad_signature', kid };
    return { valid: false, reason: 'malformed', kid };
  }
  let payload: CertificateJwsPayload;
  try {
    payload = CertificatePayloadSchema.parse(JSON.parse(new TextDecoder().decode(payloadBytes)));
  } catch {
    return { valid: false, reason: 'malformed', kid };
  }
  if (options.issuer !== undefined && payload.iss !== options.issuer)
    return { valid: false, reason: 'wrong_issuer', kid };
  return { valid: true, kid, payload };
}

const jwksKeyCache = new WeakMap<JwksDocument, Map<string, KeyObject | undefined>>();

function findPublicKey(keys: SigningKeys | JwksDocument, kid: string): KeyObject | undefined {
  if ('publicKeys' in keys) return keys.publicKeys.get(kid);
  let cache = jwksKeyCache.get(keys);
  if (cache === undefined) {
    cache = new Map();
    jwksKeyCache.set(keys, cache);
  }
  if (cache.has(kid)) return cache.get(kid);
  const jwk = keys.keys.find((k) => k.kid === kid && k.kty === 'OKP' && k.crv === 'Ed25519');
  let key: KeyObject | undefined;
  if (jwk !== undefined) {
    try {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
    } catch {
      key = undefined;
    }
  }
  cache.set(kid, key);
  return key;
}

/** Binds keys and issuer: what buildApp(deps) receives, so tests can hand in their own keys. */
export interface CertificateSigner {
  readonly kid: string;
  sign(facts: CertificateFacts): Promise<string>;
  verify(jws: string): Promise<JwsVerification>;
  jwks(): JwksDocument;
}

export function createCertificateSigner(keys: SigningKeys, issuer: string): CertificateSigner {
  const document = jwks(keys);
  return {
    kid: keys.currentKid,
    sign: (facts) => signCertificate(facts, keys, issuer),
    verify: (jws) => verifyCertificateJws(jws, keys, { issuer }),
    jwks: () => structuredClone(document),
  };
}
