import type { FeeMode, PopulationFigure } from './schemas';

/** Population figures by municipality code, then by year (31 December of that year). */
export type PopulationIndex = ReadonlyMap<string, ReadonlyMap<number, PopulationFigure>>;

const indexes = new WeakMap<readonly PopulationFigure[], PopulationIndex>();

/** Index the figures once per array: thousands of cells reuse the same snapshot. */
export function indexPopulations(figures: readonly PopulationFigure[]): PopulationIndex {
  const cached = indexes.get(figures);
  if (cached) return cached;
  const index = new Map<string, Map<number, PopulationFigure>>();
  for (const figure of figures) {
    let byYear = index.get(figure.municipalityCode);
    if (!byYear) {
      byYear = new Map();
      index.set(figure.municipalityCode, byYear);
    }
    byYear.set(figure.year, figure);
  }
  indexes.set(figures, index);
  return index;
}

/** ISO date of the population figure: 31 December of the year. */
export function populationDate(year: number): string {
  return `${year}-12-31`;
}

/** R3: fee year Y uses the population of 31 December of Y − offset (offset 1 by default). */
export function populationYearFor(feeYear: number, populationYearOffset: number): number {
  return feeYear - populationYearOffset;
}

export interface PopulationBasis {
  population: number;
  /** The date the fee year asks for (31 Dec of Y − offset). */
  populationDate: string;
  /** The date of the figure used: the same as populationDate unless estimated. */
  figureDate: string;
  estimated: boolean;
  source: string;
}

/**
 * R3 with a mode: `exact` needs the figure of the date itself; `estimate` takes the latest
 * earlier figure when that one is missing, and says so. Undefined when nothing fits.
 */
export function populationBasis(
  index: PopulationIndex,
  municipalityCode: string,
  populationYear: number,
  mode: FeeMode,
): PopulationBasis | undefined {
  const byYear = index.get(municipalityCode);
  const exact = byYear?.get(populationYear);
  const date = populationDate(populationYear);
  if (exact) {
    return { population: exact.population, populationDate: date, figureDate: date, estimated: false, source: exact.source };
  }
  if (mode === 'exact' || !byYear) return undefined;
  const latest = latestBefore(byYear, populationYear);
  if (!latest) return undefined;
  return {
    population: latest.population,
    populationDate: date,
    figureDate: populationDate(latest.year),
    estimated: true,
    source: latest.source,
  };
}

/** R3, estimate mode: the latest figure of a municipality before the population year. */
export function latestBefore(byYear: ReadonlyMap<number, PopulationFigure>, populationYear: number): PopulationFigure | undefined {
  let latest: PopulationFigure | undefined;
  for (const [year, figure] of byYear) {
    if (year < populationYear && (!latest || year > latest.year)) latest = figure;
  }
  return latest;
}

/** A figure that repeats an earlier one's municipality and 31 December, with the earlier one's index. */
export interface RepeatedFigure {
  index: number;
  first: number;
  figure: PopulationFigure;
}

/** R3: one figure per municipality and 31 December; every figure that repeats one before it. */
export function repeatedFigures(figures: readonly PopulationFigure[]): RepeatedFigure[] {
  const firstAt = new Map<string, number>();
  const repeated: RepeatedFigure[] = [];
  figures.forEach((figure, index) => {
    const key = `${figure.municipalityCode}/${figure.year}`;
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, index);
    else repeated.push({ index, first, figure });
  });
  return repeated;
}
