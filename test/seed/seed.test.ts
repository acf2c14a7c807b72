import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/types.js';
import { DEMO_PASSWORD, seedDemo, seedFirstAdmin, type SeedLogin } from '../../src/seed/seed.js';
import { formatDemoLogins } from '../../src/startup.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { awardByHand } from '../helpers/award-by-hand.js';
import { type SignedIn, signIn } from '../helpers/fixtures.js';

async function counts(db: Kysely<DB>) {
  const count = async (table: 'organisations' | 'users' | 'audit_events') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    organisations: await count('organisations'),
    users: await count('users'),
    auditEvents: await count('audit_events'),
  };
}

async function usersWithKinds(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.email', 'users.role', 'organisations.kind', 'organisations.name'])
    .execute();
}

describe('seedDemo on a fresh database', () => {
  let t: TestApp;
  let logins: SeedLogin[] | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    expect(await counts(t.db)).toEqual({ organisations: 0, users: 0, auditEvents: 0 });
    logins = await seedDemo(t.db, t.config);
  });
  afterAll(() => t?.close());

  it('creates one organisation of each kind', async () => {
    const organisations = await t.db
      .selectFrom('organisations')
      .select(['kind', 'status'])
      .execute();
    expect(organisations.map((o) => o.kind).sort()).toEqual([
      'authority',
      'initiative',
      'platform',
      'supplier',
    ]);
    expect(organisations.every((o) => o.status === 'active')).toBe(true);
  });

  it('creates users with every role, in the kinds of organisation that have it', async () => {
    const users = await usersWithKinds(t.db);
    const pairs = new Set(users.map((user) => `${user.kind}:${user.role}`));
    expect([...pairs].sort()).toEqual([
      'authority:coordinator',
      'authority:viewer',
      'initiative:member',
      'platform:admin',
      'platform:reviewer',
      'supplier:member',
    ]);
  });

  it('returns the logins it created, matching the users in the database', async () => {
    expect(logins).toBeDefined();
    const users = await usersWithKinds(t.db);
    const byEmail = (a: { email: string }, b: { email: string }) => (a.email < b.email ? -1 : 1);
    expect([...logins!].sort(byEmail)).toEqual(
      users
        .map((user) => ({ email: user.email, role: user.role, organisation: user.name }))
        .sort(byEmail),
    );
  });

  it('records what it created in the audit trail', async () => {
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'summary', 'request_id', 'actor_user_id'])
      .execute();
    const { organisations, users } = await counts(t.db);
    expect(events.filter((e) => e.action === 'organisation.created')).toHaveLength(organisations);
    expect(events.filter((e) => e.action === 'user.created')).toHaveLength(users);
    const accounts = events.filter(
      (e) => e.action === 'organisation.created' || e.action === 'user.created',
    );
    expect(accounts.every((e) => (e.summary as { source?: string }).source === 'seed')).toBe(true);
    // Everything else is the demo projects, made through the services on behalf of demo users,
    // or by the platform's own jobs (the funding demo's deadline job refunds a failed project).
    const demoUserIds = new Set(
      (await t.db.selectFrom('users').select('id').execute()).map((u) => u.id),
    );
    const rest = events.filter((e) => !accounts.includes(e));
    expect(rest.length).toBeGreaterThan(0);
    const byJob = (e: (typeof rest)[number]) =>
      e.actor_user_id === null && (e.request_id ?? '').startsWith('job:funding.');
    expect(rest.filter(byJob).map((e) => e.action)).toContain('project.failed');
    expect(
      rest.every(
        (e) =>
          byJob(e) ||
          (e.request_id === 'seed' && e.actor_user_id !== null && demoUserIds.has(e.actor_user_id)),
      ),
    ).toBe(true);
  });

  it('lets every printed demo login sign in through the API with DEMO_PASSWORD', async () => {
    for (const login of logins!) {
      const session = await signIn(
        t.app,
        { email: login.email, password: DEMO_PASSWORD },
        '10.50.0.1',
      );
      const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: session.headers });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        user: { email: login.email, role: login.role },
        organisation: { name: login.organisation },
      });
    }
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: logins![0]!.email, password: 'not-the-demo-password' },
      remoteAddress: '10.50.0.2',
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('creates nothing when called again', async () => {
    const before = await counts(t.db);
    expect(await seedDemo(t.db, t.config)).toBeUndefined();
    expect(await counts(t.db)).toEqual(before);
  });

  it('does not add a first admin to a database that has data', async () => {
    const before = await counts(t.db);
    expect(
      await seedFirstAdmin(t.db, {
        email: 'late-admin@test.example',
        password: 'late admin password',
      }),
    ).toBe(false);
    expect(await counts(t.db)).toEqual(before);
    expect(
      await t.db
        .selectFrom('users')
        .where('email', '=', 'late-admin@test.example')
        .select('id')
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('formats the demo logins listing every email and the password', () => {
    const text = formatDemoLogins(logins!);
    expect(text).toContain(DEMO_PASSWORD);
    const lines = text.split('\n');
    for (const login of logins!) {
      const line = lines.find((candidate) => candidate.trim().startsWith(`${login.email} `));
      expect(line, login.email).toBeDefined();
      expect(line).toContain(login.role);
      expect(line).toContain(login.organisation);
    }
    expect(lines).toHaveLength(logins!.length + 1);
  });
});

describe('seedFirstAdmin', () => {
  let t: TestApp;
  const admin = { email: 'Root@Impactbeurs.Test', password: 'first admin password 2026' };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('creates a platform admin on an empty database, who can sign in', async () => {
    expect(await seedFirstAdmin(t.db, admin)).toBe(true);
    expect(await counts(t.db)).toMatchObject({ organisations: 1, users: 1 });

    const session = await signIn(t.app, {
      email: 'root@impactbeurs.test',
      password: admin.password,
    });
    const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: session.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: 'root@impactbeurs.test', role: 'admin', organisationKind: 'platform' },
      organisation: { kind: 'platform' },
    });
    // A platform admin indeed: the admin-only audit trail opens.
    const audit = await t.app.inject({ method: 'GET', url: '/v1/audit', headers: session.headers });
    expect(audit.statusCode).toBe(200);
  });

  it('does nothing the second time', async () => {
    const before = await counts(t.db);
    expect(
      await seedFirstAdmin(t.db, {
        email: 'second@impactbeurs.test',
        password: 'another admin password',
      }),
    ).toBe(false);
    expect(await counts(t.db)).toEqual(before);
  });

  it('leaves room for demo data beside the first admin, in the same platform organisation', async () => {
    const logins = await seedDemo(t.db, t.config);
    expect(logins).toBeDefined();
    const organisations = await t.db.selectFrom('organisations').select('kind').execute();
    expect(organisations.map((o) => o.kind).sort()).toEqual([
      'authority',
      'initiative',
      'platform',
      'supplier',
    ]);
    // The first admin still signs in with its own password.
    await signIn(t.app, { email: 'root@impactbeurs.test', password: admin.password });
  });
});

