/** What the storage layer tells its callers, whatever the SDK said. */

/** Storage did not answer in time or at all: the API answers 503 and recovers when it returns. */
export class StorageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}

/** The etag a write was conditioned on is no longer current. */
export class StaleEtagError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The entity has changed since it was read.', options);
    this.name = 'StaleEtagError';
  }
}

export class AlreadyExistsError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The entity exists already.', options);
    this.name = 'AlreadyExistsError';
  }
}

export class EntityNotFoundError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The entity does not exist.', options);
    this.name = 'EntityNotFoundError';
  }
}

/** A value too large for one Table entity (1 MiB): refused before it is written. */
export class DocumentTooLargeError extends Error {
  constructor(readonly chars: number) {
    super(`The document is too large to store (${chars} characters).`);
    this.name = 'DocumentTooLargeError';
  }
}

interface RestErrorLike {
  name?: unknown;
  statusCode?: unknown;
  code?: unknown;
  details?: unknown;
}

function errorCodeOf(error: RestErrorLike): string | undefined {
  if (typeof error.code === 'string') return error.code;
  const details = error.details;
  if (typeof details === 'object' && details !== null && 'errorCode' in details && typeof details.errorCode === 'string') {
    return details.errorCode;
  }
  return undefined;
}

/**
 * Translate an SDK error. Network failures, timeouts (our abort signal) and 5xx mean storage
 * is unavailable; a missing table means the storage was wiped, so `onTableMissing` lets the
 * caller set it up again on the next request.
 */
export function classifyStorageError(error: unknown, onTableMissing: () => void): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const rest = error as RestErrorLike;
  if (rest.name === 'AbortError') return new StorageUnavailableError('Storage did not answer in time.', { cause: error });
  if (rest.name !== 'RestError') return error;
  const status = typeof rest.statusCode === 'number' ? rest.statusCode : undefined;
  const code = errorCodeOf(rest);
  if (status === undefined || status >= 500) return new StorageUnavailableError(`Storage is unreachable (${code ?? String(status)}).`, { cause: error });
  if (status === 404 && code === 'TableNotFound') {
    onTableMissing();
    return new StorageUnavailableError('A table is missing; it is created again on the next request.', { cause: error });
  }
  if (status === 412) return new StaleEtagError({ cause: error });
  if (status === 409 && (code === undefined || code === 'EntityAlreadyExists')) return new AlreadyExistsError({ cause: error });
  if (status === 404) return new EntityNotFoundError({ cause: error });
  return error;
}
