import * as z from 'zod';

/** The API's roles, weakest first: each role grants what the ones before it do. */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * The Entra ID app roles (infra/entra/app-roles.json) and the role each grants: the API reads
 * them from `x-ms-client-principal`, the pane from its access token.
 */
export const APP_ROLES: Readonly<Record<string, Role>> = { 'SSR.Reader': 'reader', 'SSR.Editor': 'editor', 'SSR.Admin': 'admin' };

/** The strongest of some roles, or undefined for none. */
export function strongestRole(roles: Iterable<Role>): Role | undefined {
  let strongest: Role | undefined;
  for (const role of roles) if (strongest === undefined || ROLES.indexOf(role) > ROLES.indexOf(strongest)) strongest = role;
  return strongest;
}

/** `appservice`: App Service Authentication signs users in (Azure); `dev`: the dev host acts as one configured user. */
export const AUTH_MODES = ['appservice', 'dev'] as const;
export const authModeSchema = z.enum(AUTH_MODES);
export type AuthMode = z.infer<typeof authModeSchema>;

/** Who made a request, as the API knows it. */
export const userSchema = z.object({
  name: z.string(),
  roles: z.array(roleSchema).describe('Effective roles: admin implies editor, editor implies reader; empty without a role in the app.'),
});
export type User = z.infer<typeof userSchema>;

/**
 * GET /health when the API and storage answer, and who the caller is. Storage that does not
 * answer is a 503 problem (`storage-unavailable`), not a body of this shape.
 */
export const healthSchema = z.object({
  status: z.literal('ok'),
  storage: z.literal('ok'),
  authMode: authModeSchema,
  user: userSchema,
});
export type Health = z.infer<typeof healthSchema>;
