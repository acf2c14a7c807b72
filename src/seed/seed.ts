import { sql, type Kysely } from 'kysely';
import type { DB, OrganisationKind, UserRole } from '../db/types.js';
import { type Clock, systemClock } from '../lib/clock.js';
import type { Actor } from '../lib/context.js';
import { hashPassword } from '../lib/passwords.js';
import { auditRepository } from '../modules/audit/audit.repository.js';
import { organisationsRepository } from '../modules/organisations/organisations.repository.js';
import { usersRepository } from '../modules/users/users.repository.js';
import type { Config } from '../config.js';
import { seedDemoFunding } from './demo-funding.js';
import { seedDemoObligations } from './demo-obligations.js';
import { seedDemoOutcomes } from './demo-outcomes.js';
import { type DemoPeople, seedDemoProjects } from './demo-projects.js';

export const DEMO_PASSWORD = 'impactbeurs-demo-2026';

export interface SeedLogin {
  email: string;
  role: UserRole;
  organisation: string;
}

interface SeedOrganisation {
  kind: OrganisationKind;
  name: string;
  kvkNumber: string | null;
  vatNumber: string;
  address: { street: string; postalCode: string; city: string };
  contactEmail: string;
  users: { email: string; name: string; role: UserRole }[];
}

const PLATFORM: Omit<SeedOrganisation, 'users'> = {
  kind: 'platform',
  name: 'Stichting Impactbeurs',
  kvkNumber: '90000001',
  vatNumber: 'NL009000001B01',
  address: { street: 'Coolsingel 40', postalCode: '3011 AD', city: 'Rotterdam' },
  contactEmail: 'info@impactbeurs.example',
};

const DEMO_EMAILS = {
  admin: 'admin@impactbeurs.example',
  secondAdmin: 'admin2@impactbeurs.example',
  member: 'initiatief@werkkracht.example',
} as const;

const DEMO: SeedOrganisation[] = [
  {
    ...PLATFORM,
    users: [
      { email: DEMO_EMAILS.admin, name: 'Anne de Beheerder', role: 'admin' },
      { email: DEMO_EMAILS.secondAdmin, name: 'Bram Tweede', role: 'admin' },
      { email: 'reviewer1@impactbeurs.example', name: 'Carla Expert', role: 'reviewer' },
      { email: 'reviewer2@impactbeurs.example', name: 'Daan Expert', role: 'reviewer' },
      { email: 'reviewer3@impactbeurs.example', name: 'Eva Expert', role: 'reviewer' },
      // A fourth, so that a panel can replace a reviewer who declares a conflict.
      { email: 'reviewer4@impactbeurs.example', name: 'Femke Expert', role: 'reviewer' },
    ],
  },
  {
    kind: 'initiative',
    name: 'Stichting Werkkracht Rotterdam',
    kvkNumber: '70000001',
    vatNumber: 'NL700000001B01',
    address: { street: 'Zuidplein 10', postalCode: '3083 CW', city: 'Rotterdam' },
    contactEmail: 'info@werkkracht.example',
    users: [{ email: DEMO_EMAILS.member, name: 'Fatima El Amrani', role: 'member' }],
  },
  {
    kind: 'supplier',
    name: 'Bouwbedrijf De Vries B.V.',
    kvkNumber: '70000002',
    vatNumber: 'NL700000002B01',
    address: { street: 'Industrieweg 5', postalCode: '2801 AB', city: 'Gouda' },
    contactEmail: 'inkoop@devries.example',
    users: [{ email: 'leverancier@devries.example', name: 'Gert de Vries', role: 'member' }],
  },
  {
    kind: 'authority',
    name: 'Gemeente Rotterdam',
    kvkNumber: '24365561',
    vatNumber: 'NL002564440B01',
    address: { street: 'Coolsingel 40', postalCode: '3011 AD', city: 'Rotterdam' },
    contactEmail: 'socialreturn@rotterdam.example',
    users: [
      { email: 'coordinator@rotterdam.example', name: 'Hanna Jansen', role: 'coordinator' },
      { email: 'viewer@rotterdam.example', name: 'Ivo Bakker', role: 'viewer' },
    ],
  },
];

/**
 * Serialises start-up seeding between instances sharing one database: the first to
 * take the lock seeds, the others then find the database no longer empty.
 */
