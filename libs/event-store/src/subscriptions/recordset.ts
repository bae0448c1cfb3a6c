// Many rows in one statement for a projection's batch: the rows travel as one jsonb parameter, an array of
// rows, each row an array of its values in column order, turned back into typed columns by SQL. One round
// trip per table and batch instead of one per event is what lets a projection keep up with the log (the
// benchmark's projection figures).
// Chosen over multi-row VALUES lists: one parameter whatever the number of rows (no 65,535 limit), and the
// column types are written once. Rows as arrays rather than objects keyed by column name
// (`jsonb_to_recordset`): PostgreSQL spent most of such a statement parsing the parameter, whose column
// names were half its size; an upsert of 800 analytics facts rows took 21 ms instead of 34.

/** Column name → SQL type, in the order the statement lists them. */
export type RecordsetColumns = Readonly<Record<string, string>>;

/** The SQL of one column read from the row `e` (a jsonb array); a JSON null is NULL, as for any type. */
function columnExpression(index: number, type: string): string {
  if (type === 'jsonb') return `nullif(e->${index}, 'null'::jsonb)`;
  if (type.endsWith('[]')) {
    return `CASE jsonb_typeof(e->${index}) WHEN 'array' THEN ARRAY(SELECT jsonb_array_elements_text(e->${index}))::${type} END`;
  }
  return `(e->>${index})::${type}`;
}

/**
 * `(SELECT ... FROM jsonb_array_elements($n::jsonb) AS e) AS alias`, a FROM item with the columns by
 * name, whose parameter is `recordsetParameter(columns, rows)`.
 */
export function recordsetOf(columns: RecordsetColumns, parameter: number, alias = 'r'): string {
  const selected = Object.entries(columns)
    .map(([name, type], index) => `${columnExpression(index, type)} AS ${name}`)
    .join(', ');
  return `(SELECT ${selected} FROM jsonb_array_elements($${parameter}::jsonb) AS e) AS ${alias}`;
}

/** The parameter of `recordsetOf`: each row's values in column order (a missing member is NULL). */
export function recordsetParameter(
  columns: RecordsetColumns,
  rows: readonly Readonly<Record<string, unknown>>[],
): string {
  const names = Object.keys(columns);
  return JSON.stringify(rows.map((row) => names.map((name) => row[name] ?? null)));
}

/** The column names, comma-separated, optionally qualified by the recordset's alias. */
export function columnList(columns: RecordsetColumns, alias?: string): string {
  return Object.keys(columns)
    .map((name) => (alias === undefined ? name : `${alias}.${name}`))
    .join(', ');
}
