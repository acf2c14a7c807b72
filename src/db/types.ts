import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Database types, written once beside the migrations that create the tables. The
 * migrations are the truth; keep this file in step with them.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb: written as a JSON string or value, read back parsed. */
type Json = ColumnType<unknown, string, string>;

export type OrganisationKind = 'platform' | 'initiative' | 'supplier' | 'authority';
export type UserRole = 'admin' | 'reviewer' | 'member' | 'coordinator' | 'viewer';
export type ActiveStatus = 'active' | 'disabled';
/** 'pending': named in an authority's contract before it registered; active once its first user joins. */
export type OrganisationStatus = ActiveStatus | 'pending';

export interface OrganisationsTable {
  id: Generated<string>;
  kind: OrganisationKind;
  name: string;
  kvk_number: string | null;
  vat_number: string | null;
  address_street: string | null;
  address_postal_code: string | null;
  address_city: string | null;
  address_country: Generated<string>;
  contact_email: string | null;
  status: Generated<OrganisationStatus>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  organisation_kind: OrganisationKind;
  email: string;
  name: string;
  role: UserRole;
  password_hash: string;
  status: Generated<ActiveStatus>;
  last_login_at: Date | null;
  /** Carried in access tokens as `gen`; disabling moves it on, which voids every token issued before. */
  token_generation: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface InvitationsTable {
  id: Generated<string>;
  organisation_id: string;
  organisation_kind: OrganisationKind;
  email: string;
  role: UserRole;
  token_hash: string;
  invited_by: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_user_id: string | null;
  created_at: CreatedAt;
}

export interface RefreshTokensTable {
  id: Generated<string>;
  user_id: string;
  family_id: string;
  token_hash: string;
  expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
  created_at: CreatedAt;
}

export interface LoginFailuresTable {
  id: Generated<string>;
  throttle_key: string;
  failed_at: Date;
}

export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: CreatedAt;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  summary: Json;
  request_id: string | null;
}

