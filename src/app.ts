import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DB } from './db/types.js';
import { type Clock, systemClock } from './lib/clock.js';
import { APP_VERSION } from './lib/version.js';
import type { JobQueue } from './jobs/job-queue.js';
import { InProcessJobQueue } from './jobs/in-process-queue.js';
import type { PaymentGateway } from './lib/payment-gateway.js';
import authPlugin from './plugins/auth.js';
import browserSession from './plugins/browser-session.js';
import errorHandler from './plugins/error-handler.js';
import openapi from './plugins/openapi.js';
import security from './plugins/security.js';
import webApp, { webStylesheets } from './plugins/web-app.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createAuthService, registerAuthJobs } from './modules/auth/auth.service.js';
import {
  createLoginThrottle,
  DEFAULT_THROTTLE,
  type ThrottleLimits,
} from './modules/auth/login-throttle.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { invitationsRoutes } from './modules/invitations/invitations.routes.js';
import { createInvitationsService } from './modules/invitations/invitations.service.js';
import { organisationsRoutes } from './modules/organisations/organisations.routes.js';
import { createOrganisationsService } from './modules/organisations/organisations.service.js';
import { catalogueRoutes } from './modules/projects/catalogue.routes.js';
import { createCatalogueService } from './modules/projects/catalogue.service.js';
import { registerOrderJobs } from './modules/orders/order-jobs.js';
import { ordersRoutes } from './modules/orders/orders.routes.js';
import { createOrdersService } from './modules/orders/orders.service.js';
import { createProposalService } from './modules/orders/proposal.service.js';
import { purchasesRoutes } from './modules/orders/purchases.routes.js';
import { createPurchasesService } from './modules/orders/purchases.service.js';
import { projectsRoutes } from './modules/projects/projects.routes.js';
import { createProjectsService } from './modules/projects/projects.service.js';
import { reviewsRoutes } from './modules/reviews/reviews.routes.js';
import { createReviewsService } from './modules/reviews/reviews.service.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { createUsersService } from './modules/users/users.service.js';
import { stripeWebhookRoutes } from './modules/payments/stripe-webhook.routes.js';
import { bankingRoutes } from './modules/banking/banking.routes.js';
import { createBankingService } from './modules/banking/banking.service.js';
import { createStripeWebhookService } from './modules/payments/stripe-webhook.service.js';
import { registerPaymentJobs } from './modules/payments/reconciliation.js';
import { certificatesRoutes } from './modules/certificates/certificates.routes.js';
import { registerDocumentJobs } from './modules/certificates/document-jobs.js';
import { createCertificatesService } from './modules/certificates/certificates.service.js';
import {
  type CertificateSigner,
  createCertificateSigner,
  loadSigningKeys,
} from './modules/certificates/signing.js';
import { verificationRoutes } from './modules/certificates/verification.routes.js';
import { VerificationCache } from './modules/certificates/verification-cache.js';
import type { Notifications } from './db/notifications.js';
import { ActorCache } from './modules/users/actor-cache.js';
import { outcomesRoutes } from './modules/outcomes/outcomes.routes.js';
import { registerReportDueJob } from './modules/outcomes/report-due.js';
import { createOutcomesService } from './modules/outcomes/outcomes.service.js';
import { registerReportJobs } from './modules/reports/report-jobs.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { createReportsService } from './modules/reports/reports.service.js';
import { createMailService, registerMailJobs } from './modules/mail/mail.service.js';
import {
  type MailTransport,
  OutboxTransport,
  SmtpTransport,
} from './modules/mail/mail.transport.js';
import { outboxRoutes } from './modules/mail/outbox.routes.js';
import { createClaimsService } from './modules/obligations/claims.service.js';
import { createContractsService } from './modules/obligations/contracts.service.js';
import { obligationsRoutes } from './modules/obligations/obligations.routes.js';
import { registerFundingJobs } from './modules/funding/funding-jobs.js';
import { fundingRoutes } from './modules/funding/funding.routes.js';
import { createFundingService } from './modules/funding/funding.service.js';
import { createEventDispatcher } from './modules/events/dispatcher.js';
import type { HostResolver } from './modules/webhooks/safe-target.js';
import { createObjectRenderer } from './modules/webhooks/webhook-objects.js';
import { registerWebhookJobs } from './modules/webhooks/webhook-jobs.js';
import { webhooksRoutes } from './modules/webhooks/webhooks.routes.js';
import { createWebhooksService } from './modules/webhooks/webhooks.service.js';
import { createSecretBox } from './modules/webhooks/secret-box.js';
import { createNotificationSubscriber } from './modules/notifications/notifications.subscriber.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import type { Documents } from './modules/certificates/documents.js';

