import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, TestContext } from '../factory/index.js';

describe('text the database cannot store', () => {
  let t: TestContext;
  let admin: Person;

  beforeAll(async () => {
    t = await TestContext.create();
    admin = await t.platformAdmin();
  });
  afterAll(() => t?.close());

  it('answers 400 problem+json, not 500, for a NUL character in a text field', async () => {
    const response = await t.post(admin, '/v1/organisations', {
      kind: 'supplier',
      name: 'Bad\u0000Name B.V.',
      kvkNumber: '55443322',
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
