// Statements sent as text in one multi-statement query (the simple protocol, which carries no parameters):
// the few round-trip-saving paths of the store and the command executor build them with these.
import type { PoolClient, QueryResult } from 'pg';

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
 * EXECUTE a prepared statement: parsed and planned once per connection, not per use). Call it outside any
 * transaction, so the plan lasts as long as the connection.
 */
export async function prepareOnce(
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

/** Statements as one query (the simple protocol: no parameters), one result per statement. */
export async function sendStatements(
  client: PoolClient,
  statements: readonly string[],
): Promise<QueryResult[]> {
  const result = (await client.query(statements.join(';\n'))) as unknown as QueryResult | QueryResult[];
  return Array.isArray(result) ? result : [result];
}
