import type { Role } from '../../api/shapes';
import type { Messages } from '../../i18n';

export function roleName(role: Role, t: Messages): string {
  return { reader: t.common.roleReader, editor: t.common.roleEditor, admin: t.common.roleAdmin }[role];
}
