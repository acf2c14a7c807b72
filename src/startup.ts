import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { InProcessJobQueue } from './jobs/in-process-queue.js';
import type { JobQueue } from './jobs/job-queue.js';
import { PgBossJobQueue } from './jobs/pg-boss-queue.js';
import { DEMO_PASSWORD, seedDemo, seedFirstAdmin, type SeedLogin } from './seed/seed.js';

export interface Started {
  database: Database;
  demoLogins: SeedLogin[] | undefined;
  firstAdminCreated: boolean;
}

/** Opens the database, brings its schema up to date and seeds an empty one. */
export async function prepareDatabase(config: Config): Promise<Started> {
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    const firstAdminCreated = config.firstAdmin
      ? await seedFirstAdmin(database.db, config.firstAdmin)
      : false;
    const wantDemo =
      config.seedDemo === true || (config.seedDemo === 'auto' && database.engine === 'pglite');
    const demoLogins = wantDemo ? await seedDemo(database.db, config) : undefined;
    return { database, demoLogins, firstAdminCreated };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export type JobErrorReporter = (error: unknown, job?: { name: string; attempt: number }) => void;

/**
 * The background job queue for this database: pg-boss on a PostgreSQL server (durable,
 * shared by every instance), an in-process queue on the embedded database (one process).
 * Nothing runs until start(); the server starts it once it listens.
 */
export function createJobQueue(config: Config, onError: JobErrorReporter): JobQueue {
  if (config.databaseUrl)
    return new PgBossJobQueue({ connectionString: config.databaseUrl, onError });
  return new InProcessJobQueue({ autoRun: true, onError });
}

export function formatDemoLogins(logins: SeedLogin[]): string {
  const width = Math.max(...logins.map((login) => login.email.length));
  const lines = logins.map(
    (login) => `  ${login.email.padEnd(width)}  ${login.role.padEnd(11)}  ${login.organisation}`,
  );
  return [
    `Demo data seeded. Every demo user signs in with the password "${DEMO_PASSWORD}":`,
    ...lines,
  ].join('\n');
}
