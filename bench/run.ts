import os from 'node:os';
import { runApiBench } from './api';
import { runEngineBench } from './engine';
import { runFunctionsBench } from './functions';
import { runPageBench } from './page';

/**
 * `npm run bench`: the benchmark suites, in this order. A suite is a file in bench/ that
 * exports `async function runXxxBench(): Promise<void>`; add it here with one line.
 * `npm run bench -- engine` runs only the suites whose name contains "engine".
 */
const SUITES: readonly (readonly [name: string, run: () => Promise<void>])[] = [
  ['engine', runEngineBench],
  ['api', runApiBench],
  ['functions', runFunctionsBench],
  ['page', runPageBench],
];

const wanted = process.argv.slice(2).map((arg) => arg.toLowerCase());
const chosen = SUITES.filter(([name]) => wanted.length === 0 || wanted.some((part) => name.includes(part)));
if (chosen.length === 0) throw new Error(`No benchmark suite matches ${wanted.join(', ')}; there are: ${SUITES.map(([name]) => name).join(', ')}.`);

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
// Other work on the machine slows the median; the fastest batch is the steadier figure then.
const load = os.loadavg().map((value) => value.toFixed(2)).join(' ');
console.log(`Node ${process.version} on ${os.platform()}/${os.arch()}, ${os.cpus().length} × ${cpu}, load average ${load}`);
for (const [name, run] of chosen) {
  console.log(`\n=== ${name} ===`);
  await run();
}
