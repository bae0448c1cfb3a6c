// The dossier read models against real PostgreSQL: whole histories from the real decider are appended to the
// log, the projection catches up, the rows say what the events say, and a rebuild from zero gives identical
// rows. Streams of type `dossier` that the decider did not write are skipped, not fatal.
import { catchUp, rebuildProjection, type PostgresEventStore } from '@tthc/event-store';
import type { TestDatabase } from '@tthc/testing';
import { dossierStreamId } from '../../application/dossier-stream';
import { eventInstant, sampleHistories } from '../../application/testing/dossier-histories';
import { createDossierTestDatabase } from '../testing/dossier-database';
import { DossierReadModelProjection } from './dossier-read-model.projection';

describe('dossier read models', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const projection = new DossierReadModelProjection();
  const histories = sampleHistories();
  const rows = async (sql: string) => (await db.dataSource.query(sql)) as Record<string, unknown>[];
  const snapshot = async () => ({
    views: await rows('SELECT * FROM dossier_views ORDER BY id'),
    timeline: await rows('SELECT * FROM dossier_timeline ORDER BY dossier_id, stream_version'),
  });
  const view = async (n: number) =>
    (await rows(`SELECT * FROM dossier_views WHERE id = '${histories[n - 1].dossierId}'`))[0];

  beforeAll(async () => {
    ({ db, store } = await createDossierTestDatabase());
    for (const history of histories) {
      await store.append(
        dossierStreamId(history.dossierId),
        'dossier',
        0,
        history.events.map((event) => ({
          type: event.type,
          data: event.data,
          metadata: {
            actor: { id: 'officer-hoa', role: 'receiving-officer', agency: '000.31.18.H56' },
            correlationId: 'int-test',
            agencyCode: '000.31.18.H56',
            procedureCode: history.procedureCode,
          },
          occurredAt: eventInstant(event),
        })),
      );
    }
    // Written by something other than the decider (the start-up e2e test does this): ignored.
    await store.append('dossier-restart', 'dossier', 0, [
      { type: 'DossierSubmitted', data: { note: 'x' }, metadata: {}, occurredAt: new Date() },
      { type: 'DossierReceived', data: { dueAt: 'not a date' }, metadata: {}, occurredAt: new Date() },
      { type: 'SupplementRequested', data: null, metadata: {}, occurredAt: new Date() },
    ]);
    await store.waitUntilReadable();
    await catchUp(db.dataSource, store, projection, 7);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('keeps one row per dossier and one timeline row per event', async () => {
    const { views, timeline } = await snapshot();
    expect(views).toHaveLength(histories.length);
    expect(timeline).toHaveLength(histories.reduce((n, h) => n + h.events.length, 0));
  });

  it('follows a dossier from submission to the citizen’s rating', async () => {
    expect(await view(1)).toMatchObject({
      code: '000.31.18.H56-260310-0001',
      procedure_code: '1.004873',
      procedure_version: 1,
      agency_code: '000.31.18.H56',
      current_agency: '000.31.18.H56',
      current_step: null,
      channel: 'online',
      online_level: 'full',
      status: 'closed',
      workflow_state: 'returned',
      outcome: 'returned',
      return_method: 'online',
      timeliness: 'early',
      statutory_timeliness: 'early',
      rating: 5,
      legal_regime: 'decree-118-2025',
      applicant_name_masked: 'Nguyễn T*** L**',
      submitted_at: new Date('2026-03-09T09:50:00.000Z'),
      received_at: new Date('2026-03-10T01:30:00.000Z'),
      due_at: new Date('2026-03-11T01:30:00.000Z'),
      appointment_at: new Date('2026-03-11T01:30:00.000Z'),
      resolved_at: new Date('2026-03-10T04:30:00.000Z'),
      version: 10,
    });
    const hashes = (await view(1)).verification_hashes as string[];
    expect(hashes).toHaveLength(2);
  });

  it('records pauses, the at-risk flag and a withdrawal', async () => {
    expect(await view(2)).toMatchObject({
      status: 'closed',
      workflow_state: 'withdrawn',
      outcome: 'withdrawn',
      supplement_rounds: 1,
      at_risk: true,
      pause_kind: null,
      current_step: 'examine',
    });
  });

  it('keeps the original deadline when form 04 moves the appointment, and the liên thông step agency', async () => {
    const row = await view(3);
    expect(row).toMatchObject({
      status: 'in-progress',
      workflow_state: 'examine.active',
      apologised: true,
      rescheduled: true,
      appointment_at: new Date('2026-03-13T02:00:00.000Z'),
    });
    expect(row.due_at).not.toEqual(row.appointment_at);
  });

  it('closes dossiers refused at intake and refused to resolve', async () => {
    expect(await view(4)).toMatchObject({ status: 'closed', outcome: 'refused-to-receive', code: null });
    expect(await view(5)).toMatchObject({ status: 'closed', outcome: 'refused', workflow_state: 'refused' });
  });

  it('labels the timeline in both languages with the actor and no personal data', async () => {
    const timeline = await rows(
      `SELECT event_type, label_vi, label_en, actor_id, details FROM dossier_timeline
       WHERE dossier_id = '${histories[0].dossierId}' ORDER BY stream_version`,
    );
    expect(timeline.map((r) => r.event_type)).toEqual(histories[0].events.map((e) => e.type));
    expect(timeline[0]).toMatchObject({ label_en: 'Dossier submitted online', actor_id: 'officer-hoa' });
    expect(JSON.stringify(timeline)).not.toContain('056195000123');
  });

  it('applies a batch’s changes to a dossier whose submission it sees again', async () => {
    const streamId = dossierStreamId('00000000-0000-4000-8000-0000000000aa');
    const [submitted, completionRequested] = histories[0].events.map((event) => ({
      type: event.type,
      data: event.data,
      metadata: {},
      occurredAt: eventInstant(event),
    }));
    await store.append(streamId, 'dossier', 0, [submitted]);
    await store.waitUntilReadable();
    await catchUp(db.dataSource, store, projection, 100);
    await store.append(streamId, 'dossier', 1, [submitted, completionRequested]);
    await store.waitUntilReadable();
    await catchUp(db.dataSource, store, projection, 100);
    const [row] = await rows(
      `SELECT workflow_state, version FROM dossier_views WHERE id = '00000000-0000-4000-8000-0000000000aa'`,
    );
    expect(row).toEqual({ workflow_state: 'awaiting-completion', version: 3 });
  });

  it('gives identical rows when rebuilt from zero', async () => {
    const live = await snapshot();
    await rebuildProjection(db.dataSource, store, projection, { batchSize: 3 });
    expect(await snapshot()).toEqual(live);
  });

  it('gives the same rows whether events come one at a time or all in one batch (changes folded per dossier)', async () => {
    await rebuildProjection(db.dataSource, store, projection, { batchSize: 1 });
    const oneByOne = await snapshot();
    await rebuildProjection(db.dataSource, store, projection, { batchSize: 10_000 });
    const oneBatch = await snapshot();
    expect(oneBatch.timeline.length).toBeGreaterThan(oneBatch.views.length);
    expect(oneBatch).toEqual(oneByOne);
  });
});
