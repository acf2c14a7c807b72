import { readFile, writeFile, mkdir } from 'node:fs/promises';
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

/**
 * `npm run openapi` writes openapi/openapi.json from the route schemas;
 * `npm run openapi:check` fails when the checked-in file differs from them.
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
  const generated = await generateOpenApi();
  if (mode === 'write') {
    await mkdir(fileURLToPath(new URL('../../openapi/', import.meta.url)), { recursive: true });
    await writeFile(OPENAPI_FILE, generated);
    console.log(`Wrote ${OPENAPI_FILE}`);
    return;
  }
  const current = await readFile(OPENAPI_FILE, 'utf8').catch(() => '');
  if (current !== generated) {
    console.error(
      'openapi/openapi.json is out of date with the route schemas. Run `npm run openapi` and commit the result.',
    );
    process.exit(1);
  }
  console.log('openapi/openapi.json matches the routes');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv[2]);
}
