import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openEmbedded } from '../../src/db/database.js';

describe('the embedded database folder is locked while open', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'impactbeurs-lock-'));
  const open: Database[] = [];

  afterAll(async () => {
    for (const database of open) await database.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Creating an embedded database runs initdb in WebAssembly: seconds, more under load.
  it('refuses a second opener, and lets one in again after the first closes', async () => {
    const first = await openEmbedded(dataDir);
    open.push(first);
    await sql`CREATE TABLE kept (value text)`.execute(first.db);
    await sql`INSERT INTO kept VALUES ('written by the first')`.execute(first.db);

    await expect(openEmbedded(dataDir)).rejects.toThrow(/in use by another process/);
    await expect(openEmbedded(dataDir)).rejects.toThrow(dataDir);
    // The refused opener did not disturb the one that holds the folder.
    const stillThere = await sql<{ value: string }>`SELECT value FROM kept`.execute(first.db);
    expect(stillThere.rows).toEqual([{ value: 'written by the first' }]);

    await first.close();
    open.splice(open.indexOf(first), 1);
    expect(existsSync(path.join(dataDir, 'pgdata.lock'))).toBe(false);

    const second = await openEmbedded(dataDir);
    open.push(second);
    const reopened = await sql<{ value: string }>`SELECT value FROM kept`.execute(second.db);
    expect(reopened.rows).toEqual([{ value: 'written by the first' }]);
    await second.close();
    open.splice(open.indexOf(second), 1);
  }, 90_000);
});
