import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../../lib/errors.js';
import { AUTHENTICATED_PROBLEMS, problemResponses } from '../../lib/problem.js';
import { problem } from '../../plugins/error-handler.js';
import type { PlacementResponse, RenderProblem } from './idempotent-placement.js';

/**
 * What POST /v1/orders and POST /v1/purchases share over HTTP: each answers the first
 * response to its Idempotency-Key, refusals included, so a refusal is rendered to its
 * problem document before it is stored, not thrown to the error handler.
 */

/** The problems a placement may answer (its own refusals, or a repeat's replay of them). */
export const PLACEMENT_PROBLEMS = problemResponses(
  ...AUTHENTICATED_PROBLEMS,
  404,
  'ORDER.INSUFFICIENT_CREDITS',
  'ORDER.PROJECT_NOT_SELLING',
  'ORDER.RESERVATION_LIMIT',
  'IDEMPOTENCY.IN_PROGRESS',
  'ORDER.PAYMENT_METHOD_UNAVAILABLE',
  'IDEMPOTENCY.KEY_REUSED',
  'PAYMENT.PROVIDER_UNAVAILABLE',
  'PAYMENT.PROVIDER_REFUSED',
);

/** The error handler's problem document for this request, as a placement stores it. */
export function problemRenderer(request: FastifyRequest): RenderProblem {
  return (error: AppError) => ({
    ...problem(error.status, error.code, error.message, request),
    ...error.extensions,
  });
}

/** Sends the stored first response (marked `Idempotent-Replayed` for a repeat). */
export function sendPlacement(reply: FastifyReply, result: PlacementResponse) {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  if (result.status >= 400) reply.type('application/problem+json');
  // The body is the stored first response; the status's schema still filters it on the way out.
  return reply.code(result.status).send(result.body);
}
