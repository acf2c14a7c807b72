// Moved to test/factory (use TestContext: t.orders, t.newOrder, t.newPaidOrder); kept for files not yet migrated.
export * from '../factory/orders.js';
