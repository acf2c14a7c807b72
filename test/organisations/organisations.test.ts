import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cast, type SignedIn, TestContext } from '../factory/index.js';
import { uniqueKvk } from '../helpers/fixtures.js';

/** Every key the Organisation schema declares, and nothing else may come out. */
const ORGANISATION_KEYS = [
  'address',
  'contactEmail',
  'createdAt',
  'id',
  'kind',
  'kvkNumber',
  'name',
  'status',
  'updatedAt',
  'vatNumber',
];

function expectOrganisationShape(organisation: Record<string, unknown>) {
  expect(Object.keys(organisation).sort()).toEqual(ORGANISATION_KEYS);
  if (organisation.address !== null) {
    expect(Object.keys(organisation.address as object).sort()).toEqual([
      'city',
      'country',
      'postalCode',
      'street',
    ]);
  }
}

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

describe('organisations', () => {
  let t: TestContext;
  /** One organisation of each kind (two suppliers), one user per role, all signed in. */
  let world: Cast['organisations'] & Cast['users'];
  let as: Record<string, SignedIn>;

  beforeAll(async () => {
    t = await TestContext.create();
    const cast = await t.newCast();
    world = { ...cast.organisations, ...cast.users };
    as = cast.as;
  });
  afterAll(() => t?.close());

  const create = (who: SignedIn, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/v1/organisations', headers: who.headers, payload });
  const get = (who: SignedIn | undefined, url: string) =>
    t.app.inject({ method: 'GET', url, ...(who ? { headers: who.headers } : {}) });
  const patch = (who: SignedIn, id: string, payload: Record<string, unknown>) =>
    t.app.inject({
      method: 'PATCH',
      url: `/v1/organisations/${id}`,
      headers: who.headers,
      payload,
    });

  /** The organisations each non-admin belongs to. */
  const ownOrganisation = () => ({
    reviewer: world.platform,
    initiativeMember: world.initiative,
    supplierMember: world.supplier,
    otherSupplierMember: world.otherSupplier,
    coordinator: world.authority,
    viewer: world.authority,
  });

  describe('POST /v1/organisations', () => {
    it('lets a platform admin register an organisation and answers 201 with exactly the schema', async () => {
      const kvkNumber = uniqueKvk();
      const response = await create(as.admin!, {
        kind: 'supplier',
        name: '  Bouwbedrijf De Vries B.V.  ',
        kvkNumber,
        vatNumber: 'NL123456789B01',
        address: { street: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Utrecht' },
        contactEmail: 'Inkoop@DeVries.example',
      });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json();
      expectOrganisationShape(body);
      expect(body).toMatchObject({
        kind: 'supplier',
        name: 'Bouwbedrijf De Vries B.V.',
        kvkNumber,
        vatNumber: 'NL123456789B01',
        address: { street: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Utrecht', country: 'NL' },
        contactEmail: 'inkoop@devries.example',
        status: 'active',
      });
      expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);
      expect(response.body).not.toMatch(/"[a-z]+_[a-z_]+"\s*:/);

      // It is really there, and the creation is in the audit trail.
      const row = await t.db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', body.id)
        .executeTakeFirstOrThrow();
      expect(row.kvk_number).toBe(kvkNumber);
      const audit = await t.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'organisation.created')
        .where('subject_id', '=', body.id)
        .executeTakeFirstOrThrow();
      expect(audit.actor_user_id).toBe(world.admin.id);
      expect(audit.request_id).toBe(response.headers['x-request-id']);
    });

    it('accepts an organisation without optional fields and answers nulls for them', async () => {
      const response = await create(as.admin!, {
        kind: 'initiative',
        name: 'Stichting Buurtwerk',
        kvkNumber: uniqueKvk(),
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ vatNumber: null, address: null, contactEmail: null });
      expectOrganisationShape(response.json());
    });

    it.each([
      ['seven digits', '1234567'],
      ['nine digits', '123456789'],
      ['letters', '1234567a'],
      ['all zeros', '00000000'],
      ['empty', ''],
    ])(
      'refuses a KvK number of %s with 400 VALIDATION.FAILED on body.kvkNumber',
      async (_label, kvkNumber) => {
        const response = await create(as.admin!, {
          kind: 'supplier',
          name: 'Ongeldig KvK',
          kvkNumber,
        });
        expectProblem(response, 400, 'VALIDATION.FAILED');
        expect(response.json().errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ path: 'body.kvkNumber' })]),
        );
      },
    );

    it('requires a KvK number', async () => {
      const response = await create(as.admin!, { kind: 'supplier', name: 'Zonder KvK' });
      expectProblem(response, 400, 'VALIDATION.FAILED');
      expect(response.json().errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'body.kvkNumber' })]),
      );
    });

    it('trims a KvK number with surrounding spaces', async () => {
      const kvkNumber = uniqueKvk();
      const response = await create(as.admin!, {
        kind: 'supplier',
        name: 'Spaties',
        kvkNumber: ` ${kvkNumber} `,
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().kvkNumber).toBe(kvkNumber);
    });

    it('refuses to create a platform organisation (400) and unknown kinds', async () => {
      for (const kind of ['platform', 'bank']) {
        const response = await create(as.admin!, {
          kind,
          name: 'Tweede platform',
          kvkNumber: uniqueKvk(),
        });
        expectProblem(response, 400, 'VALIDATION.FAILED');
        expect(response.json().errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ path: 'body.kind' })]),
        );
      }
      const platforms = await t.db
        .selectFrom('organisations')
        .select('id')
        .where('kind', '=', 'platform')
        .execute();
      expect(platforms).toHaveLength(1);
    });

    it('refuses a duplicate KvK number with 409 ORGANISATION.KVK_TAKEN', async () => {
      const kvkNumber = uniqueKvk();
      expect(
        (await create(as.admin!, { kind: 'supplier', name: 'Eerste', kvkNumber })).statusCode,
      ).toBe(201);
      const duplicate = await create(as.admin!, { kind: 'authority', name: 'Tweede', kvkNumber });
      expectProblem(duplicate, 409, 'ORGANISATION.KVK_TAKEN');
      const rows = await t.db
        .selectFrom('organisations')
        .select('name')
        .where('kvk_number', '=', kvkNumber)
        .execute();
      expect(rows.map((r) => r.name)).toEqual(['Eerste']);
      // The failed attempt left no audit event behind.
      const events = await t.db
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'organisation.created')
        .execute();
      expect(
        events.filter((e) => (e.summary as { kvkNumber?: string }).kvkNumber === kvkNumber),
      ).toHaveLength(1);
    });

    it('normalises a Dutch postal code: 1234ab becomes 1234 AB', async () => {
      const response = await create(as.admin!, {
        kind: 'authority',
        name: 'Gemeente Postcode',
        kvkNumber: uniqueKvk(),
        address: {
          street: 'Stadhuisplein 1',
          postalCode: '1234ab',
          city: 'Amersfoort',
          country: 'nl',
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().address).toEqual({
        street: 'Stadhuisplein 1',
        postalCode: '1234 AB',
        city: 'Amersfoort',
        country: 'NL',
      });
      const row = await t.db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', response.json().id)
        .executeTakeFirstOrThrow();
      expect(row.address_postal_code).toBe('1234 AB');
    });

    it('refuses an invalid Dutch postal code but keeps a foreign one as given', async () => {
      for (const postalCode of ['0123 AB', '123 AB', '1234 A', 'ABCD 12']) {
        const response = await create(as.admin!, {
          kind: 'supplier',
          name: 'Fout',
          kvkNumber: uniqueKvk(),
          address: { street: 'Straat 1', postalCode, city: 'Ergens' },
        });
        expectProblem(response, 400, 'VALIDATION.FAILED');
        expect(response.json().errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ path: 'body.address.postalCode' })]),
        );
      }
      const foreign = await create(as.admin!, {
        kind: 'supplier',
        name: 'Belgische leverancier',
        kvkNumber: uniqueKvk(),
        address: { street: 'Grote Markt 1', postalCode: '1000', city: 'Brussel', country: 'BE' },
      });
      expect(foreign.statusCode, foreign.body).toBe(201);
      expect(foreign.json().address).toMatchObject({ postalCode: '1000', country: 'BE' });
    });

    it('normalises a VAT number (spaces, dots, case) and validates the Dutch format', async () => {
      const ok = await create(as.admin!, {
        kind: 'supplier',
        name: 'BTW',
        kvkNumber: uniqueKvk(),
        vatNumber: ' nl 1234.56.789.b01 ',
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().vatNumber).toBe('NL123456789B01');

      const german = await create(as.admin!, {
        kind: 'supplier',
        name: 'Duits',
        kvkNumber: uniqueKvk(),
        vatNumber: 'de123456789',
      });
      expect(german.statusCode, german.body).toBe(201);
      expect(german.json().vatNumber).toBe('DE123456789');

      for (const vatNumber of [
        'NL123456789',
        'NL12345678B01',
        'NL123456789X01',
        '123456789B01',
        'N',
      ]) {
        const response = await create(as.admin!, {
          kind: 'supplier',
          name: 'Fout BTW',
          kvkNumber: uniqueKvk(),
          vatNumber,
        });
        expectProblem(response, 400, 'VALIDATION.FAILED');
        expect(response.json().errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ path: 'body.vatNumber' })]),
        );
      }
    });

    it('refuses an invalid contact email and an empty name', async () => {
      const response = await create(as.admin!, {
        kind: 'supplier',
        name: '   ',
        kvkNumber: uniqueKvk(),
        contactEmail: 'geen-email',
      });
      expectProblem(response, 400, 'VALIDATION.FAILED');
      const paths = response.json().errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.contactEmail']));
    });

    it.each(['supplierMember', 'coordinator', 'reviewer', 'initiativeMember', 'viewer'])(
      'refuses %s with 403 AUTH.FORBIDDEN and creates nothing',
      async (role) => {
        const kvkNumber = uniqueKvk();
        const response = await create(as[role]!, {
          kind: 'supplier',
          name: 'Niet toegestaan',
          kvkNumber,
        });
        expectProblem(response, 403, 'AUTH.FORBIDDEN');
        const row = await t.db
          .selectFrom('organisations')
          .select('id')
          .where('kvk_number', '=', kvkNumber)
          .executeTakeFirst();
        expect(row).toBeUndefined();
      },
    );

    it('refuses an anonymous caller with 401', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/organisations',
        payload: { kind: 'supplier', name: 'Anoniem', kvkNumber: uniqueKvk() },
      });
      expect(response.statusCode).toBe(401);
    });
  });

  describe('GET /v1/organisations', () => {
    it('pages through every organisation by name with limit=2, each exactly once', async () => {
      // Several organisations with one name, so the id tie-breaker of the keyset is exercised.
      for (let i = 0; i < 3; i++) await t.newOrganisation('supplier', { name: 'Gelijke Naam' });

      const expected = await t.db
        .selectFrom('organisations')
        .select('id')
        .orderBy('name')
        .orderBy('id')
        .execute();
      expect(expected.length).toBeGreaterThan(6);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/v1/organisations?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const response = await get(as.admin, url);
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json();
        expect(Object.keys(body).sort()).toEqual(['items', 'nextCursor']);
        expect(body.items.length).toBeLessThanOrEqual(2);
        for (const item of body.items) expectOrganisationShape(item);
        seen.push(...body.items.map((item: { id: string }) => item.id));
        cursor = body.nextCursor;
        if (cursor !== null) expect(body.items).toHaveLength(2);
        pages++;
        expect(pages).toBeLessThan(100);
      } while (cursor !== null);

      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expected.map((row) => row.id));
      expect(pages).toBe(Math.ceil(expected.length / 2));
    });

    it('answers all organisations on one page with a null cursor when the limit allows', async () => {
      const total = await t.db.selectFrom('organisations').select('id').execute();
      const response = await get(as.admin, '/v1/organisations?limit=100');
      expect(response.statusCode).toBe(200);
      expect(response.json().items).toHaveLength(total.length);
      expect(response.json().nextCursor).toBeNull();
    });

    it.each([
      ['garbage', 'not-a-cursor!!'],
      [
        'a cursor missing its keys',
        Buffer.from(JSON.stringify({ name: 'x' })).toString('base64url'),
      ],
      [
        'a cursor with the wrong types',
        Buffer.from(JSON.stringify({ name: 1, id: 2 })).toString('base64url'),
      ],
      [
        'a cursor with an id that is not a uuid',
        Buffer.from(JSON.stringify({ name: 'x', id: "1' or '1'='1" })).toString('base64url'),
      ],
      [
        'a cursor with a NUL byte in the name',
        Buffer.from(
          JSON.stringify({ name: 'x\u0000', id: '00000000-0000-4000-8000-000000000000' }),
        ).toString('base64url'),
      ],
    ])('refuses %s with 400', async (_label, cursor) => {
      const response = await get(
        as.admin,
        `/v1/organisations?limit=2&cursor=${encodeURIComponent(cursor)}`,
      );
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().code).toMatch(/^VALIDATION\./);
    });

    it('refuses a limit outside 1..100', async () => {
      for (const limit of ['0', '101', 'abc', '-1']) {
        expectProblem(
          await get(as.admin, `/v1/organisations?limit=${limit}`),
          400,
          'VALIDATION.FAILED',
        );
      }
    });

    it('filters by kind', async () => {
      const response = await get(as.admin, '/v1/organisations?kind=supplier&limit=100');
      expect(response.statusCode).toBe(200);
      const items: { id: string; kind: string }[] = response.json().items;
      expect(items.length).toBeGreaterThanOrEqual(2);
      expect(items.every((item) => item.kind === 'supplier')).toBe(true);
      const ids = items.map((item) => item.id);
      expect(ids).toEqual(expect.arrayContaining([world.supplier.id, world.otherSupplier.id]));
      expect(ids).not.toContain(world.authority.id);
      const count = await t.db
        .selectFrom('organisations')
        .select('id')
        .where('kind', '=', 'supplier')
        .execute();
      expect(items).toHaveLength(count.length);
    });

    it('filters by KvK number', async () => {
      const response = await get(
        as.admin,
        `/v1/organisations?kvkNumber=${world.authority.kvk_number}`,
      );
      expect(response.statusCode).toBe(200);
      expect(response.json().items.map((item: { id: string }) => item.id)).toEqual([
        world.authority.id,
      ]);
      expect(response.json().nextCursor).toBeNull();

      const none = await get(as.admin, '/v1/organisations?kvkNumber=99999998');
      expect(none.json()).toEqual({ items: [], nextCursor: null });

      expectProblem(
        await get(as.admin, '/v1/organisations?kvkNumber=abc'),
        400,
        'VALIDATION.FAILED',
      );
      expectProblem(await get(as.admin, '/v1/organisations?kind=bank'), 400, 'VALIDATION.FAILED');
    });

    it.each(['reviewer', 'initiativeMember', 'supplierMember', 'coordinator', 'viewer'])(
      'refuses %s with 403 AUTH.FORBIDDEN',
      async (role) => {
        expectProblem(await get(as[role], '/v1/organisations'), 403, 'AUTH.FORBIDDEN');
      },
    );

    it('refuses an anonymous caller with 401', async () => {
      expect((await get(undefined, '/v1/organisations')).statusCode).toBe(401);
    });
  });

  describe('GET /v1/organisations/{id}', () => {
    it('shows each non-admin its own organisation', async () => {
      for (const [role, organisation] of Object.entries(ownOrganisation())) {
        const response = await get(as[role], `/v1/organisations/${organisation.id}`);
        expect(response.statusCode, `${role}: ${response.body}`).toBe(200);
        expectOrganisationShape(response.json());
        expect(response.json()).toMatchObject({
          id: organisation.id,
          kind: organisation.kind,
          name: organisation.name,
        });
      }
    });

    it('answers 404 RESOURCE.NOT_FOUND (not 403) for any other organisation, to every non-admin role', async () => {
      const all = [
        world.platform,
        world.initiative,
        world.supplier,
        world.otherSupplier,
        world.authority,
      ];
      for (const [role, own] of Object.entries(ownOrganisation())) {
        for (const organisation of all.filter((o) => o.id !== own.id)) {
          const response = await get(as[role], `/v1/organisations/${organisation.id}`);
          expectProblem(response, 404, 'RESOURCE.NOT_FOUND');
          expect(response.body, role).not.toContain(organisation.name);
        }
      }
    });

    it('answers another organisation exactly as it answers one that does not exist', async () => {
      const foreign = await get(as.supplierMember, `/v1/organisations/${world.otherSupplier.id}`);
      const missing = await get(
        as.supplierMember,
        '/v1/organisations/00000000-0000-4000-8000-000000000000',
      );
      expect(foreign.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      const { instance: _a, requestId: _b, ...foreignRest } = foreign.json();
      const { instance: _c, requestId: _d, ...missingRest } = missing.json();
      expect(foreignRest).toEqual(missingRest);
    });

    it('shows a platform admin any organisation, and 404 for an unknown id', async () => {
      for (const organisation of [
        world.platform,
        world.initiative,
        world.supplier,
        world.otherSupplier,
        world.authority,
      ]) {
        const response = await get(as.admin, `/v1/organisations/${organisation.id}`);
        expect(response.statusCode).toBe(200);
        expect(response.json()).toMatchObject({
          id: organisation.id,
          kvkNumber: organisation.kvk_number,
        });
        expectOrganisationShape(response.json());
      }
      expectProblem(
        await get(as.admin, '/v1/organisations/00000000-0000-4000-8000-000000000000'),
        404,
        'RESOURCE.NOT_FOUND',
      );
    });

    it('refuses an id that is not a uuid with 400', async () => {
      const response = await get(as.admin, '/v1/organisations/not-a-uuid');
      expectProblem(response, 400, 'VALIDATION.FAILED');
      expect(response.json().errors).toEqual([expect.objectContaining({ path: 'params.id' })]);
    });
  });

  describe('PATCH /v1/organisations/{id}', () => {
    it('lets a member update its own organisation’s name and address, and records organisation.updated', async () => {
      const { organisation, user: member, as: session } = await t.newSupplier();

      t.clock.advance(60_000);
      const response = await patch(session, organisation.id, {
        contactEmail: 'Info@Nieuw.example',
        address: { street: 'Kerkstraat 10', postalCode: '9711ab', city: 'Groningen' },
      });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expectOrganisationShape(body);
      expect(body).toMatchObject({
        id: organisation.id,
        name: organisation.name,
        contactEmail: 'info@nieuw.example',
        kvkNumber: organisation.kvk_number,
        address: {
          street: 'Kerkstraat 10',
          postalCode: '9711 AB',
          city: 'Groningen',
          country: 'NL',
        },
      });
      expect(body.updatedAt).toBe(t.clock.now().toISOString());
      expect(body.updatedAt > body.createdAt).toBe(true);

      const read = await get(session, `/v1/organisations/${organisation.id}`);
      expect(read.json()).toEqual(body);

      const event = await t.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'organisation.updated')
        .where('subject_id', '=', organisation.id)
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({
        actor_user_id: member.id,
        actor_organisation_id: organisation.id,
        subject_type: 'organisation',
        request_id: response.headers['x-request-id'],
      });
      expect((event.summary as { fields: string[] }).fields.sort()).toEqual([
        'address',
        'contactEmail',
      ]);
    });

    it('clears optional fields with null and leaves unnamed fields alone', async () => {
      const created = await create(as.admin!, {
        kind: 'supplier',
        name: 'Te wissen',
        kvkNumber: uniqueKvk(),
        vatNumber: 'NL123456789B01',
        address: { street: 'Weg 1', postalCode: '1000 AA', city: 'Amsterdam' },
        contactEmail: 'info@wissen.example',
      });
      const id = created.json().id;
      const response = await patch(as.admin!, id, { address: null, vatNumber: null });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        address: null,
        vatNumber: null,
        contactEmail: 'info@wissen.example',
        name: 'Te wissen',
      });
    });

    it('lets a coordinator update its authority', async () => {
      const response = await patch(as.coordinator!, world.authority.id, {
        contactEmail: 'SR@Gemeente.example',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().contactEmail).toBe('sr@gemeente.example');
    });

    it('refuses a viewer with 403 AUTH.FORBIDDEN and changes nothing', async () => {
      const before = await t.db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', world.authority.id)
        .executeTakeFirstOrThrow();
      const response = await patch(as.viewer!, world.authority.id, {
        contactEmail: 'viewer@gemeente.example',
      });
      expectProblem(response, 403, 'AUTH.FORBIDDEN');
      const after = await t.db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', world.authority.id)
        .executeTakeFirstOrThrow();
      expect(after).toEqual(before);
    });

    it('refuses anyone renaming an organisation or changing its KvK number here (400), and changes nothing', async () => {
      for (const [who, organisation] of [
        ['supplierMember', world.supplier],
        ['coordinator', world.authority],
        ['initiativeMember', world.initiative],
        ['admin', world.supplier],
      ] as const) {
        for (const payload of [
          { name: world.otherSupplier.name },
          { kvkNumber: uniqueKvk() },
          { name: 'Met nieuw KvK', kvkNumber: uniqueKvk(), contactEmail: 'x@y.example' },
        ]) {
          const response = await patch(as[who]!, organisation.id, payload);
          expectProblem(response, 400, 'VALIDATION.FAILED');
        }
        const row = await t.db
          .selectFrom('organisations')
          .selectAll()
          .where('id', '=', organisation.id)
          .executeTakeFirstOrThrow();
        expect(row.kvk_number).toBe(organisation.kvk_number);
        expect(row.name).toBe(organisation.name);
      }
    });

    it('answers 404 for another organisation’s id, whatever the body', async () => {
      for (const payload of [{ contactEmail: 'overgenomen@example.test' }, { vatNumber: null }]) {
        expectProblem(
          await patch(as.supplierMember!, world.otherSupplier.id, payload),
          404,
          'RESOURCE.NOT_FOUND',
        );
        expectProblem(
          await patch(as.coordinator!, world.supplier.id, payload),
          404,
          'RESOURCE.NOT_FOUND',
        );
        expectProblem(
          await patch(as.viewer!, world.supplier.id, payload),
          404,
          'RESOURCE.NOT_FOUND',
        );
      }
      const row = await t.db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', world.otherSupplier.id)
        .executeTakeFirstOrThrow();
      expect(row.name).toBe(world.otherSupplier.name);
      expectProblem(
        await patch(as.admin!, '00000000-0000-4000-8000-000000000000', {
          contactEmail: 'niemand@example.test',
        }),
        404,
        'RESOURCE.NOT_FOUND',
      );
    });

    it('refuses an empty body and invalid fields with 400', async () => {
      expectProblem(
        await patch(as.supplierMember!, world.supplier.id, {}),
        400,
        'VALIDATION.FAILED',
      );
      const bad = await patch(as.supplierMember!, world.supplier.id, {
        address: { street: 'X 1', postalCode: 'nope', city: 'Y' },
      });
      expectProblem(bad, 400, 'VALIDATION.FAILED');
      expect(bad.json().errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'body.address.postalCode' })]),
      );
    });
  });
});
