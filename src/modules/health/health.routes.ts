import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DB } from '../../db/types.js';
import { isReachable } from '../../db/database.js';
import { problemResponses } from '../../lib/problem.js';
import { AppError } from '../../lib/errors.js';

const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

export const healthRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/health/live',
    {
      schema: {
        operationId: 'live',
        tags: ['health'],
        summary: 'The process is up',
        security: [],
        response: { 200: HealthSchema, ...problemResponses() },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        operationId: 'ready',
        tags: ['health'],
        summary: 'The process can serve requests: its database answers',
        security: [],
        response: { 200: HealthSchema, ...problemResponses('SERVICE.DATABASE_UNAVAILABLE') },
      },
    },
    async () => {
      if (!(await isReachable(db)))
        throw new AppError(503, 'SERVICE.DATABASE_UNAVAILABLE', 'The database does not answer');
      return { status: 'ok' as const };
    },
  );
};
