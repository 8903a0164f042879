import { DEV_NAMESPACE, PRODUCTION_NAMESPACE } from '../excel/namespace';

/*
 * The custom functions' namespace. The development manifest (manifest.xml at the repository
 * root, pages on https://localhost:3000) registers them as SSRDEV.*, the production manifest
 * (the same file with the public URL, see scripts/manifest.ts) as SSR.*, so a tester can have
 * both add-ins installed. The page learns which manifest loaded it from its own origin: that
 * origin is the one thing the two manifests' URLs differ in.
 */

/** Where the development manifest's pages are served. */
export const DEV_ORIGIN = 'https://localhost:3000';


/** The namespace Excel knows this add-in's functions by, for a page served from `origin`. */
export function functionNamespace(origin: string): string {
  return origin === DEV_ORIGIN ? DEV_NAMESPACE : PRODUCTION_NAMESPACE;
}
