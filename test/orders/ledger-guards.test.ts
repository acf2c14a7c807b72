import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/modules/settlement/invariants.js';
import {
  expectStatus,
  type OrderJson,
  type OrdersApi,
  type Person,
  TestContext,
} from '../factory/index.js';

/**
 * The database is the last line of defence (CONVENTIONS habit 6): even SQL that bypasses
 * the services cannot rewrite the ledgers or give one serial to two orders. And the
 * invariant check used after every scenario must itself catch a broken state.
 */
describe('ledger guards in the database', () => {
  let t: TestContext;
  let admin: Person;
  let supplier: Person;
  let otherSupplier: Person;
  let initiative: Person;
  let api: OrdersApi;
  let projectId: string;
  let paid: OrderJson;

  beforeAll(async () => {
    t = await TestContext.create();
    admin = await t.platformAdmin();
    supplier = await t.newSupplier();
    otherSupplier = await t.newSupplier();
    initiative = await t.newInitiative();
    api = t.orders;
    projectId = (await t.newListedProject({ credits: 20, initiative })).id;
    const order = await api.place(supplier.as, {
      projectId,
      quantity: 3,
      paymentMethod: 'invoice',
    });
    const response = await api.markPaid(admin.as, order.id, order.amountCents);
    expectStatus(response, 200);
    paid = response.json<OrderJson>();
  });
  afterAll(async () => t?.close());

  const ROLLBACK = new Error('rollback');
  /** The SQLSTATE a statement fails with, or undefined; either way it is rolled back. */
  async function failure(statement: ReturnType<typeof sql>): Promise<string | undefined> {
    try {
      await t.db.transaction().execute(async (trx) => {
        await statement.execute(trx);
        throw ROLLBACK;
      });
    } catch (error) {
      if (error === ROLLBACK) return undefined;
      return (error as { code?: string }).code;
    }
    return undefined;
  }

  it('refuses to update or delete money-ledger rows', async () => {
    expect(
      await failure(sql`UPDATE money_ledger SET amount_cents = 1 WHERE order_id = ${paid.id}`),
    ).toBe('23001');
    expect(await failure(sql`DELETE FROM money_ledger WHERE order_id = ${paid.id}`)).toBe('23001');
    expect(await failure(sql`TRUNCATE money_ledger CASCADE`)).toBe('23001');
    const rows = await t.db
      .selectFrom('money_ledger')
      .selectAll()
      .where('order_id', '=', paid.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.amount_cents)).toBe(paid.amountCents);
  });

  it('refuses to update or delete credit-ledger rows and allocations', async () => {
    expect(
      await failure(sql`UPDATE credit_ledger SET quantity = 1 WHERE reference_id = ${paid.id}`),
    ).toBe('23001');
    expect(await failure(sql`DELETE FROM credit_ledger WHERE reference_id = ${paid.id}`)).toBe(
      '23001',
    );
    expect(
      await failure(
        sql`UPDATE credit_allocations SET serial_end = serial_end + 1 WHERE order_id = ${paid.id}`,
      ),
    ).toBe('23001');
    expect(await failure(sql`DELETE FROM credit_allocations WHERE order_id = ${paid.id}`)).toBe(
      '23001',
    );
  });

  it('refuses a serial range that overlaps another order’s', async () => {
    const other = await api.place(otherSupplier.as, {
      projectId,
      quantity: 2,
      paymentMethod: 'invoice',
    });
    const { serialStart, serialEnd } = paid.certificate!;
    expect(
      await failure(
        sql`INSERT INTO credit_allocations (order_id, project_id, serial_start, serial_end) VALUES (${other.id}, ${projectId}, ${serialEnd}, ${serialEnd + 1})`,
      ),
    ).toBe('23P01');
    expect(
      await failure(
        sql`INSERT INTO credit_allocations (order_id, project_id, serial_start, serial_end) VALUES (${other.id}, ${projectId}, ${serialStart - 0}, ${serialStart})`,
      ),
    ).toBe('23P01');
    // A range that does not overlap is accepted by the constraint (the check is not blanket).
    expect(
      await failure(
        sql`INSERT INTO credit_allocations (order_id, project_id, serial_start, serial_end) VALUES (${other.id}, ${projectId}, ${serialEnd + 1000}, ${serialEnd + 1001})`,
      ),
    ).toBeUndefined();
  });

  it('refuses to oversell even to SQL that skips the service', async () => {
    expect(
      await failure(
        sql`INSERT INTO credit_ledger (project_id, entry_type, quantity, reference_type, reference_id) VALUES (${projectId}, 'reserve', 1000, 'order', gen_random_uuid())`,
      ),
    ).toBe('23514');
    expect(await api.credits(projectId)).toMatchObject({ supply: 20 });
  });

  it('has an invariant check that reports a broken state', async () => {
    expect(await checkInvariants(t.db)).toEqual([]);
    // The balance table is not append-only: break it inside a transaction and look.
    const violations = await t.db
      .transaction()
      .execute(async (trx) => {
        await sql`UPDATE project_credit_balances SET reserved = reserved + 1 WHERE project_id = ${projectId}`.execute(
          trx,
        );
        await sql`UPDATE certificates SET status = 'revoked' WHERE order_id = ${paid.id}`.execute(
          trx,
        );
        await sql`UPDATE orders SET status = 'refunded', refunded_at = now() WHERE id = ${paid.id}`.execute(
          trx,
        );
        const found = await checkInvariants(trx);
        throw Object.assign(new Error('rollback'), { found });
      })
      .catch((error: { found?: string[] }) => error.found ?? []);
    expect(violations.some((v) => v.startsWith(`credits: project ${projectId}`))).toBe(true);
    expect(violations.some((v) => v.startsWith(`money: order ${paid.id}`))).toBe(true);
    expect(await checkInvariants(t.db)).toEqual([]);
  });
});
