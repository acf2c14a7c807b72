import { z } from 'zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether untrusted text (a cursor value, a Stripe metadata field) is a uuid, before it reaches a query. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** An order's route params: the orders routes and the order's documents (certificates module) share it. */
export const OrderIdParamsSchema = z.object({ id: z.uuid() });
/** A purchase over several projects: `/v1/purchases/{id}/…`. */
export const PurchaseIdParamsSchema = z.object({ id: z.uuid() });
