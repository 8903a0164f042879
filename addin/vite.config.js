// @ts-check
// For the vite CLI (npx vite build --configLoader runner: the engine is TypeScript source).
// npm run build and the dev server (scripts/build.ts, scripts/serve.ts) use the same
// configuration, from scripts/vite-config.ts.
import { defineConfig } from 'vite';
import { readBuildEnv } from './scripts/env';
import { addinViteConfig } from './scripts/vite-config';

export default defineConfig(() => addinViteConfig(readBuildEnv()));
