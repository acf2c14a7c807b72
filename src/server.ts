import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createStripeGateway } from './modules/payments/stripe-gateway.js';
import { createJobQueue, formatDemoLogins, prepareDatabase } from './startup.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const { database, demoLogins } = await prepareDatabase(config);

  // The queue exists before the app (buildApp registers the job handlers on it); its
  // failures go to the app's logger once there is one.
  // eslint-disable-next-line prefer-const -- assigned below, after the closure that reads it
  let log: FastifyBaseLogger | undefined;
  const jobs = createJobQueue(config, (error, job) => {
    if (job)
      (log ?? console).error(
        { err: error, job },
        `background job ${job.name} failed (attempt ${job.attempt})`,
      );
    else (log ?? console).error({ err: error }, 'job queue error');
  });
  const payments = config.stripe ? createStripeGateway(config.stripe) : undefined;

  const app = await buildApp({
    config,
    db: database.db,
    jobs,
    notifications: database.notifications,
    ...(payments ? { payments } : {}),
  });
  log = app.log;
  // After the requests in flight: stop the jobs (letting those running finish), then the database they use.
  app.addHook('onClose', async () => {
    try {
      await jobs.stop();
    } finally {
      await database.close();
    }
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: no new requests, finishing those in flight');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  // Jobs start once the API serves, so a slow queue start never delays readiness; a job
  // sent before this (pg-boss) waits in the database for the workers.
  await jobs.start();
  const engine =
    database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
  console.log(`\nImpactbeurs API listening on ${config.publicUrl} (${engine})`);
  console.log(`API docs: ${config.publicUrl}/docs   OpenAPI: ${config.publicUrl}/openapi.json\n`);
  if (demoLogins) console.log(`${formatDemoLogins(demoLogins)}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Impactbeurs failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
