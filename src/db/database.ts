import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './types.js';
import { lockDataDir } from './data-dir-lock.js';
import { type Notifications, pgliteNotifications, postgresNotifications } from './notifications.js';

export type Engine = 'postgres' | 'pglite';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** LISTEN/NOTIFY on this database (caches use it to forget what changed). */
  notifications: Notifications;
  close(): Promise<void>;
}

/**
 * Both engines read values the same way:
 * - int8 (bigint: cents, counts, ids) as a number while it is a safe integer, else as a
 *   bigint, never silently rounded (PGlite's own behaviour, given to pg as well);
 * - date (date-only) as the 'YYYY-MM-DD' text it is, with no time zone to shift it.
 */
const parseInt8 = (value: string): number | bigint => {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : BigInt(value);
};
const parseDate = (value: string): string => value;
pg.types.setTypeParser(pg.types.builtins.INT8, parseInt8);
pg.types.setTypeParser(pg.types.builtins.DATE, parseDate);

/**
 * Options for every PGlite instance (the embedded database and test clones alike).
 * btree_gist backs the exclusion constraint that keeps credit serial ranges apart.
 */
export const PGLITE_OPTIONS = { parsers: { 1082: parseDate }, extensions: { btree_gist } };

export function openPostgres(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle connection that the server drops (restart, failover) must not crash the
  // process: the pool discards it and the next query opens a fresh one.
  pool.on('error', (error) =>
    console.warn(`PostgreSQL pool: idle connection lost (${error.message})`),
  );
  // A connection lost while checked out but between two queries (inside a transaction,
  // say) reports to the client itself; without a listener that error would crash the
  // process. The statement in progress, if any, fails on its own, and the pool discards
  // the broken client when it is released.
  pool.on('connect', (client) => {
    client.on('error', (error) =>
      console.warn(`PostgreSQL pool: connection in use lost (${error.message})`),
    );
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    notifications: postgresNotifications(connectionString),
    close: () => db.destroy(),
  };
}

/** Wraps an already open PGlite instance (tests hand in a clone of a migrated template). */
export function wrapPGlite(pglite: PGlite, onClose?: () => Promise<void>): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    notifications: pgliteNotifications(pglite),
    close: async () => {
      await db.destroy();
      await onClose?.();
    },
  };
}

/** The embedded database: PostgreSQL compiled to WebAssembly, its files in DATA_DIR/pgdata. */
export async function openEmbedded(dataDir: string): Promise<Database> {
  const folder = path.join(dataDir, 'pgdata');
  const release = await lockDataDir(folder);
  try {
    const pglite = await PGlite.create(folder, PGLITE_OPTIONS);
    return wrapPGlite(pglite, release);
  } catch (error) {
    await release();
    throw error;
  }
}

export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  databasePoolSize?: number;
}): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, { max: options.databasePoolSize ?? 10 })
    : openEmbedded(options.dataDir);
}

export async function isReachable(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
