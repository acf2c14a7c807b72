import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of the test's own (initdb and pg_ctl from the machine's
 * /usr/lib/postgresql/<version>/bin), in a temporary folder, on a free port, that the test
 * may restart as it likes. As root, every command runs as the `postgres` OS user (which
 * owns the folder): PostgreSQL refuses to run as root.
 */
export interface OwnPostgres {
  /** postgres:// URL of the given database on this cluster. */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  stop(): Promise<void>;
}

interface Binaries {
  bin: string;
  /** The command prefix that runs a command as the cluster's owner. */
  asOwner: string[];
  uid: number | undefined;
  gid: number | undefined;
}

/** Where the binaries are and who runs them, or why the test cannot start a cluster here. */
export async function findPostgresBinaries(): Promise<Binaries | { skip: string }> {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^[0-9]+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const version = versions.find(
    (v) => existsSync(`${root}/${v}/bin/initdb`) && existsSync(`${root}/${v}/bin/pg_ctl`),
  );
  if (!version) return { skip: `no initdb and pg_ctl under ${root}/*/bin` };
  const bin = `${root}/${version}/bin`;
  if (process.getuid?.() !== 0) return { bin, asOwner: [], uid: undefined, gid: undefined };
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find(existsSync);
    if (!runuser) return { skip: 'running as root, and no runuser to run PostgreSQL as postgres' };
    return { bin, asOwner: [runuser, '-u', 'postgres', '--'], uid, gid };
  } catch {
    return { skip: 'running as root, and there is no `postgres` OS user to run PostgreSQL as' };
  }
}

export async function startOwnPostgres(binaries: Binaries, port: number): Promise<OwnPostgres> {
  const folder = await mkdtemp(path.join(tmpdir(), 'impactbeurs-own-pg-'));
  const data = path.join(folder, 'data');
  if (binaries.uid !== undefined) await chown(folder, binaries.uid, binaries.gid!);
  const as = async (command: string, args: string[]) => {
    const [file, ...prefix] = [...binaries.asOwner, `${binaries.bin}/${command}`];
    return run(file!, [...prefix, ...args], { cwd: folder, timeout: 120_000 });
  };
  await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = [
    `-p ${port}`,
    `-k ${folder}`,
    "-c listen_addresses='127.0.0.1'",
    '-c max_connections=100',
    '-c shared_buffers=32MB',
  ].join(' ');
  const ctl = (...args: string[]) =>
    as('pg_ctl', ['-D', data, '-l', path.join(folder, 'log'), '-w', '-t', '60', ...args]);
  await ctl('-o', options, 'start');
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
    },
    async restart(mode) {
      await ctl('-o', options, '-m', mode, 'restart');
    },
    async stop() {
      try {
        await ctl('-m', 'immediate', 'stop');
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}
