import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { MemoryWorkbook } from '../../../addin/src/preview/workbook/workbook';
import { previewServices } from '../../../addin/src/runtime/preview';
import { createAddinRoot } from '../../../addin/src/runtime/root';
import type { PaneServices } from '../../../addin/src/pane/shell/services';
import { createSnapshotClient } from '../../../addin/src/snapshot/client';

export interface PaneStack {
  apiUrl: string;
  services: PaneServices;
  workbook: MemoryWorkbook;
  /** Every request the pane's services sent, as `METHOD /path` (the API base left off), oldest first. */
  requests: string[];
  /** Stop the stack's Azurite, leaving the API up: storage is then down and the API answers 503. */
  stopStorage(): Promise<void>;
  /** A request straight to the API, as another user or tool would make it. */
  api(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 90_000;

interface StackProcess {
  apiUrl: string;
  child: ChildProcess;
  /** The next line the process prints. */
  nextLine: () => Promise<string>;
}

/** Start the API stack (Azurite + dev host) in a child process; resolves with its URL. */
function startStackProcess(role?: string): Promise<StackProcess> {
  // Paths from the working directory: web-mode tests have no file URL in import.meta.
  const script = join(process.cwd(), 'test', 'addin', 'pane', 'stack-server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...(role ? [role] : [])], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`The API stack did not start within ${START_TIMEOUT_MS / 1000} s (Azurite and the dev host).`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The API stack exited with code ${String(code)} before it was ready; see its output above.`));
    });
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    const waiting: ((line: string) => void)[] = [];
    const nextLine = () => new Promise<string>((resolveLine) => waiting.push(resolveLine));
    lines.on('line', (line) => waiting.shift()?.(line));
    void nextLine().then((line) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      try {
        resolve({ apiUrl: (JSON.parse(line) as { apiUrl: string }).apiUrl, child, nextLine });
      } catch (error) {
        reject(new Error(`The API stack printed something other than its URL: ${line}`, { cause: error }));
      }
    });
  });
}

/**
 * The real API (dev host on Azurite) and the pane's services in preview mode against it:
 * the in-memory workbook stands in for Excel, everything else is the product's own code.
 */
export async function startPaneStack(options: { devRole?: 'reader' | 'editor' | 'admin'; now?: () => number } = {}): Promise<PaneStack> {
  const { apiUrl, child, nextLine } = await startStackProcess(options.devRole);
  const requests: string[] = [];
  const viaFetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    requests.push(`${init?.method ?? (input instanceof Request ? input.method : 'GET')} ${url.slice(apiUrl.length)}`);
    return fetch(input, init);
  };
  const snapshots = createSnapshotClient({ baseUrl: apiUrl, fetch: viaFetch });
  // No sign-in (local dev mode), whatever the environment says: the dev host acts as its dev user.
  const { services, workbook } = previewServices(createAddinRoot({ snapshots, apiBaseUrl: apiUrl, fetch: viaFetch, tokenSource: null, ...(options.now ? { now: options.now } : {}) }));
  return {
    apiUrl,
    services,
    workbook,
    requests,
    stopStorage: async () => {
      const answer = nextLine();
      child.stdin?.write('stop-storage\n');
      const line = await answer;
      if (line !== 'storage stopped') throw new Error(`The API stack did not stop its storage: ${line}`);
    },
    api: (path, init) => fetch(`${apiUrl}${path}`, init),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
