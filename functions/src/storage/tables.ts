import { TableClient } from '@azure/data-tables';
import type { Config } from '../config';
import { OutcomeUnknownError, StorageUnavailableError, classifyStorageError } from './errors';

/** The tables of the register and where their rows live. */
export const TABLES = {
  members: { name: 'members', partition: 'member' },
  populations: { name: 'populations', partition: undefined }, // one partition per year: a year's figures change as one row
  feeRules: { name: 'feerules', partition: 'feerule' },
  reimbursements: { name: 'reimbursements', partition: 'reimbursement' },
  audit: { name: 'audit', partition: 'audit' },
} as const;
export type TableKind = keyof typeof TABLES;
export const TABLE_KINDS = Object.keys(TABLES) as TableKind[];

/**
 * Data rows have keys without `~` (ids are a–z, 0–9 and hyphens); bookkeeping rows (outbox,
 * markers, claims of codes and years, sums, idempotency keys) begin with it.
 */
export function isBookkeepingRow(rowKey: unknown): boolean {
  return typeof rowKey === 'string' && rowKey.startsWith('~');
}

/** The filter for a partition's data rows: bookkeeping rows grow with use, so storage leaves them out. */
export function dataRowsOf(partition: string): string {
  return `PartitionKey eq '${partition.replace(/'/g, "''")}' and RowKey lt '~'`;
}

/** Storage calls fail fast: the request's deadline, not the SDK's patience, decides. */
const RETRY_OPTIONS = { maxRetries: 2, retryDelayInMs: 50, maxRetryDelayInMs: 250 };
/**
 * A transaction is never sent twice by the SDK: if the first try was stored and its answer
 * lost, a second try would meet its own write as a conflict. The caller learns the outcome is
 * unknown instead, and the client retries with its Idempotency-Key.
 */
const TRANSACTION_RETRY_OPTIONS = { maxRetries: 0 };

function isHttpEndpoint(connectionString: string): boolean {
  return (
    connectionString.trim() === 'UseDevelopmentStorage=true' ||
    /DefaultEndpointsProtocol=http(;|$)/i.test(connectionString) ||
    /TableEndpoint=http:\/\//i.test(connectionString)
  );
}

/**
 * The table clients of one app instance, and its readiness: tables created and the register
 * seeded, done once and done again after storage lost its tables. A failed setup is not
 * remembered, so the instance recovers by itself when storage comes back.
 */
export class Tables {
  readonly timeoutMs: number;
  private readonly clients: Record<TableKind, TableClient>;
  private readonly transactionClients: Record<TableKind, TableClient>;
  private readiness: Promise<void> | undefined;
  /** Storage calls made so far (a listing counts once): for the benchmark, never shown in a response. */
  operations = 0;

  constructor(
    config: Config,
    private readonly setUp: (tables: Tables, signal: AbortSignal) => Promise<void>,
  ) {
    this.timeoutMs = config.storage.timeoutMs;
    const allowInsecureConnection = isHttpEndpoint(config.storage.connectionString);
    const clients = (retryOptions: { maxRetries: number }): Record<TableKind, TableClient> => {
      const client = (kind: TableKind) =>
        TableClient.fromConnectionString(config.storage.connectionString, `${config.storage.tablePrefix}${TABLES[kind].name}`, {
          retryOptions,
          allowInsecureConnection,
        });
      return {
        members: client('members'),
        populations: client('populations'),
        feeRules: client('feeRules'),
        reimbursements: client('reimbursements'),
        audit: client('audit'),
      };
    };
    this.clients = clients(RETRY_OPTIONS);
    this.transactionClients = clients(TRANSACTION_RETRY_OPTIONS);
  }

  /** Wait until the tables exist and are seeded; then run a storage call and translate its errors. */
  async call<T>(kind: TableKind, operation: (client: TableClient) => Promise<T>): Promise<T> {
    await this.ready();
    return this.run(kind, operation);
  }

  /** Run a storage call and translate its errors, ready or not. */
  async run<T>(kind: TableKind, operation: (client: TableClient) => Promise<T>): Promise<T> {
    this.operations += 1;
    try {
      return await operation(this.clients[kind]);
    } catch (error) {
      throw classifyStorageError(error, () => this.forgetReadiness());
    }
  }

  /**
   * Run a write that may reach storage: once it is under way, a timeout, a lost connection or
   * a 5xx leaves its outcome unknown (`OutcomeUnknownError`), not "nothing changed".
   */
  async runTransaction<T>(kind: TableKind, signal: AbortSignal, operation: (client: TableClient) => Promise<T>): Promise<T> {
    if (signal.aborted) throw new StorageUnavailableError('The request ran out of time before its transaction was sent.');
    this.operations += 1;
    try {
      return await operation(this.transactionClients[kind]);
    } catch (error) {
      throw classifyStorageError(error, () => this.forgetReadiness(), true);
    }
  }

  ready(): Promise<void> {
    this.readiness ??= this.setUp(this, AbortSignal.timeout(this.timeoutMs)).catch((error: unknown) => {
      this.readiness = undefined;
      // Setup is the app's own, resumed on the next request: the request waiting for it changed nothing.
      if (error instanceof OutcomeUnknownError) throw new StorageUnavailableError('Setting up storage did not finish.', { cause: error });
      throw classifyStorageError(error, () => undefined);
    });
    return this.readiness;
  }

  forgetReadiness(): void {
    this.readiness = undefined;
  }
}
