import react from '@vitejs/plugin-react';
import type { InlineConfig } from 'vite';
import type { AddinBuildEnv } from './env';
import { addinRoot, devViteCacheDir } from './paths';
import { pageInputs, ssrAddin } from './vite-plugin';

/*
 * The add-in's Vite configuration, shared by vite.config.js (the vite CLI), scripts/build.ts
 * and scripts/serve.ts. One page (index.html) carries the custom functions and the task
 * pane, as the shared runtime wants; the plugin adds functions.json, functions.js, the icons
 * and the production manifest.
 */
export function addinViteConfig(env: AddinBuildEnv): InlineConfig {
  // An add-in hosted under a path (https://host/ssr) needs its assets under that path too.
  const base = env.publicUrl === undefined ? '/' : `${new URL(env.publicUrl).pathname.replace(/\/+$/, '')}/`;
  return {
    root: addinRoot,
    base,
    // Spelled out: the dev server's cache unless the environment names another (the tests do).
    cacheDir: env.viteCacheDir ?? devViteCacheDir,
    publicDir: false,
    plugins: [react(), ssrAddin(env)],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      // The chunk graph, for the page-weight figures of the bench.
      manifest: true,
      // The pane's chunk (React, Fluent, the views, ~670 kB minified) loads only when the pane opens; the bench reports its gzipped size.
      chunkSizeWarningLimit: 800,
      rolldownOptions: { input: pageInputs() },
    },
  };
}
