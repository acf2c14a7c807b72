import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { isConnectionLost } from '../db/connection-lost.js';
import { AppError, type CodeWithStatus, type ErrorCode, type ErrorStatus } from '../lib/errors.js';
import type { Problem } from '../lib/problem.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Fastify's own client errors, by their error code, mapped to this API's stable codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'REQUEST.BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'REQUEST.MALFORMED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'REQUEST.MALFORMED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'REQUEST.MALFORMED',
  FST_JWT_NO_AUTHORIZATION_IN_HEADER: 'AUTH.REQUIRED',
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: 'AUTH.TOKEN_EXPIRED',
  FST_JWT_AUTHORIZATION_TOKEN_INVALID: 'AUTH.INVALID_TOKEN',
  FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED: 'AUTH.INVALID_TOKEN',
  FST_JWT_BAD_REQUEST: 'AUTH.INVALID_TOKEN',
  FST_JWT_BAD_COOKIE_REQUEST: 'AUTH.INVALID_TOKEN',
};

/** A problem document; the code must be catalogued with this status. */
export function problem<S extends ErrorStatus>(
  status: S,
  code: CodeWithStatus<S>,
  detail: string | undefined,
  request: FastifyRequest,
): Problem {
  return {
    type: `https://impactbeurs.nl/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
    instance: request.url.split('?')[0],
    requestId: request.id,
  };
}

/** Seconds a client should wait before retrying a 503 (the service is starting, stopping or lost its database). */
const RETRY_UNAVAILABLE_SECONDS = 5;

function sendProblem(reply: FastifyReply, body: Problem, headers: Record<string, string> = {}) {
  if (body.status === 503 && headers['retry-after'] === undefined)
    headers = { ...headers, 'retry-after': String(RETRY_UNAVAILABLE_SECONDS) };
  return reply.code(body.status).headers(headers).type('application/problem+json').send(body);
}

/**
 * The one place errors become HTTP: RFC 9457 problem+json with a stable `code`.
 * Server errors are logged in full and answered with the request id only.
 */
export default fp(
  async function errorHandler(app: FastifyInstance) {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const body = problem(
          400,
          'VALIDATION.FAILED',
          'The request did not pass validation',
          request,
        );
        body.errors = error.validation.map((issue) => ({
          path: `${error.validationContext ?? 'request'}${issue.instancePath.replace(/\//g, '.')}`,
          message: issue.message ?? 'is invalid',
        }));
        return sendProblem(reply, body);
      }

      if (error instanceof AppError) {
        const body = {
          ...problem(error.status, error.code, error.message, request),
          ...error.extensions,
        };
        return sendProblem(reply, body, error.headers);
      }

      // PostgreSQL cannot store a NUL character in text; that is bad input, not a server fault.
      if ((error as { code?: string }).code === '22021') {
        return sendProblem(
          reply,
          problem(
            400,
            'VALIDATION.INVALID_CHARACTERS',
            'The request contains characters that cannot be stored (such as NUL)',
            request,
          ),
        );
      }

      const status = error.statusCode ?? 500;
      if (status === 429) {
        const retryAfter = Number(reply.getHeader('retry-after')) || 60;
        const body = problem(
          429,
          'RATE_LIMIT.EXCEEDED',
          'Too many requests; try again later',
          request,
        );
        body.retryAfter = retryAfter;
        return sendProblem(reply, body, { 'retry-after': String(retryAfter) });
      }
      if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
        const code: ErrorCode =
          FASTIFY_CODES[error.code] ?? (status === 401 ? 'AUTH.INVALID_TOKEN' : 'REQUEST.INVALID');
        const detail = code.startsWith('AUTH.')
          ? 'Missing, invalid or expired access token'
          : error.message;
        // Fastify's status is passed on as it is. It is the catalogued one except for
        // FST_JWT_BAD_REQUEST: AUTH.INVALID_TOKEN with 400, as the catalogue's meaning says.
        return sendProblem(reply, problem(status as ErrorStatus, code, detail, request));
      }

      request.log.error({ err: error }, 'request failed');
      // A lost database connection is a passing fault: say so, and when to try again.
      const serviceDown = status === 503 || isConnectionLost(error);
      return sendProblem(
        reply,
        problem(
          serviceDown ? 503 : 500,
          serviceDown ? 'SERVICE.UNAVAILABLE' : 'INTERNAL.ERROR',
          `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
          request,
        ),
        serviceDown ? { 'retry-after': '1' } : {},
      );
    });

    app.setNotFoundHandler((request, reply) =>
      sendProblem(
        reply,
        problem(
          404,
          'ROUTE.NOT_FOUND',
          `No route for ${request.method} ${request.url.split('?')[0]}`,
          request,
        ),
      ),
    );
  },
  { name: 'error-handler' },
);
