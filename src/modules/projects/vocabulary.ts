import { z } from 'zod';

/** The fixed lists of DESIGN §7 and the budget categories of a plan. */
export const TARGET_GROUPS = [
  'participatiewet',
  'banenafspraak',
  'ww',
  'nug',
  'youth',
  'over_50',
  'status_holder',
  'other',
] as const;
export const OUTCOME_TYPES = [
  'paid_work',
  'diploma',
  'internship',
  'driving_licence',
  'retraining',
  'job',
  'day_activity',
  'other',
] as const;
export const BUDGET_CATEGORIES = ['staff', 'coaching', 'training', 'materials', 'other'] as const;
export const PROJECT_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'approved',
  'rejected',
  'listed',
  'funded',
  'completed',
  'failed',
] as const;

export const TargetGroupSchema = z.enum(TARGET_GROUPS).meta({ id: 'TargetGroup' });
export const OutcomeTypeSchema = z.enum(OUTCOME_TYPES).meta({ id: 'OutcomeType' });
export const BudgetCategorySchema = z.enum(BUDGET_CATEGORIES).meta({ id: 'BudgetCategory' });
export const ProjectStatusSchema = z.enum(PROJECT_STATUSES).meta({ id: 'ProjectStatus' });

/** Statuses in which the public may see a project. */
export const PUBLIC_STATUSES = ['listed', 'funded', 'completed', 'failed'] as const;
/** Statuses in which the initiative may edit its plan. */
export const EDITABLE_STATUSES = ['draft', 'changes_requested'] as const;
