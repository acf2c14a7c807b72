import { randomUUID } from 'node:crypto';
import {
  disputeSnapshot,
  type FakeSession,
  stripeEvent,
  type StripeEventPayload,
} from '../helpers/fake-stripe.js';

/** The fake's session wrapped as Stripe would send it in an event of this type. */
export function sessionEvent(
  type: string,
  session: FakeSession,
  options: { id?: string } = {},
): StripeEventPayload {
  return stripeEvent(type, session as unknown as Record<string, unknown>, options);
}

export type DisputeLife = 'won' | 'lost';

export interface DisputeLifeEvent {
  type: string;
  object: Record<string, unknown>;
}

/**
 * Every event of a dispute's life, in the order Stripe sends them, each carrying the
 * dispute as it then stands (status and balance transactions):
 * created → funds withdrawn → updated (under review) → funds reinstated → closed (won), or
 * created → funds withdrawn → updated (under review) → closed (lost).
 */
export function disputeLifeEvents(
  dispute: { id: string; chargeId: string; paymentIntentId: string; amountCents: number },
  life: DisputeLife,
): DisputeLifeEvent[] {
  const base = disputeSnapshot({
    id: dispute.id,
    chargeId: dispute.chargeId,
    paymentIntentId: dispute.paymentIntentId,
    amount: dispute.amountCents,
  });
  const withdrawal = {
    id: `txn_w_${dispute.id}`,
    object: 'balance_transaction',
    amount: -dispute.amountCents,
    reporting_category: 'dispute',
  };
  const reinstatement = {
    id: `txn_r_${dispute.id}`,
    object: 'balance_transaction',
    amount: dispute.amountCents,
    reporting_category: 'dispute_reversal',
  };
  const at = (status: string, balance: object[]) => ({
    ...base,
    status,
    balance_transactions: balance,
  });
  const events: DisputeLifeEvent[] = [
    { type: 'charge.dispute.created', object: at('needs_response', []) },
    { type: 'charge.dispute.funds_withdrawn', object: at('needs_response', [withdrawal]) },
    { type: 'charge.dispute.updated', object: at('under_review', [withdrawal]) },
  ];
  if (life === 'won')
    events.push(
      { type: 'charge.dispute.funds_reinstated', object: at('won', [withdrawal, reinstatement]) },
      { type: 'charge.dispute.closed', object: at('won', [withdrawal, reinstatement]) },
    );
  else events.push({ type: 'charge.dispute.closed', object: at('lost', [withdrawal]) });
  return events;
}

/**
 * A new dispute (a fresh id) of a payment, with every event of its life as
 * disputeLifeEvents builds them: for an order's payment, or a purchase's one payment.
 */
export function newDisputeLife(
  payment: { chargeId: string; paymentIntentId: string; amountCents: number },
  life: DisputeLife,
): { id: string; events: DisputeLifeEvent[] } {
  const id = `dp_test${process.pid}x${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  return {
    id,
    events: disputeLifeEvents(
      {
        id,
        chargeId: payment.chargeId,
        paymentIntentId: payment.paymentIntentId,
        amountCents: payment.amountCents,
      },
      life,
    ),
  };
}
