import { z } from 'zod';
import { boundedDateTime } from '../../lib/dates.js';
import { PageQuerySchema, pageSchema } from '../../lib/pagination.js';

export const AuditEventSchema = z
  .object({
    id: z.string().describe('Monotonic event number'),
    occurredAt: z.iso.datetime(),
    actorUserId: z.uuid().nullable(),
    actorOrganisationId: z.uuid().nullable(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    summary: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });

export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditQuerySchema = PageQuerySchema.extend({
  actorUserId: z.uuid().optional(),
  organisationId: z.uuid().optional().describe("The acting user's organisation"),
  action: z.string().max(100).optional(),
  subjectType: z.string().max(100).optional(),
  subjectId: z.string().max(100).optional(),
  from: boundedDateTime().optional().describe('Inclusive lower bound on occurredAt'),
  to: boundedDateTime().optional().describe('Exclusive upper bound on occurredAt'),
});

export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = pageSchema(AuditEventSchema).meta({ id: 'AuditEventPage' });
