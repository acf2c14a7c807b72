import type { components } from '../../../../openapi/api.d.ts';

export type Plan = components['schemas']['Plan'];
export type PlanStatus = components['schemas']['ProjectStatus'];
export type TargetGroup = components['schemas']['TargetGroup'];
export type OutcomeType = components['schemas']['OutcomeType'];
export type BudgetCategory = components['schemas']['BudgetCategory'];

export const TARGET_GROUPS: TargetGroup[] = [
  'participatiewet',
  'banenafspraak',
  'ww',
  'nug',
  'youth',
  'over_50',
  'status_holder',
  'other',
];
export const OUTCOME_TYPES: OutcomeType[] = [
  'paid_work',
  'diploma',
  'internship',
  'driving_licence',
  'retraining',
  'job',
  'day_activity',
  'other',
];
export const BUDGET_CATEGORIES: BudgetCategory[] = [
  'staff',
  'coaching',
  'training',
  'materials',
  'other',
];

/** The steps of the plan form, in order; the last one checks and submits. */
export const STEPS = [
  'about',
  'municipalities',
  'targetGroups',
  'outcomes',
  'budget',
  'contact',
  'submit',
] as const;
export type Step = (typeof STEPS)[number];

/** Statuses in which the initiative may still change its plan (the API decides; this only hides buttons). */
export const EDITABLE: PlanStatus[] = ['draft', 'changes_requested'];
/** Statuses after listing: funding, payouts, outcome reports and stories. */
export const AFTER_LISTING: PlanStatus[] = ['listed', 'funded', 'completed', 'failed'];

/**
 * Where a plan field lives in the form: the step and the id of its control. The API names
 * fields by path (`contact.email`, `budgetLines.0.amountCents`, `body.summary`).
 */
const FIELDS: Record<string, { step: Step; id: string }> = {
  title: { step: 'about', id: 'plan-title' },
  summary: { step: 'about', id: 'plan-summary' },
  description: { step: 'about', id: 'plan-description' },
  startDate: { step: 'about', id: 'plan-start' },
  endDate: { step: 'about', id: 'plan-end' },
  municipalities: { step: 'municipalities', id: 'plan-municipalities' },
  targetGroups: { step: 'targetGroups', id: 'plan-target-groups' },
  expectedOutcomes: { step: 'outcomes', id: 'plan-outcomes' },
  budgetLines: { step: 'budget', id: 'plan-budget-lines' },
  totalCostCents: { step: 'budget', id: 'plan-budget-lines' },
  minimumBudgetCents: { step: 'budget', id: 'plan-minimum' },
  otherFunding: { step: 'budget', id: 'plan-other-amount' },
  'otherFunding.amountCents': { step: 'budget', id: 'plan-other-amount' },
  'otherFunding.description': { step: 'budget', id: 'plan-other-description' },
  contact: { step: 'contact', id: 'plan-contact-name' },
  'contact.name': { step: 'contact', id: 'plan-contact-name' },
  'contact.email': { step: 'contact', id: 'plan-contact-email' },
  'contact.phone': { step: 'contact', id: 'plan-contact-phone' },
};

/** The form field of an API path, or undefined when the form has none for it. */
export function fieldOf(path: string): { step: Step; id: string; key: string } | undefined {
  const parts = path.replace(/^body\./, '').split('.');
  // budgetLines.2.amountCents → budgetLines; contact.email stays as it is.
  for (let length = parts.length; length > 0; length--) {
    const key = parts.slice(0, length).join('.');
    const found = FIELDS[key];
    if (found) return { ...found, key };
  }
  return undefined;
}

/**
 * Euros as people type them ("1.250", "1250,50", "€ 1 250") into whole cents; undefined
 * when it is not an amount. A comma is the decimal sign (Dutch); a dot before three digits
 * at the end is a thousands separator, otherwise a decimal point.
 */
export function parseEuros(input: string): number | undefined {
  let text = input.replace(/[€\s\u00a0]/g, '').replace(/^EUR/i, '');
  if (text === '') return undefined;
  if (text.includes(',')) text = text.replace(/\./g, '').replace(',', '.');
  else if (/\.\d{3}$/.test(text) || (text.match(/\./g) ?? []).length > 1)
    text = text.replace(/\./g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return undefined;
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Cents as a euro amount to edit in a text field: "1250" or "1250,50" (no thousands separator). */
export function eurosForInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(2, '0')}`;
}

/** A whole number people typed, or undefined. */
export function parseCount(input: string): number | undefined {
  const text = input.replace(/[\s.]/g, '');
  return /^\d+$/.test(text) ? Number(text) : undefined;
}
