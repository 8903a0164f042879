import * as z from 'zod';

/** Where the add-in signs in and which API scope it asks for. */
export interface AuthConfig {
  /** The add-in's Entra app registration (application/client id). */
  readonly clientId: string;
  /** The Entra tenant (directory id or verified domain); the authority is built from it. */
  readonly tenantId: string;
  /** The API's delegated scope, e.g. `api://<client id>/access_as_user`. */
  readonly apiScope: string;
}

/** The build-time variables, as Vite exposes them on `import.meta.env`. */
export interface AuthEnv {
  readonly VITE_AAD_CLIENT_ID?: string | undefined;
  readonly VITE_AAD_TENANT_ID?: string | undefined;
  readonly VITE_API_SCOPE?: string | undefined;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const authConfigSchema = z.object({
  VITE_AAD_CLIENT_ID: z.string().regex(guid, 'must be the application (client) id, a GUID'),
  VITE_AAD_TENANT_ID: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, 'must be the directory (tenant) id or a domain such as contoso.onmicrosoft.com'),
  VITE_API_SCOPE: z
    .string()
    .regex(/^\S+\/\S+$/, 'must be a full scope such as api://<client id>/access_as_user'),
});

const variableNames = ['VITE_AAD_CLIENT_ID', 'VITE_AAD_TENANT_ID', 'VITE_API_SCOPE'] as const;

/**
 * Reads the sign-in settings. None set → `null`: local dev mode, where the dev host acts as
 * one configured user and the add-in sends no token. Some but not all set, or a malformed
 * value, is a build mistake and throws, naming the variable, rather than silently shipping
 * an add-in that never signs in.
 */
export function readAuthConfig(env: AuthEnv): AuthConfig | null {
  const present = variableNames.filter((name) => (env[name] ?? '').trim() !== '');
  if (present.length === 0) return null;
  const missing = variableNames.filter((name) => !present.includes(name));
  if (missing.length > 0) {
    throw new Error(
      `Sign-in is half configured: ${present.join(', ')} set but ${missing.join(', ')} missing. ` +
        'Set all three for a signed-in build, or none for local dev mode.',
    );
  }
  const parsed = authConfigSchema.safeParse({
    VITE_AAD_CLIENT_ID: env.VITE_AAD_CLIENT_ID?.trim(),
    VITE_AAD_TENANT_ID: env.VITE_AAD_TENANT_ID?.trim(),
    VITE_API_SCOPE: env.VITE_API_SCOPE?.trim(),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new Error(`Sign-in settings are invalid: ${problems.join('; ')}.`);
  }
  return {
    clientId: parsed.data.VITE_AAD_CLIENT_ID,
    tenantId: parsed.data.VITE_AAD_TENANT_ID,
    apiScope: parsed.data.VITE_API_SCOPE,
  };
}
