import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { loadEnv } from 'vite';
import { join } from 'node:path';
import { addinRoot } from './paths';

/*
 * functions.js: the custom functions entry (src/functions.ts) bundled alone, one
 * classic script, for the manifest's <Script> element. The bench measures the same bundle.
 */

export const functionsEntry = join(addinRoot, 'src/functions.ts');

export interface FunctionsBundle {
  code: string;
  bytes: number;
  gzipBytes: number;
  /** Bytes in the output per input file, to see what the bundle is made of. */
  bytesByInput: Record<string, number>;
}

export async function bundleFunctions(options: { mode: string; apiBase: string | undefined; minify: boolean }): Promise<FunctionsBundle> {
  // The same VITE_* build settings Vite gives the page (sign-in configuration).
  const viteEnv = loadEnv(options.mode, addinRoot, 'VITE_');
  const result = await build({
    entryPoints: [functionsEntry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: options.minify,
    legalComments: 'none',
    define: {
      'import.meta.env': JSON.stringify({ ...viteEnv, MODE: options.mode }),
      __SSR_API_BASE__: JSON.stringify(options.apiBase ?? ''),
    },
    logLevel: 'silent',
    metafile: true,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild wrote nothing for ${functionsEntry}.`);
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const bytesByInput = Object.fromEntries(Object.entries(inputs).map(([path, input]) => [path, input.bytesInOutput]));
  return { code: output.text, bytes: output.contents.byteLength, gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength, bytesByInput };
}
