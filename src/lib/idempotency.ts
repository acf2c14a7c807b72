import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/types.js';
import { AppError, unprocessable } from './errors.js';

/**
 * Idempotency-Key (DESIGN §5 invariant 6): the first response to a (organisation, key) is
 * kept and replayed to every repeat of the same request; the same key with another request
 * is refused. The key row is claimed in the transaction that does the work, so a concurrent
 * duplicate blocks on its primary key until the first commits, then finds its response.
 */

export interface IdempotencyRef {
  organisationId: string;
  key: string;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type KeyClaim =
  /** This request owns the key: do the work, then complete it. */
  | { state: 'claimed' }
  /** A repeat: answer the stored response. */
  | { state: 'completed'; response: StoredResponse }
  /** The first request committed part of its work and is still finishing (e.g. calling Stripe). */
  | { state: 'in_progress'; pending: unknown; createdAt: Date };

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** A stable hash of what makes two requests "the same": scope and parsed body, with keys sorted. */
export function hashRequest(scope: string, value: unknown): string {
  return createHash('sha256')
    .update(scope)
    .update('\u0000')
    .update(canonicalJson(value))
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const keyReused = () =>
  unprocessable(
    'IDEMPOTENCY.KEY_REUSED',
    'This Idempotency-Key was already used for a different request; use a new key for a new request',
  );

/**
 * Claims the key inside the caller's transaction, or reports what the first request left.
 * `pending` is stored while the work is in progress (e.g. the id of the order being made),
 * so a later repeat can finish the work if the first request died half-way.
 */
export async function claimIdempotencyKey(
  trx: Transaction<DB>,
  claim: IdempotencyRef & { scope: string; requestHash: string; pending: unknown; at: Date },
): Promise<KeyClaim> {
  const inserted = await trx
    .insertInto('idempotency_keys')
    .values({
      organisation_id: claim.organisationId,
      key: claim.key,
      scope: claim.scope,
      request_hash: claim.requestHash,
      status: 'in_progress',
      response_body: JSON.stringify({ pending: claim.pending }),
      created_at: claim.at,
    })
    // Waits for a concurrent claim of the same key to commit or roll back.
    .onConflict((oc) => oc.columns(['organisation_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { state: 'claimed' };
  return answerExistingKey(trx, claim);
}

/** The key is taken: what the request that took it left, as a repeat sees it. */
async function answerExistingKey(
  db: Kysely<DB>,
  claim: IdempotencyRef & { scope: string; requestHash: string },
): Promise<Exclude<KeyClaim, { state: 'claimed' }>> {
  const existing = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('organisation_id', '=', claim.organisationId)
    .where('key', '=', claim.key)
    .executeTakeFirstOrThrow();
  return existingKeyClaim(existing, claim);
}

/** An earlier request's key row as a repeat sees it (what a claim or a placement statement read). */
export interface IdempotencyKeyRow {
  scope: string;
  request_hash: string;
  status: 'in_progress' | 'completed';
  response_status: number | null;
  response_body: unknown;
  created_at: Date;
}

/** What a repeat answers, given the key row the first request left: refused (422) if it is another request. */
export function existingKeyClaim(
  existing: IdempotencyKeyRow,
  claim: { scope: string; requestHash: string },
): Exclude<KeyClaim, { state: 'claimed' }> {
  if (existing.scope !== claim.scope || existing.request_hash !== claim.requestHash)
    throw keyReused();
  if (existing.status === 'completed') {
    return {
      state: 'completed',
      response: { status: existing.response_status ?? 500, body: existing.response_body },
    };
  }
  return {
    state: 'in_progress',
    pending: (existing.response_body as { pending?: unknown } | null)?.pending,
    createdAt: existing.created_at,
  };
}

/**
 * Claims the key and completes it with `response` at once (a request that did no work,
 * such as a refusal), in one statement outside any transaction. It writes under the
 * organisation's row lock, the lock under which an organisation's orders read and write
 * its keys, so a placement that found no key after taking that lock finds none inserted
 * behind its back. If the key is taken, answers what the first request left, as a claim does.
 */
export async function recordIdempotentResponse(
  db: Kysely<DB>,
  claim: IdempotencyRef & { scope: string; requestHash: string; at: Date },
  response: StoredResponse,
): Promise<KeyClaim> {
  const { rows } = await sql<{ key: string }>`
    WITH owner AS (SELECT id FROM organisations WHERE id = ${claim.organisationId}::uuid FOR NO KEY UPDATE)
    INSERT INTO idempotency_keys (organisation_id, key, scope, request_hash, status, response_status, response_body, created_at, completed_at)
    SELECT owner.id, ${claim.key}::text, ${claim.scope}::text, ${claim.requestHash}::text, 'completed', ${response.status}::int,
      ${JSON.stringify(response.body)}::jsonb, ${claim.at}::timestamptz, ${claim.at}::timestamptz
    FROM owner
    ON CONFLICT (organisation_id, key) DO NOTHING
    RETURNING key
  `.execute(db);
  if (rows.length === 1) return { state: 'claimed' };
  return answerExistingKey(db, claim);
}

/**
 * Stores the response of the request that owns the key. Conditional on the key still
 * being in progress: if another request finished it first, its response wins and is returned.
 */
export async function completeIdempotencyKey(
  trx: Transaction<DB>,
  ref: IdempotencyRef,
  response: StoredResponse,
  at: Date,
): Promise<StoredResponse> {
  const updated = await trx
    .updateTable('idempotency_keys')
    .set({
      status: 'completed',
      response_status: response.status,
      response_body: JSON.stringify(response.body),
      completed_at: at,
    })
    .where('organisation_id', '=', ref.organisationId)
    .where('key', '=', ref.key)
    .where('status', '=', 'in_progress')
    .returning('key')
    .executeTakeFirst();
  if (updated) return response;
  const stored = await trx
    .selectFrom('idempotency_keys')
    .select(['response_status', 'response_body'])
    .where('organisation_id', '=', ref.organisationId)
    .where('key', '=', ref.key)
    .executeTakeFirstOrThrow();
  return { status: stored.response_status ?? 500, body: stored.response_body };
}

/**
 * Waits (outside any transaction: on the embedded database a transaction would hold its
 * only connection) until the first request completes the key, or the time is up.
 */
export async function awaitIdempotentResponse(
  db: Kysely<DB>,
  ref: IdempotencyRef,
  options: { timeoutMs: number },
): Promise<StoredResponse | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    const row = await db
      .selectFrom('idempotency_keys')
      .select(['status', 'response_status', 'response_body'])
      .where('organisation_id', '=', ref.organisationId)
      .where('key', '=', ref.key)
      .executeTakeFirst();
    if (row?.status === 'completed')
      return { status: row.response_status ?? 500, body: row.response_body };
    if (!row || Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

export const idempotencyInProgress = () =>
  new AppError(
    409,
    'IDEMPOTENCY.IN_PROGRESS',
    'A request with this Idempotency-Key is still being processed; retry shortly',
    { retryAfter: 1 },
    { 'retry-after': '1' },
  );
