import { AlreadyExistsError, EntityNotFoundError, StaleEtagError } from './errors';

/**
 * Writes that keep bookkeeping rows (sums, code claims) in step read those rows and write them
 * conditionally in the data's transaction. When another write came first, the transaction
 * fails as a whole and a fresh read decides again; these helpers run those rounds.
 */

/** Other writes on the same bookkeeping row kept winning: nothing was written. */
export class WriteContentionError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('Concurrent writes on the same rows kept this write from committing.', options);
    this.name = 'WriteContentionError';
  }
}

/** An outcome of a round that ends the rounds: thrown as it is, not read again. */
class Final extends Error {
  constructor(readonly outcome: unknown) {
    super('A final outcome of a conditional write.');
    this.name = 'Final';
  }
}

/** Mark an error as the answer: a fresh read would not change it (the caller's copy is stale, the id is taken). */
export function final(outcome: unknown): Final {
  return new Final(outcome);
}

/** A failed transaction that a fresh read may resolve: some other write came first. */
function isRace(error: unknown): boolean {
  return error instanceof StaleEtagError || error instanceof AlreadyExistsError || error instanceof EntityNotFoundError;
}

const ROUNDS = 12;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 5 + Math.random() * 20));

/** Run a read-then-write round until one commits or fails for a reason a fresh read does not change. */
export async function retryingRaces<T>(round: () => Promise<T>): Promise<T> {
  let last: unknown;
  for (let index = 0; index < ROUNDS; index += 1) {
    if (index > 0) await pause();
    try {
      return await round();
    } catch (error) {
      if (error instanceof Final) throw error.outcome;
      if (!isRace(error)) throw error;
      last = error;
    }
  }
  throw new WriteContentionError({ cause: last });
}
