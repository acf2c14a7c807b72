const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether untrusted text (a cursor value, a Stripe metadata field) is a uuid, before it reaches a query. */
export const isUuid = (value: string): boolean => UUID.test(value);
