import { generateSigningJwk, publicJwkOf } from '../modules/certificates/signing.js';

/**
 * `npx tsx src/cli/signing-key.ts` prints a new Ed25519 certificate-signing key:
 * the private JWK for SIGNING_PRIVATE_KEY (keep it secret) and, for the day it is
 * rotated out, its public JWK to append to SIGNING_RETIRED_PUBLIC_KEYS.
 */
const jwk = generateSigningJwk();
process.stdout.write(
  [
    '# SIGNING_PRIVATE_KEY (secret):',
    JSON.stringify(jwk),
    '',
    '# its public key, for SIGNING_RETIRED_PUBLIC_KEYS once a newer key replaces it:',
    JSON.stringify(publicJwkOf(jwk)),
    '',
  ].join('\n'),
);
