import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { AppError } from '../../lib/errors.js';
import {
  awaitIdempotentResponse,
  hashRequest,
  idempotencyInProgress,
  type IdempotencyRef,
  type KeyClaim,
  recordIdempotentResponse,
  type StoredResponse,
} from '../../lib/idempotency.js';

/**
 * Placing an order or a purchase under an Idempotency-Key: what the two have in common
 * once each has tried its own placement. The first response to the key is stored and is
 * what every repeat of the request answers (refusals included); a repeat that arrives
 * while the first request is still running waits for its answer.
 */

/** Turns a domain error into the problem document the client receives (the route passes the HTTP error handler's own renderer). */
export type RenderProblem = (error: AppError) => unknown;

/** What POST /v1/orders and /v1/purchases answer: the first response to the Idempotency-Key, replayed or not. */
export interface PlacementResponse extends StoredResponse {
  replayed: boolean;
}

/** The Idempotency-Key of one placement request, with what makes a repeat "the same request". */
export interface PlacementKey extends IdempotencyRef {
  scope: string;
  requestHash: string;
  /** When the request arrived: the key's time if this request stores it. */
  at: Date;
}

/** What a repeat of an earlier request finds under its key. */
export type Repeat = Exclude<KeyClaim, { state: 'claimed' }>;

/** What one placement came to. */
export type PlacementOutcome =
  | Repeat
  /** Placed, with its response stored under the key (an invoice order or purchase). */
  | { state: 'placed'; response: StoredResponse }
  /** Placed and reserved; its Checkout Session is still to be created (Stripe). */
  | { state: 'checkout' }
  /** Refused before anything was written; the refusal is stored under the key. */
  | { state: 'refused'; response: StoredResponse };

/** How long a repeat waits for the first request of its key to finish (it may be calling Stripe). */
const REPLAY_WAIT_MS = 10_000;

export function placementKey(
  organisationId: string,
  key: string,
  scope: string,
  input: unknown,
  at: Date,
): PlacementKey {
  return { organisationId, key, scope, requestHash: hashRequest(scope, input), at };
}

/** Stores a refusal under the key (unless a twin of this request answered first, whose answer stands). */
export async function refusePlacement(
  db: Kysely<DB>,
  key: PlacementKey,
  refusal: AppError,
  render: RenderProblem,
): Promise<Repeat | { state: 'refused'; response: StoredResponse }> {
  const response = { status: refusal.status, body: render(refusal) };
  const stored = await recordIdempotentResponse(db, key, response);
  return stored.state === 'claimed' ? { state: 'refused', response } : stored;
}

/**
 * The response to a placement request: its own outcome, or (a repeat) the first request's
 * response. `checkout` creates the Checkout Session of what this request placed; `resume`
 * may finish the work of a first request that is still in progress (it answers undefined
 * when that request is to be waited for instead).
 */
export async function answerPlacement(
  db: Kysely<DB>,
  key: IdempotencyRef,
  outcome: PlacementOutcome,
  steps: {
    checkout: () => Promise<StoredResponse>;
    resume?: (first: { pending: unknown; createdAt: Date }) => Promise<StoredResponse | undefined>;
  },
): Promise<PlacementResponse> {
  switch (outcome.state) {
    case 'placed':
    case 'refused':
      return { ...outcome.response, replayed: false };
    case 'checkout':
      return { ...(await steps.checkout()), replayed: false };
    case 'completed':
      return { ...outcome.response, replayed: true };
    case 'in_progress': {
      const resumed = await steps.resume?.(outcome);
      if (resumed) return { ...resumed, replayed: true };
      const response = await awaitIdempotentResponse(db, key, { timeoutMs: REPLAY_WAIT_MS });
      if (!response) throw idempotencyInProgress();
      return { ...response, replayed: true };
    }
  }
}
