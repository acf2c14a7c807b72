import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeDrift,
  dumpSchema,
  generateTypes,
  openMigratedPGlite,
  SCHEMA_FILE,
  TYPES_FILE,
} from '../../src/cli/db-schema.js';

/**
 * db/schema.sql and src/db/schema.generated.ts are generated from the migrations
 * (`npm run db:schema && npm run db:types`); `npm run db:check` fails when either is stale.
 * This proves both halves: the checked-in files match a freshly migrated database, and a
 * schema change that was not regenerated is caught, with a diff naming what changed.
 * The files come from PGlite whatever TEST_DATABASE_URL says: they do not depend on the server.
 */
describe('generated schema files', () => {
  let migrated: Awaited<ReturnType<typeof openMigratedPGlite>>;

  beforeAll(async () => {
    migrated = await openMigratedPGlite();
  }, 180_000);
  afterAll(() => migrated?.database.close());

  it('match the migrated schema, and a change that was not regenerated fails the check', async () => {
    const [schemaFile, typesFile] = await Promise.all([
      readFile(SCHEMA_FILE, 'utf8'),
      readFile(TYPES_FILE, 'utf8'),
    ]);
    expect(describeDrift(schemaFile, await dumpSchema(migrated.pglite))).toBeNull();
    expect(describeDrift(typesFile, await generateTypes(migrated.database.db))).toBeNull();

    // What a new or edited migration would do: a column with a CHECK list, a new trigger body.
    await migrated.pglite.exec(`
      ALTER TABLE orders ADD COLUMN drift_probe text CHECK (drift_probe IN ('one', 'two'));
      CREATE OR REPLACE FUNCTION refuse_payout_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RETURN NEW; END
      $$;
    `);
    const schemaDrift = describeDrift(schemaFile, await dumpSchema(migrated.pglite));
    expect(schemaDrift).toMatch(/^\+ {4}drift_probe text,$/m);
    expect(schemaDrift).toMatch(/^\+ {6}BEGIN RETURN NEW; END$/m);
    const typesDrift = describeDrift(typesFile, await generateTypes(migrated.database.db));
    expect(typesDrift).toMatch(/^\+ {2}drift_probe: 'one' \| 'two' \| null;$/m);
  }, 120_000);
});
