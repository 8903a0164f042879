import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Lang } from '@ssr/shared';
import { apiTexts } from '../texts';
import { authorize } from '../auth';
import { requestLang } from './lang';
import type { Services } from '../services';
import {
  AlreadyExistsError,
  DocumentTooLargeError,
  OutcomeUnknownError,
  StorageRefusedSizeError,
  StorageUnavailableError,
} from '../storage/errors';
import type { IdempotencyClaim } from '../storage/idempotency';
import { findIdempotencyRecord } from '../storage/idempotency';
import { Deadline } from '../storage/deadline';
import { openStore } from '../storage/store';
import { IDEMPOTENT_METHODS, readIdempotencyClaim, replay } from './idempotency';
import { internalError, outcomeUnknown, serviceUnavailable } from './responses';
import { storedTooLarge } from './too-large';
import type { Route } from './route';

/**
 * The Functions handler of a route: authorise, give the handler a store bound to this
 * request's storage deadline, and turn storage failures into their class: 503 when nothing
 * was sent, 504 when a write's outcome is unknown, 413 for what storage refuses as too large,
 * and 500 with a correlation id (logged with the error) for anything else unexpected.
 *
 * A write with an Idempotency-Key that storage has recorded is answered as it was the first
 * time, before the handler runs, and also when the handler meets its own earlier write (409/412).
 */
export function httpHandler(route: Route, services: Services, routes: readonly Route[]): HttpHandler {
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const lang = requestLang(request.headers);
    const auth = authorize(request.headers, route.role, services.config, lang);
    if (!auth.ok) return auth.response;
    // A copy of a write's body, to name the field that weighs most if storage cannot hold the result.
    const copy = IDEMPOTENT_METHODS.has(request.method.toUpperCase()) ? request.clone() : undefined;
    const claim = await readIdempotencyClaim(request, auth.value.name);
    if (!claim.ok) return claim.response;
    // The signal is made when a storage call first asks for it: answers from memory need none.
    const deadline = new Deadline(services.config.storage.timeoutMs);
    const store = openStore(services.tables, {
      get signal() {
        return deadline.signal;
      },
      user: auth.value,
      now: services.now,
      ...(claim.value ? { idempotency: claim.value } : {}),
    });
    const replayed = async (key: IdempotencyClaim): Promise<HttpResponseInit | undefined> => {
      const record = await findIdempotencyRecord(services.tables, key, deadline.signal);
      return record ? replay(record, key, { route, tables: services.tables, store, signal: deadline.signal, lang }) : undefined;
    };
    try {
      if (claim.value) {
        const earlier = await replayed(claim.value);
        if (earlier) return earlier;
      }
      const response = await route.handler({
        request,
        context,
        user: auth.value,
        store,
        get signal() {
          return deadline.signal;
        },
        deadline,
        services,
        routes,
        lang,
      });
      if (claim.value && (response.status === 409 || response.status === 412)) return (await replayed(claim.value)) ?? response;
      return response;
    } catch (error) {
      return await failure(error, claim.value, replayed, { route, request, context, copy, sent: store.writes.sent, lang });
    }
  };
}

async function failure(
  error: unknown,
  claim: IdempotencyClaim | undefined,
  replayed: (claim: IdempotencyClaim) => Promise<HttpResponseInit | undefined>,
  call: { route: Route; request: HttpRequest; context: InvocationContext; copy: HttpRequest | undefined; sent: boolean; lang: Lang },
): Promise<HttpResponseInit> {
  const { route, request, context, lang } = call;
  // Once a write was sent, a later failure cannot say "nothing changed".
  if (error instanceof OutcomeUnknownError || (error instanceof StorageUnavailableError && call.sent)) {
    context.warn(`${route.name}: ${error.message}`);
    return outcomeUnknown(lang);
  }
  if (error instanceof StorageUnavailableError) {
    context.warn(`${route.name}: ${error.message}`);
    return serviceUnavailable(lang, apiTexts(lang).http.storageUnavailable);
  }
  if (error instanceof DocumentTooLargeError) return storedTooLarge(lang, call.copy, error.bytes, error.maxBytes);
  if (error instanceof StorageRefusedSizeError) {
    context.warn(`${route.name}: ${error.message}`);
    return storedTooLarge(lang, call.copy, undefined, undefined);
  }
  // Another attempt with the same key stored its write first.
  if (claim && error instanceof AlreadyExistsError) {
    try {
      const earlier = await replayed(claim);
      if (earlier) return earlier;
    } catch (lookup) {
      context.warn(`${route.name}: the Idempotency-Key could not be looked up again:`, lookup);
    }
  }
  const correlationId = context.invocationId;
  context.error(`${route.name} failed on ${request.method} ${request.url} [correlation id ${correlationId}]:`, error);
  return internalError(lang, correlationId);
}
