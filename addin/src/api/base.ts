/** Set at build time (vite.config.ts, esbuild) when the API is not under /api of the add-in's origin. */
declare const __SSR_API_BASE__: string | undefined;

/** How long any request to the API may take before it counts as unanswered (the snapshot, every call of the pane). */
export const API_TIMEOUT_MS = 15_000;

/**
 * Where the API is: `/api` on the add-in's own origin (the dev server proxies it; in Azure the
 * static site links the Function App there), unless the build says otherwise.
 */
export function apiBaseUrl(): string {
  return typeof __SSR_API_BASE__ === 'string' && __SSR_API_BASE__ !== '' ? __SSR_API_BASE__ : '/api';
}
