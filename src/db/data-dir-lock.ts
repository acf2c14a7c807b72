import { mkdirSync } from 'node:fs';
import lockfile from 'proper-lockfile';

/**
 * Two processes on one PGlite folder silently diverge and corrupt it, so the embedded
 * database's folder is locked for as long as the process holds it open.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  try {
    return await lockfile.lock(dir, { stale: 15_000, update: 5_000, realpath: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new Error(
        `The embedded database in ${dir} is in use by another process. Stop it first, or set DATA_DIR to another folder.`,
      );
    }
    throw error;
  }
}
