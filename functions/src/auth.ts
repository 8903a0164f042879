import type { Lang, Role, User } from '@ssr/shared';
import { APP_ROLES, ROLES, strongestRole } from '@ssr/shared';
import { z } from 'zod';
import type { Config } from './config';
import type { ValidationResult } from './http/request';
import { invalid, valid } from './http/request';
import { forbidden, unauthorized } from './http/responses';
import { apiTexts } from './texts';

/**
 * Who is calling. In Azure, App Service Authentication (Entra ID) signs the user in and
 * passes the principal in `x-ms-client-principal` (base64 JSON); the platform strips that
 * header from what clients send, so it can be trusted there. Dev mode acts as one
 * configured user unless a request carries a principal of its own.
 */

export type RouteRole = Role | 'none';

export const PRINCIPAL_HEADER = 'x-ms-client-principal';

const ROLE_CLAIM_TYPES = new Set(['roles', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role']);
const NAME_CLAIM_TYPES = ['name', 'preferred_username', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', 'emails'];

const principalSchema = z.object({
  auth_typ: z.string().optional(),
  name_typ: z.string().optional(),
  role_typ: z.string().optional(),
  claims: z.array(z.object({ typ: z.string(), val: z.string() })),
});

/** The roles a role grants, itself included. */
export function impliedRoles(role: Role): Role[] {
  return ROLES.slice(0, ROLES.indexOf(role) + 1);
}

/** Read the principal header; undefined when it is not a principal at all. */
export function parsePrincipal(header: string, nameHeader: string | null): User | undefined {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = principalSchema.safeParse(decoded);
  if (!parsed.success) return undefined;
  const { claims, role_typ: roleType, name_typ: nameType } = parsed.data;
  const roleTypes = roleType ? new Set([...ROLE_CLAIM_TYPES, roleType]) : ROLE_CLAIM_TYPES;
  const granted = claims.filter((claim) => roleTypes.has(claim.typ)).flatMap((claim) => APP_ROLES[claim.val] ?? []);
  const role = strongestRole(granted);
  const nameTypes = nameType ? [nameType, ...NAME_CLAIM_TYPES] : NAME_CLAIM_TYPES;
  const name =
    nameTypes.map((typ) => claims.find((claim) => claim.typ === typ)?.val).find((val) => val !== undefined && val !== '') ??
    nameHeader ??
    // A name recorded in the audit log: the same whatever language the request asked for.
    'okänd användare';
  return { name, roles: role === undefined ? [] : impliedRoles(role) };
}

/** Authenticate the caller and check the route's role: 401 without a principal, 403 without the role. */
export function authorize(headers: Headers, required: RouteRole, config: Config, lang: Lang = 'sv'): ValidationResult<User> {
  const t = apiTexts(lang).auth;
  const header = headers.get(PRINCIPAL_HEADER);
  let user: User | undefined;
  if (header !== null && header.trim() !== '') {
    user = parsePrincipal(header.trim(), headers.get('x-ms-client-principal-name'));
    if (!user) return invalid(unauthorized(lang, t.principalUnreadable));
  } else if (config.auth.mode === 'dev') {
    user = { name: config.auth.devUser, roles: impliedRoles(config.auth.devRole) };
  }
  if (required === 'none') return valid(user ?? { name: 'anonym', roles: [] });
  if (!user) return invalid(unauthorized(lang, t.notSignedIn));
  if (!user.roles.includes(required)) {
    const strongest = strongestRole(user.roles);
    const has = strongest === undefined ? t.noRole : t.theRole(t.roleName[strongest]);
    return invalid(forbidden(lang, t.roleRequired(t.roleName[required], has)));
  }
  return valid(user);
}
