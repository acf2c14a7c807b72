import type { Insertable, Selectable, Updateable } from 'kysely';
import type * as Schema from './schema.generated.js';

/**
 * The names the code uses for the database's tables, rows and value lists. The table
 * types themselves are generated from the migrated schema (schema.generated.ts, by
 * `npm run db:types`); a text column whose own CHECK lists its values is generated as
 * that union already, so the unions below are read from it and cannot drift from the
 * database. Only what no single-column CHECK states is written here by hand, with the
 * constraint that does state it (readable in db/schema.sql).
 */

/**
 * A generated table with some columns narrowed to what a constraint over several columns
 * allows. Each narrowed type must fit the generated one and keep its nullability, so a
 * migration that changes the column breaks the type check here rather than at run time.
 */
type Narrowed<
  T,
  N extends { [K in keyof N]: K extends keyof T ? FitsColumn<T[K], N[K]> : never },
> = Omit<T, keyof N> & N;
type FitsColumn<G, N> = [N] extends [G]
  ? [null extends G ? true : false] extends [null extends N ? true : false]
    ? N
    : never
  : never;

// ---- organisations, users, auth (migration 20261122000000) ----

export type OrganisationKind = Schema.Organisations['kind'];
/** 'pending': named in an authority's contract before it registered; active once its first user joins. */
export type OrganisationStatus = Selectable<Schema.Organisations>['status'];
export type ActiveStatus = Selectable<Schema.Users>['status'];
/**
 * Which roles exist depends on the organisation's kind: CHECK users_role_matches_kind and
 * invitations_role_matches_kind (one constraint over role and organisation_kind each).
 */
export type UserRole = 'admin' | 'reviewer' | 'member' | 'coordinator' | 'viewer';

/** organisation_kind is a copy of the organisation's kind, kept equal by a composite foreign key. */
interface RoleColumns {
  organisation_kind: OrganisationKind;
  role: UserRole;
}
export type UsersTable = Narrowed<Schema.Users, RoleColumns>;
export type InvitationsTable = Narrowed<Schema.Invitations, RoleColumns>;

export type OrganisationRow = Selectable<Schema.Organisations>;
export type NewOrganisation = Insertable<Schema.Organisations>;
export type OrganisationUpdate = Updateable<Schema.Organisations>;
export type UserRow = Selectable<UsersTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type RefreshTokenRow = Selectable<Schema.RefreshTokens>;
export type AuditEventRow = Selectable<Schema.AuditEvents>;

// ---- projects, review, award, credits (migration 20261122010000) ----

export type ProjectStatus = Selectable<Schema.Projects>['status'];
export type TargetGroup = Schema.ProjectTargetGroups['target_group'];
export type OutcomeType = Schema.ProjectOutcomes['outcome_type'];
export type BudgetCategory = Schema.ProjectBudgetLines['category'];
/** The four scored criteria: the score columns of review_scores and review_consensus. */
export type Criterion = 'reach' | 'depth' | 'durability' | 'indirect';

export type ProjectsTable = Schema.Projects;
export type AwardsTable = Schema.Awards;

export type ProjectRow = Selectable<Schema.Projects>;
export type ReviewRoundRow = Selectable<Schema.ReviewRounds>;
export type PanelAssignmentRow = Selectable<Schema.PanelAssignments>;
export type ReviewScoreRow = Selectable<Schema.ReviewScores>;
export type AwardRow = Selectable<Schema.Awards>;

// ---- orders, payments, certificates (migration 20261122030000 and later) ----

export type OrderStatus = Selectable<Schema.Orders>['status'];
export type PaymentMethod = Schema.Orders['payment_method'];
/** The paths that refund through Stripe, and so request the refund before the money moves. */
export type RefundRequestSource = NonNullable<Schema.Orders['refund_request_source']>;
export type CertificateStatus = Selectable<Schema.Certificates>['status'];
/** The public reasons verification shows (translated) for a certificate that is not valid. */
export type CertificatePublicReason = NonNullable<Selectable<Schema.Certificates>['public_reason']>;

export type OrdersTable = Schema.Orders;
/** Where an order's refund stands (migration 20261205100000); a refund that succeeded makes the order refunded. */
export type OrderRefundState = NonNullable<Schema.Orders['refund_state']>;
export type StripeRefundStatus = Schema.StripeRefunds['status'];
export type StripeRefundRow = Selectable<Schema.StripeRefunds>;

export type OrderRow = Selectable<Schema.Orders>;
export type PurchaseRow = Selectable<Schema.Purchases>;
export type CertificateRow = Selectable<Schema.Certificates>;

// ---- contracts, obligations and claims (migration 20261122060000) ----

export type ObligationBasis = Schema.Contracts['obligation_basis'];
export type ContractStatus = Selectable<Schema.Contracts>['status'];
export type ClaimStatus = Selectable<Schema.Claims>['status'];

export type ContractsTable = Schema.Contracts;
export type ClaimsTable = Schema.Claims;

// ---- funding rounds and payouts (migration 20261122070000) ----

export type FundingDecisionKind = Schema.FundingDecisions['kind'];
export type PayoutStatus = Selectable<Schema.Payouts>['status'];

/** CHECK (tranche IN (1, 2)) on payouts: a list of integers, which the generator leaves as number. */
export type PayoutsTable = Narrowed<Schema.Payouts, { tranche: 1 | 2 }>;

export type PayoutRow = Selectable<PayoutsTable>;
export type FundingDecisionRow = Selectable<Schema.FundingDecisions>;

// ---- outcome reports, stories, report summaries (migration 20261122080000) ----

export type OutcomeReportKind = Schema.OutcomeReports['kind'];
export type OutcomeReportStatus = Selectable<Schema.OutcomeReports>['status'];
export type StoryStatus = Selectable<Schema.OutcomeStories>['status'];
export type OutcomeDimension = Schema.OutcomeReportCells['dimension'];

export type OutcomeReportRow = Selectable<Schema.OutcomeReports>;
export type OutcomeStoryRow = Selectable<Schema.OutcomeStories>;

/** The whole database as Kysely sees it: the generated tables, with the narrowings above. */
export interface DB extends Omit<Schema.DB, 'users' | 'invitations' | 'payouts'> {
  users: UsersTable;
  invitations: InvitationsTable;
  payouts: PayoutsTable;
}
