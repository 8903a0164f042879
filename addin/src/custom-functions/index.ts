import { actorFee, fee, feeBasis, fees, rate, total } from './fee-functions';
import { asOf, cluster, lastYear, members, net, population, reimbursed } from './register-functions';

export { cellHost, configureFunctions, DATA_TYPES_REQUIREMENT, supportsDataTypes } from './context';
export type { CellError, CellErrorFactory, CellErrorKind, FunctionsContext, OfficeCellHost } from './context';

/** Every SSR.* function by its id in functions.json (the ids never change: workbooks store them). */
export const SSR_FUNCTIONS = {
  FEE: fee,
  FEES: fees,
  TOTAL: total,
  POPULATION: population,
  FEEBASIS: feeBasis,
  RATE: rate,
  ACTORFEE: actorFee,
  MEMBERS: members,
  LASTYEAR: lastYear,
  REIMBURSED: reimbursed,
  NET: net,
  CLUSTER: cluster,
  ASOF: asOf,
} as const;

export type SsrFunctionId = keyof typeof SSR_FUNCTIONS;

/**
 * The functions that return a formatted number (kronor; ASOF a date and time) where Excel
 * takes data types: their metadata result type is `any`, and the metadata allows custom data.
 */
export const FORMATTED_NUMBER_FUNCTIONS: readonly SsrFunctionId[] = ['FEE', 'TOTAL', 'RATE', 'ACTORFEE', 'REIMBURSED', 'NET', 'ASOF'];

/** The files whose JSDoc is the functions' metadata (custom-functions-metadata reads these). */
export const FUNCTION_SOURCE_FILES = ['fee-functions.ts', 'register-functions.ts'] as const;
export { formattedNumber, isFormattedNumber, SEK_FORMAT } from './cell-value';
export type { FormattedNumber } from './cell-value';
