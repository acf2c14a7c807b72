import type { FastifyInstance, RouteOptions } from 'fastify';
import { z } from 'zod';
import { problemResponses } from '../lib/problem.js';

/**
 * The API's conventions (docs/api-contract.md), applied once to every route and to the
 * generated document rather than route by route:
 *
 * - every operation that reads a body documents 413 and 415 (Fastify answers them before a
 *   handler runs);
 * - a body whose fields are all optional may be left out: an action accepts no body and `{}`
 *   alike, and the document marks its body as optional;
 * - the response headers (request id, rate limits, Retry-After, idempotent replays, content
 *   digests) are components, referenced from every response that carries them;
 * - a rate-limited operation names its limit in its description.
 */

/** Response headers this API sends, by their canonical name. CORS exposes them all. */
export const RESPONSE_HEADERS = {
  'X-Request-Id': {
    description:
      'The id of this request, sent with every response; quote it when reporting a problem (5xx problems carry it as `requestId`).',
    schema: { type: 'string' },
  },
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer', minimum: 0 },
  },
  'X-RateLimit-Limit': {
    description: 'Requests allowed per client address in the current window.',
    schema: { type: 'integer', minimum: 0 },
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left for this client address in the current window.',
    schema: { type: 'integer', minimum: 0 },
  },
  'X-RateLimit-Reset': {
    description: 'Seconds until the current window ends.',
    schema: { type: 'integer', minimum: 0 },
  },
  'Idempotent-Replayed': {
    description:
      '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`; absent on the first answer.',
    schema: { type: 'string', enum: ['true'] },
  },
  'X-Content-SHA256': {
    description:
      'SHA-256 of the document’s bytes (lowercase hex), as recorded when it was rendered; POST /v1/verify/pdf recognises exactly these bytes.',
    schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
  Location: {
    description: 'Where the resource is: for a redirect, the address to follow.',
    schema: { type: 'string' },
  },
} as const;

export type ResponseHeaderName = keyof typeof RESPONSE_HEADERS;

/**
 * The header components. A reference cannot say `required` beside `$ref`, so a header that
 * is sent on some responses of a status only (Retry-After on a 409) has a component of its own.
 */
function headerComponents(): Record<string, Record<string, unknown>> {
  const always = Object.fromEntries(
    Object.entries(RESPONSE_HEADERS).map(([name, header]) => [
      name,
      { ...structuredClone(header), required: !OPTIONAL_HEADERS.has(name as ResponseHeaderName) },
    ]),
  );
  return {
    ...always,
    [RETRY_AFTER_IF_BUSY]: {
      ...structuredClone(RESPONSE_HEADERS['Retry-After']),
      description:
        'Sent with `IDEMPOTENCY.IN_PROGRESS`: seconds to wait before repeating the request with the same key.',
      required: false,
    },
  };
}

/** Headers that a response of their status may or may not carry. */
const OPTIONAL_HEADERS = new Set<ResponseHeaderName>(['Idempotent-Replayed']);
const RETRY_AFTER_IF_BUSY = 'Retry-After-If-In-Progress';

/** Lower-case names for CORS `Access-Control-Expose-Headers`. */
export const EXPOSED_HEADERS = Object.keys(RESPONSE_HEADERS).map((name) => name.toLowerCase());

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Headers a route sends on some of its responses besides the conventional ones. */
    responseHeaders?: Partial<Record<number, ResponseHeaderName[]>>;
  }
}

/** The body of an action that takes no input: nothing, or an empty object. */
export const EmptyBodySchema = z
  .strictObject({})
  .describe('No input: send no body, or an empty object')
  .meta({ id: 'EmptyBody' });

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

interface RateLimitConfig {
  max?: number;
  timeWindow?: string | number;
}

interface RouteFacts {
  rateLimit?: { max: number; window: string };
  responseHeaders: Partial<Record<number, ResponseHeaderName[]>>;
  optionalBody: boolean;
}

function methodsOf(route: RouteOptions): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
}

/** `/v1/plans/:id` as the document spells it, `/v1/plans/{id}`. */
function documentPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function windowText(timeWindow: string | number | undefined): string {
  if (typeof timeWindow === 'number') return `${timeWindow / 1000} seconds`;
  // '1 minute' reads as 'per minute'.
  return (timeWindow ?? '1 minute').replace(/^1 /, '');
}

function acceptsEmptyObject(schema: unknown): boolean {
  return schema instanceof z.ZodType && schema.safeParse({}).success;
}

type RouteSchema = {
  body?: unknown;
  hide?: boolean;
  description?: string;
  response?: Record<string | number, unknown>;
};

/**
 * Registers the route-level conventions (an `onRoute` hook, so it must be added before the
 * routes) and returns the function that applies them to the generated document.
 */
