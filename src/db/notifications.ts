import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * PostgreSQL LISTEN/NOTIFY, for caches that must forget what the database changed.
 *
 * A subscriber hears every payload NOTIFYed on its channel after the notifying transaction
 * commits. A notification can be missed only while the listening connection is down; the
 * subscriber is told (`onGap`) as soon as that is known and again when it listens afresh
 * (`onReady`), so a cache can stop serving in between and start empty.
 */
export interface NotificationHandlers {
  onMessage(payload: string): void;
  /** Notifications may be missed from now on (the listening connection is down). */
  onGap(): void;
  /** Listening (again): every change from now on will be heard. */
  onReady(): void;
}

export interface Notifications {
  /**
   * Resolves once the first attempt to listen is over: listening (onReady was called), or
   * not yet (onGap; it keeps trying). The function it answers stops listening.
   */
  subscribe(channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>>;
}

/** The embedded database: one process, so its notifications cannot be missed. */
export function pgliteNotifications(pglite: PGlite): Notifications {
  return {
    async subscribe(channel, handlers) {
      const unlisten = await pglite.listen(channel, handlers.onMessage);
      handlers.onReady();
      return async () => {
        handlers.onGap();
        // Closing the database first has already ended every subscription.
        await unlisten().catch(() => {});
      };
    },
  };
}

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 30_000;

/**
 * A PostgreSQL server: one dedicated connection per subscription, outside the pool (a
 * pooled connection would LISTEN only while it happens to be idle). When it fails, or
 * cannot be opened, the subscriber hears onGap at once and the connection is retried
 * with backoff until it listens again (onReady) or the subscription is stopped.
 */
export function postgresNotifications(
  connectionString: string,
  log: (message: string) => void = console.warn,
): Notifications {
  return {
    async subscribe(channel, handlers) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel))
        throw new Error(`not a plain channel name: ${channel}`);
      let client: pg.Client | undefined;
      let stopped = false;
      let retry: NodeJS.Timeout | undefined;
      let delay = RECONNECT_MIN_MS;

      // Every way of losing the connection ends here, once per connection.
      const lose = (reason: string) => {
        const last = client;
        client = undefined;
        handlers.onGap();
        last?.end().catch(() => {});
        if (stopped || retry) return;
        log(`LISTEN ${channel}: ${reason}; retrying in ${delay} ms`);
        retry = setTimeout(() => {
          retry = undefined;
          void connect();
        }, delay);
        retry.unref();
        delay = Math.min(delay * 2, RECONNECT_MAX_MS);
      };

      const connect = async (): Promise<void> => {
        const next = new pg.Client({ connectionString, keepAlive: true });
        client = next;
        next.on('notification', (message) => {
          if (message.channel === channel) handlers.onMessage(message.payload ?? '');
        });
        next.on('error', (error) => {
          if (client === next) lose(`connection lost (${error.message})`);
        });
        next.on('end', () => {
          if (client === next) lose('connection closed');
        });
        try {
          await next.connect();
          await next.query(`LISTEN ${channel}`);
        } catch (error) {
          if (client === next) lose((error as Error).message);
          return;
        }
        if (client !== next) return;
        delay = RECONNECT_MIN_MS;
        handlers.onReady();
      };

      await connect();
      return async () => {
        stopped = true;
        if (retry) clearTimeout(retry);
        const last = client;
        client = undefined;
        handlers.onGap();
        await last?.end().catch(() => {});
      };
    },
  };
}
