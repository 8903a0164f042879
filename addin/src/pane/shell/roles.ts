import type { Role } from '@ssr/shared';
import { APP_ROLES, strongestRole } from '@ssr/shared';
import type { Messages } from '../../i18n';
import type { Session } from './session';

export function roleName(role: Role, t: Messages): string {
  return { reader: t.common.roleReader, editor: t.common.roleEditor, admin: t.common.roleAdmin }[role];
}

/** The strongest role among a token's app roles: for display until /health has answered; the API decides. */
export function roleFromAppRoles(appRoles: readonly string[]): Role | undefined {
  return strongestRole(appRoles.flatMap((appRole) => APP_ROLES[appRole] ?? []));
}

/** The role a write needs, as the API's route table sets it: editor for the register, figures and claims; admin for fee rules. */
export type WriteRole = Extract<Role, 'editor' | 'admin'>;

/**
 * Why the user may not do what needs `needed`, said in their language, or undefined when they
 * may. Also undefined while the pane does not know the user's roles: then the user may try,
 * and the API decides (a 403 says why).
 */
export function blockedReason(session: Pick<Session, 'roles' | 'role'>, needed: WriteRole, t: Messages): string | undefined {
  if (session.roles === undefined || session.roles.includes(needed)) return undefined;
  const who = session.role ? t.common.yourRole(roleName(session.role, t)) : t.common.noRole;
  return needed === 'admin' ? t.common.needsAdmin(who) : t.common.needsEditor(who);
}
