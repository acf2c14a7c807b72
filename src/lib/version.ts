import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package version, found from src/lib (tsx) or dist/src/lib (compiled). */
function readVersion(): string {
  for (const relative of ['../../package.json', '../../../package.json']) {
    const file = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(file))
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

export const APP_VERSION = readVersion();
