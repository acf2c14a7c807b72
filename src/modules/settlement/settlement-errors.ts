import { AppError, conflict } from '../../lib/errors.js';

/** Refusals of the orders and settlement modules that more than one file raises. */

export const insufficientCredits = (available: number) =>
  conflict('ORDER.INSUFFICIENT_CREDITS', `Not enough credits available: ${available} left`, {
    available,
  });

/** No usable answer from the provider: not reachable, timed out, or it failed (5xx). */
export const providerUnavailable = (what: string) =>
  new AppError(
    502,
    'PAYMENT.PROVIDER_UNAVAILABLE',
    `The payment provider could not be reached or gave no usable answer. ${what}`,
  );

/**
 * The provider answered and refused the refund (a 4xx: e.g. the charge is disputed, or
 * refunded already at the provider): nothing happened, and retrying the same request gets
 * the same answer. Told apart from an outage (issue 17); what the provider said is logged
 * with its request id, not repeated to the client.
 */
export const providerRefused = () =>
  new AppError(
    502,
    'PAYMENT.PROVIDER_REFUSED',
    'The payment provider refused the refund, so nothing was refunded and the order stays paid. The platform team can find the refusal in the log (with the provider’s request id).',
  );

/**
 * The provider answered and refused to open a payment page (a 4xx: a request it finds
 * invalid or not permitted for the account). Not the buyer's fault and not passing: the
 * detail says what happened to the order, never what the provider said (that is logged).
 */
export const checkoutRefused = () =>
  new AppError(
    502,
    'PAYMENT.PROVIDER_REFUSED',
    'The payment provider refused to open a payment page for this order. The order was cancelled and its credits released; the platform team can find the refusal in the log. Pay by invoice, or place a new order later with a new Idempotency-Key.',
  );

export const certificateClaimed = () =>
  conflict(
    'ORDER.CERTIFICATE_CLAIMED',
    'The order’s certificate has an approved claim against an obligation; it cannot be refunded',
  );
