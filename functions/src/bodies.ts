import { populationFigureSchema } from '@ssr/shared';
import { z } from 'zod';

/** Request bodies the API takes beyond the entities of `shared`. */

/** At most this many figures per PUT: a year of every municipality in Sweden (290) fits. */
export const MAX_FIGURES_PER_PUT = 400;

export const populationsBodySchema = z.object({
  figures: z
    .array(populationFigureSchema, { error: 'Ange figures som en lista av befolkningssiffror.' })
    .min(1, { error: 'Ange minst en befolkningssiffra.' })
    .max(MAX_FIGURES_PER_PUT, { error: `Högst ${MAX_FIGURES_PER_PUT} siffror per anrop.` }),
});
