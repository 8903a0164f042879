import type { Socket } from 'node:net';
import { connect, createServer } from 'node:net';
import type { Azurite } from './azurite';
import { azuriteConnectionString, startAzurite } from './azurite';
import type { Stack } from './stack';
import { startStack } from './stack';

/**
 * A TCP proxy in front of storage that can freeze its answers: requests still reach storage
 * (and are carried out), but nothing comes back until `thaw()`, as when storage stalls after
 * it has taken a write. `freezeOn` freezes it the moment a request containing the text passes
 * through, so a test can freeze storage exactly mid-write. `refuseOn` answers the next such
 * request itself, as storage would refuse it, without passing it on.
 */
export interface FreezingProxy {
  port: number;
  /** Freeze as soon as a request containing `marker` is forwarded (e.g. `$batch`, a transaction). */
  freezeOn(marker: string): void;
  /** Answer the next request containing `marker` with this status and storage error code; it never reaches storage. */
  refuseOn(marker: string, status: number, code: string): void;
  /** Whether a freeze has begun. */
  readonly frozen: boolean;
  /** Let the held answers through (to whoever still listens) and pass everything again. */
  thaw(): void;
  close(): Promise<void>;
}

export async function startFreezingProxy(upstreamPort: number): Promise<FreezingProxy> {
  let marker: string | undefined;
  let frozen = false;
  let refusal: { marker: string; status: number; code: string } | undefined;
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    const upstream = connect({ port: upstreamPort, host: '127.0.0.1' });
    sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', () => {
      if (!frozen) end();
    });
    let refused = false;
    client.on('data', (chunk: Buffer) => {
      if (refused) return;
      if (refusal !== undefined && chunk.toString('latin1').includes(refusal.marker)) {
        const { status, code } = refusal;
        refusal = undefined;
        refused = true;
        upstream.destroy();
        const body = JSON.stringify({ 'odata.error': { code, message: { lang: 'en-US', value: `${code} (refused by the test proxy)` } } });
        client.end(
          `HTTP/1.1 ${status} Refused\r\nContent-Type: application/json;odata=minimalmetadata\r\nx-ms-error-code: ${code}\r\n` +
            `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
        return;
      }
      upstream.write(chunk);
      if (marker !== undefined && chunk.toString('latin1').includes(marker)) {
        marker = undefined;
        frozen = true;
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      const forward = () => {
        if (!client.destroyed) client.write(chunk);
      };
      if (frozen) held.push(forward);
      else forward();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('The proxy has no port.');

  return {
    port: address.port,
    refuseOn(text, status, code) {
      refusal = { marker: text, status, code };
    },
    freezeOn(text) {
      marker = text;
    },
    get frozen() {
      return frozen;
    },
    thaw() {
      frozen = false;
      for (const forward of held.splice(0)) forward();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface ProxiedStack {
  /** Storage itself, for reading what was really stored. */
  azurite: Azurite;
  proxy: FreezingProxy;
  stack: Stack;
  stop(): Promise<void>;
}

/** Azurite, the proxy in front of it, and the API talking to storage through the proxy. */
export async function startProxiedStack(settings: Record<string, string> = {}): Promise<ProxiedStack> {
  const azurite = await startAzurite();
  const proxy = await startFreezingProxy(azurite.port);
  const stack = await startStack({ azurite: { ...azurite, connectionString: azuriteConnectionString(proxy.port) }, settings });
  return {
    azurite,
    proxy,
    stack,
    stop: async () => {
      await stack.stop();
      await proxy.close();
      await azurite.stop();
    },
  };
}
