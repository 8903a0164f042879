import type { TransactionAction } from '@azure/data-tables';
import type { PopulationFigure } from '@ssr/shared';
import { SEED_FEE_RULE, SEED_MEMBERS, SEED_POPULATIONS } from '@ssr/shared';
import { SYSTEM_USER, auditEntry } from '../audit';
import { toDocumentEntity } from './documents';
import { AlreadyExistsError, EntityNotFoundError } from './errors';
import { recordStoredAdoptions } from './fee-rules';
import { backfillCodeClaims, codeClaimEntity } from './members';
import { pruneIdempotencyRecords } from './idempotency';
import { commit, sweepOutbox } from './outbox';
import { clearWrite, createVersionRow, markWrite } from './register-version';
import type { Tables } from './tables';
import { TABLES, TABLE_KINDS } from './tables';

/** Set when the register has been seeded: an emptied register is not seeded again. */
const SEED_MARKER = '~seeded';

/**
 * Create the tables, seed an empty register, give every member's municipality code its claim
 * (a register stored before claims were kept has none), record adoptions stored without a
 * date (R7), finish audit entries left in an outbox, and prune expired Idempotency-Key records.
 * The register's version row is created first (see `register-version.ts`).
 */
export async function setUpStorage(tables: Tables, signal: AbortSignal): Promise<void> {
  await Promise.all(TABLE_KINDS.map((kind) => tables.run(kind, (client) => client.createTable({ abortSignal: signal }))));
  await createVersionRow(tables, signal);
  await seedRegister(tables, signal);
  await backfillCodeClaims(tables, signal);
  await recordStoredAdoptions(tables, signal);
  await sweepOutbox(tables, signal);
  await pruneIdempotencyRecords(tables, new Date(), signal);
}

async function ignoreExisting(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    // Another instance seeded the same row first: the outcome is the same.
    if (!(error instanceof AlreadyExistsError)) throw error;
  }
}

async function isSeeded(tables: Tables, signal: AbortSignal): Promise<boolean> {
  try {
    await tables.run('members', (client) => client.getEntity(TABLES.members.partition, SEED_MARKER, { abortSignal: signal }));
    return true;
  } catch (error) {
    if (error instanceof EntityNotFoundError) return false;
    throw error;
  }
}

/**
 * Seed the register from `shared` (R1: 26 municipalities and 11 actors, their populations,
 * the fee rule of 2024). Every row is created, never overwritten, and the members go in one
 * transaction with their code claims and the marker last: two instances starting at once end with one register
 * and one audit entry, and a start cut short is completed by the next.
 */
async function seedRegister(tables: Tables, signal: AbortSignal): Promise<void> {
  if (await isSeeded(tables, signal)) return;
  const byYear = new Map<number, PopulationFigure[]>();
  for (const figure of SEED_POPULATIONS) byYear.set(figure.year, [...(byYear.get(figure.year) ?? []), figure]);
  // These rows are written outside commit(), so they mark the register version themselves.
  const mark = await markWrite(tables, signal);
  for (const [year, figures] of byYear) {
    const row = toDocumentEntity(String(year), 'figures', [...figures].sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode)));
    await ignoreExisting(tables.run('populations', (client) => client.createEntity(row, { abortSignal: signal })));
  }
  const rule = toDocumentEntity(TABLES.feeRules.partition, SEED_FEE_RULE.id, SEED_FEE_RULE);
  await ignoreExisting(tables.run('feeRules', (client) => client.createEntity(rule, { abortSignal: signal })));
  await clearWrite(tables, mark, signal);

  const partition = TABLES.members.partition;
  const entry = auditEntry(
    {
      action: 'register.seed',
      target: 'register',
      before: null,
      after: { members: SEED_MEMBERS.length, populationYears: [...byYear.keys()], feeRules: [SEED_FEE_RULE.id] },
    },
    SYSTEM_USER,
    new Date(),
  );
  await ignoreExisting(
    commit(
      tables,
      {
        table: 'members',
        partitionKey: partition,
        actions: [
          ...SEED_MEMBERS.map((member): TransactionAction => ['create', toDocumentEntity(partition, member.id, member)]),
          ...SEED_MEMBERS.flatMap((member): TransactionAction[] =>
            member.municipalityCode === undefined ? [] : [['create', codeClaimEntity(member, member.municipalityCode)]],
          ),
          ['create', { partitionKey: partition, rowKey: SEED_MARKER }],
        ],
        duringSetup: true,
      },
      entry,
      signal,
    ),
  );
}
