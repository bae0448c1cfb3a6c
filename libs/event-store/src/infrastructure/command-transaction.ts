// The transaction of one command (CommandExecutor), held on one pooled connection. It is opened and closed
// by multi-statement queries (PostgresEventStore.beginCommand and commitCommand: BEGIN goes out with the
// locks and reads, COMMIT with the append), not by TypeORM's transaction API, which spends a round trip on
// each of BEGIN and COMMIT alone. What a decision writes on the way (a dossier code, an applicant's key)
// goes through `query`, on the same connection, inside that BEGIN … COMMIT.
import type { PoolClient, QueryResult } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { sendStatements, type Statement } from './sql-text';

/** What runs statements: a data source, a TypeORM query runner, a command's transaction. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export class CommandTransaction implements Queryable {
  private constructor(
    private readonly runner: QueryRunner,
    /** The pooled connection under `runner`, for the multi-statement queries TypeORM's `query` cannot send. */
    readonly client: PoolClient,
  ) {}

  /** A connection from the pool of `db`, no transaction begun yet. */
  static async connect(db: DataSource): Promise<CommandTransaction> {
    const runner = db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    return new CommandTransaction(runner, client);
  }

  /** A statement inside the transaction; results as TypeORM's `query` gives them. */
  query(sql: string, parameters?: unknown[]): Promise<unknown> {
    return this.runner.query(sql, parameters);
  }

  /** Statements as one query (the simple protocol: no parameters), one result per statement. */
  send(statements: readonly Statement[]): Promise<QueryResult[]> {
    return sendStatements(this.client, statements);
  }

  /** Ends the transaction without its writes, if one is open; a failed statement left it aborted. */
  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK').catch(() => undefined);
  }

  async release(): Promise<void> {
    await this.runner.release();
  }
}
