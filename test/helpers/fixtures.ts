import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB, OrganisationKind, OrganisationRow, UserRole } from '../../src/db/types.js';
import { hash } from '@node-rs/argon2';
import { organisationsRepository } from '../../src/modules/organisations/organisations.repository.js';
import { usersRepository } from '../../src/modules/users/users.repository.js';

/**
 * The low-level rows the factory (test/factory) builds on: an organisation and a user
 * inserted directly, and a sign-in through POST /v1/auth/login. Tests that are about
 * sign-in itself use them directly; everything else asks the factory (t.newSupplier(),
 * t.newUser(), t.newCast() ...).
 */

export const FIXTURE_PASSWORD = 'correct horse battery staple';

/**
 * The fixture users' password hash: argon2id like every stored hash, but at the lowest
 * cost (64 KiB, one pass) instead of the service's 19 MiB and two passes. Verifying reads
 * the cost from the hash itself, so each fixture sign-in through POST /v1/auth/login runs
 * the real check in ~1 ms instead of ~50–300 ms (the suite signs in thousands of times).
 * Hashes the service makes itself (sign-up, invitations, resets) keep its cost, and the
 * tests of those check what it stores. Made once per test file.
 */
const FIXTURE_HASH_OPTIONS = { algorithm: 2, memoryCost: 64, timeCost: 1, parallelism: 1 } as const;
let fixtureHash: Promise<string> | undefined;
const getFixtureHash = () => (fixtureHash ??= hash(FIXTURE_PASSWORD, FIXTURE_HASH_OPTIONS));

let sequence = 0;
const unique = () => `${process.pid % 1000}${++sequence}${Math.floor(Math.random() * 1e6)}`;

export function uniqueKvk(): string {
  return String(10_000_000 + Math.floor(Math.random() * 89_999_999)).slice(0, 8);
}

export async function createOrganisation(
  db: Kysely<DB>,
  kind: OrganisationKind,
  overrides: Partial<{
    name: string;
    kvkNumber: string | null;
    status: 'active' | 'disabled';
  }> = {},
): Promise<OrganisationRow> {
  return organisationsRepository.insert(db, {
    kind,
    name: overrides.name ?? `${kind} ${unique()}`,
    kvk_number: overrides.kvkNumber !== undefined ? overrides.kvkNumber : uniqueKvk(),
    vat_number: null,
    status: overrides.status ?? 'active',
  });
}

export interface FixtureUser {
  id: string;
  email: string;
  password: string;
  organisationId: string;
  role: UserRole;
}

export async function createUser(
  db: Kysely<DB>,
  organisation: OrganisationRow,
  role: UserRole,
  email?: string,
): Promise<FixtureUser> {
  const row = await usersRepository.insert(db, {
    organisationId: organisation.id,
    organisationKind: organisation.kind,
    email: email ?? `${role}.${unique()}@test.example`,
    name: `Test ${role}`,
    role,
    passwordHash: await getFixtureHash(),
  });
  return {
    id: row.id,
    email: row.email,
    password: FIXTURE_PASSWORD,
    organisationId: organisation.id,
    role,
  };
}

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  headers: { authorization: string };
}

export async function signIn(
  app: FastifyInstance,
  user: { email: string; password: string },
  remoteAddress?: string,
): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email: user.email, password: user.password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json<{ accessToken: string; refreshToken: string }>();
  return { ...body, headers: { authorization: `Bearer ${body.accessToken}` } };
}
