import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import type { AddinBuildEnv } from './env';
import { bundleFunctions } from './functions-bundle';
import { ICON_SIZES, iconFileName } from './make-icons';
import { manifestForPublicUrl, readDevManifest, validateManifest } from './manifest';
import { generateMetadata } from './metadata/generate';
import type { GeneratedMetadata } from './metadata/generate';
import { addinRoot, assetsDir } from './paths';

/*
 * What the add-in needs beside Vite's page bundle, in dev (served) and in the build (emitted):
 * functions.json and functions-sv.json generated from the JSDoc, functions.js (the functions
 * alone, for the manifest's <Script>), the icons under /assets, the auth pages at the root,
 * and in a production build the manifest for ADDIN_PUBLIC_URL.
 */

/** Pages besides index.html that live in the source tree but are served from the root. */
export const ROOT_PAGES: Readonly<Record<string, string>> = {
  'auth-dialog.html': 'src/auth/auth-dialog.html',
  'auth-redirect.html': 'src/auth/auth-redirect.html',
};

/** Every HTML page of the build, as Vite's inputs (the auth pages only once they exist). */
export function pageInputs(): Record<string, string> {
  const pages: Record<string, string> = { index: join(addinRoot, 'index.html') };
  for (const [name, source] of Object.entries(ROOT_PAGES)) {
    const path = join(addinRoot, source);
    if (existsSync(path)) pages[name.replace(/\.html$/, '')] = path;
  }
  return pages;
}

type Send = (body: string | Buffer, type: string) => void;

export function ssrAddin(env: AddinBuildEnv): Plugin {
  let config: ResolvedConfig | undefined;
  let metadata: GeneratedMetadata | undefined;

  const functionsScript = async (minify: boolean) =>
    (await bundleFunctions({ mode: config?.mode ?? 'development', apiBase: env.apiUrl, minify })).code;

  return {
    name: 'ssr-addin',
    config: () => ({ define: { __SSR_API_BASE__: JSON.stringify(env.apiUrl ?? '') } }),
    configResolved(resolved) {
      config = resolved;
    },

    configureServer(server) {
      const served: Record<string, (send: Send) => Promise<void>> = {
        '/functions.json': async (send) => send((await generateMetadata()).files['functions.json'], 'application/json'),
        '/functions-sv.json': async (send) => send((await generateMetadata()).files['functions-sv.json'], 'application/json'),
        '/functions.js': async (send) => send(await functionsScript(false), 'text/javascript'),
        '/manifest.xml': async (send) => send(await readDevManifest(), 'application/xml'),
      };
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const page = ROOT_PAGES[path.slice(1)];
        if (page) {
          // The auth pages are addressed at the root, as in the build.
          req.url = `/${page}${(req.url ?? '').slice(path.length)}`;
          next();
          return;
        }
        const handler = served[path];
        if (!handler) {
          next();
          return;
        }
        const send: Send = (body, type) => {
          res.setHeader('Content-Type', `${type}; charset=utf-8`);
          res.setHeader('Cache-Control', 'no-store');
          res.end(body);
        };
        handler(send).catch((error: unknown) => next(error));
      });
    },

    async buildStart() {
      // Fails the build on any JSDoc error (the generator itself would only report it).
      metadata = await generateMetadata();
    },

    async generateBundle() {
      if (!metadata) throw new Error('The custom functions metadata was not generated.');
      for (const [fileName, source] of Object.entries(metadata.files)) this.emitFile({ type: 'asset', fileName, source });
      this.emitFile({ type: 'asset', fileName: 'functions.js', source: await functionsScript(true) });
      for (const size of ICON_SIZES) {
        const name = iconFileName(size);
        this.emitFile({ type: 'asset', fileName: `assets/${name}`, source: await readFile(join(assetsDir, name)) });
      }
      if (env.publicUrl !== undefined) {
        const manifest = manifestForPublicUrl(await readDevManifest(), env.publicUrl);
        const validation = await validateManifest(manifest);
        if (!validation.valid) throw new Error(`The production manifest does not validate:\n  ${validation.errors.join('\n  ')}`);
        this.emitFile({ type: 'asset', fileName: 'manifest.xml', source: manifest });
      }
    },

    async writeBundle(options) {
      const outDir = options.dir ?? join(addinRoot, 'dist');
      for (const [name, source] of Object.entries(ROOT_PAGES)) {
        const built = join(outDir, source);
        if (!existsSync(built)) continue;
        await mkdir(dirname(join(outDir, name)), { recursive: true });
        await rename(built, join(outDir, name));
      }
      await rm(join(outDir, 'src'), { recursive: true, force: true });
    },
  };
}