/** Everything from outside the process comes in here, so tests can substitute any of it. */
export interface AppDeps {
  config: Config;
  db: Kysely<DB>;
  clock?: Clock;
  loginThrottle?: ThrottleLimits;
  /** Fastify logger options; tests pass a stream to capture the log. */
  logger?: FastifyServerOptions['logger'];
  /** Background jobs; defaults to an in-process queue that runs only when drained (tests). */
  jobs?: JobQueue;
  /** Card/iDEAL payments (Stripe); absent when Stripe is not configured: invoice only. */
  payments?: PaymentGateway;
  /** Signs certificate JWS; defaults to the keys from configuration. */
  signer?: CertificateSigner;
  /**
   * Where e-mail goes; by default the SMTP server of SMTP_URL, else (outside production)
   * .eml files in DATA_DIR/outbox; none with MAIL_DISABLED.
   */
  mailTransport?: MailTransport;
  /**
   * The database's change notifications. With them, verification answers and signed-in
   * users' checks are cached in memory and forgotten when the database says they changed;
   * without them (most tests), every request reads the database.
   */
  notifications?: Notifications;
  /** The verification cache to use with `notifications` (tests pass one to watch it). */
  verificationCache?: VerificationCache;
  /** The signed-in users' cache to use with `notifications` (tests pass one to watch it). */
  actorCache?: ActorCache;
  /** Resolves webhook targets' host names; defaults to the system's DNS (tests play DNS). */
  webhookResolver?: HostResolver;
}

