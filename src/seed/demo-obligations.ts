import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import type { Actor, Ctx } from '../lib/context.js';
import { InProcessJobQueue } from '../jobs/in-process-queue.js';
import { createMailService } from '../modules/mail/mail.service.js';
import { MemoryTransport } from '../modules/mail/mail.transport.js';
import { createClaimsService } from '../modules/obligations/claims.service.js';
import { CreateContractSchema } from '../modules/obligations/contracts.schemas.js';
import { createContractsService } from '../modules/obligations/contracts.service.js';
import { createOrdersService } from '../modules/orders/orders.service.js';

/**
 * The demo municipality's social-return work: Gemeente Rotterdam has two contracts with
 * Bouwbedrijf De Vries; De Vries bought credits of "Groen werkleertraject Gouda en
 * Zuidplas" twice by invoice (both paid), claimed part of the first certificate toward
 * one contract (approved) and the second certificate toward the other (pending); a third
 * contract's obligation of EUR 100,000 is still wholly open. Made
 * through the same services as the API, on behalf of the demo users.
 */

export const DEMO_CLAIMS_PROJECT = 'Groen werkleertraject Gouda en Zuidplas';
/** The contract with a EUR 100,000 obligation (5% of EUR 2,000,000) and no claims yet. */
export const DEMO_PURCHASE_CONTRACT = 'RTD-2026-0318';

const EMAILS = {
  admin: 'admin@impactbeurs.example',
  supplier: 'leverancier@devries.example',
  coordinator: 'coordinator@rotterdam.example',
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

export async function seedDemoObligations(
  db: Kysely<DB>,
  config: Config,
  clock: Clock,
): Promise<void> {
  const [admin, supplier, coordinator] = await Promise.all([
    actorOf(db, EMAILS.admin),
    actorOf(db, EMAILS.supplier),
    actorOf(db, EMAILS.coordinator),
  ]);
  const project = await db
    .selectFrom('projects')
    .innerJoin('project_credit_balances as b', 'b.project_id', 'projects.id')
    .select(['projects.id', 'b.supply'])
    .where('title', '=', DEMO_CLAIMS_PROJECT)
    .where('status', 'in', ['listed', 'funded'])
    .executeTakeFirst();
  if (!admin || !supplier || !coordinator || !project) return;
  const supplierKvk = (
    await db
      .selectFrom('organisations')
      .select('kvk_number')
      .where('id', '=', supplier.organisationId)
      .executeTakeFirstOrThrow()
  ).kvk_number!;

  const as = (actor: Actor): Ctx => ({ actor, requestId: 'seed', ip: '127.0.0.1' });
  const orders = createOrdersService({
    db,
    clock,
    config,
    jobs: new InProcessJobQueue({ autoRun: false }),
  });
  const contracts = createContractsService({
    db,
    clock,
    // The demo names registered suppliers only, so no invitation is e-mailed.
    mail: createMailService({
      db,
      clock,
      jobs: new InProcessJobQueue({ autoRun: false }),
      transport: new MemoryTransport(),
      from: config.mail.from,
      publicUrl: config.publicUrl,
    }),
    publicUrl: config.publicUrl,
  });
  const claims = createClaimsService({ db, clock, publicUrl: config.publicUrl });

  async function buy(quantity: number, reference: string): Promise<string> {
    const created = await orders.create(
      as(supplier!),
      { projectId: project!.id, quantity, paymentMethod: 'invoice' },
      `demo-${reference}`,
      (error) => error,
    );
    if (created.status !== 201)
      throw new Error(`demo order refused: ${JSON.stringify(created.body)}`);
    const order = created.body as { id: string; amountCents: number };
    const paid = await orders.markPaid(as(admin!), order.id, {
      amountCents: order.amountCents,
      bankReference: reference,
    });
    return paid.certificate!.id;
  }

  const first = Math.max(2, Math.floor(project.supply * 0.15));
  const second = Math.max(1, Math.floor(project.supply * 0.08));
  const firstCertificate = await buy(first, 'NL91ABNA0417164300-DEMO-1');
  const secondCertificate = await buy(second, 'NL91ABNA0417164300-DEMO-2');

  const maintenance = await contracts.create(
    as(coordinator),
    CreateContractSchema.parse({
      supplier: { kvkNumber: supplierKvk },
      reference: 'RTD-2026-0142',
      title: 'Onderhoud groenvoorziening Rotterdam-Zuid',
      valueCents: 850_000_00,
      startsOn: '2026-03-01',
      endsOn: '2028-02-29',
      obligation: { basis: 'contract_value', percentageBp: 500 },
    }),
  );
  const cleaning = await contracts.create(
    as(coordinator),
    CreateContractSchema.parse({
      supplier: { kvkNumber: supplierKvk },
      reference: 'RTD-2026-0207',
      title: 'Schoonmaak gemeentelijke gebouwen (arbeidsextensief: 2%)',
      valueCents: 1_200_000_00,
      startsOn: '2026-06-01',
      endsOn: '2027-05-31',
      obligation: { basis: 'contract_value', percentageBp: 200 },
      valuation: { creditShareCapBp: 5_000 },
    }),
  );
  // A construction contract whose 5% social return (EUR 100,000) is wholly open: the demo
  // supplier meets it in one purchase over the listed projects (docs/web-supplier.md).
  await contracts.create(
    as(coordinator),
    CreateContractSchema.parse({
      supplier: { kvkNumber: supplierKvk },
      reference: DEMO_PURCHASE_CONTRACT,
      title: 'Nieuwbouw brede school Charlois',
      valueCents: 2_000_000_00,
      startsOn: '2026-09-01',
      endsOn: '2028-08-31',
      obligation: { basis: 'contract_value', percentageBp: 500 },
    }),
  );

  const approved = await claims.create(
    as(supplier),
    {
      certificateId: firstCertificate,
      contractId: maintenance.id,
      credits: Math.ceil(first * 0.75),
      note: 'Inzet voor perceel Zuid',
    },
    'demo-claim-1',
  );
  await claims.approve(as(coordinator), approved.claim.id, {
    reason: 'Certificaat geverifieerd via de QR-code',
  });
  await claims.create(
    as(supplier),
    { certificateId: secondCertificate, contractId: cleaning.id, credits: second },
    'demo-claim-2',
  );
}
