/** What the storage layer tells its callers, whatever the SDK said. */

/** Storage did not answer in time or at all: the API answers 503 and recovers when it returns. */
export class StorageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}

/**
 * A transaction was sent and no verdict came back (timeout, connection lost, 5xx): it may
 * have been stored or not. Only a read, or a retry with the same Idempotency-Key, can tell.
 */
export class OutcomeUnknownError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OutcomeUnknownError';
  }
}

/**
 * Storage refused a value for its size (a property or the entity is too large): the request
 * cannot succeed as it is, so it is not worth a retry.
 */
export class StorageRefusedSizeError extends Error {
  constructor(readonly code: string, options?: { cause?: unknown }) {
    super(`Storage refused the value as too large (${code}).`, options);
    this.name = 'StorageRefusedSizeError';
  }
}

/**
 * Storage refused a request for a reason the API does not expect (a 4xx other than
 * 404/409/412): a fault on our side, not an outage, so it is never answered "try again".
 */
export class StorageRefusedError extends Error {
  constructor(readonly status: number, readonly code: string | undefined, options?: { cause?: unknown }) {
    super(`Storage refused the request (${status} ${code ?? 'without a code'}).`, options);
    this.name = 'StorageRefusedError';
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
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`The document is too large to store (${bytes} bytes, at most ${maxBytes}).`);
    this.name = 'DocumentTooLargeError';
  }
}

interface RestErrorLike {
  name?: unknown;
  statusCode?: unknown;
  code?: unknown;
  details?: unknown;
}

/** An SDK error saying the entity is not there (a missing table is not that: it means setup again). */
export function isEntityMissing(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const rest = error as RestErrorLike;
  return rest.statusCode === 404 && errorCodeOf(rest) !== 'TableNotFound';
}

function errorCodeOf(error: RestErrorLike): string | undefined {
  if (typeof error.code === 'string') return error.code;
  const details = error.details;
  if (typeof details === 'object' && details !== null && 'errorCode' in details && typeof details.errorCode === 'string') {
    return details.errorCode;
  }
  return undefined;
}

const SIZE_CODES = new Set(['PropertyValueTooLarge', 'EntityTooLarge', 'RequestBodyTooLarge']);
/** Failures that happen before a request leaves this machine: nothing can have been stored. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Translate an SDK error. Network failures, timeouts (our abort signal) and 5xx mean storage
 * is unavailable; a missing table means the storage was wiped, so `onTableMissing` lets the
 * caller set it up again on the next request. With `sent`, the call was a write whose request
 * may have reached storage: a timeout, a lost connection or a 5xx leaves its outcome unknown.
 */
export function classifyStorageError(error: unknown, onTableMissing: () => void, sent = false): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const rest = error as RestErrorLike;
  if (rest.name === 'AbortError') {
    return sent
      ? new OutcomeUnknownError('Storage did not answer the transaction in time.', { cause: error })
      : new StorageUnavailableError('Storage did not answer in time.', { cause: error });
  }
  if (rest.name !== 'RestError') return error;
  const status = typeof rest.statusCode === 'number' ? rest.statusCode : undefined;
  const code = errorCodeOf(rest);
  if (status === undefined || status >= 500) {
    if (sent && !(status === undefined && code !== undefined && NOT_SENT_CODES.has(code))) {
      return new OutcomeUnknownError(`The transaction got no verdict (${code ?? String(status)}).`, { cause: error });
    }
    return new StorageUnavailableError(`Storage is unreachable (${code ?? String(status)}).`, { cause: error });
  }
  if (status === 404 && code === 'TableNotFound') {
    onTableMissing();
    return new StorageUnavailableError('A table is missing; it is created again on the next request.', { cause: error });
  }
  if (status === 412) return new StaleEtagError({ cause: error });
  if (status === 409 && (code === undefined || code === 'EntityAlreadyExists')) return new AlreadyExistsError({ cause: error });
  if (status === 404) return new EntityNotFoundError({ cause: error });
  if (status === 413 || (code !== undefined && SIZE_CODES.has(code))) return new StorageRefusedSizeError(code ?? String(status), { cause: error });
  return new StorageRefusedError(status, code, { cause: error });
}
