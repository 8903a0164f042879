import type { PopulationFigure } from '@ssr/shared';

/** One municipality's figure for a year: what is stored, what the file says. */
export interface FigureChange {
  municipalityCode: string;
  name: string;
  year: number;
  stored?: number;
  incoming: number;
}

/**
 * The figures of an import that differ from what is stored (new ones included), ordered by
 * year and code. Unchanged figures are left out: the preview shows what saving changes.
 */
export function figureChanges(
  incoming: readonly PopulationFigure[],
  stored: readonly PopulationFigure[],
  names: Readonly<Record<string, string>>,
): FigureChange[] {
  const storedBy = new Map(stored.map((figure) => [`${figure.municipalityCode}|${figure.year}`, figure.population]));
  return incoming
    .flatMap((figure) => {
      const before = storedBy.get(`${figure.municipalityCode}|${figure.year}`);
      if (before === figure.population) return [];
      const change: FigureChange = {
        municipalityCode: figure.municipalityCode,
        name: names[figure.municipalityCode] ?? figure.municipalityCode,
        year: figure.year,
        incoming: figure.population,
      };
      return [before === undefined ? change : { ...change, stored: before }];
    })
    .sort((a, b) => a.year - b.year || a.municipalityCode.localeCompare(b.municipalityCode));
}

/** The figures grouped per year, as PUT /populations/{year} takes them. */
export function figuresByYear(figures: readonly PopulationFigure[]): Map<number, PopulationFigure[]> {
  const byYear = new Map<number, PopulationFigure[]>();
  for (const figure of figures) byYear.set(figure.year, [...(byYear.get(figure.year) ?? []), figure]);
  return new Map([...byYear].sort(([a], [b]) => a - b));
}
