/**
 * What the order flow needs from a card/iDEAL payment provider. The Stripe SDK
 * implementation lives in modules/payments/stripe-gateway.ts; the orders and settlement
 * modules only see this interface, so it is injected through buildApp and absent when
 * Stripe is not configured.
 */
export interface CheckoutSessionRequest {
  orderId: string;
  /** Shown on Stripe's page as the product name: "N credits — <project title>". */
  description: string;
  /** Optional second line under the name on Stripe's page (e.g. the initiative). */
  productDescription?: string;
  quantity: number;
  unitAmountCents: number;
  currency: 'eur';
  expiresAt: Date;
  /**
   * When the order was placed. Stripe's window for the expiry is measured from here, not
   * from the moment of the call, so that a repeat of the same create (the same
   * idempotency key, after a crash or a lost connection) sends the same parameters and
   * gets the same session back.
   */
  placedAt: Date;
  successUrl: string;
  cancelUrl: string;
  /** Derived from the order id, so a retried create returns the same session. */
  idempotencyKey: string;
  /**
   * A purchase over several projects: the session is the purchase's (metadata
   * `purchase_id`, and `client_reference_id` the purchase id), with a line item per project.
   */
  purchaseId?: string;
  lineItems?: { description: string; quantity: number; unitAmountCents: number }[];
  /** The ordering user's e-mail: prefilled on the payment page, and where Stripe sends the receipt. */
  customerEmail?: string | undefined;
  /** The payment page's language: the ordering user's. */
  locale?: 'nl' | 'en' | undefined;
  /**
   * Ask the payer for a VAT id: when the buyer organisation has none on file (one on file is
   * on the order and the invoice already).
   */
  collectTaxId?: boolean | undefined;
  /** After the account's descriptor on the payer's card or bank statement (at most 22 characters). */
  statementDescriptorSuffix?: string | undefined;
}

/** Who paid, as the provider reports it: only what bookkeeping needs (docs/privacy.md). */
export interface PayerDetails {
  name: string | null;
  /** ISO 3166-1 alpha-2 country of the billing address. */
  country: string | null;
  taxIds: { type: string; value: string }[];
}

export interface CheckoutSession {
  id: string;
  url: string;
  /**
   * When the session really expires. The gateway keeps the requested time inside the
   * window the provider accepts (Stripe: 30 min to 24 h after creation, measured on its
   * clock), so hold the reservation until this time, not the requested one.
   */
  expiresAt: Date;
}

/** A Checkout Session as the reconciliation job reads it back from the provider. */
export interface ProviderCheckoutSession {
  id: string;
  orderId: string | null;
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  status: 'open' | 'complete' | 'expired';
  paymentIntentId: string | null;
  amountTotalCents: number | null;
  currency: string | null;
  /** The two places the order id is carried; fulfilment requires both to agree. */
  metadataOrderId?: string | null;
  /** A purchase's session: its metadata.purchase_id. */
  metadataPurchaseId?: string | null;
  clientReferenceId?: string | null;
  createdAt?: Date;
  payer?: PayerDetails | null;
}

export interface RefundRequest {
  paymentIntentId: string;
  amountCents: number;
  idempotencyKey: string;
  /** Kept in the refund's metadata (Stripe's own `reason` is a fixed list). */
  reason: string;
  /** Kept in the refund's metadata, for the dashboard. */
  orderId?: string;
}

/** A refund's status at the provider (Stripe's): pending until the money has left or it failed. */
export type ProviderRefundStatus =
  'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';

/** A refund as the provider answers it. */
export interface ProviderRefund {
  refundId: string;
  status: ProviderRefundStatus;
  amountCents: number;
  /** Stripe's `failure_reason` of a failed refund (e.g. expired_or_canceled_card). */
  failureReason: string | null;
}

/** A status the provider may add later counts as pending: nothing is booked on it. */
export function toRefundStatus(status: string | null | undefined): ProviderRefundStatus {
  return status === 'succeeded' ||
    status === 'failed' ||
    status === 'canceled' ||
    status === 'requires_action'
    ? status
    : 'pending';
}

/**
 * The provider answered and refused the request on its merits (invalid, not permitted, not
 * possible for this payment): nothing happened, and a repeat with the same idempotency key
 * gets the same refusal. Any other failure (no answer, a timeout, a 5xx, a conflict with a
 * request in flight, a rate limit) leaves the outcome unknown: the provider may have acted.
 */
export class PaymentRefusedError extends Error {
  override name = 'PaymentRefusedError';
  /** What the provider said, for the log only (never for a client): its request id (Stripe's `req_…`), HTTP status, error type and code. */
  readonly provider: ProviderErrorFacts;
  constructor(message: string, options: ErrorOptions & { provider?: ProviderErrorFacts } = {}) {
    super(message, options);
    this.provider = options.provider ?? {};
  }
}

/** What a provider's error tells the operator: enough to find the request in the provider's logs. */
export interface ProviderErrorFacts {
  requestId?: string | undefined;
  statusCode?: number | undefined;
  type?: string | undefined;
  code?: string | undefined;
}

/** The provider's facts about any error a gateway call threw (empty for errors that are not the provider's). */
export function providerErrorFacts(error: unknown): ProviderErrorFacts {
  if (error instanceof PaymentRefusedError) return error.provider;
  const candidate = error as
    | {
        requestId?: unknown;
        statusCode?: unknown;
        rawType?: unknown;
        type?: unknown;
        code?: unknown;
      }
    | null
    | undefined;
  if (candidate === null || typeof candidate !== 'object') return {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    requestId: text(candidate.requestId),
    statusCode: typeof candidate.statusCode === 'number' ? candidate.statusCode : undefined,
    type: text(candidate.rawType) ?? text(candidate.type),
    code: text(candidate.code),
  };
}

export interface PaymentGateway {
  /**
   * Throws PaymentRefusedError when the provider answered and refused the session (a 4xx:
   * invalid, not permitted); any other error means it could not be reached or failed.
   */
  createCheckoutSession(request: CheckoutSessionRequest): Promise<CheckoutSession>;
  /** Closes a session so nobody can pay a lapsed reservation; a session already closed is not an error. */
  expireCheckoutSession(sessionId: string): Promise<void>;
  /**
   * Refunds a payment in full or in part; the idempotency key makes a retry safe. Answers
   * the refund with its status (it may still be pending: see settlement/refund-states.ts). Throws
   * PaymentRefusedError when the provider refused it (nothing was refunded); any other
   * error means the outcome is not known.
   */
  refund(request: RefundRequest): Promise<ProviderRefund>;
  retrieveCheckoutSession(sessionId: string): Promise<ProviderCheckoutSession>;
  /** Sessions created since the given time, newest first (for reconciliation). */
  listCheckoutSessions(createdSince: Date): AsyncIterable<ProviderCheckoutSession>;
}
