import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox, keyIdOf } from '../../src/modules/webhooks/secret-box.js';
import { expectStatus, TestContext } from '../factory/index.js';
import { TEST_WEBHOOK_SECRET_KEY } from '../helpers/app.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OLD = Buffer.alloc(32, 1);
const NEW = Buffer.alloc(32, 2);

describe('webhook secrets at rest (AES-256-GCM)', () => {
  it('seals a secret so that only the key opens it, and never the same way twice', () => {
    const box = createSecretBox(NEW);
    const sealed = box.seal(SECRET);
    expect(sealed).toMatch(new RegExp(`^enc:v1:${keyIdOf(NEW)}:`));
    expect(sealed).not.toContain(SECRET.slice(6));
    expect(box.seal(SECRET)).not.toBe(sealed);
    expect(box.open(sealed)).toBe(SECRET);
    expect(box.needsResealing(sealed)).toBe(false);

    // Another key cannot open it; a changed ciphertext is refused (GCM's tag).
    expect(() => createSecretBox(OLD).open(sealed)).toThrow(/unknown key/);
    const parts = sealed.split(':');
    const ciphertext = Buffer.from(parts[5]!, 'base64url');
    ciphertext[0]! ^= 1;
    parts[5] = ciphertext.toString('base64url');
    expect(() => box.open(parts.join(':'))).toThrow();
  });

  it('opens what an earlier key sealed during a rotation, and says it needs resealing', () => {
    const before = createSecretBox(OLD).seal(SECRET);
    const rotated = createSecretBox(NEW, [OLD]);
    expect(rotated.open(before)).toBe(SECRET);
    expect(rotated.needsResealing(before)).toBe(true);
    // A plaintext secret from before encryption is read as it is, and resealed too.
    expect(rotated.open(SECRET)).toBe(SECRET);
    expect(rotated.needsResealing(SECRET)).toBe(true);
  });
});

describe('resealing stored secrets', () => {
  let t: TestContext;
  beforeAll(async () => {
    // A rotation under way: the old key is still named, so what it sealed can be opened.
    t = await TestContext.create({ env: { WEBHOOK_SECRET_PREVIOUS_KEYS: OLD.toString('base64') } });
  });
  afterAll(async () => {
    await t.close();
  });

  async function newEndpoint(): Promise<{ id: string; secret: string }> {
    const coordinator = await t.newAuthority();
    const created = await t.post(coordinator.as, '/v1/webhook-endpoints', {
      url: 'https://93.184.216.34/hook',
      eventTypes: ['claim.submitted'],
    });
    expectStatus(created, 201);
    return created.json<{ id: string; secret: string }>();
  }

  const stored = (id: string) =>
    t.db
      .selectFrom('webhook_endpoints')
      .select(['secret', 'previous_secret'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('encrypts plaintext and old-key secrets under the current key; a key no longer known is skipped', async () => {
    const current = createSecretBox(Buffer.from(TEST_WEBHOOK_SECRET_KEY, 'base64'));
    const legacy = await newEndpoint();
    const previous = 'whsec_b2xkLXNlY3JldC1vbGQ=';
    // As written before encryption (plaintext), with a previous secret sealed by the old key.
    await t.db
      .updateTable('webhook_endpoints')
      .set({
        secret: legacy.secret,
        previous_secret: createSecretBox(OLD).seal(previous),
        previous_secret_expires_at: new Date(t.clock.now().getTime() + 3600_000),
      })
      .where('id', '=', legacy.id)
      .execute();
    // One sealed with a key that is no longer configured at all.
    const lost = await newEndpoint();
    const unknown = createSecretBox(Buffer.alloc(32, 5)).seal(lost.secret);
    await t.db
      .updateTable('webhook_endpoints')
      .set({ secret: unknown })
      .where('id', '=', lost.id)
      .execute();

    await t.runJob('webhooks.reseal-secrets');
    const row = await stored(legacy.id);
    expect(current.needsResealing(row.secret)).toBe(false);
    expect(current.open(row.secret)).toBe(legacy.secret);
    expect(current.needsResealing(row.previous_secret!)).toBe(false);
    expect(current.open(row.previous_secret!)).toBe(previous);
    expect((await stored(lost.id)).secret).toBe(unknown);

    // Running it again changes nothing.
    await t.runJob('webhooks.reseal-secrets');
    expect((await stored(legacy.id)).secret).toBe(row.secret);
  });
});
