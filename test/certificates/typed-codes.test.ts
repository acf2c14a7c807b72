import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeCode } from '../../src/modules/certificates/verification-code.js';
import { type ListedProject, type Person, TestContext } from '../factory/index.js';

/** Ways a person types a code read off paper, each meaning the same certificate. */
function typedForms(code: string): Record<string, string> {
  const groups = code.match(/.{1,4}/g)!;
  // The alphabet has no O, I or L: where the code has 0 or 1, a reader may type those.
  const lookAlike = code.replace(/0/g, 'o').replace(/1/g, 'l');
  return {
    lowerCase: code.toLowerCase(),
    spaced: groups.join(' '),
    dashed: groups.join('-'),
    mixed: ` ${groups.join(' - ').toLowerCase()} `,
    wordProcessorDash: groups.join('\u2013'),
    lookAlike,
    lookAlikeI: code.replace(/1/g, 'I'),
  };
}

describe('verification codes as people type them', () => {
  let t: TestContext;
  let supplier: Person;
  let project: ListedProject;
  let code: string;

  beforeAll(async () => {
    t = await TestContext.create({ env: { VERIFY_RATE_LIMIT_PER_MINUTE: '1000000' } });
    supplier = await t.newSupplier();
    project = await t.newListedProject({ credits: 200 });
    code = (await t.newCertificate({ owner: supplier, project })).verificationCode;
  }, 120_000);
  afterAll(() => t.close());

  it('normalises to the canonical code, and only to it', () => {
    for (const [form, typed] of Object.entries(typedForms(code)))
      expect(normalizeCode(typed), form).toBe(code);
    expect(normalizeCode('0o1iIlL'.padEnd(26, 'A'))).toBe('0011111'.padEnd(26, 'A'));
    // U is not in the alphabet and has no look-alike: not a code.
    expect(normalizeCode(`${code.slice(0, 25)}U`)).toBeUndefined();
    expect(normalizeCode(code.slice(1))).toBeUndefined();
  });

  it('GET /v1/verify/{code} answers the same certificate for every typed form', async () => {
    const canonical = await t.app.inject({ method: 'GET', url: `/v1/verify/${code}` });
    expect(canonical.statusCode, canonical.body).toBe(200);
    for (const [form, typed] of Object.entries(typedForms(code))) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/v1/verify/${encodeURIComponent(typed)}`,
      });
      expect(response.statusCode, `${form}: ${response.body}`).toBe(200);
      expect(response.body, form).toBe(canonical.body);
    }
  });

  it('the page /verify/{code} answers 301 to the canonical address, keeping the query', async () => {
    for (const [form, typed] of Object.entries(typedForms(code))) {
      // A random code may hold no 0 or 1, and then its look-alike form is the code itself.
      if (typed === code) continue;
      const response = await t.app.inject({
        method: 'GET',
        url: `/verify/${encodeURIComponent(typed)}?lang=en`,
      });
      expect(response.statusCode, form).toBe(301);
      expect(response.headers.location, form).toBe(`/verify/${code}?lang=en`);
    }
    const page = await t.app.inject({ method: 'GET', url: `/verify/${code}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });

  it('still answers 404 for a code that is no certificate, however it is typed', async () => {
    const unknown = code.startsWith('0') ? `1${code.slice(1)}` : `0${code.slice(1)}`;
    const typed = unknown
      .toLowerCase()
      .match(/.{1,4}/g)!
      .join(' ');
    const api = await t.app.inject({
      method: 'GET',
      url: `/v1/verify/${encodeURIComponent(typed)}`,
    });
    expect(api.statusCode).toBe(404);
    const page = await t.app.inject({ method: 'GET', url: `/verify/${encodeURIComponent(typed)}` });
    expect(page.statusCode).toBe(301);
    expect(page.headers.location).toBe(`/verify/${unknown}`);
    expect((await t.app.inject({ method: 'GET', url: page.headers.location! })).statusCode).toBe(
      404,
    );
    // Not a code at all: no redirect, the not-found page repeating what was typed.
    const garbage = await t.app.inject({ method: 'GET', url: '/verify/geen-code' });
    expect(garbage.statusCode).toBe(404);
    expect(garbage.body).toContain('geen-code');
  });
});
