import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { migrateToLatest, MIGRATIONS_DIR } from '../../src/db/migrator.js';
import { createTestDatabase } from '../helpers/database.js';

describe('migrations', () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  it('are all applied to the test database, in file order', async () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
      .map((file) => file.replace(/\.(ts|js)$/, ''))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(/^\d{14}_[a-z0-9_]+$/);

    const applied = await sql<{
      name: string;
    }>`SELECT name FROM kysely_migration ORDER BY name`.execute(database.db);
    expect(applied.rows.map((row) => row.name)).toEqual(files);
  });

  it('are idempotent: migrating an up-to-date database applies nothing', async () => {
    const countBefore = await sql<{
      n: string;
    }>`SELECT count(*)::text AS n FROM kysely_migration`.execute(database.db);
    expect(await migrateToLatest(database.db)).toEqual([]);
    expect(await migrateToLatest(database.db)).toEqual([]);
    const countAfter = await sql<{
      n: string;
    }>`SELECT count(*)::text AS n FROM kysely_migration`.execute(database.db);
    expect(countAfter.rows).toEqual(countBefore.rows);

    // The schema is intact and usable afterwards.
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name
    `.execute(database.db);
    expect(tables.rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        'audit_events',
        'invitations',
        'login_failures',
        'organisations',
        'refresh_tokens',
        'users',
      ]),
    );
  });
});
