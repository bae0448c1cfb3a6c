// Statements sent as text in one multi-statement query (the simple protocol, which carries no parameters):
// the few round-trip-saving paths of the store and the command executor build them with these. The hot ones
// are prepared once per connection and sent as EXECUTE: PostgreSQL then skips parsing and planning them,
// which was half of its CPU for a command's opening statements (0.29 → 0.15 ms, measured on one connection).
import type { PoolClient, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * A string as an SQL literal, valid whatever standard_conforming_strings says: the E'' form, backslashes
 * and quotes doubled. The same output as pg's escapeLiteral, which builds it a character at a time and cost
 * a batched append (a JSON document of tens of kilobytes) more than the round trips it saved.
 */
export function sqlLiteral(value: string): string {
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

const prepared = new WeakMap<PoolClient, Set<string>>();

/**
 * PREPAREs `statement` as `name` on this connection unless it already was (a multi-statement query can
 * EXECUTE a prepared statement: parsed and planned once per connection, not per use). The plan lasts as
 * long as the connection, also when PREPAREd in a transaction that later rolls back.
 */
async function prepareOnce(
  client: PoolClient,
  name: string,
  parameterTypes: readonly string[],
  statement: string,
): Promise<void> {
  let names = prepared.get(client);
  if (names === undefined) {
    names = new Set();
    prepared.set(client, names);
  }
  if (names.has(name)) return;
  await client.query(`PREPARE ${name} (${parameterTypes.join(', ')}) AS ${statement}`);
  names.add(name);
}

/** A statement with parameters ($1, $2, …), PREPAREd on a connection the first time one of its uses is sent. */
export interface PreparedStatement {
  /** Unique among the engine's prepared statements (one namespace per connection). */
  readonly name: string;
  readonly parameterTypes: readonly string[];
  readonly text: string;
}

/** One use of a prepared statement: `EXECUTE name (…)` with its arguments as SQL literals. */
export interface PreparedUse {
  readonly statement: PreparedStatement;
  readonly sql: string;
}

/** What a multi-statement query is made of: plain SQL text, or uses of prepared statements. */
export type Statement = string | PreparedUse;

/** A use of `statement` with `args`, each already an SQL literal or expression (sqlLiteral, a number). */
export function use(statement: PreparedStatement, ...args: readonly string[]): PreparedUse {
  if (args.length !== statement.parameterTypes.length)
    throw new Error(
      `${statement.name} takes ${statement.parameterTypes.length} arguments, not ${args.length}`,
    );
  return { statement, sql: `EXECUTE ${statement.name} (${args.join(', ')})` };
}

/**
 * Statements as one query (the simple protocol: no parameters), one result per statement. The prepared
 * statements they use are PREPAREd first, each once per connection: PREPARE is not undone by a rollback, so
 * this is safe inside a transaction as long as no statement of it has failed yet.
 */
export async function sendStatements(
  client: PoolClient,
  statements: readonly Statement[],
): Promise<QueryResult[]> {
  for (const s of statements)
    if (typeof s !== 'string')
      await prepareOnce(client, s.statement.name, s.statement.parameterTypes, s.statement.text);
  const text = statements.map((s) => (typeof s === 'string' ? s : s.sql)).join(';\n');
  const result = (await client.query(text)) as unknown as QueryResult | QueryResult[];
  return Array.isArray(result) ? result : [result];
}

/** One statement on a connection of its own from the pool of `db`: its rows. */
export async function queryStatement(
  db: DataSource,
  statement: Statement,
): Promise<Record<string, unknown>[]> {
  const runner = db.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    const [result] = await sendStatements(client, [statement]);
    return result.rows as Record<string, unknown>[];
  } finally {
    await runner.release();
  }
}
