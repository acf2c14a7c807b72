import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Config } from '../config.js';
import type { DB } from '../db/types.js';
import { addDays, type Clock } from '../lib/clock.js';
import type { Actor, Ctx } from '../lib/context.js';
import { ConfirmAwardSchema, ListProjectSchema } from '../modules/awards/awards.schemas.js';
import { CreatePlanSchema } from '../modules/projects/projects.schemas.js';
import { createProjectsService } from '../modules/projects/projects.service.js';
import {
  AssignPanelSchema,
  DeclareInterestSchema,
  RecordConsensusSchema,
  SubmitScoresSchema,
} from '../modules/reviews/reviews.schemas.js';
import { createReviewsService } from '../modules/reviews/reviews.service.js';

/**
 * The demo initiative's projects, one at every stage a newcomer can walk on from: four
 * listed (one of them through a recorded consensus), one in review with a score still
 * missing, one submitted and waiting for a panel, and one draft that still lacks its
 * contact person. Every step goes through the same services (and input schemas) as the
 * API, so each award is a real one, recomputable from its stored parameters, with the
 * audit trail of a real review.
 */

export type DemoSettings = Pick<
  Config,
  'panelMin' | 'awardMethodology' | 'creditPriceCents' | 'fundingPeriodDays'
>;

export interface DemoPeople {
  /** Fatima El Amrani, member of Stichting Werkkracht Rotterdam. */
  member: Actor;
  /** Anne de Beheerder: assigns panels, records consensus, confirms and lists. */
  admin: Actor;
  /** Bram Tweede: confirms where Anne entered the consensus (four eyes). */
  secondAdmin: Actor;
  /** At least three, and at least PANEL_MIN. */
  reviewers: Actor[];
}

type Scores = [reach: number, depth: number, durability: number, indirect: number];

interface DemoReview {
  /** One per reviewer, in panel order; `flags` are indexes of budget lines found not eligible. */
  scores: { scores: Scores; flags?: number[]; comment: string }[];
  /** Replaces the panel's scores and line flags (indexes of budget lines), as an admin records it. */
  consensus?: { scores: Scores; flags?: number[]; rationale: string };
  publicRationale: string;
}

interface DemoProject {
  stage: 'draft' | 'submitted' | 'in_review' | 'listed';
  /** Months from now to the project's start; it runs for `months`. */
  startsInMonths: number;
  months: number;
  plan: Omit<z.input<typeof CreatePlanSchema>, 'startDate' | 'endDate'>;
  review?: DemoReview;
  /** Days from listing to the funding deadline; the configured default when absent. */
  fundingDays?: number;
}

const CONTACT = {
  name: 'Fatima El Amrani',
  email: 'f.elamrani@werkkracht.example',
  phone: '+31 10 765 4321',
};

const RATIONALE = {
  reach: (score: number) =>
    `Bereik ${score}: de doelgroep is concreet benoemd en de werving via de gemeente is geregeld.`,
  depth: (score: number) =>
    `Diepgang ${score}: intensieve begeleiding per deelnemer, met een vaste coach.`,
  durability: (score: number) =>
    `Duurzaamheid ${score}: het traject leidt tot een erkend resultaat en nazorg na plaatsing.`,
  indirect: (score: number) =>
    `Indirecte effecten ${score}: zelfvertrouwen, netwerk en mobiliteit van deelnemers groeien.`,
};

