import type { PoolClient, QueryResult } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { sendStatements } from './sql-text';

/** Runs `work` in one database transaction on its own connection; rolls back on any error. */
export async function withTransaction<T>(
  db: DataSource,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const runner = db.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const result = await work(runner);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/** What the work of `withBatchTransaction` gives back: its result, and the statements sent with COMMIT. */
export interface BatchTransactionEnd<T> {
  readonly result: T;
  readonly closing: readonly string[];
}

/**
 * `withTransaction` in two round trips of its own instead of two plus one per opening statement: BEGIN goes
 * out with `opening` (text statements, whose results `work` receives), and COMMIT with the statements `work`
 * returns. A projection pays them for every batch it applies from the log, and while the process parses the
 * next batch, each answer also waits for the event loop.
 */
export async function withBatchTransaction<T>(
  db: DataSource,
  opening: readonly string[],
  work: (runner: QueryRunner, opened: readonly QueryResult[]) => Promise<BatchTransactionEnd<T>>,
): Promise<T> {
  const runner = db.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    const opened = await sendStatements(client, ['BEGIN', ...opening]);
    const { result, closing } = await work(runner, opened.slice(1));
    await sendStatements(client, [...closing, 'COMMIT']);
    return result;
  } catch (error) {
    // A failed statement left the transaction aborted (or none is open: then this only warns).
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
