import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import type { Actor, Ctx } from '../lib/context.js';
import { OutcomeReportInputSchema } from '../modules/outcomes/outcomes.schemas.js';
import { createOutcomesService } from '../modules/outcomes/outcomes.service.js';
import { quarterStart } from '../modules/reports/period.js';
import { refreshReportSummaries } from '../modules/reports/report-jobs.js';

/**
 * Accepted outcome reports and consented stories for two demo projects, so that the
 * authority, supplier and public reports show real numbers (some of them suppressed) on
 * first start. Two quarters each, the last two that have ended; submitted by the demo
 * initiative's member and accepted by the demo admin, through the outcomes service.
 */

const EMAILS = {
  admin: 'admin@impactbeurs.example',
  member: 'initiatief@werkkracht.example',
} as const;

interface DemoQuarter {
  participants: Record<string, number>;
  outcomes: Record<string, [achieved: number, banenafspraak: number]>;
  /** Share of each budget line spent in the quarter, in percent. */
  spentPercent: number;
  narrative: string;
  stories?: { title: string; text: string }[];
}

const DEMO_OUTCOMES: Record<string, [DemoQuarter, DemoQuarter]> = {
  'Rijbewijs voor werkzoekenden': [
    {
      participants: { participatiewet: 14, banenafspraak: 3, ww: 6 },
      outcomes: { driving_licence: [8, 1], paid_work: [5, 0] },
      spentPercent: 20,
      narrative:
        'De eerste groep startte met theorieles; acht deelnemers haalden hun rijbewijs en vijf tekenden een contract bij een bezorgdienst of aannemer.',
      stories: [
        {
          title: 'Met het rijbewijs de weg op',
          text: 'Na vier jaar in de bijstand haalde een deelnemer in één keer haar praktijkexamen. Een week later begon zij als bezorger bij een groothandel in de haven.',
        },
      ],
    },
    {
      participants: { participatiewet: 10, banenafspraak: 2, ww: 7, over_50: 5 },
      outcomes: { driving_licence: [12, 2], paid_work: [9, 1], retraining: [3, 0] },
      spentPercent: 25,
      narrative:
        'De tweede groep was groter. Twaalf deelnemers slaagden; de jobcoach begeleidde negen van hen naar werk in logistiek, bouw en thuiszorg.',
    },
  ],
  'Groen werkleertraject Gouda en Zuidplas': [
    {
      participants: { participatiewet: 9, banenafspraak: 6, youth: 4 },
      outcomes: { diploma: [7, 3], internship: [8, 2], paid_work: [2, 1] },
      spentPercent: 30,
      narrative:
        'Deelnemers werkten in het groenonderhoud van Gouda en Zuidplas en volgden de opleiding tot hovenier; zeven behaalden hun diploma.',
      stories: [
        {
          title: 'Van leerwerkplek naar vaste ploeg',
          text: 'Een jongere die de school had verlaten, vond in het groen zijn plek. Na zijn diploma nam de hovenier bij wie hij stage liep hem in vaste dienst.',
        },
        {
          title: 'Samen het park onderhouden',
          text: 'De ploeg van het werkleertraject onderhoudt sinds het voorjaar een wijkpark. Buurtbewoners helpen mee en de deelnemers leiden hen inmiddels zelf in.',
        },
      ],
    },
    {
      participants: { participatiewet: 8, banenafspraak: 5, youth: 6 },
      outcomes: { diploma: [6, 2], internship: [5, 1], paid_work: [6, 2] },
      spentPercent: 30,
      narrative:
        'Het tweede kwartaal stroomden zes deelnemers uit naar betaald werk bij hoveniers en de gemeentelijke buitendienst.',
    },
  ],
};

function lastDay(nextStart: string): string {
  const d = new Date(`${nextStart}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The last two calendar quarters that have ended before `now`, oldest first. */
function lastTwoQuarters(now: Date): [string, string][] {
  const current = quarterStart(now.toISOString().slice(0, 10));
  const previous = quarterStart(lastDay(current));
  const before = quarterStart(lastDay(previous));
  return [
    [before, lastDay(previous)],
    [previous, lastDay(current)],
  ];
}

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

export async function seedDemoOutcomes(
  db: Kysely<DB>,
  config: Config,
  clock: Clock,
): Promise<void> {
  const [admin, member] = await Promise.all([
    actorOf(db, EMAILS.admin),
    actorOf(db, EMAILS.member),
  ]);
  if (!admin || !member) return;
  const as = (actor: Actor): Ctx => ({ actor, requestId: 'seed', ip: '127.0.0.1' });
  const outcomes = createOutcomesService({
    db,
    clock,
    disclosureThreshold: config.disclosureThreshold,
  });
  const quarters = lastTwoQuarters(clock.now());

  for (const [title, reports] of Object.entries(DEMO_OUTCOMES)) {
    const project = await db
      .selectFrom('projects')
      .select(['id'])
      .where('title', '=', title)
      .where('status', 'in', ['listed', 'funded'])
      .executeTakeFirst();
    if (!project) continue;
    const lines = await db
      .selectFrom('project_budget_lines')
      .select(['id', 'amount_cents'])
      .where('project_id', '=', project.id)
      .orderBy('position')
      .execute();
    for (const [index, quarter] of reports.entries()) {
      const [periodStart, periodEnd] = quarters[index]!;
      const input = OutcomeReportInputSchema.parse({
        kind: 'interim',
        periodStart,
        periodEnd,
        participants: Object.entries(quarter.participants).map(([targetGroup, participants]) => ({
          targetGroup,
          participants,
        })),
        outcomes: Object.entries(quarter.outcomes).map(
          ([outcomeType, [achieved, banenafspraak]]) => ({ outcomeType, achieved, banenafspraak }),
        ),
        spending: lines.map((line) => ({
          budgetLineId: line.id,
          spentCents: Math.round((Number(line.amount_cents) * quarter.spentPercent) / 100),
        })),
        narrative: quarter.narrative,
        stories: (quarter.stories ?? []).map((story) => ({ ...story, consent: true })),
      });
      const report = await outcomes.submit(as(member), project.id, input);
      await outcomes.accept(as(admin), report.id);
      for (const story of report.stories)
        await outcomes.decideStory(as(admin), story.id, { publish: true });
    }
  }
  await refreshReportSummaries(db, clock, config.disclosureThreshold);
}
