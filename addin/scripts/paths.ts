import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders the add-in's build and server work in. */
export const addinRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(addinRoot, '..');
export const distDir = join(addinRoot, 'dist');
export const assetsDir = join(addinRoot, 'assets');
export const devManifestPath = join(repoRoot, 'manifest.xml');
/** Vite's dependency cache for `npm start`'s dev server (Vite's default for this root). */
export const devViteCacheDir = join(addinRoot, 'node_modules', '.vite');
