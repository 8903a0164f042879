/**
 * Timing for the benchmark suites: warm up, then time batches of calls and report the
 * median and the fastest batch per call. Figures only: nothing here judges a time.
 */

export type TimeUnit = 'µs' | 'ms';

export interface Timing {
  label: string;
  /** Calls timed after the warm-up. */
  runs: number;
  medianMs: number;
  minMs: number;
  unit: TimeUnit;
  /** What one call is: "per schedule", "per 10 schedules", "per file". */
  per: string;
}

export interface MeasureOptions {
  /** Time spent calling before anything is timed, for the JIT to settle. */
  warmupMs?: number;
  /** Time spent on timed batches. */
  sampleMs?: number;
  /** At least this many batches, however long they take. */
  minSamples?: number;
  /** A batch runs the call this long, so that the clock's resolution does not matter. */
  batchMs?: number;
}

/** The last result of each call is kept here, so that no call can be optimised away. */
const kept: unknown[] = [undefined];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function measure(label: string, per: string, unit: TimeUnit, call: () => unknown, options: MeasureOptions = {}): Timing {
  const { warmupMs = 300, sampleMs = 1_500, minSamples = 10, batchMs = 10 } = options;
  let warmupCalls = 0;
  const warmupStart = performance.now();
  while (warmupCalls < 3 || performance.now() - warmupStart < warmupMs) {
    kept[0] = call();
    warmupCalls += 1;
  }
  const perCallEstimate = (performance.now() - warmupStart) / warmupCalls;
  const batchSize = Math.max(1, Math.round(batchMs / perCallEstimate));
  const samples: number[] = [];
  const sampleStart = performance.now();
  while (samples.length < minSamples || performance.now() - sampleStart < sampleMs) {
    const start = performance.now();
    for (let i = 0; i < batchSize; i += 1) kept[0] = call();
    samples.push((performance.now() - start) / batchSize);
  }
  return { label, runs: samples.length * batchSize, medianMs: median(samples), minMs: Math.min(...samples), unit, per };
}

function inUnit(ms: number, unit: TimeUnit): string {
  const value = unit === 'µs' ? ms * 1_000 : ms;
  return `${value.toFixed(value < 10 ? 2 : 1)} ${unit}`;
}

/** An aligned table: one row per timing, numbers right-aligned. */
export function printTimings(title: string, timings: readonly Timing[]): void {
  const header = ['', 'runs', 'median', 'fastest', ''];
  const rows = timings.map((t) => [t.label, t.runs.toLocaleString('en-US'), inUnit(t.medianMs, t.unit), inUnit(t.minMs, t.unit), t.per]);
  const widths = header.map((cell, at) => Math.max(cell.length, ...rows.map((row) => (row[at] ?? '').length)));
  const format = (row: readonly string[]) =>
    row
      .map((cell, at) => (at === 0 || at === row.length - 1 ? cell.padEnd(widths[at] ?? 0) : cell.padStart(widths[at] ?? 0)))
      .join('   ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(format(header));
  console.log(format(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(format(row));
}
