import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { authorize } from '../auth';
import type { Services } from '../services';
import { DocumentTooLargeError, StorageUnavailableError } from '../storage/errors';
import { openStore } from '../storage/store';
import { payloadTooLarge, serviceUnavailable } from './responses';
import type { Route } from './route';

/**
 * The Functions handler of a route: authorise, give the handler a store bound to this
 * request's storage deadline, and turn storage failures into 503. Anything else unexpected
 * is logged with its context and rethrown (the host answers 500).
 */
export function httpHandler(route: Route, services: Services, routes: readonly Route[]): HttpHandler {
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const auth = authorize(request.headers, route.role, services.config);
    if (!auth.ok) return auth.response;
    const signal = AbortSignal.timeout(services.config.storage.timeoutMs);
    const store = openStore(services.tables, { signal, user: auth.value, now: services.now });
    try {
      return await route.handler({ request, context, user: auth.value, store, signal, services, routes });
    } catch (error) {
      if (error instanceof StorageUnavailableError) {
        context.warn(`${route.name}: ${error.message}`);
        return serviceUnavailable('Lagringen svarar inte just nu. Inget har ändrats; försök igen om en stund.');
      }
      if (error instanceof DocumentTooLargeError) {
        return payloadTooLarge('Uppgifterna blir för stora för att lagras; dela upp dem eller korta texterna.');
      }
      context.error(`${route.name} failed on ${request.method} ${request.url}:`, error);
      throw error;
    }
  };
}
