import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy between the app and PostgreSQL that can cut connections: `cutOne()` destroys
 * one live connection, both sides, at whatever point of its conversation it is (in a
 * query, in a transaction, in COMMIT). Loopback only.
 */
export interface CuttingProxy {
  port: number;
  /** Connections open now. */
  readonly live: number;
  /** Connections cut so far. */
  readonly cuts: number;
  cutOne(): boolean;
  close(): Promise<void>;
}

export async function startCuttingProxy(target: {
  host: string;
  port: number;
}): Promise<CuttingProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let cuts = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get live() {
      return pairs.size;
    },
    get cuts() {
      return cuts;
    },
    cutOne() {
      const all = [...pairs];
      if (all.length === 0) return false;
      const pair = all[Math.floor(Math.random() * all.length)]!;
      pairs.delete(pair);
      cuts += 1;
      pair.client.destroy();
      pair.upstream.destroy();
      return true;
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
