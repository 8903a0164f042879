import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Azurite's well-known development account (public, documented by Microsoft). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export const AZURITE_TABLE_MAIN = fileURLToPath(new URL('../node_modules/azurite/dist/src/table/main.js', import.meta.url));

export interface AzuriteOptions {
  /** A data folder: data survives stop/restart. Without it Azurite keeps everything in memory. */
  location?: string;
  /** A fixed port; a free one is found when left out. */
  port?: number;
}

export interface Azurite {
  port: number;
  connectionString: string;
  /** Stop the process (SIGINT, so a data folder is flushed) and wait until it has exited. */
  stop(): Promise<void>;
  /** Stop and start again on the same port and data folder (in memory: the data is gone). */
  restart(): Promise<void>;
  /** Freeze the process (SIGSTOP): it accepts connections but never answers, as a hung service does. */
  pause(): void;
  /** Let a paused process run again (SIGCONT). */
  resume(): void;
}

export function azuriteConnectionString(port: number, host = '127.0.0.1'): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `TableEndpoint=http://${host}:${port}/${AZURITE_ACCOUNT};`
  );
}

/** Listen on a port and close again: the port it got (0 asks for a free one). */
function probePort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const got = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (got > 0 ? resolve(got) : reject(new Error('Could not find a free port.'))));
    });
  });
}

/** A port nobody listens on right now: listen on 0, read the port, close. */
export function freePort(): Promise<number> {
  return probePort(0);
}

/** Fail loudly when a fixed port is taken (another Azurite, say), rather than talk to whatever holds it. */
async function assertPortFree(port: number): Promise<void> {
  try {
    await probePort(port);
  } catch (error) {
    throw new Error(`Port ${port} on 127.0.0.1 is in use (another Azurite?); stop that process or choose another port.`, { cause: error });
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function spawnAzurite(port: number, location: string | undefined): ChildProcess {
  if (!existsSync(AZURITE_TABLE_MAIN)) {
    throw new Error(
      `Azurite is not installed: ${AZURITE_TABLE_MAIN} is missing. Run "npm install" at the repository root (azurite is a devDependency).`,
    );
  }
  const args = [
    AZURITE_TABLE_MAIN,
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--silent',
    ...(location === undefined ? ['--inMemoryPersistence'] : ['--location', location]),
  ];
  return spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function waitUntilListening(child: ChildProcess, port: number, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Azurite exited before it listened on port ${port} (exit ${String(child.exitCode ?? child.signalCode)}):\n${output()}`);
    }
    if (await canConnect(port)) return;
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`Azurite did not listen on port ${port} within 30 s:\n${output()}`);
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Start Azurite's table service on a free port (or the given one) and wait until it accepts connections. */
export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const port = options.port ?? (await freePort());
  let child: ChildProcess | undefined;
  let output = '';

  const start = async () => {
    if (options.port !== undefined) await assertPortFree(port);
    output = '';
    const started = spawnAzurite(port, options.location);
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child = started;
    await waitUntilListening(started, port, () => output);
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running) return;
    // SIGINT is the signal Azurite handles: it closes the server and saves its data folder.
    // (Ctrl-C in a terminal may have sent it one already; kill() of an exited child is a no-op.)
    if (running.exitCode === null && running.signalCode === null) {
      running.kill('SIGCONT'); // a paused process cannot handle SIGINT
      running.kill('SIGINT');
    }
    if (await waitForExit(running, 10_000)) return;
    running.kill('SIGKILL');
    await waitForExit(running, 5_000);
  };

  await start();
  return {
    port,
    connectionString: azuriteConnectionString(port),
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    pause: () => {
      child?.kill('SIGSTOP');
    },
    resume: () => {
      child?.kill('SIGCONT');
    },
  };
}
