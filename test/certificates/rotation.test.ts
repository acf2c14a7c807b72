import { createPrivateKey } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CompactSign } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import {
  CERTIFICATE_JWS_TYP,
  generateSigningJwk,
  JWS_ALG,
  publicJwkOf,
} from '../../src/modules/certificates/signing.js';
import { testConfig } from '../helpers/app.js';
import { expectStatus, type Person, TestContext, type OrderJson } from '../factory/index.js';

/**
 * Key rotation through the routes: a certificate signed under key A keeps verifying after
 * the app is rebuilt with key B current and A retired (same database), and the JWKS then
 * publishes both kids. A JWS signed by a key the app never had does not verify.
 */
describe('certificate signing key rotation', () => {
  const keyA = generateSigningJwk();
  const keyB = generateSigningJwk();
  const stranger = generateSigningJwk();
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let rotated: FastifyInstance;
  let jws: string;
  let number: string;

  const verifyJws = (app: FastifyInstance, token: string) =>
    app.inject({ method: 'POST', url: '/v1/verify/jws', payload: { jws: token } });

  /** The same payload, signed by `key` under the kid `kid`. */
  async function resign(token: string, key: typeof stranger, kid: string): Promise<string> {
    const payload = Buffer.from(token.split('.')[1]!, 'base64url');
    return new CompactSign(payload)
      .setProtectedHeader({ alg: JWS_ALG, kid, typ: CERTIFICATE_JWS_TYP })
      .sign(createPrivateKey({ key: key, format: 'jwk' }));
  }

  beforeAll(async () => {
    t = await TestContext.create({
      env: { SIGNING_PRIVATE_KEY: JSON.stringify(keyA), MAX_RESERVED_SHARE_PERCENT: '100' },
    });
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    const api = t.orders;
    const projectId = (await t.newListedProject({ credits: 10, title: 'Rotatie' })).id;
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 2,
      paymentMethod: 'invoice',
    });
    const paid = await api.markPaid(admin.as, order.id, order.amountCents);
    expectStatus(paid, 200);
    const certificate = paid.json<OrderJson>().certificate!;
    number = certificate.number;
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/certificates/${certificate.id}/jws`,
      headers: supplier.as.headers,
    });
    expectStatus(response, 200);
    expect(response.json().kid).toBe(keyA.kid);
    jws = response.json().jws;
    expect((await verifyJws(t.app, jws)).json()).toMatchObject({ valid: true, kid: keyA.kid });

    // Rotate: rebuild on the same database with B current and A's public half retired.
    await t.app.close();
    rotated = await buildApp({
      config: testConfig({
        SIGNING_PRIVATE_KEY: JSON.stringify(keyB),
        SIGNING_RETIRED_PUBLIC_KEYS: JSON.stringify([publicJwkOf(keyA)]),
      }),
      db: t.db,
      clock: t.clock,
      logger: false,
    });
    await rotated.ready();
  }, 120_000);
  afterAll(async () => {
    await rotated?.close();
    await t?.database.close();
  });

  it('still verifies a JWS signed under the retired key', async () => {
    const response = await verifyJws(rotated, jws);
    expectStatus(response, 200);
    expect(response.json()).toMatchObject({
      valid: true,
      kid: keyA.kid,
      certificate: { status: 'active', number },
    });
  });

  it('publishes both kids in the JWKS, the current one first', async () => {
    const response = await rotated.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expectStatus(response, 200);
    const { keys } = response.json<{ keys: { kid: string; x: string; d?: string }[] }>();
    expect(keys.map((k) => k.kid)).toEqual([keyB.kid, keyA.kid]);
    expect(keys.map((k) => k.x)).toEqual([keyB.x, keyA.x]);
    expect(keys.every((k) => k.d === undefined)).toBe(true);
  });

  it('refuses a JWS signed by an unknown key, under its own kid or under a known one', async () => {
    const unknownKid = await verifyJws(rotated, await resign(jws, stranger, stranger.kid));
    expectStatus(unknownKid, 200);
    expect(unknownKid.json()).toMatchObject({ valid: false, reason: 'unknown_kid' });
    const borrowedKid = await verifyJws(rotated, await resign(jws, stranger, keyA.kid));
    expect(borrowedKid.json()).toMatchObject({ valid: false, reason: 'bad_signature' });
    // The control: the same payload re-signed by the retired key itself still verifies.
    expect((await verifyJws(rotated, await resign(jws, keyA, keyA.kid))).json()).toMatchObject({
      valid: true,
      kid: keyA.kid,
    });
  });
});
