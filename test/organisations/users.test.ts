import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cast, type FixtureUser, type SignedIn, TestContext } from '../factory/index.js';

const USER_KEYS = [
  'createdAt',
  'email',
  'id',
  'language',
  'lastLoginAt',
  'name',
  'organisationId',
  'organisationKind',
  'role',
  'status',
];
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

describe('users of organisations', () => {
  let t: TestContext;
  /** One organisation of each kind (two suppliers), one user per role, all signed in. */
  let world: Cast['organisations'] & Cast['users'];
  /** A second member of world.supplier, never signed in. */
  let secondSupplierMember: FixtureUser;
  let as: Record<string, SignedIn>;

  beforeAll(async () => {
    t = await TestContext.create();
    const cast = await t.newCast();
    world = { ...cast.organisations, ...cast.users };
    as = cast.as;
    secondSupplierMember = await t.newUser({ organisation: world.supplier });
  });
  afterAll(() => t?.close());

  const get = (who: SignedIn | undefined, url: string) =>
    t.app.inject({ method: 'GET', url, ...(who ? { headers: who.headers } : {}) });

  describe('GET /v1/organisations/{id}/users', () => {
    it('lists the users of the caller’s own organisation, without any password hash', async () => {
      const response = await get(as.supplierMember, `/v1/organisations/${world.supplier.id}/users`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(Object.keys(body).sort()).toEqual(['items', 'nextCursor']);
      expect(body.nextCursor).toBeNull();
      const items: Record<string, unknown>[] = body.items;
      expect(items.map((u) => u.id).sort()).toEqual(
        [world.supplierMember.id, secondSupplierMember.id].sort(),
      );
      for (const user of items) {
        expect(Object.keys(user).sort()).toEqual(USER_KEYS);
        expect(user).toMatchObject({
          organisationId: world.supplier.id,
          organisationKind: 'supplier',
          role: 'member',
          status: 'active',
        });
      }
      // Ordered by email, as the database collates.
      const byEmail = await t.db
        .selectFrom('users')
        .select('email')
        .where('organisation_id', '=', world.supplier.id)
        .orderBy('email')
        .execute();
      expect(items.map((u) => u.email)).toEqual(byEmail.map((row) => row.email));

      expect(response.body).not.toContain('argon2');
      expect(response.body.toLowerCase()).not.toContain('password');
      expect(response.body).not.toMatch(/"[a-z]+_[a-z_]+"\s*:/);
      // The hashes exist in the database, so the test above would see them if they leaked.
      const stored = await t.db
        .selectFrom('users')
        .select('password_hash')
        .where('organisation_id', '=', world.supplier.id)
        .execute();
      expect(stored.every((row) => row.password_hash.startsWith('$argon2id$'))).toBe(true);
    });

    it('shows the sign-in time of a user who has signed in', async () => {
      const response = await get(as.supplierMember, `/v1/organisations/${world.supplier.id}/users`);
      const byId = new Map(response.json().items.map((u: { id: string }) => [u.id, u]));
      expect(
        (byId.get(world.supplierMember.id) as { lastLoginAt: string | null }).lastLoginAt,
      ).toEqual(expect.any(String));
      expect(
        (byId.get(secondSupplierMember.id) as { lastLoginAt: string | null }).lastLoginAt,
      ).toBeNull();
    });

    it('lets every non-admin role list its own organisation', async () => {
      for (const [role, organisation, expected] of [
        ['reviewer', world.platform, [world.admin.id, world.reviewer.id]],
        ['initiativeMember', world.initiative, [world.initiativeMember.id]],
        ['coordinator', world.authority, [world.coordinator.id, world.viewer.id]],
        ['viewer', world.authority, [world.coordinator.id, world.viewer.id]],
      ] as const) {
        const response = await get(as[role], `/v1/organisations/${organisation.id}/users`);
        expect(response.statusCode, role).toBe(200);
        expect(
          response
            .json()
            .items.map((u: { id: string }) => u.id)
            .sort(),
          role,
        ).toEqual([...expected].sort());
      }
    });

    it('answers 404 RESOURCE.NOT_FOUND for another organisation, to every non-admin role', async () => {
      const all = [
        world.platform,
        world.initiative,
        world.supplier,
        world.otherSupplier,
        world.authority,
      ];
      const own: Record<string, string> = {
        reviewer: world.platform.id,
        initiativeMember: world.initiative.id,
        supplierMember: world.supplier.id,
        otherSupplierMember: world.otherSupplier.id,
        coordinator: world.authority.id,
        viewer: world.authority.id,
      };
      for (const [role, ownId] of Object.entries(own)) {
        for (const organisation of all.filter((o) => o.id !== ownId)) {
          const response = await get(as[role], `/v1/organisations/${organisation.id}/users`);
          expect(response.statusCode, `${role} → ${organisation.kind}`).toBe(404);
          expect(response.json()).toMatchObject({ status: 404, code: 'RESOURCE.NOT_FOUND' });
          expect(response.body).not.toContain('@test.example');
        }
      }
    });

    it('lets a platform admin list the users of any organisation', async () => {
      for (const [organisation, expected] of [
        [world.supplier, [world.supplierMember.id, secondSupplierMember.id]],
        [world.otherSupplier, [world.otherSupplierMember.id]],
        [world.authority, [world.coordinator.id, world.viewer.id]],
        [world.platform, [world.admin.id, world.reviewer.id]],
      ] as const) {
        const response = await get(as.admin, `/v1/organisations/${organisation.id}/users`);
        expect(response.statusCode).toBe(200);
        expect(
          response
            .json()
            .items.map((u: { id: string }) => u.id)
            .sort(),
        ).toEqual([...expected].sort());
        expect(response.body).not.toContain('argon2');
        expect(response.body.toLowerCase()).not.toContain('password');
      }
    });

    it('answers 404 for an organisation that does not exist, also to an admin', async () => {
      const response = await get(
        as.admin,
        '/v1/organisations/00000000-0000-4000-8000-000000000000/users',
      );
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('RESOURCE.NOT_FOUND');
    });

    it('refuses an anonymous caller with 401', async () => {
      const response = await get(undefined, `/v1/organisations/${world.supplier.id}/users`);
      expect(response.statusCode).toBe(401);
      expect(response.body).not.toContain('@test.example');
    });
  });

  describe('GET /v1/me', () => {
    it('answers the signed-in user and its organisation, with exactly the schema’s fields', async () => {
      const response = await get(as.coordinator, '/v1/me');
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(Object.keys(body).sort()).toEqual(['organisation', 'user']);
      expect(Object.keys(body.user).sort()).toEqual(USER_KEYS);
      expect(Object.keys(body.organisation).sort()).toEqual(ORGANISATION_KEYS);
      expect(body.user).toMatchObject({
        id: world.coordinator.id,
        email: world.coordinator.email,
        name: 'Test coordinator',
        role: 'coordinator',
        organisationId: world.authority.id,
        organisationKind: 'authority',
        status: 'active',
      });
      expect(body.user.lastLoginAt).toEqual(expect.any(String));
      expect(body.organisation).toMatchObject({
        id: world.authority.id,
        kind: 'authority',
        name: world.authority.name,
        kvkNumber: world.authority.kvk_number,
        status: 'active',
      });
      expect(response.body).not.toContain('argon2');
      expect(response.body.toLowerCase()).not.toContain('password');
    });

    it('answers each user with itself', async () => {
      for (const role of [
        'admin',
        'reviewer',
        'initiativeMember',
        'supplierMember',
        'viewer',
      ] as const) {
        const response = await get(as[role], '/v1/me');
        expect(response.statusCode).toBe(200);
        expect(response.json().user.id).toBe(world[role].id);
        expect(response.json().user.role).toBe(world[role].role);
        expect(response.json().organisation.id).toBe(world[role].organisationId);
      }
    });

    it('answers the platform organisation with a null KvK number', async () => {
      const response = await get(as.admin, '/v1/me');
      expect(response.json().organisation).toMatchObject({ kind: 'platform', kvkNumber: null });
    });

    it('refuses a missing or forged token with 401', async () => {
      expect((await get(undefined, '/v1/me')).json()).toMatchObject({
        status: 401,
        code: 'AUTH.REQUIRED',
      });
      const [header, payload] = as.supplierMember!.accessToken.split('.');
      const forged = await t.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: `Bearer ${header}.${payload}.c2lnbmF0dXJl` },
      });
      expect(forged.statusCode).toBe(401);
    });
  });
});
