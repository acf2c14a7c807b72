import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { isConnectionLost } from '../../src/db/connection-lost.js';
import { type Database, openPostgres } from '../../src/db/database.js';
import { testConfig } from '../helpers/app.js';

/**
 * A request whose database connection is lost or refused is a passing fault: 503 with
 * Retry-After, which tells a client to repeat it (with its Idempotency-Key), not a 500
 * that says something is broken. test/faults/database-cuts.faults.ts cuts connections
 * under load; here the database is simply not there.
 */
describe('a request when the database cannot be reached', () => {
  let app: FastifyInstance;
  let database: Database;

  beforeAll(async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    database = openPostgres(`postgres://postgres@127.0.0.1:${port}/nowhere`, { max: 2 });
    app = await buildApp({ config: testConfig(), db: database.db, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers 503 SERVICE.UNAVAILABLE with Retry-After, not 500', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/projects' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json()).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE' });
  });

  it('says the instance is not ready', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'SERVICE.DATABASE_UNAVAILABLE' });
  });
});

describe('isConnectionLost', () => {
  it('knows lost and refused connections from other errors', () => {
    expect(isConnectionLost(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error('read'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false);
    expect(isConnectionLost(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isConnectionLost(undefined)).toBe(false);
  });
});