describe('the demo projects', () => {
  let t: TestApp;
  let address = 0;
  const as = async (email: string): Promise<SignedIn> =>
    signIn(t.app, { email, password: DEMO_PASSWORD }, `10.51.0.${++address}`);
  let admin: SignedIn;

  type PlanSummary = { id: string; title: string; status: string; initiativeId: string };
  const plans = async (who: SignedIn, query = ''): Promise<PlanSummary[]> => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/plans?limit=100${query}`,
      headers: who.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  };
  const publicProject = async (id: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/v1/projects/${id}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const post = (who: SignedIn, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload });

  beforeAll(async () => {
    t = await createTestApp();
    expect(await seedDemo(t.db, t.config)).toBeDefined();
    admin = await as('admin@impactbeurs.example');
  });
  afterAll(() => t?.close());

  it('gives the demo initiative a project at every stage a newcomer can walk on from', async () => {
    const me = await t.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: (await as('initiatief@werkkracht.example')).headers,
    });
    const initiativeId = me.json().organisation.id;
    expect(me.json().organisation.name).toBe('Stichting Werkkracht Rotterdam');

    const all = await plans(admin);
    expect(all.every((plan) => plan.initiativeId === initiativeId)).toBe(true);
    const byStatus = (status: string) =>
      all
        .filter((plan) => plan.status === status)
        .map((plan) => plan.title)
        .sort();
    // The funding demo (demo-funding.ts) took one listed project to its threshold and let another miss its deadline.
    expect(byStatus('listed')).toEqual([
      'Groen werkleertraject Gouda en Zuidplas',
      'Leerwerkbedrijf Bouw Rotterdam-Zuid',
    ]);
    expect(byStatus('funded')).toEqual(['Rijbewijs voor werkzoekenden']);
    expect(byStatus('failed')).toEqual(['Jobcoaching voor statushouders']);
    expect(byStatus('in_review')).toEqual(['Fietsenwerkplaats Rotterdam-Noord']);
    expect(byStatus('submitted')).toEqual(['Zorgleerwerktraject Rotterdam-Zuid']);
    expect(byStatus('draft')).toEqual(['Digitale vaardigheden voor 50-plussers']);
    expect(all).toHaveLength(7);
  });

  it('lists the listed demo projects publicly, each award recomputing by hand from its public parameters', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/v1/projects' });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as {
      id: string;
      title: string;
      initiative: { name: string };
    }[];
    // Failed projects are left out of the default list (they show with status=failed).
    expect(items.map((item) => item.title).sort()).toEqual([
      'Groen werkleertraject Gouda en Zuidplas',
      'Leerwerkbedrijf Bouw Rotterdam-Zuid',
      'Rijbewijs voor werkzoekenden',
    ]);
    expect(items.every((item) => item.initiative.name === 'Stichting Werkkracht Rotterdam')).toBe(
      true,
    );

    const deadlines: number[] = [];
    for (const item of items) {
      const project = await publicProject(item.id);
      const byHand = awardByHand(project.award);
      expect(byHand.aboveCutoff).toBe(true);
      expect(project.award.impactScore).toBe(byHand.impactScore);
      expect(project.impactScore).toBe(byHand.impactScore);
      expect(project.award).toMatchObject({
        supply: byHand.supply,
        threshold: byHand.threshold,
        methodologyVersion: 'v1',
      });
      // Some demo projects have sold credits already (the claims and funding demos buy them).
      expect(project.credits).toMatchObject({
        supply: byHand.supply,
        reserved: 0,
        threshold: byHand.threshold,
      });
      expect(project.credits.sold + project.credits.available).toBe(byHand.supply);
      // Realistic plans: EUR 40k–150k, and one two-year training company of EUR 560k (big
      // enough to meet a EUR 100,000 obligation in one purchase), each with a minimum budget
      // the threshold is computed from.
      expect(project.totalCostCents).toBeGreaterThanOrEqual(4_000_000);
      expect(project.totalCostCents).toBeLessThanOrEqual(
        item.title === 'Leerwerkbedrijf Bouw Rotterdam-Zuid' ? 56_000_000 : 15_000_000,
      );
      expect(project.award.minimumBudgetCents).toBe(project.minimumBudgetCents);
      const accepted = (project.budgetLines as { amountCents: number; accepted: boolean }[]).filter(
        (line) => line.accepted,
      );
      expect(accepted.reduce((sum, line) => sum + line.amountCents, 0)).toBe(
        project.award.eligibleCostCents,
      );
      expect(project.targetGroups.length).toBeGreaterThan(0);
      expect(project.expectedOutcomes.length).toBeGreaterThan(0);
      deadlines.push(Date.parse(project.fundingDeadline) - Date.parse(project.listedAt));
    }
    // Funding deadlines 90 (the default), 120 and 150 days out (the 60-day one is the failed demo project's), so sorting by deadline shows something.
    expect(deadlines.map((ms) => Math.round(ms / 86_400_000)).sort((a, b) => a - b)).toEqual([
      90, 120, 150,
    ]);
  });

  it('has the figures of the README’s worked example: Rijbewijs voor werkzoekenden', async () => {
    const listed = await t.app.inject({ method: 'GET', url: '/v1/projects?q=Rijbewijs' });
    const project = await publicProject(listed.json().items[0].id);
    expect(project.title).toBe('Rijbewijs voor werkzoekenden');
    expect(project.municipalities).toEqual([{ cbsCode: 'GM0599', name: 'Rotterdam' }]);
    expect(project.award).toMatchObject({
      parameters: {
        weightsBasisPoints: { reach: 3000, depth: 3000, durability: 2000, indirect: 2000 },
        maxScore: 5,
        cutoffBasisPoints: 4000,
        creditPriceCents: 3800,
      },
      panelScores: { reach: 4, depth: 4, durability: 4, indirect: 3 },
      scoreSource: 'median',
      eligibleCostCents: 9_272_500,
      minimumBudgetCents: 6_000_000,
      impactScore: '0.76000',
      supply: 1854,
      threshold: 1579,
    });
    expect(project.totalCostCents).toBe(9_872_500);
    expect(project.budgetLines.filter((line: { accepted: boolean }) => !line.accepted)).toEqual([
      {
        description: 'Laptops in bruikleen en lesmateriaal',
        category: 'materials',
        amountCents: 600_000,
        accepted: false,
      },
    ]);
  });

  it('made every award through a real review: panel, declarations, scores, and a consensus confirmed by the other admin', async () => {
    const listed = (await plans(admin)).filter((plan) =>
      ['listed', 'funded', 'failed'].includes(plan.status),
    );
    expect(listed).toHaveLength(4);
    const admin2 = await as('admin2@impactbeurs.example');
    const adminId = (
      await t.app.inject({ method: 'GET', url: '/v1/me', headers: admin.headers })
    ).json().user.id;
    const admin2Id = (
      await t.app.inject({ method: 'GET', url: '/v1/me', headers: admin2.headers })
    ).json().user.id;
    for (const plan of listed) {
      const audit = await t.app.inject({
        method: 'GET',
        url: `/v1/audit?subjectId=${plan.id}&limit=100`,
        headers: admin.headers,
      });
      const actions = (audit.json().items as { action: string; requestId: string }[])
        .map((event) => event.action)
        .sort();
      const consensus = plan.title.startsWith('Groen') ? ['review.consensus_recorded'] : [];
      // The funding demo's ends of the round (demo-funding.ts).
      const funding =
        plan.status === 'funded'
          ? ['project.funded']
          : plan.status === 'failed'
            ? ['project.failed']
            : [];
      expect(actions, plan.title).toEqual(
        [
          'award.confirmed',
          'plan.created',
          'plan.submitted',
          'project.listed',
          'review.assigned',
          ...Array(3).fill('review.declared'),
          ...Array(3).fill('review.scored'),
          ...consensus,
          ...funding,
        ].sort(),
      );

      const review = await t.app.inject({
        method: 'GET',
        url: `/v1/plans/${plan.id}/review`,
        headers: admin.headers,
      });
      expect(review.statusCode).toBe(200);
      const body = review.json();
      expect(body.panel).toHaveLength(3);
      expect(
        body.panel.every(
          (member: { declaration: string; scored: boolean }) =>
            member.declaration === 'none' && member.scored,
        ),
      ).toBe(true);
      expect(body.award).toMatchObject({ decision: 'approved', roundNumber: 1 });
      // The review's own figures and the public page agree.
      const pub = await publicProject(plan.id);
      expect(pub.award).toMatchObject({
        supply: body.award.supply,
        threshold: body.award.threshold,
        impactScore: body.award.impactScore,
      });
      if (consensus.length > 0) {
        expect(body.evaluation.divergentCriteria).toEqual(['durability']);
        expect(body.consensus.enteredBy).toBe(adminId);
        expect(body.award).toMatchObject({ scoreSource: 'consensus', confirmedBy: admin2Id });
        expect(pub.award.panelScores).toEqual({ reach: 4, depth: 4, durability: 3, indirect: 3 });
      } else {
        expect(body.consensus).toBeNull();
        expect(body.award).toMatchObject({ scoreSource: 'median', confirmedBy: adminId });
      }
    }
  });

  it('leaves the plans that are not listed out of the public catalogue', async () => {
    for (const plan of (await plans(admin)).filter(
      (p) => !['listed', 'funded', 'completed', 'failed'].includes(p.status),
    )) {
      const response = await t.app.inject({ method: 'GET', url: `/v1/projects/${plan.id}` });
      expect(response.statusCode, plan.title).toBe(404);
    }
  });

  it('leaves the in-review plan waiting for the third reviewer, who sees no other scores before scoring (blind), then finishes it', async () => {
    const plan = (await plans(admin, '&status=in_review'))[0]!;
    const review = await t.app.inject({
      method: 'GET',
      url: `/v1/plans/${plan.id}/review`,
      headers: admin.headers,
    });
    expect(review.json().evaluation).toMatchObject({
      activeReviewers: 3,
      scoredReviewers: 2,
      complete: false,
      awardPreview: null,
    });

    const reviewer3 = await as('reviewer3@impactbeurs.example');
    const own = await t.app.inject({
      method: 'GET',
      url: `/v1/plans/${plan.id}/review`,
      headers: reviewer3.headers,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().panel).toHaveLength(1);
    expect(own.json().panel[0]).toMatchObject({ declaration: null, scored: false, score: null });

    // As the README has it: reviewer3 declares and scores, then the admin awards and lists.
    const assignments = await t.app.inject({
      method: 'GET',
      url: '/v1/reviews/assignments',
      headers: reviewer3.headers,
    });
    const assignmentId = (assignments.json().items as { id: string; projectId: string }[]).find(
      (a) => a.projectId === plan.id,
    )!.id;
    expect(
      (
        await post(reviewer3, `/v1/reviews/assignments/${assignmentId}/declaration`, {
          declaration: 'none',
        })
      ).statusCode,
    ).toBe(200);
    const criterion = (score: number) => ({ score, rationale: 'Zichtbaar resultaat in de wijk.' });
    const scored = await post(reviewer3, `/v1/reviews/assignments/${assignmentId}/scores`, {
      reach: criterion(4),
      depth: criterion(4),
      durability: criterion(3),
      indirect: criterion(3),
      overallComment: 'Goed plan.',
    });
    expect(scored.statusCode, scored.body).toBe(201);
    const award = await post(admin, `/v1/plans/${plan.id}/award`, {
      publicRationale: 'Een leerwerkplek met zichtbaar resultaat.',
    });
    expect(award.statusCode, award.body).toBe(201);
    expect((await post(admin, `/v1/plans/${plan.id}/list`, {})).statusCode).toBe(200);
    const project = await publicProject(plan.id);
    // Medians reach 3, depth 4, durability 3, indirect 4: S = 0.18 + 0.24 + 0.12 + 0.16 = 0.70; the rent was flagged once only.
    // N = floor(5 640 000 × 0.70 / 3 800) = floor(1 038.9…) = 1 038; T = min(1 038, ceil(3 600 000 / 3 800) = 948) = 948
    expect(awardByHand(project.award)).toEqual({
      impactScore: '0.70000',
      supply: 1038,
      threshold: 948,
      aboveCutoff: true,
    });
    expect(project.credits).toMatchObject({ supply: 1038, threshold: 948 });
  });

  // The walk of README "Walk the flow with the demo accounts", call for call.
  it('lets a newcomer take the seeded draft to listed with the demo logins', async () => {
    const member = await as('initiatief@werkkracht.example');
    const draft = (await plans(member, '&status=draft'))[0]!;
    const plan = await t.app.inject({
      method: 'GET',
      url: `/v1/plans/${draft.id}`,
      headers: member.headers,
    });
    expect(
      plan
        .json()
        .completeness.map((issue: { path: string }) => issue.path)
        .sort(),
    ).toEqual(['contact.email', 'contact.name']);

    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/v1/plans/${draft.id}`,
      headers: member.headers,
      payload: {
        contact: {
          name: 'Fatima El Amrani',
          email: 'f.elamrani@werkkracht.example',
          phone: '+31 10 765 4321',
        },
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().completeness).toEqual([]);
    const submitted = await post(member, `/v1/plans/${draft.id}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', reviewRound: 1 });

    const platformId = (
      await t.app.inject({ method: 'GET', url: '/v1/me', headers: admin.headers })
    ).json().organisation.id;
    const users = await t.app.inject({
      method: 'GET',
      url: `/v1/organisations/${platformId}/users`,
      headers: admin.headers,
    });
    const reviewers = users.json().items as { id: string; role: string; email: string }[];
    expect(reviewers.filter((u) => u.role === 'reviewer')).toHaveLength(4);
    // The README's walk assigns the first three; the fourth stands in after a conflict.
    const reviewerIds = reviewers.filter((u) => /^reviewer[123]@/.test(u.email)).map((u) => u.id);
    expect(reviewerIds).toHaveLength(3);
    const assigned = await post(admin, `/v1/plans/${draft.id}/panel`, { reviewerIds });
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect(assigned.json().projectStatus).toBe('in_review');

    const scores: [number, number, number, number][] = [
      [4, 3, 3, 4],
      [3, 3, 4, 3],
      [4, 4, 3, 3],
    ];
    for (const [index, email] of [
      'reviewer1@impactbeurs.example',
      'reviewer2@impactbeurs.example',
      'reviewer3@impactbeurs.example',
    ].entries()) {
      const reviewer = await as(email);
      const assignments = await t.app.inject({
        method: 'GET',
        url: '/v1/reviews/assignments',
        headers: reviewer.headers,
      });
      const assignment = (assignments.json().items as { id: string; projectId: string }[]).find(
        (a) => a.projectId === draft.id,
      )!;
      expect(assignment, email).toBeDefined();
      const declared = await post(
        reviewer,
        `/v1/reviews/assignments/${assignment.id}/declaration`,
        { declaration: 'none' },
      );
      expect(declared.statusCode, declared.body).toBe(200);
      const [reach, depth, durability, indirect] = scores[index]!;
      const scored = await post(reviewer, `/v1/reviews/assignments/${assignment.id}/scores`, {
        reach: { score: reach, rationale: 'Dertig deelnemers in twee gemeenten.' },
        depth: { score: depth, rationale: 'Kleine groepen met een coach.' },
        durability: { score: durability, rationale: 'Digitale vaardigheden blijven.' },
        indirect: { score: indirect, rationale: 'Meer zelfvertrouwen bij het solliciteren.' },
        overallComment: 'Degelijk plan.',
      });
      expect(scored.statusCode, scored.body).toBe(201);
    }

    const review = await t.app.inject({
      method: 'GET',
      url: `/v1/plans/${draft.id}/review`,
      headers: admin.headers,
    });
    expect(review.json().evaluation).toMatchObject({
      complete: true,
      consensusNeeded: false,
      medians: { reach: 4, depth: 3, durability: 3, indirect: 3 },
    });
    const award = await post(admin, `/v1/plans/${draft.id}/award`, {
      publicRationale: 'Praktisch plan met een duidelijke route naar werk.',
    });
    expect(award.statusCode, award.body).toBe(201);
    expect(award.json()).toMatchObject({ decision: 'approved', impactScore: '0.66000' });
    const listing = await post(admin, `/v1/plans/${draft.id}/list`, {});
    expect(listing.statusCode, listing.body).toBe(200);
    expect(listing.json().status).toBe('listed');

    const project = await publicProject(draft.id);
    const byHand = awardByHand(project.award);
    // S = 0.3×4/5 + 0.3×3/5 + 0.2×3/5 + 0.2×3/5 = 0.66; E = 4 860 000; N = floor(4 860 000 × 0.66 / 3 800) = floor(844.1…) = 844;
    // T = min(844, ceil(3 000 000 / 3 800) = ceil(789.4…) = 790) = 790
    expect(byHand).toEqual({
      impactScore: '0.66000',
      supply: 844,
      threshold: 790,
      aboveCutoff: true,
    });
    expect(project.credits).toMatchObject({ supply: 844, threshold: 790, available: 844 });
  });
});
