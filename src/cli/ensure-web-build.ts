import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start` runs this first: it builds the web app (vite build) only when web/dist is
 * missing or older than the app's sources, the API types or the lockfile, so a fresh clone
 * serves the app after `npm install && npm start` and a second start skips the build.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST_INDEX = path.join(ROOT, 'web', 'dist', 'index.html');
const INPUTS = [
  path.join(ROOT, 'web', 'src'),
  path.join(ROOT, 'web', 'index.html'),
  path.join(ROOT, 'web', 'vite.config.ts'),
  path.join(ROOT, 'openapi', 'api.d.ts'),
  path.join(ROOT, 'package-lock.json'),
];

function newest(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newest(path.join(file, name))));
}

export function webBuildIsStale(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  const built = statSync(DIST_INDEX).mtimeMs;
  return INPUTS.some((input) => newest(input) > built);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (!webBuildIsStale()) {
    console.log('Web app is up to date (web/dist).');
  } else if (!existsSync(path.join(ROOT, 'node_modules', 'vite'))) {
    // A production install (npm ci --omit=dev) has no build tools: serve the API only.
    console.log('Web app not built and vite is not installed: starting the API only.');
  } else {
    console.log('Building the web app (web/dist)…');
    const result = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        'web',
        '--logLevel',
        'warn',
      ],
      {
        cwd: ROOT,
        stdio: 'inherit',
        // Callers such as the browser tests run under NODE_ENV=test; the build must be production's.
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
