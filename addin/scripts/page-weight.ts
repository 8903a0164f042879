import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/*
 * What the browser downloads, read from a build's chunk graph (Vite's .vite/manifest.json)
 * and each chunk's source map: which chunks Excel needs before the custom functions are
 * registered, which more when the task pane opens, and which source modules they carry.
 */

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

export interface ChunkSet {
  /** Chunk files, as the page requests them (`assets/index-….js`). */
  files: string[];
  gzipBytes: number;
  /** Source modules in those chunks, as the source maps name them (`../src/pane/App.tsx`, `../../node_modules/react/…`). */
  modules: string[];
}

export interface PageWeight {
  /** The entry script of index.html and every chunk it imports statically: downloaded before SSR.* is registered. */
  registration: ChunkSet;
  /** What opening the task pane inside Excel downloads on top. */
  excelPane: ChunkSet;
  /** What preview mode (a plain browser) downloads on top of the entry. */
  preview: ChunkSet;
  /** What the first sign-in downloads (MSAL and the acquirers), on top of the entry and the pane. */
  signIn: ChunkSet;
}

/** The manifest keys of the modules that the page loads with import(). */
export const DYNAMIC_ENTRIES = {
  excelPane: 'src/runtime/excel-pane.ts',
  preview: 'src/runtime/preview.tsx',
  signIn: ['src/auth/naa-acquirer.ts', 'src/auth/dialog-acquirer.ts'],
} as const;

function staticClosure(manifest: Record<string, ManifestChunk>, keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The build's manifest has no chunk ${key}.`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return seen;
}

export function readPageWeight(distDir: string): PageWeight {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const describe = (keys: Set<string>, already: ReadonlySet<string> = new Set()): ChunkSet => {
    const files = [...keys].filter((key) => !already.has(key)).map((key) => manifest[key]?.file ?? key);
    let gzipBytes = 0;
    const modules: string[] = [];
    for (const file of files) {
      gzipBytes += gzipSync(readFileSync(join(distDir, file)), { level: 9 }).byteLength;
      // Vite's own helpers (the modulepreload polyfill) come without a source map.
      const mapPath = join(distDir, `${file}.map`);
      if (existsSync(mapPath)) modules.push(...((JSON.parse(readFileSync(mapPath, 'utf8')) as { sources?: string[] }).sources ?? []));
    }
    return { files: files.sort(), gzipBytes, modules: modules.sort() };
  };
  const registration = staticClosure(manifest, ['index.html']);
  const excelPane = staticClosure(manifest, [DYNAMIC_ENTRIES.excelPane]);
  const paneAndEntry = new Set([...registration, ...excelPane]);
  return {
    registration: describe(registration),
    excelPane: describe(excelPane, registration),
    preview: describe(staticClosure(manifest, [DYNAMIC_ENTRIES.preview]), registration),
    signIn: describe(staticClosure(manifest, DYNAMIC_ENTRIES.signIn), paneAndEntry),
  };
}
