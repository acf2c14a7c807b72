import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { postgresNotifications } from '../../src/db/notifications.js';
import { createTestDatabase } from '../helpers/database.js';

function recorder() {
  const events: string[] = [];
  return {
    events,
    handlers: {
      onMessage: (p: string) => events.push(`message:${p}`),
      onGap: () => events.push('gap'),
      onReady: () => events.push('ready'),
    },
  };
}

async function until(check: () => boolean, timeoutMs = 3_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('database notifications', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  it('hears what a committed transaction notified, and nothing a rolled-back one did', async () => {
    const { events, handlers } = recorder();
    const stop = await database.notifications.subscribe('test_channel', handlers);
    expect(events).toEqual(['ready']);
    await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`SELECT pg_notify('test_channel', 'rolled back')`.execute(trx);
        throw new Error('roll back');
      })
      .catch(() => {});
    await database.db
      .transaction()
      .execute((trx) => sql`SELECT pg_notify('test_channel', 'committed')`.execute(trx));
    await until(() => events.includes('message:committed'));
    expect(events).toEqual(['ready', 'message:committed']);
    await stop();
    expect(events.at(-1)).toBe('gap');
  });

  it('on a server it cannot reach: reports the gap, never ready, and stops retrying when stopped', async () => {
    const { events, handlers } = recorder();
    const logged: string[] = [];
    const unreachable = postgresNotifications('postgres://nobody@127.0.0.1:1/none', (message) =>
      logged.push(message),
    );
    const stop = await unreachable.subscribe('test_channel', handlers);
    expect(events).toEqual(['gap']);
    await until(() => logged.length >= 2);
    expect(events).not.toContain('ready');
    expect(logged[0]).toMatch(/^LISTEN test_channel: .*retrying/);
    await stop();
    const attempts = logged.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(logged.length).toBe(attempts);
  });
});
