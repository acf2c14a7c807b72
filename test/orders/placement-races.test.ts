import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  expectStatus,
  type OrderJson,
  type OrdersApi,
  type Person,
  TestContext,
} from '../factory/index.js';

const onServer = !!process.env.TEST_DATABASE_URL;

/**
 * An order is placed by one statement that reads the buyer's open reservations and its
 * Idempotency-Keys after locking the buyer's row. These orders race one buyer against
 * itself, so a read from before the lock (a statement's own snapshot) would let the limits
 * and the keys slip; on the embedded database they queue and run one after another.
 */
describe('one buyer’s orders racing each other', () => {
  let t: TestContext;
  let initiative: Person;
  let api: OrdersApi;

  beforeAll(async () => {
    t = await TestContext.create({
      env: { MAX_OPEN_ORDERS_PER_ORGANISATION: '3', MAX_RESERVED_SHARE_PERCENT: '50' },
    });
    initiative = await t.newInitiative();
    api = t.orders;
  });
  afterAll(async () => t?.close());

  async function newBuyer(): Promise<Person['as']> {
    return (await t.newSupplier()).as;
  }

  it('20 orders at once by one buyer: exactly its limit of 3 unpaid orders is placed, the rest refused', async () => {
    const buyer = await newBuyer();
    const projectId = (await t.newListedProject({ credits: 100, initiative })).id;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.create(buyer, { projectId, quantity: 1, paymentMethod: 'invoice' }),
      ),
    );
    const created = responses.filter((r) => r.statusCode === 201);
    expect(created, responses.map((r) => r.statusCode).join()).toHaveLength(3);
    for (const response of responses.filter((r) => r.statusCode !== 201))
      expectProblem(response, 409, 'ORDER.RESERVATION_LIMIT');
    expect(await api.credits(projectId)).toMatchObject({ reserved: 3, available: 97 });
    const numbers = created
      .map((r) => Number(r.json<OrderJson>().invoiceNumber!.slice(-6)))
      .sort((a, b) => a - b);
    expect(numbers[2]! - numbers[0]!).toBe(2);
    await api.expectInvariants();
  });

  it('orders at once by one buyer never hold more than its share of a project', async () => {
    const buyer = await newBuyer();
    // 50% of 10: at most 5 credits held unpaid by one organisation, i.e. two orders of 2.
    const projectId = (await t.newListedProject({ credits: 10, initiative })).id;
    const responses = await Promise.all(
      Array.from({ length: 3 }, () =>
        api.create(buyer, { projectId, quantity: 2, paymentMethod: 'invoice' }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 201, 409]);
    expectProblem(
      responses.find((r) => r.statusCode === 409)!,
      409,
      'ORDER.RESERVATION_LIMIT',
    );
    expect(await api.credits(projectId)).toMatchObject({ reserved: 4, available: 6 });
    await api.expectInvariants();
  });

  it('a refusal and a new order with the same key at once: one answer for the key, replayed alike', async () => {
    const buyer = await newBuyer();
    const projectId = (await t.newListedProject({ credits: 10, initiative })).id;
    const key = randomUUID();
    // Too large a share: refused, and the refusal is stored under the key while its twins race it.
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.create(buyer, { projectId, quantity: 6, paymentMethod: 'invoice' }, key),
      ),
    );
    for (const response of responses) expectProblem(response, 409, 'ORDER.RESERVATION_LIMIT');
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(await api.credits(projectId)).toMatchObject({ reserved: 0, available: 10 });
    // The key is spent on that refusal, even now that a smaller order fits; another body with it is refused.
    expectProblem(
      await api.create(buyer, { projectId, quantity: 2, paymentMethod: 'invoice' }, key),
      422,
      'IDEMPOTENCY.KEY_REUSED',
    );
    expectStatus(
      await api.create(buyer, { projectId, quantity: 2, paymentMethod: 'invoice' }),
      201,
    );
  });

  it.runIf(onServer)(
    'orders by different buyers do not wait for each other’s limits (server)',
    async () => {
      const buyers = await Promise.all(Array.from({ length: 5 }, () => newBuyer()));
      const projectId = (await t.newListedProject({ credits: 100, initiative })).id;
      const responses = await Promise.all(
        buyers.flatMap((buyer) =>
          Array.from({ length: 4 }, () =>
            api.create(buyer, { projectId, quantity: 1, paymentMethod: 'invoice' }),
          ),
        ),
      );
      // Each buyer gets its 3, whatever the others do.
      expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(15);
      const byBuyer = new Map<string, number>();
      for (const r of responses.filter((x) => x.statusCode === 201)) {
        const id = r.json<OrderJson>().buyerOrganisationId;
        byBuyer.set(id, (byBuyer.get(id) ?? 0) + 1);
      }
      expect([...byBuyer.values()]).toEqual([3, 3, 3, 3, 3]);
      await api.expectInvariants();
    },
  );
});