export interface DB
  extends
    ProjectTables,
    OrderTables,
    DocumentTables,
    ObligationTables,
    FundingTables,
    OutcomeTables {
  organisations: OrganisationsTable;
  users: UsersTable;
  invitations: InvitationsTable;
  refresh_tokens: RefreshTokensTable;
  login_failures: LoginFailuresTable;
  audit_events: AuditEventsTable;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type NewOrganisation = Insertable<OrganisationsTable>;
export type OrganisationUpdate = Updateable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;

// ---- projects, review, award, credits (migration 20261122010000) ----

export type ProjectStatus =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'changes_requested'
  | 'approved'
  | 'rejected'
  | 'listed'
  | 'funded'
  | 'completed'
  | 'failed';
export type TargetGroup =
  | 'participatiewet'
  | 'banenafspraak'
  | 'ww'
  | 'nug'
  | 'youth'
  | 'over_50'
  | 'status_holder'
  | 'other';
export type OutcomeType =
  | 'paid_work'
  | 'diploma'
  | 'internship'
  | 'driving_licence'
  | 'retraining'
  | 'job'
  | 'day_activity'
  | 'other';
export type BudgetCategory = 'staff' | 'coaching' | 'training' | 'materials' | 'other';
export type Criterion = 'reach' | 'depth' | 'durability' | 'indirect';

/** Date-only columns are read and written as 'YYYY-MM-DD' text (see the parsers in database.ts). */
type DateOnly = ColumnType<string, string, string>;

export interface ProjectsTable {
  id: Generated<string>;
  initiative_id: string;
  initiative_kind: Generated<'initiative'>;
  status: Generated<ProjectStatus>;
  title: string;
  summary: Generated<string>;
  description: Generated<string>;
  start_date: DateOnly | null;
  end_date: DateOnly | null;
  total_cost_cents: number | null;
  minimum_budget_cents: number | null;
  other_funding_cents: Generated<number>;
  other_funding_description: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  review_round: Generated<number>;
  supply: number | null;
  threshold: number | null;
  public_rationale: string | null;
  listed_at: Date | null;
  funding_deadline: Date | null;
  /** Funding round (migration 20261122070000): when sold credits reached the threshold. */
  funded_at: Date | null;
  failed_at: Date | null;
  failure_reason: string | null;
  /** Past its deadline below its threshold while an approved claim stands: waiting, visible to all parties. */
  failing_since: Date | null;
  failing_reason: string | null;
  created_by: string;
  submitted_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ProjectMunicipalitiesTable {
  project_id: string;
  cbs_code: string;
  name: string;
}

export interface ProjectTargetGroupsTable {
  project_id: string;
  target_group: TargetGroup;
  expected_participants: number;
}

export interface ProjectOutcomesTable {
  project_id: string;
  outcome_type: OutcomeType;
  expected_count: number;
}

export interface ProjectBudgetLinesTable {
  id: Generated<string>;
  project_id: string;
  position: number;
  description: string;
  category: BudgetCategory;
  amount_cents: number;
}

export interface ReviewRoundsTable {
  id: Generated<string>;
  project_id: string;
  round_number: number;
  status: Generated<'open' | 'changes_requested' | 'decided'>;
  plan_snapshot: Json;
  submitted_by: string;
  submitted_at: Date;
  questions: string | null;
  returned_by: string | null;
  returned_at: Date | null;
}

export interface PanelAssignmentsTable {
  id: Generated<string>;
  round_id: string;
  reviewer_id: string;
  assigned_by: string;
  assigned_at: Date;
  declaration: 'none' | 'conflict' | null;
  declaration_note: string | null;
  declared_at: Date | null;
}

export interface ReviewScoresTable {
  assignment_id: string;
  round_id: string;
  reach: number;
  depth: number;
  durability: number;
  indirect: number;
  reach_rationale: string;
  depth_rationale: string;
  durability_rationale: string;
  indirect_rationale: string;
  overall_comment: string;
  ineligible_line_ids: Json;
  submitted_at: Date;
}

export interface ReviewConsensusTable {
  round_id: string;
  reach: number;
  depth: number;
  durability: number;
  indirect: number;
  rationale: string;
  ineligible_line_ids: Json;
  entered_by: string;
  entered_at: Date;
}

export interface AwardsTable {
  id: Generated<string>;
  project_id: string;
  round_id: string;
  methodology_version: string;
  parameters: Json;
  panel_scores: Json;
  score_source: 'median' | 'consensus';
  accepted_lines: Json;
  rejected_lines: Json;
  /** numeric(6,5), read back as a decimal string */
  impact_score: string;
  eligible_cost_cents: number;
  minimum_budget_cents: number;
  credit_price_cents: number;
  supply: number;
  threshold: number;
  decision: 'approved' | 'rejected';
  reasons: ColumnType<unknown, string | undefined, string>;
  public_rationale: string;
  confirmed_by: string;
  confirmed_at: Date;
}

export interface ProjectCreditBalancesTable {
  project_id: string;
  supply: number;
  reserved: Generated<number>;
  sold: Generated<number>;
  /** Next unallocated serial number; only grows (migration 20261122030000). */
  next_serial: Generated<number>;
}

export interface CreditLedgerTable {
  id: Generated<number>;
  project_id: string;
  entry_type: 'issue' | 'reserve' | 'release' | 'sell' | 'refund';
  quantity: number;
  reference_type: string | null;
  reference_id: string | null;
  actor_user_id: string | null;
  created_at: CreatedAt;
}

export interface ProjectTables {
  projects: ProjectsTable;
  project_municipalities: ProjectMunicipalitiesTable;
  project_target_groups: ProjectTargetGroupsTable;
  project_outcomes: ProjectOutcomesTable;
  project_budget_lines: ProjectBudgetLinesTable;
  review_rounds: ReviewRoundsTable;
  panel_assignments: PanelAssignmentsTable;
  review_scores: ReviewScoresTable;
  review_consensus: ReviewConsensusTable;
  awards: AwardsTable;
  project_credit_balances: ProjectCreditBalancesTable;
  credit_ledger: CreditLedgerTable;
}

export type ProjectRow = Selectable<ProjectsTable>;
export type ReviewRoundRow = Selectable<ReviewRoundsTable>;
export type PanelAssignmentRow = Selectable<PanelAssignmentsTable>;
export type ReviewScoreRow = Selectable<ReviewScoresTable>;
export type AwardRow = Selectable<AwardsTable>;

// ---- orders, payments, certificates (migration 20261122030000) ----

export type OrderStatus = 'reserved' | 'paid' | 'expired' | 'cancelled' | 'refunded';
export type PaymentMethod = 'stripe' | 'invoice';

export interface OrdersTable {
  id: Generated<string>;
  buyer_organisation_id: string;
  buyer_kind: Generated<'supplier'>;
  created_by: string;
  project_id: string;
  quantity: number;
  unit_price_cents: number;
  amount_cents: number;
  currency: Generated<'EUR'>;
  payment_method: PaymentMethod;
  status: Generated<OrderStatus>;
  reserved_until: Date;
  billing_name: string;
  billing_kvk_number: string | null;
  billing_vat_number: string | null;
  billing_address: ColumnType<unknown, string | null, string | null>;
  invoice_number: string | null;
  payment_reference: string;
  stripe_checkout_session_id: string | null;
  stripe_checkout_url: string | null;
  stripe_payment_intent_id: string | null;
  paid_at: Date | null;
  paid_reference: string | null;
  /** When the order was expired or cancelled. */
  closed_at: Date | null;
  close_reason: string | null;
  refunded_at: Date | null;
  /** Set when something needs an admin (e.g. a payment that did not match the order). */
  needs_attention: string | null;
  /**
   * A refund through Stripe is under way (migration 20261122100000): set before the money
   * moves, cleared when it is booked or when Stripe refused it. While set, no claim on the
   * order's certificate is approved.
   */
  refund_requested_at: Date | null;
  /** Who asked; null when a job did (late payment, failed project). */
  refund_requested_by: string | null;
  refund_request_source: RefundRequestSource | null;
  refund_request_reason: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** The paths that refund through Stripe, and so request the refund before the money moves. */
export type RefundRequestSource = 'admin' | 'late_payment' | 'project_failed';

export interface CreditAllocationsTable {
  order_id: string;
  project_id: string;
  serial_start: number;
  serial_end: number;
  serials: ColumnType<string, never, never>;
  created_at: CreatedAt;
}

export type CertificateStatus = 'active' | 'suspended' | 'revoked';

export interface CertificatesTable {
  id: Generated<string>;
  number: string;
  verification_code: string;
  order_id: string;
  project_id: string;
  buyer_organisation_id: string;
  credits: number;
  serial_start: number;
  serial_end: number;
  value_cents: number;
  currency: Generated<string>;
  status: Generated<CertificateStatus>;
  status_reason: string | null;
  issued_at: Date;
  status_changed_at: Date | null;
  /** Credits of its pending and approved claims (migration 20261122060000); the database keeps it ≤ credits. */
  claimed_credits: Generated<number>;
}

export interface MoneyLedgerTable {
  id: Generated<number>;
  project_id: string;
  order_id: string | null;
  entry_type: 'payment_received' | 'refund_paid' | 'payout';
  amount_cents: number;
  currency: Generated<'EUR'>;
  method: 'stripe' | 'invoice' | 'bank';
  external_reference: string | null;
  actor_user_id: string | null;
  created_at: CreatedAt;
  /** The payout a 'payout' entry books (migration 20261122070000). */
  payout_id: string | null;
}

export interface DocumentCountersTable {
  kind: 'invoice' | 'credit_note' | 'certificate';
  year: number;
  last_value: number;
}

export interface CreditNotesTable {
  id: Generated<string>;
  number: string;
  order_id: string;
  amount_cents: number;
  reason: string;
  issued_by: string | null;
  issued_at: Date;
}

export interface IdempotencyKeysTable {
  organisation_id: string;
  key: string;
  scope: string;
  request_hash: string;
  status: Generated<'in_progress' | 'completed'>;
  response_status: number | null;
  response_body: ColumnType<unknown, string | null, string | null>;
  created_at: CreatedAt;
  completed_at: Date | null;
}

export interface StripeEventsTable {
  id: string;
  type: string;
  livemode: boolean;
  created_at_stripe: Date;
  received_at: Date;
  order_id: string | null;
  outcome: string;
  payload: Json;
}

export interface PaymentDisputesTable {
  id: string;
  order_id: string | null;
  charge_id: string;
  amount_cents: number;
  status: string;
  reason: string | null;
  opened_at: Date;
  closed_at: Date | null;
}

export interface OrderTables {
  orders: OrdersTable;
  credit_allocations: CreditAllocationsTable;
  certificates: CertificatesTable;
  money_ledger: MoneyLedgerTable;
  document_counters: DocumentCountersTable;
  credit_notes: CreditNotesTable;
  idempotency_keys: IdempotencyKeysTable;
  stripe_events: StripeEventsTable;
  payment_disputes: PaymentDisputesTable;
}

export type OrderRow = Selectable<OrdersTable>;
export type CertificateRow = Selectable<CertificatesTable>;

// ---- rendered documents (migration 20261122050000) ----

/** A rendered PDF as handed out: stored once, returned byte for byte on every download. */
export interface CertificateDocumentsTable {
  certificate_id: string;
  lang: 'nl' | 'en';
  sha256: string;
  bytes: Buffer;
  rendered_at: Date;
}

export interface InvoiceDocumentsTable {
  order_id: string;
  lang: 'nl' | 'en';
  sha256: string;
  bytes: Buffer;
  rendered_at: Date;
}

/** A credit note's rendered PDF (migration 20261122065000), stored like the invoice's. */
export interface CreditNoteDocumentsTable {
  credit_note_id: string;
  lang: 'nl' | 'en';
  sha256: string;
  bytes: Buffer;
  rendered_at: Date;
}

export interface DocumentTables {
  certificate_documents: CertificateDocumentsTable;
  invoice_documents: InvoiceDocumentsTable;
  credit_note_documents: CreditNoteDocumentsTable;
}

// ---- contracts, obligations and claims (migration 20261122060000) ----

export type ObligationBasis = 'contract_value' | 'wage_sum' | 'fixed';
export type ContractStatus = 'open' | 'closed';
export type ClaimStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'invalidated';

export interface ContractsTable {
  id: Generated<string>;
  authority_id: string;
  authority_kind: Generated<'authority'>;
  supplier_id: string;
  supplier_kind: Generated<'supplier'>;
  reference: string;
  title: string;
  value_cents: number;
  starts_on: DateOnly;
  ends_on: DateOnly;
  status: Generated<ContractStatus>;
  obligation_basis: ObligationBasis;
  wage_sum_cents: number | null;
  percentage_bp: number | null;
  obligation_cents: number;
  accepts_credits: Generated<boolean>;
  credit_factor_bp: Generated<number>;
  credit_share_cap_bp: Generated<number>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  closed_at: Date | null;
  closed_by: string | null;
}

export interface ClaimsTable {
  id: Generated<string>;
  certificate_id: string;
  contract_id: string;
  authority_id: string;
  supplier_id: string;
  credits: number;
  unit_price_cents: number;
  credit_factor_bp: number;
  value_cents: number;
  status: Generated<ClaimStatus>;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  withdrawn_by: string | null;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  invalidated_at: Date | null;
  invalidation_reason: string | null;
}

export interface ObligationTables {
  contracts: ContractsTable;
  claims: ClaimsTable;
}

// ---- outcome reports, stories, report summaries (migration 20261122080000) ----

export type OutcomeReportKind = 'interim' | 'final';
export type OutcomeReportStatus = 'submitted' | 'returned' | 'accepted';
export type StoryStatus = 'submitted' | 'published' | 'rejected';
export type OutcomeDimension = 'participants' | 'outcomes' | 'banenafspraak';

export interface OutcomeReportsTable {
  id: Generated<string>;
  project_id: string;
  kind: OutcomeReportKind;
  period_start: DateOnly;
  period_end: DateOnly;
  status: Generated<OutcomeReportStatus>;
  narrative: string;
  revision: Generated<number>;
  submitted_by: string;
  submitted_at: Date;
  questions: string | null;
  returned_by: string | null;
  returned_at: Date | null;
  accepted_by: string | null;
  accepted_at: Date | null;
  created_at: CreatedAt;
}

export interface OutcomeReportParticipantsTable {
  report_id: string;
  target_group: TargetGroup;
  participants: number;
}

export interface OutcomeReportResultsTable {
  report_id: string;
  outcome_type: OutcomeType;
  achieved: number;
  banenafspraak: number;
}

export interface OutcomeReportSpendingTable {
  report_id: string;
  budget_line_id: string;
  spent_cents: number;
}

export interface OutcomeReportCellsTable {
  report_id: string;
  project_id: string;
  period_end: DateOnly;
  dimension: OutcomeDimension;
  category: string;
  exact: number;
  /** The rounded count (src/modules/reports/disclosure.ts); null: its row is withheld. */
  published: number | null;
  threshold: number;
}

/** How an accepted report's cells were made (src/modules/reports/report-cells.ts). */
export interface OutcomeReportPublicationsTable {
  report_id: string;
  method: 'random_rounding';
  threshold: number;
  /** The cell-key seed: as confidential as the exact counts. */
  cell_key_seed: Uint8Array;
  rows: Json;
  published_at: Date;
}

export interface OutcomeStoriesTable {
  id: Generated<string>;
  project_id: string;
  report_id: string | null;
  title: string;
  body: string;
  consent_confirmed: boolean;
  status: Generated<StoryStatus>;
  submitted_by: string;
  submitted_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
}

/** Materialized views: read-only, refreshed by the job 'reports.refresh-summaries'. */
export interface ReportClaimsQuarterlyView {
  authority_id: string;
  contract_id: string;
  supplier_id: string;
  project_id: string;
  quarter: DateOnly;
  credits: number;
  value_cents: number;
  claims: number;
}

export interface ReportBuyerSalesView {
  project_id: string;
  buyer_organisation_id: string;
  credits: number;
  amount_cents: number;
  orders: number;
}

export interface ReportProjectSalesView {
  project_id: string;
  credits: number;
  amount_cents: number;
  orders: number;
  buyers: number;
}

export interface ReportOutcomeTotalsView {
  period_end: DateOnly;
  dimension: OutcomeDimension;
  category: string;
  published_sum: number;
  shown: number;
  withheld: number;
}

export interface ReportRefreshesTable {
  name: string;
  refreshed_at: Date;
}

export interface OutcomeTables {
  outcome_reports: OutcomeReportsTable;
  outcome_report_participants: OutcomeReportParticipantsTable;
  outcome_report_results: OutcomeReportResultsTable;
  outcome_report_spending: OutcomeReportSpendingTable;
  outcome_report_cells: OutcomeReportCellsTable;
  outcome_report_publications: OutcomeReportPublicationsTable;
  outcome_stories: OutcomeStoriesTable;
  report_claims_quarterly: ReportClaimsQuarterlyView;
  report_buyer_sales: ReportBuyerSalesView;
  report_project_sales: ReportProjectSalesView;
  report_outcome_totals: ReportOutcomeTotalsView;
  report_refreshes: ReportRefreshesTable;
}

export type OutcomeReportRow = Selectable<OutcomeReportsTable>;
export type OutcomeStoryRow = Selectable<OutcomeStoriesTable>;

// ---- funding rounds and payouts (migration 20261122070000) ----

export type FundingDecisionKind = 'deadline_extended' | 'refund_all' | 'extend_after_deadline';
export type PayoutStatus = 'due' | 'approved' | 'paid';

export interface FundingDecisionsTable {
  id: Generated<string>;
  project_id: string;
  kind: FundingDecisionKind;
  previous_deadline: Date;
  new_deadline: Date | null;
  reason: string;
  decided_by: string;
  decided_at: Date;
}

export interface PayoutsTable {
  id: Generated<string>;
  project_id: string;
  initiative_id: string;
  tranche: 1 | 2;
  amount_cents: number;
  currency: Generated<'EUR'>;
  status: Generated<PayoutStatus>;
  due_at: Date;
  due_reason: string;
  /** Tranche 2: the admin who accepted the final outcome report (may not approve or pay it). */
  report_accepted_by: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  paid_by: string | null;
  paid_at: Date | null;
  bank_reference: string | null;
}

export interface FundingTables {
  funding_decisions: FundingDecisionsTable;
  payouts: PayoutsTable;
}

export type PayoutRow = Selectable<PayoutsTable>;
export type FundingDecisionRow = Selectable<FundingDecisionsTable>;
