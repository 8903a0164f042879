import type { PopulationFigure } from '@ssr/shared';
import { populationFigureSchema, repeatedFigures } from '@ssr/shared';
import { z } from 'zod';
import type { AuditChange } from '../audit';
import type { StoreContext } from './context';
import { toDocumentEntity } from './documents';
import { AlreadyExistsError, StaleEtagError } from './errors';
import { commit } from './outbox';
import type { Versioned } from './rows';
import { getDocument, listDocuments, toHttpEtag, toStorageEtag } from './rows';

/**
 * A year's figures (31 December of that year) are one row in a partition of their own, so
 * that replacing any of them is one conditional write: all or nothing, and never lost.
 */
export interface PopulationRepository {
  /** The year's figures by municipality code; etag {@link NO_FIGURES_ETAG} when none are stored. */
  year(year: number): Promise<Versioned<PopulationFigure[]>>;
  all(): Promise<PopulationFigure[]>;
  /** Store the year's full list of figures. @throws StaleEtagError */
  replaceYear(year: number, figures: PopulationFigure[], etag: string, change: AuditChange): Promise<Versioned<PopulationFigure[]>>;
}

/** The etag of a year without figures: a PUT conditioned on it creates the year. */
export const NO_FIGURES_ETAG = '"empty"';
const ROW = 'figures';

const yearSchema = z.array(populationFigureSchema);

/**
 * R3: one figure per municipality and 31 December. Why `figures` cannot be the row of `year`
 * (a figure of another year, or a code twice), or undefined when they can.
 */
function yearRowProblem(year: number, figures: readonly PopulationFigure[]): string | undefined {
  const other = figures.find((figure) => figure.year !== year);
  if (other) return `a figure of ${other.year} for ${other.municipalityCode} in the row of ${year}`;
  const [twice] = repeatedFigures(figures);
  return twice && `two figures for ${twice.figure.municipalityCode} in the row of ${year}`;
}

export function populationRepository(context: StoreContext): PopulationRepository {
  const { tables, signal } = context;
  return {
    async year(year) {
      const stored = await getDocument(tables, 'populations', yearSchema, String(year), ROW, signal);
      if (stored === undefined) return { value: [], etag: NO_FIGURES_ETAG };
      // Only replaceYear writes these rows and it checks them: a row that fails is damage, not input.
      const problem = yearRowProblem(year, stored.value);
      if (problem !== undefined) throw new Error(`Stored row populations/${year}/${ROW} holds ${problem}.`);
      return stored;
    },

    async all() {
      const years = await listDocuments(tables, 'populations', yearSchema, `RowKey eq '${ROW}'`, signal);
      const figures = years.flatMap((stored) => stored.value);
      const [twice] = repeatedFigures(figures);
      if (twice) throw new Error(`Stored populations hold two figures for ${twice.figure.municipalityCode} on 31 December ${twice.figure.year}.`);
      return figures;
    },

    async replaceYear(year, figures, etag, change) {
      // The route refuses such input with a 400; reaching here with it is a bug, and nothing is written.
      const problem = yearRowProblem(year, figures);
      if (problem !== undefined) throw new Error(`Refusing to store ${problem}.`);
      const sorted = [...figures].sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode));
      const entity = toDocumentEntity(String(year), ROW, sorted);
      try {
        const [newEtag] = await commit(
          tables,
          {
            table: 'populations',
            partitionKey: String(year),
            actions: [etag === NO_FIGURES_ETAG ? ['create', entity] : ['update', entity, 'Replace', { etag: toStorageEtag(etag) }]],
          },
          context.audit(change),
          signal,
        );
        return { value: sorted, etag: toHttpEtag(newEtag ?? '') };
      } catch (error) {
        // Someone stored the year's first figures since this client read it as empty.
        if (error instanceof AlreadyExistsError) throw new StaleEtagError({ cause: error });
        throw error;
      }
    },
  };
}
