import type { HttpMethod, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Lang, User } from '@ssr/shared';
import type { RouteRole } from '../auth';
import type { Services } from '../services';
import type { Deadline } from '../storage/deadline';
import type { Store } from '../storage/store';
import type { SchemaName } from '../openapi-schemas';

/** One call of a route's handler: the request, who made it, and the register as it may see it. */
export interface ApiCall {
  request: HttpRequest;
  context: InvocationContext;
  user: User;
  store: Store;
  /** This request's storage deadline, as a signal for storage calls. */
  signal: AbortSignal;
  /** The same deadline, for waiting on a shared read without making the signal. */
  deadline: Deadline;
  services: Services;
  /** The route table itself (the OpenAPI document describes it). */
  routes: readonly Route[];
  /** The language the caller reads (Accept-Language): what problems are worded in. */
  lang: Lang;
}

export type ApiHandler = (call: ApiCall) => Promise<HttpResponseInit>;

export interface RouteParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description: string;
  schema: Record<string, unknown>;
}

export interface RouteResponse {
  description: string;
  schema?: SchemaName;
  /** `text/csv` besides JSON (invoices). */
  csv?: boolean;
}

/** A function of the app: one method on one route, the role it needs, and what OpenAPI says of it. */
export interface Route {
  /** The function name in Azure: unique, letters only. */
  name: string;
  method: HttpMethod;
  /** Below the `/api` prefix, in Azure Functions' template syntax: `members/{id}`. */
  path: string;
  role: RouteRole;
  summary: string;
  parameters?: RouteParameter[];
  body?: SchemaName;
  responses: Record<number, RouteResponse>;
  handler: ApiHandler;
}
