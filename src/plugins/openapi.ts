import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { openapiConventions } from './openapi-conventions.js';

export interface OpenApiOptions {
  version: string;
}

export const OPENAPI_TAGS = [
  { name: 'auth', description: 'Sign-in and tokens' },
  { name: 'organisations', description: 'Platform, initiatives, suppliers and authorities' },
  { name: 'users', description: 'Users, roles and invitations' },
  { name: 'plans', description: 'Project plans of social initiatives, before and during review' },
  {
    name: 'reviews',
    description:
      'Expert panel: assignment, declarations, blind scoring, consensus, award and listing',
  },
  { name: 'projects', description: 'The public catalogue of listed projects' },
  {
    name: 'orders',
    description: 'Buying credits: orders, reservations, invoice payment, cancellation and refunds',
  },
  { name: 'certificates', description: 'A supplier’s certificates: PDF, signed data (JWS)' },
  {
    name: 'verification',
    description:
      'Public verification of certificates: by code, uploaded PDF or JWS; the signing keys (JWKS)',
  },
  { name: 'payments', description: 'Stripe events (webhook) and payment reconciliation' },
  {
    name: 'bank statements',
    description:
      'The bank’s CAMT.053 statements: invoice payments and payouts matched, and the exceptions queue',
  },
  { name: 'audit', description: 'The append-only audit trail' },
  {
    name: 'webhooks',
    description:
      'Signed webhooks (Standard Webhooks) for monitoring systems: endpoints, their secrets and delivery log',
  },
  { name: 'health', description: 'Liveness and readiness probes' },
];

interface RequestBody {
  required?: boolean;
  content?: Record<string, { schema?: { anyOf?: Record<string, unknown>[] } }>;
}

type OpenApiDocument = Record<string, unknown> & {
  paths?: Record<
    string,
    Record<
      string,
      { responses?: Record<string, { description?: string }>; requestBody?: RequestBody }
    >
  >;
  components?: { schemas?: Record<string, unknown> };
};

const SUCCESS_DESCRIPTIONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No Content',
};

/**
 * A body schema that may be absent (`Schema.nullish()`: Fastify reads no body as null)
 * comes out as `anyOf: [Schema, null]` on a required body; say instead that the body is
 * optional and, when sent, is Schema.
 */
function markOptionalBody(body: RequestBody | undefined): void {
  for (const media of Object.values(body?.content ?? {})) {
    const variants = media.schema?.anyOf;
    if (!variants || variants.length !== 2) continue;
    const rest = variants.filter((variant) => variant['type'] !== 'null');
    if (rest.length !== 1) continue;
    media.schema = rest[0]!;
    body!.required = false;
  }
}

/**
 * The zod provider registers every named schema twice (as input and as output); keep
 * only the components a path actually references, and name the success responses.
 */
function tidyDocument(document: OpenApiDocument): OpenApiDocument {
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      markOptionalBody(operation.requestBody);
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (response.description === 'Default Response')
          response.description = SUCCESS_DESCRIPTIONS[status] ?? 'Response';
      }
    }
  }
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  const referenced = new Set<string>();
  const pending = [JSON.stringify(document.paths ?? {})];
  while (pending.length > 0) {
    for (const match of pending.pop()!.matchAll(/#\/components\/schemas\/([A-Za-z0-9_.-]+)/g)) {
      const name = match[1]!;
      if (!referenced.has(name) && schemas[name] !== undefined) {
        referenced.add(name);
        pending.push(JSON.stringify(schemas[name]));
      }
    }
  }
  document.components!.schemas = Object.fromEntries(
    Object.entries(schemas)
      .filter(([name]) => referenced.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return document;
}

/**
 * The OpenAPI 3.1 document is generated from the route schemas (zod), served at
 * /openapi.json with Swagger UI at /docs, and checked in as openapi/openapi.json.
 */
export default fp<OpenApiOptions>(
  async function openapi(app: FastifyInstance, options) {
    // Before any route is added: the conventions are applied to each route as it is registered.
    const applyConventions = openapiConventions(app);
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Impactbeurs API',
          version: options.version,
          description:
            'Marketplace for social-impact credits: initiatives submit plans, an expert panel awards credits, suppliers buy them toward social-return obligations, authorities verify and approve. Errors are RFC 9457 problem+json with a stable `code`.',
          license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
          contact: { name: 'Impactbeurs', url: 'https://github.com/impactbeurs/impactbeurs' },
        },
        // Relative, so the checked-in document is the same for every deployment.
        servers: [{ url: '/', description: 'This instance' }],
        tags: OPENAPI_TAGS,
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          },
        },
        security: [{ bearerAuth: [] }],
      },
      transform: jsonSchemaTransform,
      transformObject: (document) =>
        applyConventions(tidyDocument(jsonSchemaTransformObject(document) as OpenApiDocument)),
    });

    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
