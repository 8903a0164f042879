import { createServer, preview } from 'vite';
import type { ProxyOptions } from 'vite';
import { devCertificates } from './certs';
import { readBuildEnv, readDevApiUrl } from './env';
import { DEV_ORIGIN } from './manifest';
import { devManifestPath, distDir } from './paths';
import { addinViteConfig } from './vite-config';

import { sideloadInstructions } from './sideload';

export { sideloadInstructions } from './sideload';

/** The port Office opens the dev add-in on (the dev manifest's https://localhost:3000). */
export const DEV_PORT = Number(new URL(DEV_ORIGIN).port);

export interface AddinServerOptions {
  /** The API base that /api is proxied to, e.g. http://127.0.0.1:7071/api (an origin alone means its /api). */
  apiUrl: string;
  /** DEV_PORT (3000) for Office, as the dev manifest says; 0 picks a free port (tests). */
  port: number;
  /** https with the office-addin-dev-certs certificates (default); false for plain http. */
  https?: boolean;
  /** Serve the built add-in in addin/dist instead of the Vite dev server. */
  dist?: boolean;
  /** With dist: another build folder than addin/dist. */
  distDir?: string;
  /** The dev server's Vite dependency cache, if not the one ADDIN_VITE_CACHE_DIR or the default names. */
  viteCacheDir?: string;
}

export interface AddinServer {
  /** Where the add-in is, without a trailing slash: https://localhost:3000 by default. */
  url: string;
  close(): Promise<void>;
}

function apiProxy(apiUrl: string): Record<string, ProxyOptions> {
  const api = new URL(apiUrl);
  const apiPath = api.pathname === '/' ? '/api' : api.pathname.replace(/\/+$/, '');
  return {
    '^/api(/|$)': { target: api.origin, changeOrigin: true, rewrite: (path) => `${apiPath}${path.slice('/api'.length)}` },
  };
}

/**
 * Serve the add-in (the Vite dev server, or addin/dist with { dist: true }) with /api proxied
 * to the API, so the page and the API share one origin as in Azure.
 */
export async function startAddinServer(options: AddinServerOptions): Promise<AddinServer> {
  const port = options.port;
  const secure = options.https ?? true;
  // Office opens https://localhost:3000, which is what the certificate names; tests use 127.0.0.1.
  const host = secure ? 'localhost' : '127.0.0.1';
  const https = secure ? await devCertificates() : undefined;
  const serverOptions = { port, strictPort: port !== 0, host, proxy: apiProxy(options.apiUrl), ...(https ? { https } : {}) };
  const env = readBuildEnv();
  const config = {
    ...addinViteConfig({ ...env, viteCacheDir: options.viteCacheDir ?? env.viteCacheDir }),
    configFile: false as const,
    logLevel: 'warn' as const,
  };

  const server = options.dist
    ? await preview({ ...config, preview: serverOptions, build: { ...config.build, outDir: options.distDir ?? distDir } })
    : await createServer({ ...config, server: serverOptions }).then((dev) => dev.listen());
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') {
    await server.close();
    throw new Error('The add-in server did not start listening.');
  }
  return {
    url: `${secure ? 'https' : 'http'}://${host}:${address.port}`,
    close: () => server.close(),
  };
}

async function main(): Promise<void> {
  const apiUrl = readDevApiUrl();
  const server = await startAddinServer({ apiUrl, port: DEV_PORT, dist: process.argv.includes('--dist') });
  process.stdout.write(`The add-in is served at ${server.url} (/api → ${apiUrl}).\n\n${sideloadInstructions({ manifestPath: devManifestPath, addinUrl: DEV_ORIGIN })}\n`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The add-in server did not close cleanly.', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
