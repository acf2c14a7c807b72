import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, DEV_WEBHOOK_SECRET_KEY, loadConfig } from '../../src/config.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-chars';
const WEBHOOK_KEY = Buffer.alloc(32, 9).toString('base64');
// Shape only: loadConfig checks presence; the key itself is parsed by the certificates' key loader.
const SIGNING_KEY =
  '{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","kid":"test"}';

const tmpDirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'impactbeurs-config-'));
  tmpDirs.push(dir);
  return dir;
}

/** A valid environment that touches no real folder; each test changes what it is about. */
function env(
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    JWT_SECRET: SECRET,
    DATA_DIR: path.join(tmpdir(), 'impactbeurs-config-unused'),
    ...overrides,
  };
}

/** Runs loadConfig and returns the ConfigError it must throw. */
function configError(environment: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('loadConfig accepted an invalid environment');
}

describe('loadConfig', () => {
  afterAll(() => {
    for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('applies defaults', () => {
    const config = loadConfig(env());
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.creditPriceCents).toBe(3800);
    expect(config.corsOrigins).toEqual([]);
    expect(config.logLevel).toBe('info');
    expect(config.bodyLimitBytes).toBe(1024 * 1024);
    expect(config.trustProxy).toBe(false);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.firstAdmin).toBeUndefined();
    expect(config.seedDemo).toBe('auto');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.orders.keyStaleSeconds).toBe(60);
    expect(config.jwt).toEqual({
      secret: SECRET,
      issuer: 'impactbeurs',
      audience: 'impactbeurs-api',
      accessTokenTtlSeconds: 900,
      refreshTokenTtlDays: 30,
    });
  });

  it('reads explicit values', () => {
    const config = loadConfig(
      env({
        PORT: '8080',
        CREDIT_PRICE_CENTS: '4200',
        PUBLIC_URL: 'https://impactbeurs.example/',
        DATABASE_URL: 'postgres://user@db.example:5432/impactbeurs',
        TRUST_PROXY: 'true',
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'no',
        ORDER_KEY_STALE_SECONDS: '5',
      }),
    );
    expect(config.port).toBe(8080);
    expect(config.creditPriceCents).toBe(4200);
    expect(config.publicUrl).toBe('https://impactbeurs.example');
    expect(config.databaseUrl).toBe('postgres://user@db.example:5432/impactbeurs');
    expect(config.trustProxy).toBe(true);
    expect(config.logLevel).toBe('warn');
    expect(config.seedDemo).toBe(false);
    expect(config.orders.keyStaleSeconds).toBe(5);
  });

  it('refuses a bad PORT, naming it', () => {
    const error = configError(env({ PORT: 'abc' }));
    expect(error.name).toBe('ConfigError');
    expect(error.message).toMatch(/^\s*PORT: /m);
  });

  it('refuses an ORDER_KEY_STALE_SECONDS outside 1 to 3600', () => {
    for (const value of ['0', '3601', 'soon'])
      expect(configError(env({ ORDER_KEY_STALE_SECONDS: value })).message).toMatch(
        /^\s*ORDER_KEY_STALE_SECONDS: /m,
      );
  });

  it('shares rate limits through Redis only when REDIS_URL names a Redis server', () => {
    expect(loadConfig(env()).redis).toBeUndefined();
    expect(loadConfig(env({ REDIS_URL: 'redis://127.0.0.1:6379' })).redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      keyPrefix: 'impactbeurs:',
    });
    expect(configError(env({ REDIS_URL: 'http://127.0.0.1:6379' })).message).toMatch(
      /^\s*REDIS_URL: /m,
    );
    expect(
      configError(env({ REDIS_URL: 'redis://x', REDIS_KEY_PREFIX: 'has space' })).message,
    ).toMatch(/^\s*REDIS_KEY_PREFIX: /m);
  });

  it('names every bad variable at once', () => {
    const error = configError(
      env({
        PORT: 'abc',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://db.example/x',
        CREDIT_PRICE_CENTS: '-5',
        TRUST_PROXY: 'maybe',
      }),
    );
    for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'CREDIT_PRICE_CENTS', 'TRUST_PROXY']) {
      expect(error.message).toMatch(new RegExp(`^\\s*${name}: `, 'm'));
    }
    expect(error.message).not.toMatch(/JWT_SECRET/);
  });

  it('in production, refuses to start without JWT_SECRET, PUBLIC_URL and SIGNING_PRIVATE_KEY, naming each', () => {
    const error = configError({ NODE_ENV: 'production', DATA_DIR: freshDir() });
    expect(error.message).toMatch(/^\s*JWT_SECRET: .*production/m);
    expect(error.message).toMatch(/^\s*PUBLIC_URL: .*production/m);
    expect(error.message).toMatch(/^\s*SIGNING_PRIVATE_KEY: .*production/m);

    const onlyUrl = configError({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://impactbeurs.example',
      DATA_DIR: freshDir(),
    });
    expect(onlyUrl.message).toContain('JWT_SECRET');
    expect(onlyUrl.message).not.toContain('PUBLIC_URL');

    const noKey = configError({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://impactbeurs.example',
      JWT_SECRET: SECRET,
      DATA_DIR: freshDir(),
    });
    expect(noKey.message).toMatch(/^\s*SIGNING_PRIVATE_KEY: .*production/m);
    expect(noKey.message).not.toContain('JWT_SECRET');
  });

  it('in production, generates no secret and never seeds demo data', () => {
    const dataDir = freshDir();
    configError({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://impactbeurs.example',
      DATA_DIR: dataDir,
    });
    expect(existsSync(path.join(dataDir, 'secrets.json'))).toBe(false);

    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://impactbeurs.example',
      JWT_SECRET: SECRET,
      SIGNING_PRIVATE_KEY: SIGNING_KEY,
      SMTP_URL: 'smtp://mail.impactbeurs.example:587',
      WEBHOOK_SECRET_KEY: WEBHOOK_KEY,
      SEED_DEMO: 'true',
      DATA_DIR: dataDir,
    });
    expect(config.seedDemo).toBe(false);
    expect(config.signing.privateJwk).toBe(SIGNING_KEY);
  });

  it('in production, refuses to start without SMTP_URL unless mail is switched off', () => {
    const production = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://impactbeurs.example',
      JWT_SECRET: SECRET,
      SIGNING_PRIVATE_KEY: SIGNING_KEY,
      WEBHOOK_SECRET_KEY: WEBHOOK_KEY,
      DATA_DIR: freshDir(),
    };
    const error = configError(production);
    expect(error.message).toMatch(
      /^\s*SMTP_URL: required when NODE_ENV=production.*MAIL_DISABLED/m,
    );
    expect(configError({ ...production, SMTP_URL: '' }).message).toContain('SMTP_URL');
    expect(configError({ ...production, MAIL_DISABLED: 'false' }).message).toContain('SMTP_URL');

    const off = loadConfig({ ...production, MAIL_DISABLED: 'true' });
    expect(off.mail).toMatchObject({ smtpUrl: undefined, disabled: true });
    const smtp = loadConfig({
      ...production,
      SMTP_URL: 'smtps://user:secret@mail.impactbeurs.example:465',
      MAIL_FROM: 'Impactbeurs <noreply@impactbeurs.example>',
    });
    expect(smtp.mail).toMatchObject({
      smtpUrl: 'smtps://user:secret@mail.impactbeurs.example:465',
      from: 'Impactbeurs <noreply@impactbeurs.example>',
      disabled: false,
    });
    expect(configError({ ...production, SMTP_URL: 'http://mail.example' }).message).toMatch(
      /^\s*SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/m,
    );

    // Outside production no SMTP is needed: mail goes to the outbox folder.
    const development = loadConfig(env());
    expect(development.mail.smtpUrl).toBeUndefined();
    expect(development.mail.outboxDir).toBe(path.join(development.dataDir, 'outbox'));
  });

  it('in production, requires its own WEBHOOK_SECRET_KEY and refuses the development key', () => {
    const production = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://impactbeurs.example',
      JWT_SECRET: SECRET,
      SIGNING_PRIVATE_KEY: SIGNING_KEY,
      MAIL_DISABLED: 'true',
      DATA_DIR: freshDir(),
    };
    expect(configError(production).message).toMatch(
      /^\s*WEBHOOK_SECRET_KEY: required when NODE_ENV=production/m,
    );
    expect(
      configError({ ...production, WEBHOOK_SECRET_KEY: DEV_WEBHOOK_SECRET_KEY }).message,
    ).toMatch(/WEBHOOK_SECRET_KEY: the development key must not be used/);
    expect(configError({ ...production, WEBHOOK_SECRET_KEY: 'too-short' }).message).toMatch(
      /^\s*WEBHOOK_SECRET_KEY: must be 32 bytes in base64/m,
    );
    const previous = Buffer.alloc(32, 1).toString('base64');
    const config = loadConfig({
      ...production,
      WEBHOOK_SECRET_KEY: WEBHOOK_KEY,
      WEBHOOK_SECRET_PREVIOUS_KEYS: ` ${previous} ,`,
    });
    expect(config.webhooks.secretKey).toEqual(Buffer.from(WEBHOOK_KEY, 'base64'));
    expect(config.webhooks.previousSecretKeys).toEqual([Buffer.alloc(32, 1)]);
    // Outside production the fixed development key is used.
    expect(loadConfig(env()).webhooks.secretKey).toEqual(
      Buffer.from(DEV_WEBHOOK_SECRET_KEY, 'base64'),
    );
  });

  it('refuses a short JWT_SECRET', () => {
    const error = configError(env({ JWT_SECRET: 'too-short' }));
    expect(error.message).toMatch(/^\s*JWT_SECRET: .*32/m);
    const production = configError({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://x.example',
      JWT_SECRET: 'x'.repeat(31),
    });
    expect(production.message).toContain('JWT_SECRET');
  });

  it('refuses ADMIN_EMAIL without ADMIN_PASSWORD, and the other way round', () => {
    expect(configError(env({ ADMIN_EMAIL: 'root@impactbeurs.example' })).message).toMatch(
      /ADMIN_EMAIL, ADMIN_PASSWORD/,
    );
    expect(configError(env({ ADMIN_PASSWORD: 'a-long-enough-password' })).message).toMatch(
      /ADMIN_EMAIL, ADMIN_PASSWORD/,
    );
    expect(
      configError(env({ ADMIN_EMAIL: 'root@impactbeurs.example', ADMIN_PASSWORD: 'short' }))
        .message,
    ).toMatch(/^\s*ADMIN_PASSWORD: /m);

    const config = loadConfig(
      env({ ADMIN_EMAIL: 'Root@Impactbeurs.Example', ADMIN_PASSWORD: 'a-long-enough-password' }),
    );
    expect(config.firstAdmin).toEqual({
      email: 'root@impactbeurs.example',
      password: 'a-long-enough-password',
    });
  });

  it('outside production, generates a JWT secret into DATA_DIR/secrets.json and reuses it', () => {
    const dataDir = path.join(freshDir(), 'nested', 'data');
    const first = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
    expect(first.dataDir).toBe(path.resolve(dataDir));
    expect(first.jwt.secret.length).toBeGreaterThanOrEqual(32);

    const file = path.join(dataDir, 'secrets.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ jwtSecret: first.jwt.secret });
    // Only the owner may read it.
    expect(statSync(file).mode & 0o077).toBe(0);

    const second = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
    expect(second.jwt.secret).toBe(first.jwt.secret);

    // Another folder gets another secret.
    const other = loadConfig({ NODE_ENV: 'development', DATA_DIR: freshDir() });
    expect(other.jwt.secret).not.toBe(first.jwt.secret);

    // An explicit secret wins over the stored one.
    expect(
      loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, JWT_SECRET: SECRET }).jwt.secret,
    ).toBe(SECRET);
  });

  it('treats an empty JWT_SECRET as unset', () => {
    const dataDir = freshDir();
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, JWT_SECRET: '  ' });
    expect(config.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(existsSync(path.join(dataDir, 'secrets.json'))).toBe(true);
  });

  it('parses CORS_ORIGINS into a list and refuses a non-URL', () => {
    expect(
      loadConfig(env({ CORS_ORIGINS: 'https://app.example, http://localhost:5173 ,' })).corsOrigins,
    ).toEqual(['https://app.example', 'http://localhost:5173']);
    expect(loadConfig(env({ CORS_ORIGINS: '' })).corsOrigins).toEqual([]);

    const error = configError(env({ CORS_ORIGINS: 'https://app.example,not a url' }));
    expect(error.message).toMatch(/^\s*CORS_ORIGINS/m);
    expect(configError(env({ CORS_ORIGINS: 'ftp://files.example' })).message).toContain(
      'CORS_ORIGINS',
    );
  });
});
