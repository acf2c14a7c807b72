import type { Lang } from '../../lib/format.js';
import type { z } from 'zod';
import type { CertificateStatusSchema } from '../certificates/certificates.schemas.js';
import type {
  BUDGET_CATEGORIES,
  OUTCOME_TYPES,
  PROJECT_STATUSES,
  TARGET_GROUPS,
} from '../projects/vocabulary.js';

/**
 * The words reports and exports print instead of codes, Dutch (the default) and English.
 * They match the web app's labels (web/src/i18n), so a coordinator reads the same word on
 * the page and in the spreadsheet.
 */

type Labels<T extends string> = Record<Lang, Record<T, string>>;

export const OUTCOME_TYPE_LABELS: Labels<(typeof OUTCOME_TYPES)[number]> = {
  nl: {
    paid_work: 'Betaald werk',
    diploma: 'Diploma',
    internship: 'Stage of leerwerkplek',
    driving_licence: 'Rijbewijs',
    retraining: 'Omscholing',
    job: '(Bij)baan',
    day_activity: 'Zinvolle dagbesteding',
    other: 'Ander resultaat',
  },
  en: {
    paid_work: 'Paid work',
    diploma: 'Diploma',
    internship: 'Internship or work placement',
    driving_licence: 'Driving licence',
    retraining: 'Retraining',
    job: '(Side) job',
    day_activity: 'Meaningful day activity',
    other: 'Other outcome',
  },
};

export const TARGET_GROUP_LABELS: Labels<(typeof TARGET_GROUPS)[number]> = {
  nl: {
    participatiewet: 'Mensen in de Participatiewet',
    banenafspraak: 'Mensen in de banenafspraak',
    ww: 'Mensen met een WW-uitkering',
    nug: 'Niet-uitkeringsgerechtigden',
    youth: 'Jongeren',
    over_50: 'Mensen boven de 50',
    status_holder: 'Statushouders',
    other: 'Andere groep',
  },
  en: {
    participatiewet: 'People under the Participation Act',
    banenafspraak: 'People in the jobs agreement (banenafspraak)',
    ww: 'People on unemployment benefit (WW)',
    nug: 'Job seekers without benefits',
    youth: 'Young people',
    over_50: 'People over 50',
    status_holder: 'Refugees with a residence permit',
    other: 'Other group',
  },
};

export const BUDGET_CATEGORY_LABELS: Labels<(typeof BUDGET_CATEGORIES)[number]> = {
  nl: {
    staff: 'Personeel',
    coaching: 'Begeleiding',
    training: 'Opleiding',
    materials: 'Materiaal',
    other: 'Overig',
  },
  en: {
    staff: 'Staff',
    coaching: 'Coaching',
    training: 'Training',
    materials: 'Materials',
    other: 'Other',
  },
};

export const PROJECT_STATUS_LABELS: Labels<(typeof PROJECT_STATUSES)[number]> = {
  nl: {
    draft: 'concept',
    submitted: 'ingediend',
    in_review: 'in beoordeling',
    changes_requested: 'aanpassing gevraagd',
    approved: 'goedgekeurd',
    rejected: 'afgewezen',
    listed: 'te koop',
    funded: 'gefinancierd',
    completed: 'afgerond',
    failed: 'niet doorgegaan',
  },
  en: {
    draft: 'draft',
    submitted: 'submitted',
    in_review: 'in review',
    changes_requested: 'changes requested',
    approved: 'approved',
    rejected: 'rejected',
    listed: 'listed',
    funded: 'funded',
    completed: 'completed',
    failed: 'failed',
  },
};

export const CERTIFICATE_STATUS_LABELS: Labels<z.infer<typeof CertificateStatusSchema>> = {
  nl: { active: 'geldig', suspended: 'geschorst', revoked: 'ingetrokken' },
  en: { active: 'valid', suspended: 'suspended', revoked: 'revoked' },
};

/** The three kinds of counts of people in a report. */
export type Dimension = 'participants' | 'outcomes' | 'banenafspraak';
export const DIMENSION_LABELS: Labels<Dimension> = {
  nl: {
    participants: 'Deelnemers',
    outcomes: 'Resultaten',
    banenafspraak: 'Resultaten banenafspraak',
  },
  en: {
    participants: 'Participants',
    outcomes: 'Outcomes',
    banenafspraak: 'Outcomes (jobs agreement)',
  },
};

export const TOTAL_LABEL: Record<Lang, string> = { nl: 'Totaal', en: 'Total' };
export const YES_NO: Record<Lang, [string, string]> = { nl: ['ja', 'nee'], en: ['yes', 'no'] };
