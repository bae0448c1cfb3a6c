import type { PoolClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '@tthc/testing';
import { queryStatement, sendStatements, sqlLiteral, use, type PreparedStatement } from './sql-text';

const SQUARE: PreparedStatement = {
  name: 'tthc_test_square',
  parameterTypes: ['int', 'text'],
  text: 'SELECT $1::int * $1::int AS square, $2 AS label',
};

describe('statements sent as one query, with prepared ones among them', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  /** A pooled connection for `work`, and the names this connection has prepared afterwards. */
  async function onOneConnection(work: (client: PoolClient) => Promise<void>): Promise<string[]> {
    const runner = db.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await work(client);
      const { rows } = await client.query<{ name: string }>(
        `SELECT name FROM pg_prepared_statements WHERE name LIKE 'tthc_test_%'`,
      );
      return rows.map((r) => r.name);
    } finally {
      await runner.release();
    }
  }

  it('prepares a statement once per connection and executes it among plain statements', async () => {
    const answers: unknown[] = [];
    const prepared = await onOneConnection(async (client) => {
      for (const n of [3, 4]) {
        const results = await sendStatements(client, [
          'SELECT 1 AS one',
          use(SQUARE, String(n), sqlLiteral(`it's ${n}`)),
        ]);
        answers.push(results[0].rows[0], results[1].rows[0]);
      }
    });
    expect(answers).toEqual([
      { one: 1 },
      { square: 9, label: "it's 3" },
      { one: 1 },
      { square: 16, label: "it's 4" },
    ]);
    // A second PREPARE of the same name on this connection would have failed the second query.
    expect(prepared).toEqual(['tthc_test_square']);
  });

  it('keeps a statement prepared inside a transaction that rolled back', async () => {
    const squares: unknown[] = [];
    await onOneConnection(async (client) => {
      await client.query('BEGIN');
      await sendStatements(client, [use(SQUARE, '5', sqlLiteral('in'))]);
      await client.query('ROLLBACK');
      const [after] = await sendStatements(client, [use(SQUARE, '6', sqlLiteral('after'))]);
      squares.push(after.rows[0]);
    });
    expect(squares).toEqual([{ square: 36, label: 'after' }]);
  });

  it('runs one statement on a connection of its own (queryStatement)', async () => {
    expect(await queryStatement(db.dataSource, use(SQUARE, '7', sqlLiteral('q')))).toEqual([
      { square: 49, label: 'q' },
    ]);
    expect(await queryStatement(db.dataSource, 'SELECT 2 AS two')).toEqual([{ two: 2 }]);
  });

  it('refuses a use with the wrong number of arguments before sending anything', () => {
    expect(() => use(SQUARE, '1')).toThrow('tthc_test_square takes 2 arguments, not 1');
  });
});
