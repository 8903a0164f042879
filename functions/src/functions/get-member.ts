import type { HttpResponseInit } from '@azure/functions';
import { memberIdSchema } from '@ssr/shared';
import { pathParam } from '../http/request';
import { notFound, ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { memberView } from '../stored-register';
import { apiTexts } from '../texts';

/** GET /members/{id} */
export async function getMember({ request, store, lang }: ApiCall): Promise<HttpResponseInit> {
  const id = pathParam(request, 'id', memberIdSchema);
  if (!id.ok) return id.response;
  const member = await store.members.get(id.value);
  if (!member) return notFound(lang, apiTexts(lang).members.none(id.value));
  return ok(memberView(member), { etag: member.etag });
}
