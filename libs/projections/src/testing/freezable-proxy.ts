import { createConnection, createServer, type Server, type Socket } from 'node:net';

interface Relay {
  client: Socket;
  upstream: Socket;
  frozen: boolean;
}

/**
 * A TCP proxy in front of PostgreSQL that can go silent: `freeze()` stops relaying on the
 * connections open now, in both directions and without closing anything, as a dead NAT entry or a
 * pulled cable would; even the client hanging up is not passed on. New connections still pass.
 * `cut()` then closes the server's side, as PostgreSQL does once its keepalive gives up.
 */
export class FreezableProxy {
  private readonly relays = new Set<Relay>();

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {}

  static async start(databaseUrl: string): Promise<FreezableProxy> {
    const target = new URL(databaseUrl);
    const server = createServer();
    const proxy = new FreezableProxy(server, target);
    server.on('connection', (client) => proxy.relay(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** The database URL with the proxy in its place. */
  get url(): string {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('the proxy is not listening');
    const url = new URL(this.target.toString());
    url.hostname = '127.0.0.1';
    url.port = String(address.port);
    return url.toString();
  }

  freeze(): void {
    for (const relay of this.relays) {
      relay.frozen = true;
      relay.client.unpipe(relay.upstream);
      relay.upstream.unpipe(relay.client);
      relay.client.pause();
      relay.upstream.pause();
    }
  }

  cut(): void {
    for (const relay of this.relays) {
      relay.client.destroy();
      relay.upstream.destroy();
    }
    this.relays.clear();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket): void {
    const upstream = createConnection({ host: this.target.hostname, port: Number(this.target.port || 5432) });
    const relay: Relay = { client, upstream, frozen: false };
    this.relays.add(relay);
    const hangUp = (): void => {
      if (relay.frozen) return; // nothing gets through a frozen link, not even a goodbye
      client.destroy();
      upstream.destroy();
      this.relays.delete(relay);
    };
    for (const socket of [client, upstream]) {
      socket.on('error', hangUp);
      socket.on('close', hangUp);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
