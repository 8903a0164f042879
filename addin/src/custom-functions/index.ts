import { actorFee, fee, feeBasis, fees, rate, total } from './fee-functions';
import { cluster, lastYear, members, net, population, reimbursed } from './register-functions';

export { configureFunctions } from './context';
export type { CellError, CellErrorFactory, CellErrorKind, FunctionsContext } from './context';

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
} as const;

export type SsrFunctionId = keyof typeof SSR_FUNCTIONS;

/** The files whose JSDoc is the functions' metadata (custom-functions-metadata reads these). */
export const FUNCTION_SOURCE_FILES = ['fee-functions.ts', 'register-functions.ts'] as const;
