// The recordset against real PostgreSQL: every column type the projections use comes back as it went in,
// and a JSON null or a missing member is NULL whatever the type.
import { createTestDatabase, type TestDatabase } from '@tthc/testing';
import { columnList, recordsetOf, recordsetParameter } from './recordset';

const COLUMNS = {
  id: 'uuid',
  name: 'text',
  count: 'integer',
  total: 'bigint',
  ratio: 'double precision',
  small: 'smallint',
  done: 'boolean',
  at: 'timestamptz',
  data: 'jsonb',
  tags: 'text[]',
};

describe('recordsetOf / recordsetParameter (PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const read = async (rows: Record<string, unknown>[]) =>
    (await db.dataSource.query(
      `SELECT ${columnList(COLUMNS, 'r')}, jsonb_typeof(r.data) AS data_type FROM ${recordsetOf(COLUMNS, 1)}`,
      [recordsetParameter(COLUMNS, rows)],
    )) as Record<string, unknown>[];

  it('given a row of every type, then each column reads back typed as it was written', async () => {
    // Members in another order than the columns: the parameter puts each value in its column's place.
    const written = {
      tags: ['a', 'b "quoted"', 'c,d'],
      id: '5b1f0a38-6a52-4b8e-9f0e-2d3c4b5a6978',
      name: 'Hồ sơ "đăng ký" \\ kết hôn',
      count: 7,
      total: '9007199254740993', // beyond a double's integers: bigint travels and comes back as text
      ratio: 0.0001,
      small: -3,
      done: true,
      at: new Date('2026-11-29T10:00:00.123Z'),
      data: { nested: [1, { x: null }], text: 'ký' },
    };
    const [row] = await read([written]);
    expect(row).toEqual({ ...written, data_type: 'object' });
  });

  it('given nulls and missing members, then every column is NULL (a jsonb column too, not JSON null)', async () => {
    const [nulls, missing] = await read([
      Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, null])),
      { name: 'only a name' },
    ]);
    expect(nulls).toEqual({
      ...Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, null])),
      data_type: null,
    });
    expect(missing).toMatchObject({ name: 'only a name', data: null, tags: null, at: null, data_type: null });
  });

  it('given an empty array and many rows, then the rows come back in order', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ count: i, tags: [] as string[] }));
    const back = await read(rows);
    expect(back.map((r) => r.count)).toEqual(rows.map((r) => r.count));
    expect(back[0].tags).toEqual([]);
  });
});
