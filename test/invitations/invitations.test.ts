import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../../src/db/types.js';
import { hashToken } from '../../src/lib/tokens.js';
import { type Cast, type SignedIn, TestContext } from '../factory/index.js';
import { uniqueKvk } from '../helpers/fixtures.js';

const DAY_MS = 86_400_000;
const PASSWORD = 'een lang genoeg wachtwoord';
const INVITATION_KEYS = [
  'acceptedAt',
  'createdAt',
  'email',
  'expiresAt',
  'id',
  'invitedBy',
  'organisationId',
  'role',
  'status',
];
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

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

let emailSequence = 0;
const newEmail = (prefix = 'invitee') =>
  `${prefix}.${process.pid}.${++emailSequence}@uitnodiging.example`;

describe('invitations', () => {
  let t: TestContext;
  /** One organisation of each kind (two suppliers), one user per role, all signed in. */
  let world: Cast['organisations'] & Cast['users'];
  let as: Record<string, SignedIn>;
  // Sign-in and accept are rate-limited per client address; every call gets an address of its own.
  let addressCounter = 0;
  const nextAddress = () => {
    addressCounter++;
    return `10.30.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
  };

  beforeAll(async () => {
    t = await TestContext.create();
    const cast = await t.newCast();
    world = { ...cast.organisations, ...cast.users };
    as = cast.as;
  });
  afterAll(() => t?.close());

  const invite = (who: SignedIn, organisationId: string, email: string, role: UserRole | string) =>
    t.app.inject({
      method: 'POST',
      url: `/v1/organisations/${organisationId}/invitations`,
      headers: who.headers,
      payload: { email, role },
    });
  const listInvitations = (who: SignedIn, organisationId: string) =>
    t.app.inject({
      method: 'GET',
      url: `/v1/organisations/${organisationId}/invitations`,
      headers: who.headers,
    });
  const accept = (token: string, password = PASSWORD, name = 'Nieuwe Gebruiker') =>
    t.app.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      payload: { token, name, password },
      remoteAddress: nextAddress(),
    });
  const auditEvents = async (action: string, subjectId: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/audit?action=${action}&subjectId=${subjectId}`,
      headers: as.admin!.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as {
      actorUserId: string | null;
      actorOrganisationId: string | null;
      subjectType: string;
      summary: Record<string, unknown>;
      requestId: string | null;
    }[];
  };

  /** An invitation created by the admin; answers the token and the invitation. */
  async function adminInvites(organisationId: string, role: UserRole, email = newEmail()) {
    const response = await invite(as.admin!, organisationId, email, role);
    expect(response.statusCode, response.body).toBe(201);
    return {
      token: response.json().token as string,
      invitation: response.json().invitation as { id: string; email: string },
    };
  }

  describe('the first user of a new organisation', () => {
    let organisationId: string;
    let token: string;
    let invitationId: string;
    let createRequestId: string;
    let newUserId: string;
    const email = 'Eerste.Coordinator@Gemeente-Nieuw.example';

    it('an admin creates an organisation and invites its first user: 201 with token and acceptUrl', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/organisations',
        headers: as.admin!.headers,
        payload: { kind: 'authority', name: 'Gemeente Nieuwdorp', kvkNumber: uniqueKvk() },
      });
      expect(created.statusCode, created.body).toBe(201);
      organisationId = created.json().id;

      const response = await invite(as.admin!, organisationId, email, 'coordinator');
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json();
      expect(Object.keys(body).sort()).toEqual(['acceptUrl', 'invitation', 'token']);
      expect(Object.keys(body.invitation).sort()).toEqual(INVITATION_KEYS);
      expect(body.invitation).toMatchObject({
        organisationId,
        email: email.toLowerCase(),
        role: 'coordinator',
        status: 'pending',
        invitedBy: world.admin.id,
        acceptedAt: null,
      });
      expect(new Date(body.invitation.expiresAt).getTime() - t.clock.now().getTime()).toBe(
        7 * DAY_MS,
      );
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(body.acceptUrl).toBe(`${t.config.publicUrl}/invitations/accept#token=${body.token}`);
      token = body.token;
      invitationId = body.invitation.id;
      createRequestId = response.headers['x-request-id'] as string;

      // Only a hash of the token is stored.
      const row = await t.db
        .selectFrom('invitations')
        .selectAll()
        .where('id', '=', invitationId)
        .executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(hashToken(token));
      expect(row.token_hash).not.toContain(token);
    });

    it('shows the token only once: the list of invitations does not contain it', async () => {
      const response = await listInvitations(as.admin!, organisationId);
      expect(response.statusCode).toBe(200);
      const items = response.json().items;
      expect(items).toHaveLength(1);
      expect(Object.keys(items[0]).sort()).toEqual(INVITATION_KEYS);
      expect(items[0]).toMatchObject({
        id: invitationId,
        status: 'pending',
        email: email.toLowerCase(),
      });
      expect(response.body).not.toContain(token);
      expect(response.body).not.toContain(hashToken(token));
      expect(response.body.toLowerCase()).not.toContain('token');
    });

    it('accepting with a name and a password creates the user (201)', async () => {
      const response = await accept(token, PASSWORD, '  Eerste Coördinator  ');
      expect(response.statusCode, response.body).toBe(201);
      const user = response.json();
      expect(Object.keys(user).sort()).toEqual(USER_KEYS);
      expect(user).toMatchObject({
        organisationId,
        organisationKind: 'authority',
        email: email.toLowerCase(),
        name: 'Eerste Coördinator',
        role: 'coordinator',
        status: 'active',
        lastLoginAt: null,
      });
      expect(response.body).not.toContain('argon2');
      expect(response.body).not.toContain(PASSWORD);
      newUserId = user.id;

      const stored = await t.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', newUserId)
        .executeTakeFirstOrThrow();
      expect(stored.password_hash).toMatch(/^\$argon2id\$/);
      expect(stored.password_hash).not.toContain(PASSWORD);

      // Accepting is audited with the new user as actor and the request's id.
      const [accepted, ...more] = await auditEvents('invitation.accepted', invitationId);
      expect(more).toHaveLength(0);
      expect(accepted).toMatchObject({
        actorUserId: newUserId,
        actorOrganisationId: organisationId,
        subjectType: 'invitation',
        requestId: response.headers['x-request-id'],
      });
      expect(accepted!.summary).toMatchObject({ userId: newUserId, role: 'coordinator' });
    });

    it('the new user signs in with that password and has the invited role in that organisation', async () => {
      const session = (await t.signIn({ email, password: PASSWORD })).as;
      const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: session.headers });
      expect(me.statusCode).toBe(200);
      expect(me.json().user).toMatchObject({
        id: newUserId,
        role: 'coordinator',
        organisationId,
        organisationKind: 'authority',
      });
      expect(me.json().organisation).toMatchObject({
        id: organisationId,
        name: 'Gemeente Nieuwdorp',
      });

      // A wrong password is still refused.
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email, password: 'niet het wachtwoord' },
        remoteAddress: nextAddress(),
      });
      expect(wrong.statusCode).toBe(401);
    });

    it('the list now shows the invitation as accepted', async () => {
      const response = await listInvitations(as.admin!, organisationId);
      expect(response.json().items[0]).toMatchObject({
        id: invitationId,
        status: 'accepted',
        acceptedAt: expect.any(String),
      });
    });

    it('accepting the same token again answers 409 INVITATION.ALREADY_USED and creates nobody', async () => {
      const again = await accept(token, 'een ander wachtwoord!', 'Indringer');
      expectProblem(again, 409, 'INVITATION.ALREADY_USED');
      const users = await t.db
        .selectFrom('users')
        .select('name')
        .where('organisation_id', '=', organisationId)
        .execute();
      expect(users.map((u) => u.name)).toEqual(['Eerste Coördinator']);
      // The original password still works; the second attempt changed nothing.
      await t.signIn({ email, password: PASSWORD });
    });

    it('records invitation.created with the inviter as actor and the request id', async () => {
      const [created, ...more] = await auditEvents('invitation.created', invitationId);
      expect(more).toHaveLength(0);
      expect(created).toMatchObject({
        actorUserId: world.admin.id,
        actorOrganisationId: world.platform.id,
        subjectType: 'invitation',
        requestId: createRequestId,
      });
      expect(created!.summary).toMatchObject({
        organisationId,
        email: email.toLowerCase(),
        role: 'coordinator',
      });
      expect(JSON.stringify(created)).not.toContain(token);
    });
  });

  describe('accepting', () => {
    it('answers 404 INVITATION.NOT_FOUND for an unknown token', async () => {
      expectProblem(
        await accept(randomBytes(32).toString('base64url')),
        404,
        'INVITATION.NOT_FOUND',
      );
    });

    it('refuses a password of 11 characters with 400 and leaves the invitation usable; 12 is enough', async () => {
      const { token, invitation } = await adminInvites(world.supplier.id, 'member');
      const short = await accept(token, '12345678901');
      expectProblem(short, 400, 'VALIDATION.FAILED');
      expect(short.json().errors).toEqual([expect.objectContaining({ path: 'body.password' })]);
      const row = await t.db
        .selectFrom('invitations')
        .selectAll()
        .where('id', '=', invitation.id)
        .executeTakeFirstOrThrow();
      expect(row.accepted_at).toBeNull();

      // Twelve characters, but not one the policy refuses: a common one, a sequence.
      expectProblem(await accept(token, '123456789012'), 422, 'PASSWORD.TOO_COMMON');
      expectProblem(await accept(token, 'abcdefghijkl'), 422, 'PASSWORD.TOO_REPETITIVE');
      const ok = await accept(token, 'vijf ruiten!');
      expect(ok.statusCode, ok.body).toBe(201);
      await t.signIn({ email: invitation.email, password: 'vijf ruiten!' });
    });

    it('refuses a missing name and a too short token with 400', async () => {
      const { token } = await adminInvites(world.supplier.id, 'member');
      const noName = await t.app.inject({
        method: 'POST',
        url: '/v1/invitations/accept',
        payload: { token, name: '   ', password: PASSWORD },
        remoteAddress: nextAddress(),
      });
      expectProblem(noName, 400, 'VALIDATION.FAILED');
      expect(noName.json().errors).toEqual([expect.objectContaining({ path: 'body.name' })]);
      expectProblem(await accept('kort'), 400, 'VALIDATION.FAILED');
    });

    it('a token is still fine after 6 days, and expired (410) after 7 days and 1 second', async () => {
      const early = await adminInvites(world.supplier.id, 'member');
      const late = await adminInvites(world.supplier.id, 'member');

      t.clock.advance(6 * DAY_MS);
      const fine = await accept(early.token);
      expect(fine.statusCode, fine.body).toBe(201);

      t.clock.advance(DAY_MS + 1000);
      const expired = await accept(late.token);
      expectProblem(expired, 410, 'INVITATION.EXPIRED');
      const user = await t.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', late.invitation.email)
        .executeTakeFirst();
      expect(user).toBeUndefined();

      const list = await listInvitations(as.admin!, world.supplier.id);
      const byId = new Map(
        list.json().items.map((i: { id: string; status: string }) => [i.id, i.status]),
      );
      expect(byId.get(late.invitation.id)).toBe('expired');
      expect(byId.get(early.invitation.id)).toBe('accepted');
    });

    it('two concurrent accepts of one token: exactly one 201, the other 409', async () => {
      const { token, invitation } = await adminInvites(world.otherSupplier.id, 'member');
      const responses = await Promise.all([
        accept(token, PASSWORD, 'Eerste'),
        accept(token, 'een ander lang wachtwoord', 'Tweede'),
      ]);
      const statuses = responses.map((r) => r.statusCode).sort();
      expect(statuses, responses.map((r) => r.body).join('\n')).toEqual([201, 409]);
      expect(responses.find((r) => r.statusCode === 409)!.json().code).toBe(
        'INVITATION.ALREADY_USED',
      );

      const users = await t.db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('email', '=', invitation.email)
        .execute();
      expect(users).toHaveLength(1);
      expect(users[0]!.id).toBe(responses.find((r) => r.statusCode === 201)!.json().id);
      const row = await t.db
        .selectFrom('invitations')
        .selectAll()
        .where('id', '=', invitation.id)
        .executeTakeFirstOrThrow();
      expect(row.accepted_user_id).toBe(users[0]!.id);
      expect(await auditEvents('invitation.accepted', invitation.id)).toHaveLength(1);
    });

    it('many concurrent accepts of one token: one user, every other caller told the invitation was used', async () => {
      const { token, invitation } = await adminInvites(world.otherSupplier.id, 'member');
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, i) => accept(token, `${PASSWORD} ${i}`, `Gelijktijdig ${i}`)),
      );
      const winners = responses.filter((r) => r.statusCode === 201);
      expect(winners, responses.map((r) => r.body).join('\n')).toHaveLength(1);
      for (const loser of responses.filter((r) => r.statusCode !== 201))
        expectProblem(loser, 409, 'INVITATION.ALREADY_USED');
      const users = await t.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', invitation.email)
        .execute();
      expect(users.map((u) => u.id)).toEqual([winners[0]!.json().id]);
    });

    it('of two invitations for one address, the second to be accepted answers 409 USER.EMAIL_TAKEN', async () => {
      const email = newEmail('dubbel');
      const first = await adminInvites(world.supplier.id, 'member', email);
      const second = await adminInvites(world.authority.id, 'viewer', email);
      expect((await accept(first.token)).statusCode).toBe(201);
      expectProblem(await accept(second.token), 409, 'USER.EMAIL_TAKEN');
      const row = await t.db
        .selectFrom('invitations')
        .selectAll()
        .where('id', '=', second.invitation.id)
        .executeTakeFirstOrThrow();
      expect(row.accepted_at).toBeNull();
    });

    it('refuses an invitation into an organisation that was disabled since (409)', async () => {
      const organisation = await t.newOrganisation('initiative');
      const { token, invitation } = await adminInvites(organisation.id, 'member');
      const disabled = await t.app.inject({
        method: 'POST',
        url: `/v1/organisations/${organisation.id}/disable`,
        headers: as.admin!.headers,
      });
      expect(disabled.statusCode, disabled.body).toBe(200);
      expectProblem(await accept(token), 409, 'ORGANISATION.DISABLED');
      const user = await t.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', invitation.email)
        .executeTakeFirst();
      expect(user).toBeUndefined();
    });
  });

  describe('inviting colleagues', () => {
    it('a supplier member invites a member into its own organisation (201), audited with the member as actor', async () => {
      const response = await invite(
        as.supplierMember!,
        world.supplier.id,
        newEmail('collega'),
        'member',
      );
      expect(response.statusCode, response.body).toBe(201);
      const invitation = response.json().invitation;
      expect(invitation).toMatchObject({
        organisationId: world.supplier.id,
        role: 'member',
        invitedBy: world.supplierMember.id,
        status: 'pending',
      });

      const [event] = await auditEvents('invitation.created', invitation.id);
      expect(event).toMatchObject({
        actorUserId: world.supplierMember.id,
        actorOrganisationId: world.supplier.id,
        requestId: response.headers['x-request-id'],
      });

      // The colleague joins with the member role in the supplier.
      const accepted = await accept(response.json().token);
      expect(accepted.statusCode, accepted.body).toBe(201);
      expect(accepted.json()).toMatchObject({
        organisationId: world.supplier.id,
        organisationKind: 'supplier',
        role: 'member',
      });
    });

    it('a supplier member cannot invite into another organisation (404) and nothing is stored', async () => {
      const email = newEmail('elders');
      expectProblem(
        await invite(as.supplierMember!, world.otherSupplier.id, email, 'member'),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expectProblem(
        await invite(as.supplierMember!, world.authority.id, email, 'viewer'),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expectProblem(
        await invite(as.coordinator!, world.supplier.id, email, 'member'),
        404,
        'RESOURCE.NOT_FOUND',
      );
      const rows = await t.db
        .selectFrom('invitations')
        .select('id')
        .where('email', '=', email)
        .execute();
      expect(rows).toHaveLength(0);
    });

    it('a supplier member cannot hand out a role above its own (403)', async () => {
      for (const role of ['admin', 'reviewer', 'coordinator']) {
        expectProblem(
          await invite(as.supplierMember!, world.supplier.id, newEmail(), role),
          403,
          'INVITATION.ROLE_NOT_ALLOWED',
        );
      }
    });

    it('an authority coordinator may invite a coordinator and a viewer', async () => {
      for (const role of ['coordinator', 'viewer'] as const) {
        const response = await invite(as.coordinator!, world.authority.id, newEmail(role), role);
        expect(response.statusCode, response.body).toBe(201);
        expect(response.json().invitation).toMatchObject({
          role,
          organisationId: world.authority.id,
          invitedBy: world.coordinator.id,
        });
      }
    });

    it('a coordinator cannot invite role admin (403 INVITATION.ROLE_NOT_ALLOWED)', async () => {
      for (const role of ['admin', 'reviewer', 'member']) {
        expectProblem(
          await invite(as.coordinator!, world.authority.id, newEmail(), role),
          403,
          'INVITATION.ROLE_NOT_ALLOWED',
        );
      }
    });

    it('a viewer cannot invite anyone (403 INVITATION.ROLE_NOT_ALLOWED)', async () => {
      for (const role of ['viewer', 'coordinator', 'admin']) {
        const email = newEmail('door-viewer');
        expectProblem(
          await invite(as.viewer!, world.authority.id, email, role),
          403,
          'INVITATION.ROLE_NOT_ALLOWED',
        );
        const rows = await t.db
          .selectFrom('invitations')
          .select('id')
          .where('email', '=', email)
          .execute();
        expect(rows).toHaveLength(0);
      }
    });

    it('a reviewer cannot invite anyone either', async () => {
      for (const role of ['reviewer', 'admin']) {
        expectProblem(
          await invite(as.reviewer!, world.platform.id, newEmail(), role),
          403,
          'INVITATION.ROLE_NOT_ALLOWED',
        );
      }
    });

    it('an admin inviting a role the organisation’s kind does not have answers 422 INVITATION.ROLE_NOT_IN_KIND', async () => {
      for (const [organisation, role] of [
        [world.authority, 'member'],
        [world.supplier, 'admin'],
        [world.initiative, 'coordinator'],
        [world.platform, 'viewer'],
      ] as const) {
        const response = await invite(as.admin!, organisation.id, newEmail(), role);
        expectProblem(response, 422, 'INVITATION.ROLE_NOT_IN_KIND');
        expect(response.json().errors).toEqual([expect.objectContaining({ path: 'body.role' })]);
      }
    });

    it('an admin invites any fitting role into any organisation, including another admin', async () => {
      for (const [organisation, role] of [
        [world.platform, 'admin'],
        [world.platform, 'reviewer'],
        [world.initiative, 'member'],
        [world.authority, 'viewer'],
      ] as const) {
        const response = await invite(as.admin!, organisation.id, newEmail(), role);
        expect(response.statusCode, response.body).toBe(201);
      }
    });

    it('inviting an address that already belongs to a user answers 409 USER.EMAIL_TAKEN, whatever its case', async () => {
      expectProblem(
        await invite(as.admin!, world.supplier.id, world.supplierMember.email, 'member'),
        409,
        'USER.EMAIL_TAKEN',
      );
      expectProblem(
        await invite(as.admin!, world.authority.id, world.viewer.email.toUpperCase(), 'viewer'),
        409,
        'USER.EMAIL_TAKEN',
      );
      expectProblem(
        await invite(
          as.supplierMember!,
          world.supplier.id,
          ` ${world.otherSupplierMember.email} `,
          'member',
        ),
        409,
        'USER.EMAIL_TAKEN',
      );
    });

    it('inviting into a disabled organisation answers 409', async () => {
      const organisation = await t.newOrganisation('supplier', { status: 'disabled' });
      const email = newEmail();
      expectProblem(
        await invite(as.admin!, organisation.id, email, 'member'),
        409,
        'ORGANISATION.DISABLED',
      );
      const rows = await t.db
        .selectFrom('invitations')
        .select('id')
        .where('email', '=', email)
        .execute();
      expect(rows).toHaveLength(0);
    });

    it('refuses an invalid email or role with 400, and an anonymous caller with 401', async () => {
      const bad = await invite(as.admin!, world.supplier.id, 'geen-adres', 'boss');
      expectProblem(bad, 400, 'VALIDATION.FAILED');
      expect(
        bad
          .json()
          .errors.map((e: { path: string }) => e.path)
          .sort(),
      ).toEqual(['body.email', 'body.role']);
      const anonymous = await t.app.inject({
        method: 'POST',
        url: `/v1/organisations/${world.supplier.id}/invitations`,
        payload: { email: newEmail(), role: 'member' },
      });
      expect(anonymous.statusCode).toBe(401);
    });

    it('lists invitations only for the caller’s own organisation (others 404)', async () => {
      const own = await listInvitations(as.supplierMember!, world.supplier.id);
      expect(own.statusCode).toBe(200);
      expect(own.json().items.length).toBeGreaterThan(0);
      expect(
        own
          .json()
          .items.every((i: { organisationId: string }) => i.organisationId === world.supplier.id),
      ).toBe(true);
      expectProblem(
        await listInvitations(as.supplierMember!, world.otherSupplier.id),
        404,
        'RESOURCE.NOT_FOUND',
      );
      expectProblem(
        await listInvitations(as.viewer!, world.supplier.id),
        404,
        'RESOURCE.NOT_FOUND',
      );
    });
  });

  describe('the database enforces which roles a kind of organisation has', () => {
    const fakeHash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
    const insertUser = (
      organisationId: string,
      organisationKind: 'supplier' | 'platform' | 'authority',
      role: UserRole,
    ) =>
      t.db
        .insertInto('users')
        .values({
          organisation_id: organisationId,
          organisation_kind: organisationKind,
          email: newEmail('direct'),
          name: 'Direct ingevoegd',
          role,
          password_hash: fakeHash,
        })
        .execute();

    it('refuses a users row with organisation_kind supplier and role admin (CHECK constraint)', async () => {
      await expect(insertUser(world.supplier.id, 'supplier', 'admin')).rejects.toMatchObject({
        code: '23514',
        message: expect.stringContaining('users_role_matches_kind'),
      });
      await expect(insertUser(world.authority.id, 'authority', 'member')).rejects.toMatchObject({
        code: '23514',
      });
      // The same row with a role the kind has is accepted, so the CHECK is what refused the others.
      await expect(insertUser(world.supplier.id, 'supplier', 'member')).resolves.toBeDefined();
    });

    it('refuses a users row that claims a kind its organisation does not have (foreign key)', async () => {
      await expect(insertUser(world.supplier.id, 'platform', 'admin')).rejects.toMatchObject({
        code: '23503',
      });
      const count = await sql<{
        n: string;
      }>`select count(*)::text as n from users where role = 'admin' and organisation_id = ${world.supplier.id}`.execute(
        t.db,
      );
      expect(count.rows[0]!.n).toBe('0');
    });

    it('refuses an invitations row with a role outside its organisation’s kind', async () => {
      await expect(
        t.db
          .insertInto('invitations')
          .values({
            organisation_id: world.supplier.id,
            organisation_kind: 'supplier',
            email: newEmail('direct'),
            role: 'admin',
            token_hash: hashToken(randomBytes(32).toString('base64url')),
            invited_by: world.admin.id,
            expires_at: new Date(Date.now() + DAY_MS),
          })
          .execute(),
      ).rejects.toMatchObject({
        code: '23514',
        message: expect.stringContaining('invitations_role_matches_kind'),
      });
    });
  });
});
