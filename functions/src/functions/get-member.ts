import type { HttpResponseInit } from '@azure/functions';
import { memberIdSchema } from '@ssr/shared';
import { pathParam } from '../http/request';
import { notFound, ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { memberView } from '../stored-register';

/** GET /members/{id} */
export async function getMember({ request, store }: ApiCall): Promise<HttpResponseInit> {
  const id = pathParam(request, 'id', memberIdSchema);
  if (!id.ok) return id.response;
  const member = await store.members.get(id.value);
  if (!member) return notFound(`Det finns ingen medlem med id "${id.value}".`);
  return ok(memberView(member), { etag: member.etag });
}
