import type { HttpResponseInit } from '@azure/functions';
import type { MemberList } from '@ssr/shared';
import { ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { fromRegister } from '../register-cache';
import { memberView } from '../stored-register';

/** GET /members: the register, each member with the etag a change must name. */
export async function listMembers(call: ApiCall): Promise<HttpResponseInit> {
  return fromRegister(call, (stored) => ok({ members: stored.members.map(memberView) } satisfies MemberList));
}
