import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import type { DB } from '../../src/db/types.js';
import type { ThrottleLimits } from '../../src/modules/auth/login-throttle.js';
import { TestClock } from './clock.js';
import { createTestDatabase } from './database.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    PUBLIC_URL: 'http://impactbeurs.test',
    DATA_DIR: '/nonexistent-test-data-dir',
    LOG_LEVEL: 'silent',
    ...env,
  });
}

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<DB>;
  database: Database;
  clock: TestClock;
  config: Config;
  close(): Promise<void>;
}

/**
 * The real application on a fresh database of its own. Call `app.ready()` yourself if you
 * want to add test-only routes first; the helpers below call it.
 */
export async function createTestApp(
  options: { env?: Record<string, string>; loginThrottle?: ThrottleLimits; logger?: FastifyServerOptions['logger']; ready?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new TestClock();
  const config = testConfig(options.env);
  const app = await buildApp({
    config,
    db: database.db,
    clock,
    ...(options.loginThrottle ? { loginThrottle: options.loginThrottle } : {}),
    logger: options.logger ?? false,
  });
  if (options.ready !== false) await app.ready();
  return {
    app,
    db: database.db,
    database,
    clock,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
