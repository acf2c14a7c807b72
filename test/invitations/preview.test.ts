import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../src/db/types.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type SignedIn, signIn } from '../helpers/fixtures.js';

const PASSWORD = 'een lang genoeg wachtwoord';

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

let sequence = 0;
const nextAddress = () => `10.50.${Math.floor(++sequence / 250)}.${(sequence % 250) + 1}`;
const newEmail = () => `preview.${process.pid}.${++sequence}@uitnodiging.example`;

describe('POST /v1/invitations/preview', () => {
  let t: TestApp;
  let admin: SignedIn;
  let supplier: OrganisationRow;

  beforeAll(async () => {
    t = await createTestApp();
    const platform = await createOrganisation(t.db, 'platform', { kvkNumber: null });
    admin = await signIn(t.app, await createUser(t.db, platform, 'admin'), nextAddress());
    supplier = await createOrganisation(t.db, 'supplier', { name: 'Bouwbedrijf De Vries B.V.' });
  });
  afterAll(() => t.close());

  async function invite(organisation: OrganisationRow, email = newEmail()) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/v1/organisations/${organisation.id}/invitations`,
      headers: admin.headers,
      payload: { email, role: 'member' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return { email, ...response.json<{ token: string; invitation: { expiresAt: string } }>() };
  }

  const preview = (token: string) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/invitations/preview',
      payload: { token },
      remoteAddress: nextAddress(),
    });

  const accept = (token: string) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token, name: 'Nieuwe Collega', password: PASSWORD },
      remoteAddress: nextAddress(),
    });

  it('shows an open invitation: organisation, role, e-mail address and expiry, and no more', async () => {
    const invitation = await invite(supplier);
    const response = await preview(invitation.token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      organisation: { id: supplier.id, name: 'Bouwbedrijf De Vries B.V.' },
      email: invitation.email,
      role: 'member',
      expiresAt: invitation.invitation.expiresAt,
      status: 'open',
    });
    // Looking does not use it up.
    expect((await accept(invitation.token)).statusCode).toBe(201);
  });

  it('answers INVITATION.ALREADY_USED once it is accepted', async () => {
    const invitation = await invite(supplier);
    expect((await accept(invitation.token)).statusCode).toBe(201);
    const response = await preview(invitation.token);
    expectProblem(response, 409, 'INVITATION.ALREADY_USED');
    expect(response.body).not.toContain(invitation.email);
  });

  it('answers INVITATION.EXPIRED after seven days', async () => {
    const invitation = await invite(supplier);
    t.clock.advanceDays(7);
    try {
      const response = await preview(invitation.token);
      expectProblem(response, 410, 'INVITATION.EXPIRED');
      expect(response.body).not.toContain(supplier.name);
    } finally {
      t.clock.advanceDays(-7);
    }
  });

  it('answers ORGANISATION.DISABLED when the organisation was disabled since (the invitation is revoked)', async () => {
    const other = await createOrganisation(t.db, 'supplier');
    const invitation = await invite(other);
    await t.db
      .updateTable('organisations')
      .set({ status: 'disabled' })
      .where('id', '=', other.id)
      .execute();
    expectProblem(await preview(invitation.token), 409, 'ORGANISATION.DISABLED');
  });

  it('reveals nothing for an unknown token, and validates its shape', async () => {
    const response = await preview('x'.repeat(43));
    expectProblem(response, 404, 'INVITATION.NOT_FOUND');
    expect(Object.keys(response.json()).sort()).toEqual(
      ['code', 'detail', 'instance', 'requestId', 'status', 'title', 'type'].sort(),
    );
    expectProblem(await preview('short'), 400, 'VALIDATION.FAILED');
  });

  it('is rate limited per address', async () => {
    const address = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/invitations/preview',
        payload: { token: 'y'.repeat(43) },
        remoteAddress: address,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
