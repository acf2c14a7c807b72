import { type FakeSession, stripeEvent, type StripeEventPayload } from '../helpers/fake-stripe.js';

/** The fake's session wrapped as Stripe would send it in an event of this type. */
export function sessionEvent(
  type: string,
  session: FakeSession,
  options: { id?: string } = {},
): StripeEventPayload {
  return stripeEvent(type, session as unknown as Record<string, unknown>, options);
}
