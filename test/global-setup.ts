import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres, PGLITE_OPTIONS, wrapPGlite } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrator.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set when TEST_DATABASE_URL is: the migrated template database on that server. */
    pgTemplate: { url: string; database: string } | null;
    /** Otherwise: a migrated PGlite data directory, dumped to this file. */
    pgliteTemplateFile: string | null;
  }
}

/**
 * Migrates once per test run into a template, which every test file then clones:
 * a template database on the PostgreSQL server when TEST_DATABASE_URL is set,
 * a dumped PGlite data directory otherwise.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const database = `impactbeurs_tpl_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = withDatabase(serverUrl, database);
    const template = openPostgres(url, { max: 1 });
    await migrateToLatest(template.db);
    await template.close();
    project.provide('pgTemplate', { url: serverUrl, database });
    project.provide('pgliteTemplateFile', null);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    };
  }

  const folder = await mkdtemp(path.join(tmpdir(), 'impactbeurs-test-'));
  const pglite = await PGlite.create(PGLITE_OPTIONS);
  const template = wrapPGlite(pglite);
  await migrateToLatest(template.db);
  const dump = await pglite.dumpDataDir('none');
  const file = path.join(folder, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await template.close();
  project.provide('pgTemplate', null);
  project.provide('pgliteTemplateFile', file);
  return async () => {
    await rm(folder, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
