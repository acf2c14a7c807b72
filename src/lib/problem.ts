import { z } from 'zod';

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
 * others the route can answer.
 */
export function problemResponses(...statuses: number[]) {
  const all = [...new Set([400, 500, ...statuses])].sort();
  return Object.fromEntries(
    all.map((status) => [
      status,
      { description: DESCRIPTIONS[status] ?? 'Error', content: PROBLEM_CONTENT },
    ]),
  );
}

/** The responses every authenticated route can give besides its own. */
export const AUTHENTICATED_PROBLEMS = [401, 403, 429] as const;
