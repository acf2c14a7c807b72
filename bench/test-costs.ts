/**
 * What one test file pays before its first assertion, in CPU milliseconds (which a shared,
 * loaded machine inflates less than wall time):
 *
 *   npm run bench:test-costs
 *
 *   verify (service cost)   argon2id verify of a hash made at the service's cost (19 MiB, 2 passes)
 *   verify (fixture cost)   the same for the fixture users' hash (64 KiB, 1 pass; test/helpers/fixtures.ts)
 *   import app              importing src/app.ts and the test factory, in a fresh process
 *   migrate template        a new embedded database migrated (once per test run)
 *   clone template          a test file's database made from the migrated template's dump
 *
 * See docs/benchmarks.md (CI timings) for how these shaped vitest.config.ts.
 */
import { execFileSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import { hash, verify } from '@node-rs/argon2';
import { PGLITE_OPTIONS, wrapPGlite } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrator.js';

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function perCall(label: string, times: number, work: () => Promise<unknown>) {
  const start = cpuMs();
  for (let i = 0; i < times; i++) await work();
  console.info(`${label.padEnd(24)} ${((cpuMs() - start) / times).toFixed(1).padStart(8)} ms`);
}

const password = 'correct horse battery staple';
const serviceHash = await hash(password, {
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
});
const fixtureHash = await hash(password, {
  algorithm: 2,
  memoryCost: 64,
  timeCost: 1,
  parallelism: 1,
});
await perCall('verify (service cost)', 10, () => verify(serviceHash, password));
await perCall('verify (fixture cost)', 10, () => verify(fixtureHash, password));

// A fresh process, as a vitest fork with isolation had for every file.
const root = new URL('..', import.meta.url).pathname;
const imported = execFileSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    `const s = process.cpuUsage(); await import('./src/app.ts'); await import('./test/factory/index.ts');
     const e = process.cpuUsage(s); console.log(((e.user + e.system) / 1000).toFixed(1));`,
  ],
  { cwd: root, encoding: 'utf8' },
);
console.info(`${'import app'.padEnd(24)} ${imported.trim().padStart(8)} ms`);

const start = cpuMs();
const pglite = await PGlite.create(PGLITE_OPTIONS);
await migrateToLatest(wrapPGlite(pglite).db);
console.info(`${'migrate template'.padEnd(24)} ${(cpuMs() - start).toFixed(1).padStart(8)} ms`);
const dump = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
await pglite.close();
await perCall('clone template', 3, async () => {
  const clone = await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: new Blob([dump]) });
  await clone.query('SELECT 1');
  await clone.close();
});
