/**
 * A request's storage deadline. `AbortSignal.timeout` costs a timer, a weak registration and
 * an event target per request, a measurable share of a read answered from memory, which
 * needs none of them: it only has to stop waiting for a shared read when time is up. So the
 * deadlines share one timer, and the signal is made only when a storage call asks for it.
 */

interface Pending {
  at: number;
  expire: () => void;
  done: boolean;
}

/** Deadlines in order of expiry; `head` is the first not yet expired. */
let queue: Pending[] = [];
let head = 0;
let timer: NodeJS.Timeout | undefined;
let timerAt = Number.POSITIVE_INFINITY;

function expireDue(): void {
  timer = undefined;
  timerAt = Number.POSITIVE_INFINITY;
  const now = Date.now();
  while (head < queue.length && (queue[head]?.at ?? 0) <= now) {
    const due = queue[head];
    head += 1;
    if (due !== undefined && !due.done) {
      due.done = true;
      due.expire();
    }
  }
  // Drop what has expired once it is most of the queue, so the array does not grow without end.
  if (head > 1024 && head * 2 > queue.length) {
    queue = queue.slice(head);
    head = 0;
  }
  schedule();
}

function schedule(): void {
  const next = queue[head];
  if (next === undefined || next.at >= timerAt) return;
  if (timer !== undefined) clearTimeout(timer);
  timerAt = next.at;
  timer = setTimeout(expireDue, Math.max(0, next.at - Date.now()));
  // A pending deadline alone does not keep the process running.
  timer.unref();
}

/** Call `expire` at `at` unless the returned entry is marked done first. */
function onDeadline(at: number, expire: () => void): Pending {
  const entry: Pending = { at, expire, done: false };
  // Deadlines of one length arrive in order: a new one almost always goes last.
  let index = queue.length;
  while (index > head && (queue[index - 1]?.at ?? 0) > at) index -= 1;
  if (index === queue.length) queue.push(entry);
  else queue.splice(index, 0, entry);
  schedule();
  return entry;
}

const timeoutError = () => new DOMException('The operation was aborted due to timeout', 'TimeoutError');

export class Deadline {
  readonly at: number;
  private controller: AbortController | undefined;

  constructor(ms: number) {
    this.at = Date.now() + ms;
  }

  /** Aborted at the deadline, as `AbortSignal.timeout` would be; made on first use. */
  get signal(): AbortSignal {
    if (this.controller === undefined) {
      const controller = new AbortController();
      this.controller = controller;
      if (this.at <= Date.now()) controller.abort(timeoutError());
      else onDeadline(this.at, () => controller.abort(timeoutError()));
    }
    return this.controller.signal;
  }

  /** The promise's outcome, or `late()` as the rejection if the deadline comes first. */
  race<T>(promise: Promise<T>, late: () => Error): Promise<T> {
    if (this.at <= Date.now() || this.controller?.signal.aborted === true) return Promise.reject(late());
    return new Promise<T>((resolve, reject) => {
      const entry = onDeadline(this.at, () => reject(late()));
      promise.then(
        (value) => {
          entry.done = true;
          resolve(value);
        },
        (error: unknown) => {
          entry.done = true;
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }
}
