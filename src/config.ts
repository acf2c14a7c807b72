import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Everything the service can be told from outside is
 * declared here, validated once at start-up, and handed to the rest as a typed object.
 */

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** A 256-bit key written as base64 (44 characters with padding). */
const aes256Key = z
  .string()
  .refine(
    (value) => /^[A-Za-z0-9+/]{43}=?$/.test(value) && Buffer.from(value, 'base64').length === 32,
    {
      message: 'must be 32 bytes in base64 (openssl rand -base64 32)',
    },
  );

/**
 * The development key for webhook secrets outside production: fixed, so a development
 * database stays readable across restarts; production refuses it (and requires its own).
 */
export const DEV_WEBHOOK_SECRET_KEY = 'ZGV2ZWxvcG1lbnQtb25seS13ZWJob29rLWtleS0wMDE=';

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: optionalNonEmpty.pipe(z.url({ protocol: /^https?$/ }).optional()),
  DATABASE_URL: optionalNonEmpty.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  JWT_SECRET: optionalNonEmpty.pipe(
    z.string().min(32, 'must be at least 32 characters').optional(),
  ),
  JWT_ISSUER: z.string().min(1).default('impactbeurs'),
  JWT_AUDIENCE: z.string().min(1).default('impactbeurs-api'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  CREDIT_PRICE_CENTS: z.coerce.number().int().positive().default(3800),
  PANEL_MIN: z.coerce.number().int().min(1).max(15).default(3),
  AWARD_METHODOLOGY: z
    .string()
    .regex(/^v[0-9]+$/)
    .default('v1'),
  FUNDING_PERIOD_DAYS: z.coerce.number().int().min(1).max(730).default(90),
  DISCLOSURE_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  INVOICE_DUE_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  CHECKOUT_MINUTES: z.coerce.number().int().min(30).max(1440).default(30),
  MAX_OPEN_ORDERS_PER_ORGANISATION: z.coerce.number().int().min(1).max(1000).default(20),
  MAX_RESERVED_SHARE_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
  ORDER_KEY_STALE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  SIGNING_PRIVATE_KEY: optionalNonEmpty,
  SIGNING_RETIRED_PUBLIC_KEYS: optionalNonEmpty,
  SELLER_NAME: z.string().min(1).default('Stichting Impactbeurs'),
  SELLER_ADDRESS: z.string().min(1).default('Coolsingel 40, 3011 AD Rotterdam'),
  SELLER_KVK: z
    .string()
    .regex(/^[0-9]{8}$/, 'must be 8 digits')
    .default('90000001'),
  SELLER_VAT_NUMBER: z.string().min(4).default('NL009000001B01'),
  SELLER_IBAN: z
    .string()
    .regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$/, 'must be an IBAN without spaces')
    .default('NL91ABNA0417164300'),
  SELLER_EMAIL: z.email().default('facturen@impactbeurs.example'),
  VAT_RATE_BASIS_POINTS: z.coerce.number().int().min(0).max(10000).default(0),
  VAT_EXEMPTION_TEXT: z
    .string()
    .default(
      'Vrijgesteld van btw (art. 11 Wet OB): bijdrage aan een sociaal project via een stichting.',
    ),
  VAT_EXEMPTION_TEXT_EN: z
    .string()
    .default(
      'Exempt from VAT (Article 11 of the Dutch VAT Act): a contribution to a social project through a foundation.',
    ),
  STRIPE_SECRET_KEY: optionalNonEmpty.pipe(
    z
      .string()
      .regex(
        /^(sk|rk)_(test|live)_[A-Za-z0-9]+$/,
        'must be a Stripe secret key (sk_test_… or sk_live_…)',
      )
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: optionalNonEmpty.pipe(
    z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/=_-]+$/, 'must be a Stripe webhook signing secret (whsec_…)')
      .optional(),
  ),
  // During a rollover of the signing secret both are valid: Stripe signs with each until
  // the old one expires. Comma-separated; STRIPE_WEBHOOK_SECRET alone still works.
  STRIPE_WEBHOOK_SECRETS: optionalNonEmpty.pipe(
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((secret) => secret.trim())
          .filter((secret) => secret !== ''),
      )
      .pipe(
        z
          .array(
            z
              .string()
              .regex(
                /^whsec_[A-Za-z0-9+/=_-]+$/,
                'must be Stripe webhook signing secrets (whsec_…), comma-separated',
              ),
          )
          .min(1, 'must name at least one whsec_… secret'),
      )
      .optional(),
  ),
  STRIPE_API_HOST: optionalNonEmpty,
  STRIPE_API_PORT: optionalNonEmpty.pipe(
    z
      .string()
      .regex(/^[0-9]{1,5}$/, 'must be a port number')
      .transform(Number)
      .optional(),
  ),
  STRIPE_API_PROTOCOL: optionalNonEmpty.pipe(z.enum(['http', 'https']).optional()),
  STRIPE_PAYMENT_METHODS: z
    .string()
    .default('card,ideal')
    .transform((value) =>
      value
        .split(',')
        .map((method) => method.trim())
        .filter((method) => method !== ''),
    )
    .pipe(z.array(z.string().regex(/^[a-z_]+$/)).min(1)),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  TRUST_PROXY: booleanFromString.default(false),
  /** The built web app (index.html and assets/); absent: the API runs without it. */
  WEB_DIST_DIR: z.string().min(1).default('./web/dist'),
  /** Shared rate-limit counters for several instances; absent: each instance counts in memory. */
  REDIS_URL: optionalNonEmpty.pipe(
    z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  ),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'letters, digits, ":", "_" and "-", at most 64')
    .default('impactbeurs:'),
  VERIFY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000_000).default(120),
  VERIFY_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  ACTOR_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  ADMIN_EMAIL: optionalNonEmpty.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalNonEmpty.pipe(
    z.string().min(12, 'must be at least 12 characters').optional(),
  ),
  SEED_DEMO: booleanFromString.optional(),
  SMTP_URL: optionalNonEmpty.pipe(
    z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  ),
  MAIL_FROM: z.string().min(3).default('Impactbeurs <no-reply@impactbeurs.example>'),
  MAIL_DISABLED: booleanFromString.default(false),
  // Test-only: lets webhooks reach loopback and private addresses (the tests' own receiver).
  WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanFromString.default(false),
  WEBHOOK_SECRET_OVERLAP_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  // The key that encrypts webhook signing secrets at rest (AES-256-GCM): 32 bytes, base64.
  WEBHOOK_SECRET_KEY: optionalNonEmpty.pipe(aes256Key.optional()),
  // Keys used before (rotation): still decrypt, comma-separated; re-encrypted under the current key.
  WEBHOOK_SECRET_PREVIOUS_KEYS: optionalNonEmpty.pipe(
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((key) => key.trim())
          .filter((key) => key !== ''),
      )
      .pipe(z.array(aes256Key))
      .optional(),
  ),
});

