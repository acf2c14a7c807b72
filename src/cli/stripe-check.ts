import { loadConfig } from '../config.js';
import { createStripeClient } from '../modules/payments/stripe-gateway.js';
import {
  checkStripeWebhookEndpoints,
  formatStripeCheck,
} from '../modules/payments/stripe-check.js';

/**
 * `npm run stripe:check`: does the Stripe account send this platform's webhook what it needs?
 * Reads the configuration from the environment (STRIPE_SECRET_KEY, PUBLIC_URL); exits 0 when
 * an enabled endpoint points at PUBLIC_URL's webhook with every needed event type and the
 * pinned API version, 1 when not, 2 when it cannot tell (Stripe not configured or not reachable).
 */
async function main(): Promise<number> {
  const config = loadConfig();
  if (!config.stripe) {
    process.stderr.write('Stripe is not configured (STRIPE_SECRET_KEY): nothing to check.\n');
    return 2;
  }
  const stripe = createStripeClient(config.stripe, { maxNetworkRetries: 1 });
  try {
    const report = await checkStripeWebhookEndpoints(stripe, config.publicUrl);
    process.stdout.write(`${formatStripeCheck(report)}\n`);
    return report.ok ? 0 : 1;
  } catch (error) {
    process.stderr.write(
      `Could not list the webhook endpoints: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
}

process.exitCode = await main();
