import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPostgres, PGLITE_OPTIONS, wrapPGlite } from '../../src/db/database.js';
import { withDatabase } from '../global-setup.js';

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<Database> {
  const template = inject('pgTemplate');
  if (template) {
    const name = `impactbeurs_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await withAdmin(template.url, (admin) =>
      admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.database}`),
    );
    const database = openPostgres(withDatabase(template.url, name), { max: 20 });
    return {
      ...database,
      close: async () => {
        await database.close();
        await withAdmin(template.url, (admin) =>
          admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
        );
      },
    };
  }
  const file = inject('pgliteTemplateFile');
  if (!file) throw new Error('global setup provided no template database');
  const pglite = await PGlite.create({
    ...PGLITE_OPTIONS,
    loadDataDir: new Blob([await readFile(file)]),
  });
  return wrapPGlite(pglite);
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  // CREATE DATABASE ... TEMPLATE fails while another clone of the same template is being
  // made at that instant; retry briefly, as parallel test files start together.
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } catch (error) {
      if (attempt >= 10 || !/being accessed by other users/.test(String((error as Error).message)))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    } finally {
      await client.end();
    }
  }
}
