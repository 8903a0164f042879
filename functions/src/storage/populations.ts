import type { PopulationFigure } from '@ssr/shared';
import { populationFigureSchema } from '@ssr/shared';
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

export function populationRepository(context: StoreContext): PopulationRepository {
  const { tables, signal } = context;
  return {
    async year(year) {
      const stored = await getDocument(tables, 'populations', yearSchema, String(year), ROW, signal);
      return stored ?? { value: [], etag: NO_FIGURES_ETAG };
    },

    async all() {
      const years = await listDocuments(tables, 'populations', yearSchema, `RowKey eq '${ROW}'`, signal);
      return years.flatMap((stored) => stored.value);
    },

    async replaceYear(year, figures, etag, change) {
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
