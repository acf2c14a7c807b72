import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createWorld, signIn } from '../helpers/fixtures.js';

describe('text the database cannot store', () => {
  let t: TestApp;
  let admin: { authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    const world = await createWorld(t.db);
    admin = (await signIn(t.app, world.admin)).headers;
  });
  afterAll(() => t.close());

  it('answers 400 problem+json, not 500, for a NUL character in a text field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/organisations',
      headers: admin,
      payload: { kind: 'supplier', name: 'Bad\u0000Name B.V.', kvkNumber: '55443322' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'VALIDATION.INVALID_CHARACTERS', status: 400 });
    const stored = await t.db
      .selectFrom('organisations')
      .select('id')
      .where('kvk_number', '=', '55443322')
      .executeTakeFirst();
    expect(stored).toBeUndefined();
  });
});
