import type { HttpResponseInit } from '@azure/functions';
import { memberSchema } from '@ssr/shared';
import { readBody } from '../http/request';
import { conflict, created } from '../http/responses';
import type { ApiCall } from '../http/route';
import { codeTakenProblem, memberContentionProblem, municipalityCodeError } from '../members-rules';
import { memberView } from '../stored-register';
import { AlreadyExistsError } from '../storage/errors';
import { CodeTakenError } from '../storage/members';
import { WriteContentionError } from '../storage/retry';
import { apiTexts } from '../texts';

/**
 * POST /members: creates, never overwrites. No If-Match is needed (there is no version to
 * name); `If-None-Match: *` may be sent and means the same. An existing id gives 409 with
 * the stored member.
 */
export async function createMember({ request, store, lang }: ApiCall): Promise<HttpResponseInit> {
  const body = await readBody(request, memberSchema);
  if (!body.ok) return body.response;
  const member = body.value;
  const members = await store.members.list();
  const existing = members.find((other) => other.value.id === member.id);
  if (existing) return conflict(lang, apiTexts(lang).members.exists(member.id), { current: memberView(existing) }, 'exists');
  const clash = municipalityCodeError(lang, member, members);
  if (clash) return conflict(lang, clash.message, { errors: [clash] }, 'duplicate-municipality');
  try {
    const stored = await store.members.create(member, { action: 'member.create', target: `members/${member.id}`, before: null, after: member });
    return created(memberView(stored), `/api/members/${member.id}`, { etag: stored.etag });
  } catch (error) {
    if (error instanceof CodeTakenError) return codeTakenProblem(lang, error);
    if (error instanceof WriteContentionError) return memberContentionProblem(lang);
    if (!(error instanceof AlreadyExistsError)) throw error;
    const current = await store.members.get(member.id);
    return conflict(lang, apiTexts(lang).members.exists(member.id), current ? { current: memberView(current) } : {}, 'exists');
  }
}
