import { createAuthorizedFetch, getTokenSource } from '../auth';
import type { Fetch, TokenSource } from '../auth';
import { cellHost, configureFunctions, SSR_FUNCTIONS } from '../custom-functions';
import type { CellErrorFactory, FunctionsContext } from '../custom-functions';
import { apiBaseUrl } from '../api/base';
import { createSnapshotClient } from '../snapshot/client';
import type { SnapshotClient } from '../snapshot/client';
import type { SnapshotStorage } from '../snapshot/storage';
import { associateCustomFunctions, hostSnapshotStorage, officeCellError } from './office';

/*
 * The add-in's composition root: the one place that builds what the custom functions and the
 * task pane share (one authorized fetch, one snapshot client, one clock) and wires them to
 * Excel or to preview mode. Nothing below it builds a service of its own.
 */

/** What the custom functions and the task pane run on. */
export interface AddinRoot {
  /** The API base, such as `/api`. */
  readonly apiBaseUrl: string;
  /** The runtime's sign-in; null when the build has none (local dev mode). */
  readonly tokenSource: TokenSource | null;
  /** fetch with the signed-in user's token added (as it is in dev mode). */
  readonly fetch: Fetch;
  /** The one snapshot cache: 10 000 cells and the pane share one request. */
  readonly snapshots: SnapshotClient;
  readonly now: () => number;
}

export interface RootOptions {
  apiBaseUrl?: string;
  /** The sign-in; by default the runtime's (none when the build has no sign-in settings). */
  tokenSource?: TokenSource | null;
  /** The transport under the authorized fetch. */
  fetch?: Fetch;
  /** A snapshot client of the caller's (tests); by default one over the authorized fetch. */
  snapshots?: SnapshotClient;
  storage?: SnapshotStorage;
  now?: () => number;
}

export function createAddinRoot(options: RootOptions = {}): AddinRoot {
  const baseUrl = options.apiBaseUrl ?? apiBaseUrl();
  const tokenSource = options.tokenSource === undefined ? getTokenSource() : options.tokenSource;
  const fetch = createAuthorizedFetch(tokenSource, options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  const now = options.now ?? Date.now;
  const snapshots = options.snapshots ?? createSnapshotClient({ baseUrl, fetch, storage: options.storage ?? hostSnapshotStorage(), now });
  return { apiBaseUrl: baseUrl, tokenSource, fetch, snapshots, now };
}

const PAGE_ROOT = Symbol.for('ssr.addin.root');

/**
 * The root of this JavaScript runtime. The page and a functions.js loaded beside it are two
 * bundles in one runtime: they find one root here, so they share one snapshot cache and one
 * sign-in instead of each building their own.
 */
export function pageRoot(): AddinRoot {
  const runtime = globalThis as { [PAGE_ROOT]?: AddinRoot };
  runtime[PAGE_ROOT] ??= createAddinRoot();
  return runtime[PAGE_ROOT];
}

/**
 * Point the SSR.* functions at the root's snapshots and clock, with the cell errors of the host,
 * the language the cells speak and whether the host shows formatted numbers.
 */
export function configureCellFunctions(
  root: AddinRoot,
  cellError: CellErrorFactory,
  host: Pick<FunctionsContext, 'language' | 'dataTypes'>,
): void {
  configureFunctions({ snapshots: root.snapshots, now: root.now, cellError, ...host });
}

const REGISTERED = Symbol.for('ssr.customFunctions.registered');

/** Inside Excel: configure the functions and associate them with Excel's ids, once per runtime. */
export function registerCustomFunctions(root: AddinRoot): void {
  const runtime = globalThis as { [REGISTERED]?: true };
  if (runtime[REGISTERED]) return;
  configureCellFunctions(
    root,
    officeCellError,
    cellHost({
      displayLanguage: Office.context.displayLanguage,
      isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
    }),
  );
  associateCustomFunctions(SSR_FUNCTIONS);
  runtime[REGISTERED] = true;
}
