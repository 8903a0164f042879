import type { HttpResponseInit } from '@azure/functions';
import { JSON_CONTENT_TYPE } from '../http/responses';
import type { ApiCall } from '../http/route';
import { fromRegister } from '../register-cache';
import { buildSnapshot } from '../stored-register';

/** GET /snapshot: everything the add-in computes from; 304 when the client's version is current. */
export async function getSnapshot(call: ApiCall): Promise<HttpResponseInit> {
  return fromRegister(call, (stored) => {
    const { version, body } = buildSnapshot(stored);
    return { status: 200, body, headers: { 'content-type': JSON_CONTENT_TYPE, etag: `"${version}"`, 'cache-control': 'no-cache' } };
  });
}
