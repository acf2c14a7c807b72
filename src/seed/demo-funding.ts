import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/types.js';
import { InProcessJobQueue } from '../jobs/in-process-queue.js';
import type { Clock } from '../lib/clock.js';
import type { Actor, Ctx } from '../lib/context.js';
import { CHECK_DEADLINES_JOB } from '../modules/funding/deadlines.js';
import { registerFundingJobs } from '../modules/funding/funding-jobs.js';
import { createOrdersService } from '../modules/orders/orders.service.js';

/**
 * The two ends of a funding round, for the demo (issue 8):
 *
 * - "Rijbewijs voor werkzoekenden" reaches its threshold: Bouwbedrijf De Vries buys its
 *   threshold's worth of credits by invoice, in orders within the reservation limit, and
 *   an admin marks each paid. The project becomes funded and its first payout tranche is due.
 * - "Jobcoaching voor statushouders" misses its deadline: De Vries bought some credits (paid)
 *   and holds one unpaid reservation. The demo then moves the deadline to now, the one
 *   shortcut here (a real round would wait 60 days), and runs the deadline job: the project
 *   fails, the reservation is released, both paid orders are refunded with a credit note,
 *   and their certificates are revoked, which public verification shows with the reason.
 *
 * "Groen werkleertraject Gouda en Zuidplas" is left alone: the claims demo uses it.
 * Everything else goes through the same services and jobs as the API.
 */

export const DEMO_FUNDED_PROJECT = 'Rijbewijs voor werkzoekenden';
export const DEMO_FAILED_PROJECT = 'Jobcoaching voor statushouders';

const EMAILS = {
  admin: 'admin@impactbeurs.example',
  supplier: 'leverancier@devries.example',
} as const;

async function actorOf(db: Kysely<DB>, email: string): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'organisation_id', 'organisation_kind', 'role'])
    .where('email', '=', email)
    .executeTakeFirst();
  return (
    row && {
      userId: row.id,
      organisationId: row.organisation_id,
      organisationKind: row.organisation_kind,
      role: row.role,
    }
  );
}

async function listedProject(db: Kysely<DB>, title: string) {
  return db
    .selectFrom('projects as p')
    .innerJoin('project_credit_balances as b', 'b.project_id', 'p.id')
    .select(['p.id', 'p.threshold', 'b.supply', 'b.sold'])
    .where('p.title', '=', title)
    .where('p.status', '=', 'listed')
    .executeTakeFirst();
}

export async function seedDemoFunding(db: Kysely<DB>, config: Config, clock: Clock): Promise<void> {
  const [admin, supplier] = await Promise.all([
    actorOf(db, EMAILS.admin),
    actorOf(db, EMAILS.supplier),
  ]);
  if (!admin || !supplier) return;
  const as = (actor: Actor): Ctx => ({ actor, requestId: 'seed', ip: '127.0.0.1' });
  const jobs = new InProcessJobQueue({ autoRun: false });
  const orders = createOrdersService({ db, clock, config, jobs });
  let sequence = 0;

  async function order(projectId: string, quantity: number) {
    const created = await orders.create(
      as(supplier!),
      { projectId, quantity, paymentMethod: 'invoice' },
      `demo-funding-${++sequence}`,
      (error) => error,
    );
    if (created.status !== 201)
      throw new Error(`demo order refused: ${JSON.stringify(created.body)}`);
    return created.body as { id: string; amountCents: number };
  }
  async function buy(projectId: string, quantity: number) {
    const placed = await order(projectId, quantity);
    await orders.markPaid(as(admin!), placed.id, {
      amountCents: placed.amountCents,
      bankReference: `NL91ABNA0417164300-FUND-${sequence}`,
    });
  }

  const funded = await listedProject(db, DEMO_FUNDED_PROJECT);
  if (funded && funded.threshold !== null) {
    // Each order within the share one buyer may hold unpaid at a time.
    const perOrder = Math.max(
      1,
      Math.floor((funded.supply * config.orders.maxReservedSharePercent) / 100),
    );
    for (let left = funded.threshold - funded.sold; left > 0; left -= perOrder)
      await buy(funded.id, Math.min(left, perOrder));
  }

  const failing = await listedProject(db, DEMO_FAILED_PROJECT);
  if (failing && failing.threshold !== null && failing.threshold > 4) {
    const some = Math.max(1, Math.floor(failing.threshold / 4));
    await buy(failing.id, some);
    await buy(failing.id, some);
    await order(failing.id, 1);
    // The demo's one shortcut: the deadline is now, as if sixty days had passed.
    await db
      .updateTable('projects')
      .set({ funding_deadline: clock.now() })
      .where('id', '=', failing.id)
      .execute();
    await registerFundingJobs(jobs, { db, clock });
    await jobs.send(CHECK_DEADLINES_JOB, {});
    await jobs.drain();
  }
}
