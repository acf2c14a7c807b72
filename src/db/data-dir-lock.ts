import { mkdirSync } from 'node:fs';
import lockfile from 'proper-lockfile';

/**
 * Two processes on one PGlite folder silently diverge and corrupt it, so the embedded
 * database's folder is locked for as long as the process holds it open.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  try {
    // The lock's mtime is refreshed from the event loop, which PGlite blocks while it runs
    // initdb on a new folder: 10–16 s on a busy machine. A shorter stale time let a second
    // opener take over a folder still in use. The cost: after a hard kill (no exit
    // handlers ran) the folder stays locked for up to a minute.
    return await lockfile.lock(dir, { stale: 60_000, update: 5_000, realpath: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new Error(
        `The embedded database in ${dir} is in use by another process. Stop it first, or set DATA_DIR to another folder.`,
        { cause: error },
      );
    }
    throw error;
  }
}
