import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Webhook signing secrets at rest: AES-256-GCM with a key from configuration
 * (WEBHOOK_SECRET_KEY). A stored secret is `enc:v1:<key id>:<iv>:<tag>:<ciphertext>`
 * (base64url parts; the key id is the first 8 hex digits of the key's SHA-256), so a
 * database dump alone cannot sign a delivery. Keys named in WEBHOOK_SECRET_PREVIOUS_KEYS
 * still decrypt, and `needsResealing` tells which rows to encrypt again under the current
 * key (docs/operations.md, rotating the key). A plaintext `whsec_…` written before
 * encryption is read as it is and resealed the same way.
 */
export interface SecretBox {
  seal(secret: string): string;
  open(stored: string): string;
  needsResealing(stored: string): boolean;
}

const PREFIX = 'enc:v1:';

export const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export function createSecretBox(current: Buffer, previous: readonly Buffer[] = []): SecretBox {
  if (current.length !== 32) throw new Error('the webhook secret key must be 32 bytes');
  const currentId = keyIdOf(current);
  const keys = new Map<string, Buffer>([...previous.map((key) => [keyIdOf(key), key] as const)]);
  keys.set(currentId, current);

  return {
    seal(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${PREFIX}${currentId}:${iv.toString('base64url')}:${tag.toString('base64url')}:${ciphertext.toString('base64url')}`;
    },

    open(stored) {
      if (!stored.startsWith(PREFIX)) return stored; // written before encryption
      const [keyId, iv, tag, ciphertext] = stored.slice(PREFIX.length).split(':');
      const key = keys.get(keyId ?? '');
      if (!key || !iv || !tag || ciphertext === undefined)
        throw new Error(`webhook secret sealed with an unknown key (${keyId ?? '?'})`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },

    needsResealing(stored) {
      return !stored.startsWith(`${PREFIX}${currentId}:`);
    },
  };
}