export function openapiConventions(app: FastifyInstance) {
  const facts = new Map<string, RouteFacts>();

  app.addHook('onRoute', (route) => {
    const schema = route.schema as RouteSchema | undefined;
    if (!schema || schema.hide) return;
    const methods = methodsOf(route);
    // Fastify adds a HEAD route beside each GET, sharing its schema: the GET has done the work.
    if (methods.every((method) => method === 'HEAD')) return;
    const config = route.config as
      { rateLimit?: RateLimitConfig; responseHeaders?: RouteFacts['responseHeaders'] } | undefined;
    let optionalBody = false;

    if (methods.some((method) => BODY_METHODS.has(method))) {
      // A route that declares its own 415 reads a body of its own kind (raw PDF, Stripe's
      // signed JSON); every other body is JSON, and an action without input takes `{}`.
      const ownMediaTypes = schema.response?.['415'] !== undefined;
      if (schema.body === undefined && !ownMediaTypes) schema.body = EmptyBodySchema;
      if (!ownMediaTypes && acceptsEmptyObject(schema.body)) {
        optionalBody = true;
        // No body at all (no Content-Type) reaches validation as undefined: read it as `{}`.
        const defaultBody = async (request: { body: unknown }) => {
          if (request.body === undefined) request.body = {};
        };
        route.preValidation = [
          ...(route.preValidation === undefined
            ? []
            : Array.isArray(route.preValidation)
              ? route.preValidation
              : [route.preValidation]),
          defaultBody,
        ];
      }
      schema.response = {
        ...problemResponses('REQUEST.BODY_TOO_LARGE', 'REQUEST.UNSUPPORTED_MEDIA_TYPE'),
        ...schema.response,
      };
    }

    let rateLimit: RouteFacts['rateLimit'];
    if (config?.rateLimit?.max !== undefined) {
      rateLimit = { max: config.rateLimit.max, window: windowText(config.rateLimit.timeWindow) };
      const note = `Rate limit: ${rateLimit.max} requests per ${rateLimit.window} per client address, counting every request (the \`X-RateLimit-*\` headers say how many are left); past it, 429 \`RATE_LIMIT.EXCEEDED\` with \`Retry-After\`.`;
      schema.description = schema.description ? `${schema.description}\n\n${note}` : note;
    }

    for (const method of methods) {
      facts.set(`${method.toLowerCase()} ${documentPath(route.url)}`, {
        rateLimit,
        responseHeaders: config?.responseHeaders ?? {},
        optionalBody,
      });
    }
  });

  return (document: OpenApiDocument): OpenApiDocument => applyConventions(document, facts);
}

interface HeaderRef {
  $ref: string;
}
interface DocumentResponse {
  description?: string;
  headers?: Record<string, HeaderRef | Record<string, unknown>>;
}
interface DocumentOperation {
  parameters?: { in?: string; name?: string }[];
  requestBody?: { required?: boolean };
  responses?: Record<string, DocumentResponse>;
}
export type OpenApiDocument = Record<string, unknown> & {
  paths?: Record<string, Record<string, DocumentOperation>>;
  components?: Record<string, unknown> & { schemas?: Record<string, unknown> };
};

const headerRef = (component: string): HeaderRef => ({ $ref: `#/components/headers/${component}` });

function applyConventions(
  document: OpenApiDocument,
  facts: Map<string, RouteFacts>,
): OpenApiDocument {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      const routeFacts = facts.get(`${method} ${path}`);
      if (operation.requestBody && routeFacts?.optionalBody) operation.requestBody.required = false;
      const idempotent = (operation.parameters ?? []).some(
        (parameter) =>
          parameter.in === 'header' && parameter.name?.toLowerCase() === 'idempotency-key',
      );
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        // [header name, component]
        const headers: [ResponseHeaderName, string][] = [['X-Request-Id', 'X-Request-Id']];
        if (routeFacts?.rateLimit)
          for (const name of [
            'X-RateLimit-Limit',
            'X-RateLimit-Remaining',
            'X-RateLimit-Reset',
          ] as const)
            headers.push([name, name]);
        if (status === '429' || status === '503') headers.push(['Retry-After', 'Retry-After']);
        // IDEMPOTENCY.IN_PROGRESS asks the client to come back after a second.
        if (status === '409' && idempotent) headers.push(['Retry-After', RETRY_AFTER_IF_BUSY]);
        if (/^2\d\d$/.test(status) && idempotent)
          headers.push(['Idempotent-Replayed', 'Idempotent-Replayed']);
        for (const name of routeFacts?.responseHeaders[Number(status)] ?? [])
          headers.push([name, name]);
        response.headers = {
          ...response.headers,
          ...Object.fromEntries(headers.map(([name, component]) => [name, headerRef(component)])),
        };
      }
    }
  }
  document.components = {
    ...document.components,
    headers: headerComponents(),
  };
  return document;
}
