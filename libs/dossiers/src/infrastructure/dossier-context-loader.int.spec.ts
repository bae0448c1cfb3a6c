import { randomUUID } from 'node:crypto';
import { queryStatement, type PostgresEventStore } from '@tthc/event-store';
import type { TestDatabase } from '@tthc/testing';
import { localInstant } from '../domain/calendar';
import { SqlDossierContextLoader } from './dossier-context-loader';
import { createDossierTestDatabase } from './testing/dossier-database';

const UNIT = '000.31.18.H56';
// Friday 13 February 2026, 16:45: open until 17:00 under the hours set below, closed by the default hours.
const LATE_FRIDAY = localInstant('2026-02-13', '16:45');

describe('SqlDossierContextLoader: the agency read with a dossier’s stream', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let loader: SqlDossierContextLoader;

  beforeAll(async () => {
    ({ db, store } = await createDossierTestDatabase());
    await db.dataSource.query(
      `UPDATE agencies SET office_hours = '[{"from":"07:00","to":"11:30"},{"from":"13:30","to":"17:00"}]'
       WHERE code = $1`,
      [UNIT],
    );
    loader = new SqlDossierContextLoader(db.dataSource);
  });
  afterAll(() => db.drop());

  /** A stream whose submission names `agencyCode`, and the rows of the loader's read made with it. */
  const submittedTo = async (agencyCode: string) => {
    const streamId = `dossier-${randomUUID()}`;
    await store.append(streamId, 'dossier', 0, [
      { type: 'DossierSubmitted', data: { agencyCode }, metadata: {}, occurredAt: new Date() },
    ]);
    return queryStatement(db.dataSource, loader.agencyReadWith(streamId));
  };

  it('reads the office hours of the agency the dossier was submitted to, as a read of its own would', async () => {
    const read = await submittedTo(UNIT);
    expect(read).toEqual([
      expect.objectContaining({ code: UNIT, saturday_reception: expect.any(Boolean) as unknown }),
    ]);
    const withRead = await loader.contextFor('1.004873', 1, UNIT, db.dataSource, read);
    const alone = await loader.contextFor('1.004873', 1, UNIT);
    expect(withRead.calendar.isReceptionOpen(LATE_FRIDAY)).toBe(true);
    expect(alone.calendar.isReceptionOpen(LATE_FRIDAY)).toBe(true);
  });

  it('gives the default hours to an agency that is not in the directory', async () => {
    const read = await submittedTo('999.99.99.X00');
    expect(read).toEqual([{ code: '999.99.99.X00', office_hours: null, saturday_reception: null }]);
    const context = await loader.contextFor('1.004873', 1, '999.99.99.X00', db.dataSource, read);
    expect(context.calendar.isReceptionOpen(LATE_FRIDAY)).toBe(false);
  });

  it('reads the agency on its own when the decider names another one than the stored submission', async () => {
    // As after an upcaster that changes the submission's agency: the read made with the stream is not used.
    const read = await submittedTo('999.99.99.X00');
    const context = await loader.contextFor('1.004873', 1, UNIT, db.dataSource, read);
    expect(context.calendar.isReceptionOpen(LATE_FRIDAY)).toBe(true);
  });
});
