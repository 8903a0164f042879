import type { HttpResponseInit } from '@azure/functions';
import type { MemberList } from '@ssr/shared';
import { ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { memberView } from '../stored-register';

/** GET /members: the register, each member with the etag a change must name. */
export async function listMembers({ store }: ApiCall): Promise<HttpResponseInit> {
  const members = await store.members.list();
  return ok({ members: members.map(memberView) } satisfies MemberList);
}
