// Moved to test/factory (use TestContext: t.newDraftPlan, t.newSubmittedPlan); kept for files not yet migrated.
export * from '../factory/plans.js';
