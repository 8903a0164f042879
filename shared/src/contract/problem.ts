import * as z from 'zod';
import type { FieldError } from '../schemas';
import type { Agrees, Assert } from './agrees';
import { missingPopulationSchema } from './fees';

/** A field-level problem: where (`figures[2].year`, `query.year`), and what is wrong. */
export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });

/**
 * RFC 9457 problem details, as every 4xx and 5xx of the API carries them
 * (`application/problem+json`); problems may carry more members than these.
 */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.array(fieldErrorSchema).optional().describe('400: the fields that are wrong.'),
  current: z.unknown().optional().describe('412 and 409: the entity as stored now.'),
  missing: z.array(missingPopulationSchema).optional().describe('409 missing-population: the figures to import first.'),
});
export type Problem = z.infer<typeof problemSchema>;

type _FieldErrorMatches = Assert<Agrees<z.output<typeof fieldErrorSchema>, FieldError>>;
