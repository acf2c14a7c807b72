export {
  type Cast,
  CAST_ROLES,
  type CastRole,
  type CertificateRef,
  COUNTED_TABLES,
  type ClaimJson,
  type ContractJson,
  type ListedProject,
  nextAddress,
  type PaidStripePurchase,
  type PurchaseLine,
  type Person,
  type PlanRef,
  type StripeOrder,
  type StripePurchase,
  type SubmittedPlan,
  TestContext,
  type TestContextOptions,
  type User,
  type Who,
} from './context.js';
export { expectProblem, expectStatus } from './expect.js';
export { type FixtureUser, type SignedIn } from '../helpers/fixtures.js';
export { type OrderBody, type OrderJson, type OrdersApi } from './orders.js';
export { type ClaimBody, type ObligationsApi } from './obligations.js';
export { validPlanInput } from './plans.js';
export {
  type DisputeLife,
  type DisputeLifeEvent,
  disputeLifeEvents,
  newDisputeLife,
  sessionEvent,
} from './stripe.js';
export { type ReviewsApi, type Scores, scoresBody } from './reviews.js';
export { reportBody } from './reports.js';
export {
  type CataloguePeople,
  catalogueProjects,
  type InsertedProject,
  type ProjectSpec,
  SECRETS,
} from './catalogue.js';