export interface Config {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  /** Connections each instance keeps to the PostgreSQL server (not used on the embedded database). */
  databasePoolSize: number;
  dataDir: string;
  jwt: {
    secret: string;
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
  };
  creditPriceCents: number;
  /** Smallest expert panel that can complete a review. */
  panelMin: number;
  /** Version of the award methodology new awards use (src/modules/awards/methodology.ts). */
  awardMethodology: string;
  /** Default funding deadline, in days after listing. */
  fundingPeriodDays: number;
  /** Counts of people below this are suppressed in every report (DESIGN §7; src/modules/reports/suppression.ts). */
  disclosureThreshold: number;
  orders: {
    /** Invoice orders hold their credits until the invoice is due. */
    invoiceDueDays: number;
    /** Stripe orders hold their credits for the Checkout Session's lifetime (Stripe's minimum is 30). */
    checkoutMinutes: number;
    /** Anti-hoarding: open (unpaid) orders one organisation may have at once. */
    maxOpenOrdersPerOrganisation: number;
    /** Anti-hoarding: share of a project's supply one organisation may hold reserved and unpaid. */
    maxReservedSharePercent: number;
    /**
     * A Stripe order's Idempotency-Key left in progress this long belongs to a request that
     * died between reserving and creating its Checkout Session: a repeat of the key finishes it.
     */
    keyStaleSeconds: number;
  };
  /**
   * Ed25519 keys that sign certificate data (JWS). The current private key as a JWK with
   * a `kid`; retired public keys keep old certificates verifiable. Outside production a
   * missing key is generated once into DATA_DIR/signing-keys.json.
   */
  signing: { privateJwk: string | undefined; retiredPublicJwks: string | undefined };
  /** The seller on invoices: the platform foundation. */
  seller: {
    name: string;
    address: string;
    kvkNumber: string;
    vatNumber: string;
    iban: string;
    email: string;
  };
  /**
   * VAT on credits: a rate in basis points, or 0 with an exemption text on the invoice, in
   * each document language (an English invoice carries no Dutch sentence).
   */
  vat: { rateBasisPoints: number; exemptionText: { nl: string; en: string } };
  /** Present when Stripe is configured; without it only invoice payment is offered. */
  stripe:
    | {
        secretKey: string;
        /** Every signing secret an event may be signed with (two during a rollover). */
        webhookSecrets: string[];
        paymentMethods: string[];
        api: { host?: string; port?: number; protocol?: 'http' | 'https' };
      }
    | undefined;
  corsOrigins: string[];
  logLevel: string;
  bodyLimitBytes: number;
  trustProxy: boolean;
  /** Where rate-limit counters are shared between instances; undefined: in this instance's memory. */
  redis: { url: string; keyPrefix: string } | undefined;
  /** Public verification requests per client address per minute (GET/POST /v1/verify…, /verify/{code}, JWKS). */
  verifyRateLimitPerMinute: number;
  /** Where the built web app lives; served from `/` when its index.html exists. */
  webDistDir: string;
  /** Verification answers kept in memory (0: none); see certificates/verification-cache.ts. */
  verifyCacheSize: number;
  /** Signed-in users' checks kept in memory (0: none; every request reads the database); see users/actor-cache.ts. */
  actorCacheSize: number;
  firstAdmin: { email: string; password: string } | undefined;
  /** 'auto' seeds demo data into an empty embedded database only; never in production. */
  seedDemo: boolean | 'auto';
  /**
   * Outgoing e-mail (src/modules/mail/): through `smtpUrl` when set; otherwise, outside
   * production, as .eml files in `outboxDir`. `disabled`: recorded, never sent.
   */
  mail: { smtpUrl: string | undefined; from: string; disabled: boolean; outboxDir: string };
  webhooks: {
    /** Plain http targets: outside production only. */
    allowHttp: boolean;
    /** Loopback and private targets: a switch for the tests, refused in production. */
    allowPrivateTargets: boolean;
    /** How long a rotated signing secret keeps signing beside the new one. */
    secretOverlapSeconds: number;
    /** Encrypts the signing secrets at rest (AES-256-GCM); earlier keys still decrypt. */
    secretKey: Buffer;
    previousSecretKeys: Buffer[];
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the environment. Throws a ConfigError whose message names every
 * bad variable, so an operator can fix them all in one go.
 */
export function loadConfig(env: Env = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';

  if ((e.ADMIN_EMAIL === undefined) !== (e.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError(
      'Invalid configuration:\n  ADMIN_EMAIL, ADMIN_PASSWORD: set both or neither',
    );
  }

  const missing: string[] = [];
  // A Stripe key without its webhook secret could take payments it can never confirm.
  if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET && !e.STRIPE_WEBHOOK_SECRETS)
    missing.push('STRIPE_WEBHOOK_SECRET');
  if (production && e.JWT_SECRET === undefined) missing.push('JWT_SECRET');
  if (production && e.PUBLIC_URL === undefined) missing.push('PUBLIC_URL');
  // A generated key would change with every fresh machine and orphan the certificates it
  // signed: production signs with a key the operator keeps (src/modules/certificates/signing.ts).
  if (production && e.SIGNING_PRIVATE_KEY === undefined) missing.push('SIGNING_PRIVATE_KEY');
  // Production without a mail server would leave password resets and invitations unsent,
  // silently: refuse, unless mail is switched off on purpose.
  if (production && e.SMTP_URL === undefined && !e.MAIL_DISABLED) missing.push('SMTP_URL');
  // Webhooks must never reach the platform's own network in production (SSRF).
  if (production && e.WEBHOOK_SECRET_KEY === undefined) missing.push('WEBHOOK_SECRET_KEY');
  if (production && e.WEBHOOK_SECRET_KEY === DEV_WEBHOOK_SECRET_KEY)
    throw new ConfigError(
      'Invalid configuration:\n  WEBHOOK_SECRET_KEY: the development key must not be used when NODE_ENV=production',
    );
  if (production && e.WEBHOOK_ALLOW_PRIVATE_TARGETS)
    throw new ConfigError(
      'Invalid configuration:\n  WEBHOOK_ALLOW_PRIVATE_TARGETS: must not be set when NODE_ENV=production',
    );
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n${missing
        .map(
          (name) =>
            `  ${name}: ${name.startsWith('STRIPE') ? 'required when STRIPE_SECRET_KEY is set' : name === 'SMTP_URL' ? 'required when NODE_ENV=production (or set MAIL_DISABLED=true to send no e-mail)' : 'required when NODE_ENV=production'}`,
        )
        .join('\n')}`,
    );
  }

  const dataDir = path.resolve(e.DATA_DIR);
  // Reached only outside production: there a missing JWT_SECRET was refused above.
  const jwtSecret = e.JWT_SECRET ?? loadOrCreateDevSecrets(dataDir).jwtSecret;

  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir,
    jwt: {
      secret: jwtSecret,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    },
    creditPriceCents: e.CREDIT_PRICE_CENTS,
    panelMin: e.PANEL_MIN,
    awardMethodology: e.AWARD_METHODOLOGY,
    fundingPeriodDays: e.FUNDING_PERIOD_DAYS,
    disclosureThreshold: e.DISCLOSURE_THRESHOLD,
    orders: {
      invoiceDueDays: e.INVOICE_DUE_DAYS,
      checkoutMinutes: e.CHECKOUT_MINUTES,
      maxOpenOrdersPerOrganisation: e.MAX_OPEN_ORDERS_PER_ORGANISATION,
      maxReservedSharePercent: e.MAX_RESERVED_SHARE_PERCENT,
      keyStaleSeconds: e.ORDER_KEY_STALE_SECONDS,
    },
    signing: {
      privateJwk: e.SIGNING_PRIVATE_KEY,
      retiredPublicJwks: e.SIGNING_RETIRED_PUBLIC_KEYS,
    },
    seller: {
      name: e.SELLER_NAME,
      address: e.SELLER_ADDRESS,
      kvkNumber: e.SELLER_KVK,
      vatNumber: e.SELLER_VAT_NUMBER,
      iban: e.SELLER_IBAN,
      email: e.SELLER_EMAIL,
    },
    vat: {
      rateBasisPoints: e.VAT_RATE_BASIS_POINTS,
      exemptionText: { nl: e.VAT_EXEMPTION_TEXT, en: e.VAT_EXEMPTION_TEXT_EN },
    },
    stripe: e.STRIPE_SECRET_KEY
      ? {
          secretKey: e.STRIPE_SECRET_KEY,
          webhookSecrets: [
            ...new Set([
              ...(e.STRIPE_WEBHOOK_SECRETS ?? []),
              ...(e.STRIPE_WEBHOOK_SECRET ? [e.STRIPE_WEBHOOK_SECRET] : []),
            ]),
          ],
          paymentMethods: e.STRIPE_PAYMENT_METHODS,
          api: {
            ...(e.STRIPE_API_HOST ? { host: e.STRIPE_API_HOST } : {}),
            ...(e.STRIPE_API_PORT ? { port: e.STRIPE_API_PORT } : {}),
            ...(e.STRIPE_API_PROTOCOL ? { protocol: e.STRIPE_API_PROTOCOL } : {}),
          },
        }
      : undefined,
    corsOrigins: e.CORS_ORIGINS,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    trustProxy: e.TRUST_PROXY,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : undefined,
    verifyRateLimitPerMinute: e.VERIFY_RATE_LIMIT_PER_MINUTE,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    verifyCacheSize: e.VERIFY_CACHE_SIZE,
    actorCacheSize: e.ACTOR_CACHE_SIZE,
    firstAdmin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD
        ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD }
        : undefined,
    seedDemo: production ? false : (e.SEED_DEMO ?? 'auto'),
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      disabled: e.MAIL_DISABLED,
      outboxDir: path.join(dataDir, 'outbox'),
    },
    webhooks: {
      allowHttp: !production,
      allowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      secretOverlapSeconds: e.WEBHOOK_SECRET_OVERLAP_HOURS * 3600,
      secretKey: Buffer.from(e.WEBHOOK_SECRET_KEY ?? DEV_WEBHOOK_SECRET_KEY, 'base64'),
      previousSecretKeys: (e.WEBHOOK_SECRET_PREVIOUS_KEYS ?? []).map((key) =>
        Buffer.from(key, 'base64'),
      ),
    },
  };
}

interface DevSecrets {
  jwtSecret: string;
}

/**
 * Outside production a missing secret is generated once and kept in DATA_DIR, so that
 * `npm start` works on a fresh machine and tokens survive a restart.
 */
function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>;
    if (typeof stored.jwtSecret === 'string' && stored.jwtSecret.length >= 32) {
      return { jwtSecret: stored.jwtSecret };
    }
  }
  const secrets: DevSecrets = { jwtSecret: randomBytes(48).toString('base64url') };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