export const DEMO_PROJECTS: readonly DemoProject[] = [
  {
    stage: 'listed',
    startsInMonths: 2,
    months: 12,
    plan: {
      title: 'Rijbewijs voor werkzoekenden',
      summary:
        'Werkzoekenden in Rotterdam-Zuid halen hun rijbewijs B en vinden met een jobcoach werk in logistiek, bouw en thuiszorg, waar een rijbewijs vaak de eerste eis is.',
      description:
        'Veel vacatures in logistiek, bouw en thuiszorg vragen een rijbewijs, en voor mensen in de bijstand of de WW is dat onbetaalbaar. ' +
        'In twaalf maanden volgen 24 deelnemers theorieles, rijlessen en praktijkexamen. Vanaf de eerste les werkt een jobcoach met hen aan een baan: ' +
        'werkgevers uit ons netwerk (bezorgdiensten, aannemers, thuiszorgorganisaties) bieden een sollicitatiegesprek aan wie slaagt. ' +
        'Na plaatsing blijft de coach zes maanden betrokken.',
      municipalities: [{ cbsCode: 'GM0599', name: 'Rotterdam' }],
      targetGroups: [
        { targetGroup: 'participatiewet', expectedParticipants: 16 },
        { targetGroup: 'ww', expectedParticipants: 8 },
      ],
      expectedOutcomes: [
        { outcomeType: 'driving_licence', expectedCount: 20 },
        { outcomeType: 'paid_work', expectedCount: 12 },
      ],
      budgetLines: [
        {
          description: 'Rijlessen en praktijkexamens (24 deelnemers)',
          category: 'training',
          amountCents: 5_460_000,
        },
        {
          description: 'Theorielessen en theorie-examens',
          category: 'training',
          amountCents: 840_000,
        },
        {
          description: 'Jobcoaching naar werk, inclusief zes maanden nazorg',
          category: 'coaching',
          amountCents: 1_852_500,
        },
        {
          description: 'Projectcoördinatie en werkgeversbenadering',
          category: 'staff',
          amountCents: 1_120_000,
        },
        {
          description: 'Laptops in bruikleen en lesmateriaal',
          category: 'materials',
          amountCents: 600_000,
        },
      ],
      totalCostCents: 9_872_500,
      minimumBudgetCents: 6_000_000,
      otherFunding: { amountCents: 0, description: null },
      contact: CONTACT,
    },
    review: {
      scores: [
        {
          scores: [4, 4, 4, 3],
          flags: [4],
          comment: 'Sterk plan; laptops horen niet bij een rijbewijstraject.',
        },
        {
          scores: [4, 3, 4, 3],
          flags: [4],
          comment: 'Duidelijke route naar werk. Lesmateriaal zit al in de rijlessen.',
        },
        { scores: [3, 4, 5, 2], comment: 'Een rijbewijs blijft; goede afspraken met werkgevers.' },
      ],
      publicRationale:
        'Het panel waardeert de heldere route van rijbewijs naar werk en de afspraken met werkgevers. De laptops en het lesmateriaal zijn niet als subsidiabel aangemerkt: ze horen niet bij het rijbewijstraject.',
    },
  },
  {
    stage: 'listed',
    startsInMonths: 3,
    months: 12,
    fundingDays: 120,
    plan: {
      title: 'Groen werkleertraject Gouda en Zuidplas',
      summary:
        'Jongeren en bijstandsgerechtigden werken een jaar mee in het groenonderhoud van Gouda en Zuidplas en halen tegelijk hun diploma Medewerker groen (mbo 2).',
      description:
        'Deelnemers werken vier dagen per week in een ploeg met een ervaren werkbegeleider: maaien, snoeien, beplanten en onderhoud van parken en bermen. ' +
        'Eén dag per week gaan ze naar school voor de BBL-opleiding Medewerker groen, niveau 2. ' +
        'Hoveniers- en groenbedrijven uit de regio, die moeilijk personeel vinden, nemen geslaagden in dienst; een jobcoach begeleidt die overstap.',
      municipalities: [
        { cbsCode: 'GM0513', name: 'Gouda' },
        { cbsCode: 'GM1892', name: 'Zuidplas' },
      ],
      targetGroups: [
        { targetGroup: 'youth', expectedParticipants: 6 },
        { targetGroup: 'participatiewet', expectedParticipants: 10 },
        { targetGroup: 'nug', expectedParticipants: 2 },
      ],
      expectedOutcomes: [
        { outcomeType: 'diploma', expectedCount: 12 },
        { outcomeType: 'paid_work', expectedCount: 8 },
      ],
      budgetLines: [
        {
          description: 'Werkbegeleiders groen (2 × 0,8 fte)',
          category: 'staff',
          amountCents: 6_240_000,
        },
        {
          description: 'BBL-opleiding Medewerker groen niveau 2',
          category: 'training',
          amountCents: 3_150_000,
        },
        {
          description: 'Jobcoaching en nazorg na plaatsing',
          category: 'coaching',
          amountCents: 1_480_000,
        },
        {
          description: 'Gereedschap, werkkleding en persoonlijke beschermingsmiddelen',
          category: 'materials',
          amountCents: 1_260_000,
        },
        { description: 'VCA-examens en certificaten', category: 'training', amountCents: 420_000 },
      ],
      totalCostCents: 12_550_000,
      minimumBudgetCents: 8_000_000,
      otherFunding: { amountCents: 1_500_000, description: 'Werkleerbudget Gemeente Gouda' },
      contact: CONTACT,
    },
    review: {
      scores: [
        { scores: [4, 4, 5, 3], comment: 'Een mbo-diploma en werkervaring: dat blijft.' },
        {
          scores: [3, 4, 2, 3],
          comment: 'Uitstroom naar werk is onzeker; seizoenswerk stopt in de winter.',
        },
        {
          scores: [4, 5, 4, 4],
          comment: 'Intensief traject met een goede combinatie van leren en werken.',
        },
      ],
      consensus: {
        scores: [4, 4, 3, 3],
        rationale:
          'Het panel verschilde over duurzaamheid (2 tot 5). Na overleg: het diploma blijft, maar seizoensgebonden werk maakt duurzame uitstroom onzeker; het panel komt uit op 3.',
      },
      publicRationale:
        'Leren en werken gaan goed samen en het diploma heeft waarde op de arbeidsmarkt. Over de duurzaamheid van de uitstroom liepen de scores uiteen; het panel kwam in overleg uit op een 3.',
    },
  },
  {
    stage: 'listed',
    startsInMonths: 2,
    months: 18,
    fundingDays: 60,
    plan: {
      title: 'Jobcoaching voor statushouders',
      summary:
        'Statushouders in Den Haag krijgen een jobcoach en taaltraining op de werkvloer, zodat zij sneller een betaalde baan of leerwerkplek vinden die past bij hun ervaring.',
      description:
        'Veel statushouders hebben werkervaring en opleiding, maar vinden de weg naar Nederlandse werkgevers niet. ' +
        'Een jobcoach brengt met elke deelnemer diens ervaring in kaart, zoekt een passende werkgever en blijft na de start betrokken. ' +
        'Taaltraining (NT2) vindt plaats op de werkvloer, met vaktaal van het eigen beroep. ' +
        'Wij werken samen met het inburgeringsteam van de gemeente.',
      municipalities: [{ cbsCode: 'GM0518', name: 'Den Haag' }],
      targetGroups: [{ targetGroup: 'status_holder', expectedParticipants: 30 }],
      expectedOutcomes: [
        { outcomeType: 'paid_work', expectedCount: 15 },
        { outcomeType: 'internship', expectedCount: 10 },
      ],
      budgetLines: [
        { description: 'Jobcoaches (1,2 fte)', category: 'coaching', amountCents: 4_320_000 },
        {
          description: 'Taaltraining NT2 op de werkvloer',
          category: 'training',
          amountCents: 1_680_000,
        },
        {
          description: 'Werkgeversbenadering en matching',
          category: 'staff',
          amountCents: 960_000,
        },
        { description: 'Reiskosten deelnemers', category: 'other', amountCents: 380_000 },
      ],
      totalCostCents: 7_340_000,
      minimumBudgetCents: 4_500_000,
      otherFunding: { amountCents: 800_000, description: 'Inburgeringsbudget Gemeente Den Haag' },
      contact: CONTACT,
    },
    review: {
      scores: [
        { scores: [4, 3, 3, 4], comment: 'Goede aansluiting op de inburgering.' },
        { scores: [3, 4, 3, 4], comment: 'Taal op de werkvloer is effectief.' },
        {
          scores: [4, 3, 2, 3],
          flags: [3],
          comment: 'Reiskosten horen bij de gemeente; verder een degelijk plan.',
        },
      ],
      publicRationale:
        'Een degelijk plan dat aansluit op de inburgering. Jobcoaching en taaltraining op de werkvloer versterken elkaar; het bereik onder statushouders is groot.',
    },
  },
  {
    stage: 'in_review',
    startsInMonths: 4,
    months: 12,
    plan: {
      title: 'Fietsenwerkplaats Rotterdam-Noord',
      summary:
        'In een fietsenwerkplaats in Rotterdam-Noord doen mensen uit het doelgroepregister werkervaring op als fietsenmaker, met een erkende praktijkverklaring en begeleiding naar een baan.',
      description:
        'De werkplaats knapt gedoneerde fietsen op en verkoopt ze in de buurt. Deelnemers leren het vak van een ervaren fietsenmaker ' +
        'en halen een praktijkverklaring. Wie kan doorstromen, gaat met een jobcoach naar een fietsenwinkel of een deelfietsbedrijf.',
      municipalities: [{ cbsCode: 'GM0599', name: 'Rotterdam' }],
      targetGroups: [
        { targetGroup: 'banenafspraak', expectedParticipants: 12 },
        { targetGroup: 'participatiewet', expectedParticipants: 6 },
      ],
      expectedOutcomes: [
        { outcomeType: 'internship', expectedCount: 8 },
        { outcomeType: 'paid_work', expectedCount: 5 },
      ],
      budgetLines: [
        {
          description: 'Werkmeester fietstechniek (0,8 fte)',
          category: 'staff',
          amountCents: 3_120_000,
        },
        { description: 'Jobcoaching', category: 'coaching', amountCents: 1_140_000 },
        { description: 'Gereedschap en onderdelen', category: 'materials', amountCents: 860_000 },
        { description: 'Huur werkplaats', category: 'other', amountCents: 520_000 },
      ],
      totalCostCents: 5_640_000,
      minimumBudgetCents: 3_600_000,
      otherFunding: { amountCents: 0, description: null },
      contact: CONTACT,
    },
    // The third reviewer has neither declared nor scored yet: a newcomer finishes the review.
    review: {
      scores: [
        { scores: [3, 4, 3, 4], comment: 'Mooie leerwerkplek met zichtbaar resultaat in de wijk.' },
        {
          scores: [3, 3, 3, 4],
          flags: [3],
          comment: 'Huur van de werkplaats is geen projectkost.',
        },
      ],
      publicRationale:
        'Een leerwerkplek met zichtbaar resultaat in de wijk en een realistische route naar werk.',
    },
  },
  {
    stage: 'submitted',
    startsInMonths: 4,
    months: 12,
    plan: {
      title: 'Zorgleerwerktraject Rotterdam-Zuid',
      summary:
        'Bijstandsgerechtigden volgen een leerwerktraject tot Helpende zorg en welzijn (mbo 2) bij zorginstellingen in Rotterdam-Zuid, met een baangarantie bij slagen.',
      description:
        'Deelnemers werken drie dagen per week in een verpleeghuis of thuiszorgteam en volgen de BBL-opleiding Helpende zorg en welzijn. ' +
        'Een praktijkbegeleider per instelling en een jobcoach van Werkkracht begeleiden hen. ' +
        'De deelnemende zorginstellingen bieden wie slaagt een contract van ten minste een jaar.',
      municipalities: [{ cbsCode: 'GM0599', name: 'Rotterdam' }],
      targetGroups: [
        { targetGroup: 'participatiewet', expectedParticipants: 14 },
        { targetGroup: 'banenafspraak', expectedParticipants: 4 },
      ],
      expectedOutcomes: [
        { outcomeType: 'diploma', expectedCount: 14 },
        { outcomeType: 'paid_work', expectedCount: 10 },
      ],
      budgetLines: [
        {
          description: 'BBL-opleiding Helpende zorg en welzijn niveau 2',
          category: 'training',
          amountCents: 6_300_000,
        },
        {
          description: 'Praktijkbegeleiding in de zorginstellingen',
          category: 'staff',
          amountCents: 4_200_000,
        },
        { description: 'Jobcoaching en nazorg', category: 'coaching', amountCents: 2_950_000 },
        { description: 'Kinderopvang tijdens lesdagen', category: 'other', amountCents: 800_000 },
      ],
      totalCostCents: 14_250_000,
      minimumBudgetCents: 9_500_000,
      otherFunding: {
        amountCents: 2_000_000,
        description: 'Opleidingsfonds zorg (SectorplanPlus)',
      },
      contact: CONTACT,
    },
  },
  {
    stage: 'draft',
    startsInMonths: 5,
    months: 9,
    // No contact person yet: the draft's completeness lists it, and the walk-through adds it.
    plan: {
      title: 'Digitale vaardigheden voor 50-plussers',
      summary:
        'Werkzoekenden boven de 50 leren werken met de computer, online solliciteren en digitale werkplekken, en vinden met een loopbaancoach nieuw werk.',
      description:
        'Veel 50-plussers in de WW of de bijstand lopen vast op online solliciteren en op de digitale eisen van nieuwe banen. ' +
        'In kleine groepen volgen zij een praktische training, aangevuld met loopbaancoaching en een omscholingsadvies.',
      municipalities: [
        { cbsCode: 'GM0599', name: 'Rotterdam' },
        { cbsCode: 'GM0606', name: 'Schiedam' },
      ],
      targetGroups: [
        { targetGroup: 'over_50', expectedParticipants: 20 },
        { targetGroup: 'ww', expectedParticipants: 10 },
      ],
      expectedOutcomes: [
        { outcomeType: 'retraining', expectedCount: 20 },
        { outcomeType: 'paid_work', expectedCount: 8 },
      ],
      budgetLines: [
        {
          description: 'Trainers digitale vaardigheden',
          category: 'training',
          amountCents: 2_280_000,
        },
        { description: 'Loopbaancoaching', category: 'coaching', amountCents: 1_620_000 },
        { description: 'Laptops in bruikleen', category: 'materials', amountCents: 560_000 },
        { description: 'Projectleiding', category: 'staff', amountCents: 400_000 },
      ],
      totalCostCents: 4_860_000,
      minimumBudgetCents: 3_000_000,
    },
  },
  {
    // Big enough for a supplier to meet a EUR 100,000 obligation in one purchase within the
    // anti-hoarding limit (half the supply per buyer), twice: the browser journeys buy it by
    // mouse and by keyboard (demo-obligations.ts registers that contract).
    stage: 'listed',
    startsInMonths: 2,
    months: 24,
    fundingDays: 150,
    plan: {
      title: 'Leerwerkbedrijf Bouw Rotterdam-Zuid',
      summary:
        'Werkzoekenden uit Rotterdam-Zuid leren twee jaar lang het bouwvak op echte bouwplaatsen en halen een mbo-diploma Allround timmerman of Metselaar.',
      description:
        'Deelnemers werken vier dagen per week mee in een leerwerkploeg op bouwprojecten van corporaties en aannemers in Rotterdam-Zuid, onder leiding van een ervaren leermeester. ' +
        'Eén dag per week volgen ze de BBL-opleiding bij het Albeda. ' +
        'Bouwbedrijven in de regio hebben vakmensen nodig: zij nemen geslaagden in dienst, en een jobcoach begeleidt het eerste jaar na de overstap.',
      municipalities: [{ cbsCode: 'GM0599', name: 'Rotterdam' }],
      targetGroups: [
        { targetGroup: 'participatiewet', expectedParticipants: 48 },
        { targetGroup: 'youth', expectedParticipants: 24 },
      ],
      expectedOutcomes: [
        { outcomeType: 'diploma', expectedCount: 48 },
        { outcomeType: 'paid_work', expectedCount: 40 },
      ],
      budgetLines: [
        {
          description: 'Leermeesters bouw (8 × 1,0 fte, twee jaar)',
          category: 'staff',
          amountCents: 33_600_000,
        },
        {
          description: 'BBL-opleiding Allround timmerman en Metselaar (niveau 3)',
          category: 'training',
          amountCents: 10_800_000,
        },
        {
          description: 'Jobcoaching en nazorg na plaatsing',
          category: 'coaching',
          amountCents: 7_200_000,
        },
        {
          description: 'Gereedschap, werkkleding en persoonlijke beschermingsmiddelen',
          category: 'materials',
          amountCents: 4_400_000,
        },
      ],
      totalCostCents: 56_000_000,
      minimumBudgetCents: 40_000_000,
      otherFunding: { amountCents: 0, description: null },
      contact: CONTACT,
    },
    review: {
      scores: [
        { scores: [4, 4, 4, 3], comment: 'Een erkend vakdiploma in een sector met tekorten.' },
        { scores: [4, 4, 4, 3], comment: 'Goede afspraken met werkgevers over plaatsing.' },
        { scores: [4, 5, 4, 3], comment: 'Intensieve begeleiding op de bouwplaats.' },
      ],
      publicRationale:
        'Leren op echte bouwplaatsen met een vakdiploma als uitkomst, in een sector die mensen zoekt. Het panel was eensgezind.',
    },
  },
];

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The project's dates, relative to today so the demo never shows a project that ended long ago. */
function period(
  now: Date,
  startsInMonths: number,
  months: number,
): { startDate: string; endDate: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + startsInMonths, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 0));
  return { startDate: isoDate(start), endDate: isoDate(end) };
}

