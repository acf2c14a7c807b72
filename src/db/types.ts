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
  status: Generated<ActiveStatus>;
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

export interface DB {
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
