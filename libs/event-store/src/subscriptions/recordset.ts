// Many rows in one statement for a projection's batch: the rows travel as one jsonb array parameter and
// `jsonb_to_recordset` turns them back into typed columns. One round trip per table and batch instead of
// one per event is what lets a projection keep up with the log (the benchmark's projection figures).
// Chosen over multi-row VALUES lists: one parameter whatever the number of rows (no 65,535 limit), and the
// column types are written once.

/** Column name → SQL type, in the order the statement lists them. */
export type RecordsetColumns = Readonly<Record<string, string>>;

/**
 * `jsonb_to_recordset($n::jsonb) AS alias(column type, ...)`, to be used as a FROM item whose parameter
 * is `JSON.stringify(rows)`, each row an object keyed by column name (missing members are NULL).
 */
export function recordsetOf(columns: RecordsetColumns, parameter: number, alias = 'r'): string {
  const definitions = Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
  return `jsonb_to_recordset($${parameter}::jsonb) AS ${alias}(${definitions})`;
}

/** The column names, comma-separated, optionally qualified by the recordset's alias. */
export function columnList(columns: RecordsetColumns, alias?: string): string {
  return Object.keys(columns)
    .map((name) => (alias === undefined ? name : `${alias}.${name}`))
    .join(', ');
}
