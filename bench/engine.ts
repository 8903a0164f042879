import { SEED_REGISTER, feeForMember, feeSchedule, parseScbPopulation } from '@ssr/shared';
import type { FeeMode, Member, Register } from '@ssr/shared';
import { scbExportOfSweden, syntheticRegister } from './engine-fixtures';
import type { SyntheticRegister } from './engine-fixtures';
import { measure, printTimings } from './measure';

/** The fee engine: schedules for the seed register and a large one, and the SCB import. */

function scheduleOrThrow(register: Register, year: number, mode: FeeMode) {
  const result = feeSchedule(register, year, mode);
  if (!result.ok) throw new Error(`The benchmark register has no fee schedule for ${year}: ${result.error.message}`);
  return result.value;
}

function seedMember(id: string): Member {
  const member = SEED_REGISTER.members.find((candidate) => candidate.id === id);
  if (!member) throw new Error(`The seed register has no member '${id}'.`);
  return member;
}

/** Check the inputs once, so that a broken fixture cannot be timed as if it were the real path. */
function checkInputs(synthetic: SyntheticRegister): void {
  const seed2024 = scheduleOrThrow(SEED_REGISTER, 2024, 'exact');
  if (seed2024.totals.all !== 760_223_150) throw new Error(`Seed register 2024 totals ${seed2024.totals.all} öre, not 760 223 150.`);
  for (const year of synthetic.years) {
    const schedule = scheduleOrThrow(synthetic, year, 'estimate');
    if (schedule.lines.length < synthetic.members.length / 2) throw new Error(`Only ${schedule.lines.length} fee lines in ${year}.`);
  }
}

/** The median a register of 10 000 members over ten fee years is expected to stay under. */
const SCHEDULES_TARGET_MS = 50;

function scheduleAll(register: Register, years: readonly number[], mode: FeeMode): number {
  let total = 0;
  for (const year of years) total += scheduleOrThrow(register, year, mode).totals.all;
  return total;
}

function benchSchedules(synthetic: SyntheticRegister): void {
  const nacka = seedMember('nacka');
  const years = synthetic.years;
  const span = `${years[0] ?? ''}–${years[years.length - 1] ?? ''}`;
  const timings = [
    measure('seed register (37 members), 2024 exact', 'per schedule', 'µs', () => scheduleOrThrow(SEED_REGISTER, 2024, 'exact')),
    measure('seed register (37 members), 2026 estimate', 'per schedule', 'µs', () => scheduleOrThrow(SEED_REGISTER, 2026, 'estimate')),
    measure('one member (Nacka 2025), as a cell computes it', 'per fee', 'µs', () => feeForMember(SEED_REGISTER, nacka, 2025, 'exact')),
    measure(`10 000 members, ${span}, estimate`, 'per 10 schedules', 'ms', () => scheduleAll(synthetic, years, 'estimate')),
    measure(`10 000 members, ${span}, exact`, 'per 10 schedules', 'ms', () => scheduleAll(synthetic, years, 'exact')),
    // A fresh array defeats the per-array population index cache: the cost of a new snapshot.
    measure(`10 000 members, ${span}, estimate, new snapshot`, 'per 10 schedules', 'ms', () =>
      scheduleAll({ ...synthetic, populations: [...synthetic.populations] }, years, 'estimate'),
    ),
  ];
  const figures = synthetic.populations.length.toLocaleString('en-US');
  printTimings(`Fee schedules (synthetic: 8 000 municipalities, 2 000 other actors, ${figures} population figures)`, timings);
  for (const timing of timings.filter((t) => t.label.startsWith('10 000 members') && !t.label.endsWith('new snapshot'))) {
    const mode = timing.label.slice(timing.label.lastIndexOf(' ') + 1);
    console.log(`10 000 × 10 y, ${mode}: median ${timing.medianMs.toFixed(1)} ms per 10 schedules (target < ${SCHEDULES_TARGET_MS} ms)`);
  }
}

/** The file covers all of Sweden; every county is read, as the import's worst case. */
const ALL_COUNTIES = { county: null };

function benchScbImport(): void {
  const file = scbExportOfSweden();
  const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(file.csv)]);
  // Latin-1 and Windows-1252 agree on every letter of these names (å, ä, ö, Å, Ä, Ö).
  const windows1252 = new Uint8Array(Buffer.from(file.csv, 'latin1'));
  for (const input of [file.csv, utf8, windows1252]) {
    const result = parseScbPopulation(input, ALL_COUNTIES);
    if (!result.ok) throw new Error(`The benchmark SCB file is refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
    const figures = result.value.figures.length;
    const failed = result.value.countyChecks.filter((check) => !check.matches).length;
    if (figures !== file.municipalities * 2 || failed > 0) throw new Error(`SCB import read ${figures} figures with ${failed} failed county checks.`);
  }
  const timings = [
    measure('text', 'per file', 'ms', () => parseScbPopulation(file.csv, ALL_COUNTIES)),
    measure('UTF-8 bytes with BOM', 'per file', 'ms', () => parseScbPopulation(utf8, ALL_COUNTIES)),
    measure('Windows-1252 bytes', 'per file', 'ms', () => parseScbPopulation(windows1252, ALL_COUNTIES)),
  ];
  const size = `${(utf8.length / 1024).toFixed(1)} KiB`;
  printTimings(`SCB import (${file.municipalities} municipalities, ${file.counties} counties, 2 years, ${size})`, timings);
}

export async function runEngineBench(): Promise<void> {
  const synthetic = syntheticRegister();
  checkInputs(synthetic);
  benchSchedules(synthetic);
  benchScbImport();
  // Suites are async so that others can await servers; this one lets pending I/O run between them.
  await new Promise<void>((resolve) => setImmediate(resolve));
}