function scoresBody(
  [reach, depth, durability, indirect]: Scores,
  comment: string,
  ineligibleBudgetLineIds: string[],
) {
  return SubmitScoresSchema.parse({
    reach: { score: reach, rationale: RATIONALE.reach(reach) },
    depth: { score: depth, rationale: RATIONALE.depth(depth) },
    durability: { score: durability, rationale: RATIONALE.durability(durability) },
    indirect: { score: indirect, rationale: RATIONALE.indirect(indirect) },
    overallComment: comment,
    ineligibleBudgetLineIds,
  });
}

/**
 * Creates the demo projects. Runs after the demo organisations and users are committed:
 * the services open transactions of their own, which cannot nest in the seed's.
 */
export async function seedDemoProjects(
  db: Kysely<DB>,
  people: DemoPeople,
  settings: DemoSettings,
  clock: Clock,
): Promise<void> {
  const projects = createProjectsService({ db, clock });
  const reviews = createReviewsService({ db, clock, config: settings });
  const as = (actor: Actor): Ctx => ({ actor, requestId: 'seed', ip: '127.0.0.1' });
  const panel = people.reviewers.slice(0, Math.max(3, settings.panelMin));

  for (const demo of DEMO_PROJECTS) {
    const dates = period(clock.now(), demo.startsInMonths, demo.months);
    let plan = await projects.create(
      as(people.member),
      CreatePlanSchema.parse({ ...demo.plan, ...dates }),
    );
    if (demo.stage === 'draft') continue;
    plan = await projects.submit(as(people.member), plan.id);
    const lineIds = plan.budgetLines.map((line) => line.id);
    if (demo.stage === 'submitted' || !demo.review) continue;

    const assigned = await reviews.assignPanel(
      as(people.admin),
      plan.id,
      AssignPanelSchema.parse({ reviewerIds: panel.map((r) => r.userId) }),
    );
    const assignmentOf = (reviewer: Actor) =>
      assigned.panel.find((member) => member.reviewerId === reviewer.userId)!.assignmentId;
    for (const [index, given] of demo.review.scores.entries()) {
      const reviewer = panel[index]!;
      await reviews.declare(
        as(reviewer),
        assignmentOf(reviewer),
        DeclareInterestSchema.parse({ declaration: 'none' }),
      );
      const flagged = (given.flags ?? []).map((line) => lineIds[line]!);
      await reviews.score(
        as(reviewer),
        assignmentOf(reviewer),
        scoresBody(given.scores, given.comment, flagged),
      );
    }
    // A panel larger than the demo's scores (PANEL_MIN above 3) scores like its last member.
    if (demo.stage === 'listed') {
      const last = demo.review.scores[demo.review.scores.length - 1]!;
      for (const reviewer of panel.slice(demo.review.scores.length)) {
        await reviews.declare(
          as(reviewer),
          assignmentOf(reviewer),
          DeclareInterestSchema.parse({ declaration: 'none' }),
        );
        await reviews.score(
          as(reviewer),
          assignmentOf(reviewer),
          scoresBody(
            last.scores,
            last.comment,
            (last.flags ?? []).map((line) => lineIds[line]!),
          ),
        );
      }
    }
    if (demo.stage === 'in_review') continue;

    const confirmer = demo.review.consensus ? people.secondAdmin : people.admin;
    if (demo.review.consensus) {
      const { scores, flags, rationale } = demo.review.consensus;
      const [reach, depth, durability, indirect] = scores;
      await reviews.recordConsensus(
        as(people.admin),
        plan.id,
        RecordConsensusSchema.parse({
          reach,
          depth,
          durability,
          indirect,
          rationale,
          ineligibleBudgetLineIds: (flags ?? []).map((line) => lineIds[line]!),
        }),
      );
    }
    const award = await reviews.confirmAward(
      as(confirmer),
      plan.id,
      ConfirmAwardSchema.parse({ publicRationale: demo.review.publicRationale }),
    );
    // Only an unusual configuration (a very high CREDIT_PRICE_CENTS) rejects a demo plan; it then stays rejected.
    if (award.decision !== 'approved') continue;
    await reviews.listProject(
      as(people.admin),
      plan.id,
      ListProjectSchema.parse(
        demo.fundingDays
          ? { fundingDeadline: addDays(clock.now(), demo.fundingDays).toISOString() }
          : {},
      ),
    );
  }
}
