import type { HttpResponseInit } from '@azure/functions';
import { ifNoneMatchHits } from '../http/request';
import { JSON_CONTENT_TYPE } from '../http/responses';
import type { ApiCall } from '../http/route';
import { buildSnapshot } from '../stored-register';

/** GET /snapshot: everything the add-in computes from; 304 when the client's version is current. */
export async function getSnapshot({ request, services, signal }: ApiCall): Promise<HttpResponseInit> {
  const { version, body } = buildSnapshot(await services.readRegister(signal));
  const etag = `"${version}"`;
  const headers = { etag, 'cache-control': 'no-cache' };
  if (ifNoneMatchHits(request, etag)) return { status: 304, headers };
  return { status: 200, body, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers } };
}
