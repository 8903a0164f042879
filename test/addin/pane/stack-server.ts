import { createInterface } from 'node:readline';
import { startStack } from '../../support/stack';
import type { StackOptions } from '../../support/stack';

/*
 * The API stack in a process of its own, for component tests in jsdom: jsdom tests run as
 * web code, where the stack's Node-only modules cannot load. Prints {"apiUrl": …} once the
 * API answers, stops Azurite and the dev host on SIGTERM, and Azurite
 * alone on `stop-storage`.
 */

const role = process.argv[2];
const options: StackOptions = role === 'reader' || role === 'editor' || role === 'admin' ? { devRole: role } : {};
const stack = await startStack(options);
process.stdout.write(`${JSON.stringify({ apiUrl: stack.apiUrl })}\n`);

// `stop-storage` on stdin stops Azurite and leaves the API up, for tests of a storage outage.
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'stop-storage') return;
  stack.azurite.stop().then(
    () => process.stdout.write('storage stopped\n'),
    (error: unknown) => process.stdout.write(`storage did not stop: ${String(error)}\n`),
  );
});

const stop = () => {
  stack.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('The test stack did not stop cleanly.', error);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
