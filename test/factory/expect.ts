import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ErrorCode } from '../../src/lib/error-catalogue.js';

/** The response has this status; the body is shown when it has not. */
export function expectStatus(response: LightMyRequestResponse, status: number): void {
  expect(response.statusCode, response.body).toBe(status);
}

/** An RFC 9457 problem with this status and catalogue code. */
export function expectProblem(
  response: LightMyRequestResponse,
  status: number,
  code: ErrorCode,
): void {
  expectStatus(response, status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}
