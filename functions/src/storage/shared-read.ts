import { Deadline } from './deadline';
import { StorageUnavailableError } from './errors';

/**
 * Share one read among the requests that want it at the same time. A request never joins a
 * read that started before it arrived (that read might miss a write the caller has already
 * seen answered): it waits for the next one, which starts as soon as the running one ends.
 * So under load there is one read running and at most one queued, whatever the concurrency.
 */
export function coalesce<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const promise = read();
    running = promise;
    const clear = () => {
      if (running === promise) running = undefined;
    };
    promise.then(clear, clear);
    return promise;
  };
  return () => {
    if (running === undefined) return start();
    queued ??= running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  };
}

/** Wait for a shared read, but no longer than this request's own storage deadline. */
export function withDeadline<T>(promise: Promise<T>, limit: AbortSignal | Deadline): Promise<T> {
  if (limit instanceof Deadline) return limit.race(promise, () => new StorageUnavailableError('Storage did not answer in time.'));
  const signal = limit;
  if (signal.aborted) return Promise.reject(new StorageUnavailableError('Storage did not answer in time.'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new StorageUnavailableError('Storage did not answer in time.'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
