import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import {
  createCertificateSigner,
  generateSigningJwk,
  signingKeysFromJwks,
} from '../modules/certificates/signing.js';
import { wrapPGlite } from '../db/database.js';
import { ERROR_REFERENCE_FILE, renderErrorReference } from './error-reference.js';

/**
 * `npm run openapi` writes openapi/openapi.json from the route schemas, and docs/errors.md
 * from the error catalogue; `npm run openapi:check` fails when a checked-in file differs.
 */
export const OPENAPI_FILE = fileURLToPath(new URL('../../openapi/openapi.json', import.meta.url));

export async function generateOpenApi(): Promise<string> {
  // The document depends only on the routes; an empty in-memory database is enough to build the app.
  const database = wrapPGlite(new PGlite());
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'x'.repeat(32),
    DATA_DIR: '/nonexistent-unused',
  });
  // The document does not depend on the keys: a throwaway one keeps DATA_DIR untouched.
  const signer = createCertificateSigner(
    signingKeysFromJwks(generateSigningJwk()),
    config.publicUrl,
  );
  const app = await buildApp({ config, db: database.db, logger: false, signer });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await database.close();
  }
}

async function main(mode: string | undefined): Promise<void> {
  const documents = [
    { file: OPENAPI_FILE, text: await generateOpenApi(), source: 'the route schemas' },
    { file: ERROR_REFERENCE_FILE, text: renderErrorReference(), source: 'the error catalogue' },
  ];
  let stale = false;
  for (const { file, text, source } of documents) {
    if (mode === 'write') {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
      console.log(`Wrote ${file}`);
    } else if ((await readFile(file, 'utf8').catch(() => '')) !== text) {
      console.error(
        `${file} is out of date with ${source}. Run \`npm run openapi\` and commit the result.`,
      );
      stale = true;
    } else {
      console.log(`${file} matches ${source}`);
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv[2]);
}
