import * as z from 'zod';

/*
 * The build's settings, read from the environment here and nowhere else.
 * ADDIN_PUBLIC_URL: where the built add-in is hosted (https); the production manifest points
 * there. ADDIN_API_URL: the API base when it is not /api on that same origin.
 * ADDIN_VITE_CACHE_DIR: Vite's dependency cache, when not the dev server's own (the tests set
 * it, so that a test's dev server or build never rewrites the cache of a running `npm start`).
 */

const httpsUrl = z
  .string()
  .trim()
  .refine((text) => URL.canParse(text), { error: 'must be a full URL such as https://ssr.example.se' })
  .transform((text) => new URL(text))
  .refine((url) => url.protocol === 'https:', { error: 'must use https: Office loads add-ins only over https' })
  .refine((url) => !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname), {
    error: 'must be the public host, not localhost (the dev manifest is manifest.xml at the repository root)',
  })
  .refine((url) => url.search === '' && url.hash === '', { error: 'must have no query or fragment' })
  .transform((url) => url.href.replace(/\/+$/, ''));

const envSchema = z.object({
  ADDIN_PUBLIC_URL: httpsUrl.optional(),
  ADDIN_API_URL: z.string().trim().min(1).optional(),
  ADDIN_VITE_CACHE_DIR: z.string().trim().min(1).optional(),
});

export interface AddinBuildEnv {
  /** The public base URL without a trailing slash, or undefined for a build without a production manifest. */
  publicUrl: string | undefined;
  apiUrl: string | undefined;
  /** Vite's cache folder (the pre-bundled dependencies), or undefined for the dev server's own. */
  viteCacheDir?: string | undefined;
}

export function readBuildEnv(env: NodeJS.ProcessEnv = process.env): AddinBuildEnv {
  const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);
  const parsed = envSchema.safeParse({
    ADDIN_PUBLIC_URL: blankToUndefined(env.ADDIN_PUBLIC_URL),
    ADDIN_API_URL: blankToUndefined(env.ADDIN_API_URL),
    ADDIN_VITE_CACHE_DIR: blankToUndefined(env.ADDIN_VITE_CACHE_DIR),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new Error(`The add-in build settings are invalid: ${problems.join('; ')}.`);
  }
  return { publicUrl: parsed.data.ADDIN_PUBLIC_URL, apiUrl: parsed.data.ADDIN_API_URL, viteCacheDir: parsed.data.ADDIN_VITE_CACHE_DIR };
}

/** Where the dev server sends /api: ADDIN_DEV_API_URL, else the dev host on port 7071. */
export function readDevApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  const text = env.ADDIN_DEV_API_URL?.trim() || 'http://127.0.0.1:7071/api';
  if (!URL.canParse(text)) throw new Error(`ADDIN_DEV_API_URL must be a full URL such as http://127.0.0.1:7071/api; got ${text}.`);
  return text;
}
