/**
 * A request's storage deadline as an AbortSignal. `AbortSignal.timeout` costs a timer and a
 * weak registration per request, a measurable share of a read answered from memory; here
 * the deadlines share one timer, which aborts each signal with the same TimeoutError.
 */

interface Pending {
  at: number;
  controller: AbortController;
}

/** Deadlines in order of expiry; `head` is the first not yet expired. */
let queue: Pending[] = [];
let head = 0;
let timer: NodeJS.Timeout | undefined;
let timerAt = Number.POSITIVE_INFINITY;

function expire(): void {
  timer = undefined;
  timerAt = Number.POSITIVE_INFINITY;
  const now = Date.now();
  while (head < queue.length && (queue[head]?.at ?? 0) <= now) {
    const expired = queue[head];
    head += 1;
    expired?.controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
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
  timer = setTimeout(expire, Math.max(0, next.at - Date.now()));
  // A pending deadline alone does not keep the process running.
  timer.unref();
}

export function deadlineSignal(ms: number): AbortSignal {
  const controller = new AbortController();
  const entry = { at: Date.now() + ms, controller };
  // Deadlines of one length arrive in order: the new one almost always goes last.
  let index = queue.length;
  while (index > head && (queue[index - 1]?.at ?? 0) > entry.at) index -= 1;
  if (index === queue.length) queue.push(entry);
  else queue.splice(index, 0, entry);
  schedule();
  return controller.signal;
}