async function withSeedLock<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('impactbeurs.seed'))`.execute(trx);
    return work(trx);
  });
}

async function isEmpty(trx: Kysely<DB>): Promise<boolean> {
  return (await organisationsRepository.count(trx)) === 0;
}

async function insertOrganisation(trx: Kysely<DB>, org: Omit<SeedOrganisation, 'users'>) {
  const row = await organisationsRepository.insert(trx, {
    kind: org.kind,
    name: org.name,
    kvk_number: org.kvkNumber,
    vat_number: org.vatNumber,
    address_street: org.address.street,
    address_postal_code: org.address.postalCode,
    address_city: org.address.city,
    contact_email: org.contactEmail,
  });
  await auditRepository.insert(trx, {
    actorUserId: null,
    actorOrganisationId: null,
    action: 'organisation.created',
    subjectType: 'organisation',
    subjectId: row.id,
    summary: { kind: row.kind, name: row.name, source: 'seed' },
    requestId: null,
  });
  return row;
}

async function insertUser(
  trx: Kysely<DB>,
  organisation: { id: string; kind: OrganisationKind },
  user: { email: string; name: string; role: UserRole },
  passwordHash: string,
) {
  const row = await usersRepository.insert(trx, {
    organisationId: organisation.id,
    organisationKind: organisation.kind,
    email: user.email.toLowerCase(),
    name: user.name,
    role: user.role,
    passwordHash,
  });
  await auditRepository.insert(trx, {
    actorUserId: null,
    actorOrganisationId: null,
    action: 'user.created',
    subjectType: 'user',
    subjectId: row.id,
    summary: { organisationId: organisation.id, role: user.role, source: 'seed' },
    requestId: null,
  });
  return row;
}

/** The first admin, from ADMIN_EMAIL/ADMIN_PASSWORD, on an empty database. Returns whether it was created. */
export async function seedFirstAdmin(
  db: Kysely<DB>,
  admin: { email: string; password: string },
): Promise<boolean> {
  const passwordHash = await hashPassword(admin.password);
  return withSeedLock(db, async (trx) => {
    if (!(await isEmpty(trx))) return false;
    const platform = await insertOrganisation(trx, PLATFORM);
    await insertUser(
      trx,
      platform,
      { email: admin.email, name: 'Administrator', role: 'admin' },
      passwordHash,
    );
    return true;
  });
}

/** Four demo reviewers (a panel of three and a stand-in), or more when PANEL_MIN asks for a larger panel. */
function demoOrganisations(panelMin: number): SeedOrganisation[] {
  return DEMO.map((org) => {
    if (org.kind !== 'platform') return org;
    const extra = Array.from({ length: Math.max(0, panelMin - 3) }, (_, index) => ({
      email: `reviewer${index + 5}@impactbeurs.example`,
      name: `Expert ${index + 5}`,
      role: 'reviewer' as const,
    }));
    return { ...org, users: [...org.users, ...extra] };
  });
}

/**
 * Demo data: one organisation of each kind with a user per role, all with DEMO_PASSWORD,
 * and the demo initiative's projects at every stage (demo-projects.ts). Only into an
 * empty database (apart from a first admin), never in production.
 *
 * The projects are made through the services, after the organisations and users are
 * committed, because the services' transactions cannot nest in the seed's. An instance
 * that waited for the seed lock finds the database no longer empty and seeds nothing.
 */
export async function seedDemo(
  db: Kysely<DB>,
  settings: Config,
  clock: Clock = systemClock,
): Promise<SeedLogin[] | undefined> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await withSeedLock(db, async (trx) => {
    const existingPlatform = await organisationsRepository.findPlatform(trx);
    const organisationCount = await organisationsRepository.count(trx);
    // Seed only a fresh database: empty, or holding nothing but the first admin's platform.
    if (organisationCount > (existingPlatform ? 1 : 0)) return undefined;
    const logins: SeedLogin[] = [];
    const actors = new Map<string, Actor>();
    for (const org of demoOrganisations(settings.panelMin)) {
      const row =
        org.kind === 'platform' && existingPlatform
          ? existingPlatform
          : await insertOrganisation(trx, org);
      for (const user of org.users) {
        const inserted = await insertUser(trx, row, user, passwordHash);
        actors.set(user.email, {
          userId: inserted.id,
          organisationId: row.id,
          organisationKind: row.kind,
          role: user.role,
        });
        logins.push({ email: user.email, role: user.role, organisation: row.name });
      }
    }
    const people: DemoPeople = {
      member: actors.get(DEMO_EMAILS.member)!,
      admin: actors.get(DEMO_EMAILS.admin)!,
      secondAdmin: actors.get(DEMO_EMAILS.secondAdmin)!,
      reviewers: [...actors.values()].filter((actor) => actor.role === 'reviewer'),
    };
    return { logins, people };
  });
  if (!seeded) return undefined;
  await seedDemoProjects(db, seeded.people, settings, clock);
  await seedDemoFunding(db, settings, clock);
  await seedDemoObligations(db, settings, clock);
  await seedDemoOutcomes(db, settings, clock);
  return seeded.logins;
}
