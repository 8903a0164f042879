// Bundle the Functions app into dist/index.js (the package's "main"): @ssr/shared, zod and
// the Table SDK go in; @azure/functions stays outside, because the Functions worker hands
// the library its runtime through @azure/functions-core, which a bundle cannot carry.
import { build } from 'esbuild';

await build({
  // Paths below are relative to this folder, wherever the build is started from.
  absWorkingDir: import.meta.dirname,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['@azure/functions', '@azure/functions-core'],
  // Bundled CommonJS dependencies may call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