/** Paths that are redacted from every log line: credentials and signatures never reach the logs. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["stripe-signature"]',
  'res.headers["set-cookie"]',
  // `*.x` matches one level down only: the top-level keys need paths of their own.
  'password',
  'token',
  'refreshToken',
  'accessToken',
  'secret',
  '*.password',
  '*.token',
  '*.refreshToken',
  '*.accessToken',
  '*.secret',
];

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return { level, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' } };
}

/** Builds the application as a plugin tree. It never listens: server.ts does, tests inject. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const clock = deps.clock ?? systemClock;
  const jobs = deps.jobs ?? new InProcessJobQueue({ autoRun: false });

  const app = Fastify({
    logger: deps.logger ?? loggerOptions(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    // Stop new connections promptly on close while in-flight requests finish.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Caches that forget what the database notifies as changed: only with its notifications.
  const listeners: (() => Promise<void>)[] = [];
  app.addHook('onClose', async () => {
    for (const stop of listeners) await stop();
  });
  const actorCache =
    deps.notifications && config.actorCacheSize > 0
      ? (deps.actorCache ?? new ActorCache({ maxEntries: config.actorCacheSize }))
      : undefined;
  if (actorCache && deps.notifications) listeners.push(await actorCache.listen(deps.notifications));

  const mailTransport: MailTransport | undefined =
    deps.mailTransport ??
    (config.mail.disabled
      ? undefined
      : config.mail.smtpUrl
        ? new SmtpTransport(config.mail.smtpUrl)
        : new OutboxTransport(config.mail.outboxDir));
  app.addHook('onClose', async () => mailTransport?.close?.());
  // The invoice an order-placed e-mail carries is rendered at send time by the certificates
  // module's documents, which are built further down.
  const late: { documents?: Documents } = {};
  const mail = createMailService({
    renderAttachment: async (ref, lang) => {
      const invoice =
        ref.kind === 'invoice'
          ? await late.documents?.currentInvoicePdf(ref.orderId, lang)
          : await late.documents?.currentPurchaseInvoicePdf(ref.purchaseId, lang);
      return invoice
        ? { filename: invoice.filename, contentType: 'application/pdf', content: invoice.bytes }
        : undefined;
    },
    db,
    clock,
    jobs,
    transport: mailTransport,
    from: config.mail.from,
    publicUrl: config.publicUrl,
    log: app.log,
  });
  await registerMailJobs(jobs, mail);

  const users = createUsersService({ db, clock, actorCache });
  const organisations = createOrganisationsService({ db, clock });
  const invitations = createInvitationsService({
    db,
    clock,
    publicUrl: config.publicUrl,
    mail,
  });
  const audit = createAuditService(db);

  await app.register(errorHandler);
  await app.register(security, { corsOrigins: config.corsOrigins, redis: config.redis });
  await app.register(browserSession, {
    publicUrl: config.publicUrl,
    development: config.nodeEnv === 'development',
    refreshTokenTtlSeconds: config.jwt.refreshTokenTtlDays * 86_400,
  });
  await app.register(openapi, { version: APP_VERSION });
  await app.register(authPlugin, {
    secret: config.jwt.secret,
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    accessTokenTtlSeconds: config.jwt.accessTokenTtlSeconds,
    loadActor: users.loadActor,
  });

  const auth = createAuthService({
    db,
    clock,
    throttle: createLoginThrottle(db, deps.loginThrottle ?? DEFAULT_THROTTLE),
    signAccessToken: (claims) => app.signAccessToken(claims),
    accessTokenTtlSeconds: config.jwt.accessTokenTtlSeconds,
    refreshTokenTtlDays: config.jwt.refreshTokenTtlDays,
    mail,
    jobs,
  });
  await registerAuthJobs(jobs, auth);

  await app.register(healthRoutes, { db });
  await app.register(authRoutes, { auth });
  await app.register(usersRoutes, { users });
  await app.register(organisationsRoutes, { organisations });
  await app.register(invitationsRoutes, { invitations, sessions: auth });
  await app.register(auditRoutes, { audit });
  const projects = createProjectsService({ db, clock });
  await app.register(projectsRoutes, { projects });
  await app.register(reviewsRoutes, { reviews: createReviewsService({ db, clock, config }) });
  const catalogue = createCatalogueService({ db, clock });
  await app.register(catalogueRoutes, { catalogue });
  await app.register(ordersRoutes, {
    orders: createOrdersService({
      db,
      clock,
      config,
      jobs,
      payments: deps.payments,
      log: app.log,
    }),
  });
  await app.register(purchasesRoutes, {
    purchases: createPurchasesService({
      db,
      clock,
      config,
      jobs,
      payments: deps.payments,
      log: app.log,
    }),
    proposals: createProposalService({ db, clock, config }),
  });
  await registerOrderJobs(jobs, { db, clock, payments: deps.payments });
  await app.register(fundingRoutes, {
    funding: createFundingService({ db, clock, jobs, payments: deps.payments }),
    clock,
  });
  await registerFundingJobs(jobs, { db, clock, payments: deps.payments });
  await app.register(bankingRoutes, {
    banking: createBankingService({ db, clock, jobs, log: app.log }),
  });
  if (deps.payments)
    await registerPaymentJobs(jobs, { db, clock, payments: deps.payments, log: app.log });
  await app.register(stripeWebhookRoutes, {
    // Without Stripe the route still exists (one API document for all) and answers 404.
    webhook: config.stripe
      ? createStripeWebhookService({
          db,
          clock,
          jobs,
          webhookSecrets: config.stripe.webhookSecrets,
          log: app.log,
        })
      : undefined,
  });
  const verificationCache =
    deps.notifications && config.verifyCacheSize > 0
      ? (deps.verificationCache ?? new VerificationCache({ maxEntries: config.verifyCacheSize }))
      : undefined;
  if (verificationCache && deps.notifications)
    listeners.push(await verificationCache.listen(deps.notifications));
  const certificates = createCertificatesService({
    db,
    clock,
    config,
    signer: deps.signer ?? createCertificateSigner(loadSigningKeys(config), config.publicUrl),
    verificationCache,
  });
  late.documents = certificates.documents;
  await registerDocumentJobs(jobs, { db, clock, documents: certificates.documents });
  await app.register(certificatesRoutes, { certificates });
  await app.register(verificationRoutes, {
    certificates,
    rateLimitPerMinute: config.verifyRateLimitPerMinute,
    // The page for people takes the app's look from the app's own stylesheets.
    stylesheets: webStylesheets(config.webDistDir),
  });
  const disclosureThreshold = config.disclosureThreshold;
  const outcomes = createOutcomesService({ db, clock, disclosureThreshold, jobs });
  await app.register(reportsRoutes, {
    reports: createReportsService({ db, clock, disclosureThreshold }),
  });
  await app.register(outcomesRoutes, { outcomes });
  await registerReportJobs(jobs, { db, clock, disclosureThreshold });
  await registerReportDueJob(jobs, { db, clock });
  const contracts = createContractsService({
    db,
    clock,
    mail,
    publicUrl: config.publicUrl,
  });
  const claims = createClaimsService({ db, clock, publicUrl: config.publicUrl });
  await app.register(obligationsRoutes, { contracts, claims, clock });

  // Domain events reach their subscribers through one dispatcher; e-mail subscribes beside webhooks.
  const webhooks = createWebhooksService({
    db,
    clock,
    publicUrl: config.publicUrl,
    policy: {
      allowHttp: config.webhooks.allowHttp,
      allowPrivate: config.webhooks.allowPrivateTargets,
    },
    resolve: deps.webhookResolver,
    rotationOverlapSeconds: config.webhooks.secretOverlapSeconds,
    secretBox: createSecretBox(config.webhooks.secretKey, config.webhooks.previousSecretKeys),
    render: createObjectRenderer({
      publicUrl: config.publicUrl,
      certificates,
      claims,
      contracts,
      catalogue,
      outcomes,
    }),
  });
  const notifications = createNotificationSubscriber({ mail });
  const dispatcher = createEventDispatcher({
    db,
    clock,
    subscribers: [webhooks.subscriber, notifications.subscriber],
  });
  await registerWebhookJobs(jobs, { dispatcher, webhooks, afterDispatch: notifications.flush });
  await app.register(webhooksRoutes, { webhooks });
  await app.register(notificationsRoutes, {
    notifications: createNotificationsService({ db, clock }),
  });
  // The outbox page exists only where the outbox does: development without SMTP_URL.
  if (config.nodeEnv !== 'production' && mailTransport instanceof OutboxTransport)
    await app.register(outboxRoutes, { directory: mailTransport.directory });
  // Last: the app's catch-all GET must not shadow any API route.
  await app.register(webApp, { distDir: config.webDistDir });

  return app;
}
