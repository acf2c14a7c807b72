import type {
  CheckoutSession,
  CheckoutSessionRequest,
  PaymentGateway,
  ProviderCheckoutSession,
  ProviderRefund,
  RefundRequest,
} from '../../src/lib/payment-gateway.js';

/**
 * An in-memory PaymentGateway for the order flow's tests: it keeps what it was asked,
 * honours idempotency keys like Stripe (same key → the first answer), and can be told to
 * fail. The real SDK against a local Stripe-like server is tested in test/payments.
 */
export class MemoryPaymentGateway implements PaymentGateway {
  /** Every createCheckoutSession call, including repeats of a key. */
  readonly sessionRequests: CheckoutSessionRequest[] = [];
  /** Sessions by id: one per distinct idempotency key. */
  readonly sessions = new Map<
    string,
    CheckoutSession & { request: CheckoutSessionRequest; status: 'open' | 'complete' | 'expired' }
  >();
  readonly refundRequests: RefundRequest[] = [];
  /** Refunds by id: one per distinct idempotency key. */
  readonly refunds = new Map<string, RefundRequest>();
  readonly expiredSessionIds: string[] = [];
  private readonly sessionsByKey = new Map<string, string>();
  private readonly refundsByKey = new Map<string, string>();
  private failures = { checkout: 0, refund: 0 };
  private sequence = 0;

  /** `now` is the provider's clock; pass the test clock's so expiry times line up with it. */
  constructor(private readonly now: () => Date = () => new Date()) {}

  /** The next `times` calls of the operation throw, as a provider outage would. */
  fail(operation: 'checkout' | 'refund', times = 1): void {
    this.failures[operation] += times;
  }

  private held: Promise<void> | undefined;

  /** The next createCheckoutSession call waits until the returned function is called (a request stuck at the provider). */
  holdCheckout(): () => void {
    let release!: () => void;
    this.held = new Promise((resolve) => (release = resolve));
    return release;
  }

  async createCheckoutSession(request: CheckoutSessionRequest): Promise<CheckoutSession> {
    this.sessionRequests.push(request);
    const held = this.held;
    this.held = undefined;
    await (held ?? Promise.resolve());
    if (this.failures.checkout > 0) {
      this.failures.checkout -= 1;
      throw new Error('provider unavailable (test)');
    }
    const existing = this.sessionsByKey.get(request.idempotencyKey);
    if (existing) return this.publicSession(existing);
    const id = `cs_test_${++this.sequence}_${request.orderId.slice(0, 8)}`;
    // Like Stripe, the session lives at least 31 minutes from now whatever was asked.
    const expiresAt = new Date(
      Math.max(request.expiresAt.getTime(), this.now().getTime() + 31 * 60_000),
    );
    this.sessions.set(id, {
      id,
      url: `https://checkout.test/pay/${id}`,
      expiresAt,
      request,
      status: 'open',
    });
    this.sessionsByKey.set(request.idempotencyKey, id);
    return this.publicSession(id);
  }

  async expireCheckoutSession(sessionId: string): Promise<void> {
    this.expiredSessionIds.push(sessionId);
    const session = this.sessions.get(sessionId);
    if (session && session.status === 'open') session.status = 'expired';
  }

  async refund(request: RefundRequest): Promise<ProviderRefund> {
    this.refundRequests.push(request);
    await Promise.resolve();
    if (this.failures.refund > 0) {
      this.failures.refund -= 1;
      throw new Error('provider unavailable (test)');
    }
    const existing = this.refundsByKey.get(request.idempotencyKey);
    const done = (refundId: string): ProviderRefund => ({
      refundId,
      status: 'succeeded',
      amountCents: request.amountCents,
      failureReason: null,
    });
    if (existing) return done(existing);
    const refundId = `re_test_${++this.sequence}`;
    this.refunds.set(refundId, request);
    this.refundsByKey.set(request.idempotencyKey, refundId);
    return done(refundId);
  }

  async retrieveCheckoutSession(sessionId: string): Promise<ProviderCheckoutSession> {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no such session ${sessionId}`);
    return {
      id: session.id,
      orderId: session.request.orderId,
      paymentStatus: session.status === 'complete' ? 'paid' : 'unpaid',
      status: session.status,
      paymentIntentId: null,
      amountTotalCents: session.request.quantity * session.request.unitAmountCents,
      currency: session.request.currency,
    };
  }

  async *listCheckoutSessions(): AsyncIterable<ProviderCheckoutSession> {
    for (const id of [...this.sessions.keys()].reverse()) yield this.retrieveCheckoutSession(id);
  }

  private publicSession(id: string): CheckoutSession {
    const session = this.sessions.get(id)!;
    return { id: session.id, url: session.url, expiresAt: session.expiresAt };
  }
}
