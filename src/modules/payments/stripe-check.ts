import type Stripe from 'stripe';
import { STRIPE_API_VERSION } from './stripe-gateway.js';
import { STRIPE_WEBHOOK_EVENTS } from './stripe-webhook.service.js';

/** The path Stripe must deliver events to (stripe-webhook.routes.ts). */
export const STRIPE_WEBHOOK_PATH = '/v1/stripe/webhook';

export interface EndpointFinding {
  id: string;
  url: string;
  status: string;
  apiVersion: string | null;
  /** What keeps this endpoint from being the platform's (empty when it is). */
  problems: string[];
}

export interface StripeCheckReport {
  ok: boolean;
  expectedUrl: string;
  expectedApiVersion: string;
  neededEvents: readonly string[];
  /** The account's endpoints that point at this platform's webhook URL. */
  matching: EndpointFinding[];
  /** How many endpoints the account has in all. */
  total: number;
}

/**
 * Lists the account's webhook endpoints and says whether one points at
 * `${publicUrl}/v1/stripe/webhook`, is enabled, sends every event type the webhook acts on
 * (STRIPE_WEBHOOK_EVENTS, or `*`) and renders them in the API version the SDK pins (events
 * of another version are refused with 400: see the webhook).
 */
export async function checkStripeWebhookEndpoints(
  stripe: Stripe,
  publicUrl: string,
): Promise<StripeCheckReport> {
  const expectedUrl = `${publicUrl.replace(/\/+$/, '')}${STRIPE_WEBHOOK_PATH}`;
  const matching: EndpointFinding[] = [];
  let total = 0;
  for await (const endpoint of stripe.webhookEndpoints.list({ limit: 100 })) {
    total++;
    if (endpoint.url.replace(/\/+$/, '') !== expectedUrl) continue;
    const problems: string[] = [];
    if (endpoint.status !== 'enabled') problems.push(`status is ${endpoint.status}`);
    const enabled = new Set(endpoint.enabled_events);
    if (!enabled.has('*')) {
      const missing = STRIPE_WEBHOOK_EVENTS.filter((type) => !enabled.has(type));
      if (missing.length > 0) problems.push(`missing events: ${missing.join(', ')}`);
    }
    if (endpoint.api_version !== STRIPE_API_VERSION)
      problems.push(
        `API version ${endpoint.api_version ?? '(the account default)'}, not ${STRIPE_API_VERSION}`,
      );
    matching.push({
      id: endpoint.id,
      url: endpoint.url,
      status: endpoint.status,
      apiVersion: endpoint.api_version ?? null,
      problems,
    });
  }
  return {
    ok: matching.some((endpoint) => endpoint.problems.length === 0),
    expectedUrl,
    expectedApiVersion: STRIPE_API_VERSION,
    neededEvents: STRIPE_WEBHOOK_EVENTS,
    matching,
    total,
  };
}

/** The report as the command prints it. */
export function formatStripeCheck(report: StripeCheckReport): string {
  const lines = [
    `Webhook URL:  ${report.expectedUrl}`,
    `API version:  ${report.expectedApiVersion}`,
    `Events:       ${report.neededEvents.join(', ')}`,
    `Endpoints in the account: ${report.total}`,
  ];
  if (report.matching.length === 0)
    lines.push(
      `FAIL: no webhook endpoint points at ${report.expectedUrl}. Add one in the Stripe dashboard (Developers → Webhooks) with the events and API version above.`,
    );
  for (const endpoint of report.matching)
    lines.push(
      endpoint.problems.length === 0
        ? `OK:   ${endpoint.id} sends every needed event in ${endpoint.apiVersion}`
        : `FAIL: ${endpoint.id}: ${endpoint.problems.join('; ')}`,
    );
  lines.push(report.ok ? 'The webhook endpoint is set up.' : 'The webhook endpoint is NOT set up.');
  return lines.join('\n');
}
