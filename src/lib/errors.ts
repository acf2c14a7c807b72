import type { CodeWithStatus, ErrorCode, ErrorStatus } from './error-catalogue.js';

export type { CodeWithStatus, ErrorCode, ErrorStatus } from './error-catalogue.js';

/**
 * The one error model. Services throw an AppError with a stable `code`; the error
 * handler turns it into RFC 9457 problem+json with the status it carries. Clients
 * program against `code`, never against `title` or `detail`. The code must be in
 * error-catalogue.ts with this very status, or the throw does not compile.
 */
export class AppError<S extends ErrorStatus = ErrorStatus> extends Error {
  override name = 'AppError';
  // Not typed with S: an AppError<409> must still be an AppError, whatever its status.
  readonly status: ErrorStatus;
  readonly code: ErrorCode;

  constructor(
    status: S,
    code: CodeWithStatus<S>,
    message: string,
    /** Extra members for the problem document (e.g. `available`); must not hold secrets. */
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const badRequest = (
  code: CodeWithStatus<400>,
  message: string,
  extensions?: Record<string, unknown>,
) => new AppError(400, code, message, extensions);
export const unauthorized = (code: CodeWithStatus<401>, message: string) =>
  new AppError(401, code, message);
export const forbidden = (code: CodeWithStatus<403>, message: string) =>
  new AppError(403, code, message);
/** Also the answer for another organisation's objects: their existence is not disclosed. */
export const notFound = (what: string) =>
  new AppError(404, 'RESOURCE.NOT_FOUND', `${what} not found`);
export const conflict = (
  code: CodeWithStatus<409>,
  message: string,
  extensions?: Record<string, unknown>,
) => new AppError(409, code, message, extensions);
export const unprocessable = (
  code: CodeWithStatus<422>,
  message: string,
  extensions?: Record<string, unknown>,
) => new AppError(422, code, message, extensions);
export const tooManyRequests = (
  code: CodeWithStatus<429>,
  message: string,
  retryAfterSeconds: number,
) =>
  new AppError(
    429,
    code,
    message,
    { retryAfter: retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );

/** PostgreSQL unique_violation, for turning a lost race on a unique key into a 409. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string } | undefined;
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
