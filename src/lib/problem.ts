import { z } from 'zod';
import { type ErrorCode, errorCatalogue } from './error-catalogue.js';

/** RFC 9457 problem details, as every error response of this API is shaped. */
export const ProblemSchema = z
  .object({
    type: z.string().describe('A URI reference identifying the problem type'),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable, machine-readable error code, e.g. AUTH.INVALID_CREDENTIALS'),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('The failing fields, for VALIDATION.FAILED'),
    retryAfter: z.number().int().optional(),
    available: z.number().int().optional(),
    remainingCapCents: z
      .number()
      .int()
      .optional()
      .describe('CLAIM.CREDIT_SHARE_CAP: how much credits may still fill'),
    countedCents: z
      .number()
      .int()
      .optional()
      .describe('CONTRACT.OBLIGATION_BELOW_COUNTED: what approved claims count toward it'),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof ProblemSchema>;

const PROBLEM_CONTENT = { 'application/problem+json': { schema: ProblemSchema } };

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed or fails validation',
  401: 'Missing, invalid or expired credentials',
  403: 'The caller may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'The request conflicts with the current state',
  410: 'The resource existed but is no longer available',
  413: 'The request body is too large',
  415: 'The body is not of a media type this endpoint accepts',
  422: 'The request is well-formed but cannot be processed',
  429: 'Too many requests; see Retry-After',
  500: 'Unexpected error; quote the requestId when reporting it',
  502: 'An upstream service (the payment provider) failed or could not be reached',
  503: 'The service or its database is unavailable',
};

/**
 * Problem responses for a route's schema. 400 and 500 are on every route; list the
 * others the route can answer, as statuses or as the codes the route refuses with
 * (`problemResponses(404, 'ORDER.INSUFFICIENT_CREDITS')`): each code is listed with its
 * meaning from the catalogue under its status, so descriptions need not repeat them.
 */
export function problemResponses(...documented: (number | ErrorCode)[]) {
  const statuses = new Set<number>([400, 500]);
  const codesByStatus = new Map<number, ErrorCode[]>();
  for (const item of documented) {
    if (typeof item === 'number') {
      statuses.add(item);
      continue;
    }
    const { status } = errorCatalogue[item];
    statuses.add(status);
    const codes = codesByStatus.get(status) ?? [];
    if (!codes.includes(item)) codesByStatus.set(status, [...codes, item]);
  }
  return Object.fromEntries(
    [...statuses].sort().map((status) => [
      status,
      {
        description: describeStatus(status, codesByStatus.get(status)),
        content: PROBLEM_CONTENT,
      },
    ]),
  );
}

function describeStatus(status: number, codes: readonly ErrorCode[] = []): string {
  const general = DESCRIPTIONS[status] ?? 'Error';
  if (codes.length === 0) return general;
  const list = codes.map((code) => `- \`${code}\`: ${errorCatalogue[code].meaning}`);
  return [`${general}:`, '', ...list].join('\n');
}

/** The responses every authenticated route can give besides its own. */
export const AUTHENTICATED_PROBLEMS = [401, 403, 429] as const;
