// The at-risk scheduler against real PostgreSQL, with a fake clock: a received dossier is selected from
// `dossier_views` just before its due instant, gets DossierAtRisk (with a drafted apology) through the normal
// command path, and is not sent again.
import { catchUp, type PostgresEventStore } from '@tthc/event-store';
import type { TestDatabase } from '@tthc/testing';
import { dossierStreamId, localInstant, type DossierActor } from '@tthc/dossiers';
import { AtRiskScheduler } from '../../libs/dossiers/src/application/at-risk-scheduler/at-risk-scheduler';
import { DossierCommandPath } from '../../libs/dossiers/src/application/dossier-command-path';
import { PerformDossierActionCommand } from '../../libs/dossiers/src/application/perform-dossier-action/perform-dossier-action.command';
import { PerformDossierActionHandler } from '../../libs/dossiers/src/application/perform-dossier-action/perform-dossier-action.handler';
import { SubmitDossierCommand } from '../../libs/dossiers/src/application/submit-dossier/submit-dossier.command';
import { SubmitDossierHandler } from '../../libs/dossiers/src/application/submit-dossier/submit-dossier.handler';
import { applicant, maritalStatusApplication } from '../../libs/dossiers/src/domain/dossier/testing/fixtures';
import { SqlDossierContextLoader } from '../../libs/dossiers/src/infrastructure/dossier-context-loader';
import { PostgresDossierCodeAllocator } from '../../libs/dossiers/src/infrastructure/dossier-code-sequence';
import { DossierReadModelProjection } from '../../libs/dossiers/src/infrastructure/projections/dossier-read-model.projection';
import { createDossierTestDatabase } from '../../libs/dossiers/src/infrastructure/testing/dossier-database';
import { testPersonalDataProtection } from '../../libs/dossiers/src/infrastructure/testing/personal-data';

const UNIT = '000.31.18.H56';
const counter: DossierActor = { id: 'officer-hoa', role: 'receiving-officer', agency: UNIT };
const portal: DossierActor = { id: 'portal', role: 'integration' };
const silent = { log: () => undefined, warn: () => undefined };

describe('at-risk scheduler (real PostgreSQL, fake clock)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let now = localInstant('2026-03-10', '09:00');
  const clock = () => now;
  let act: PerformDossierActionHandler;
  let scheduler: AtRiskScheduler;
  let dossierId: string;
  let dueAt: Date;
  // Once every append is readable: a parallel suite's transaction on the same server may hold the log back.
  const project = async () => {
    await store.waitUntilReadable();
    return catchUp(db.dataSource, store, new DossierReadModelProjection(), 500);
  };
  const eventTypes = async () =>
    (await store.readStream(dossierStreamId(dossierId))).map((event) => event.type);

  beforeAll(async () => {
    ({ db, store } = await createDossierTestDatabase());
    const loader = new SqlDossierContextLoader(db.dataSource);
    const path = new DossierCommandPath(store, testPersonalDataProtection(db.dataSource));
    const submit = new SubmitDossierHandler(path, loader, clock);
    act = new PerformDossierActionHandler(path, loader, new PostgresDossierCodeAllocator(), clock);
    scheduler = new AtRiskScheduler(db.dataSource, act, { now: clock, logger: silent });
    const submitted = await submit.execute(
      new SubmitDossierCommand(
        { procedureCode: '1.004873', channel: 'counter', applicant, formData: maritalStatusApplication },
        { actor: portal, correlationId: 'at-risk-test' },
      ),
    );
    dossierId = submitted.result.dossierId;
    const received = await act.execute(
      new PerformDossierActionCommand(
        dossierId,
        { type: 'ReceiveDossier' },
        { actor: counter, correlationId: 'at-risk-test' },
      ),
    );
    dueAt = new Date(received.result.dueAt as string);
    await project();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('sends nothing while the deadline is far', async () => {
    now = new Date(dueAt.getTime() - 25 * 3_600_000);
    expect(await scheduler.runOnce(now)).toEqual({ selected: 0, flagged: 0, failed: 0 });
    expect(await eventTypes()).not.toContain('DossierAtRisk');
  });

  it('asks again a dossier not yet within its own threshold, then flags it once, without an apology it could no longer issue', async () => {
    // Received Tuesday 10/3 09:00, due Wednesday 09:00. A one-working-day procedure: its threshold is the
    // 2-hour floor; on Tuesday afternoon it is within the look-ahead but has more working time left.
    now = localInstant('2026-03-10', '14:00');
    expect(await scheduler.runOnce(now)).toEqual({ selected: 1, flagged: 0, failed: 0 });
    expect(await eventTypes()).not.toContain('DossierAtRisk');

    now = localInstant('2026-03-11', '08:00');
    expect(await scheduler.runOnce(now)).toEqual({ selected: 1, flagged: 1, failed: 0 });
    const events = await store.readStream(dossierStreamId(dossierId));
    const flagged = events.filter((event) => event.type === 'DossierAtRisk');
    expect(flagged).toHaveLength(1);
    expect(flagged[0].metadata.actor).toMatchObject({ id: 'at-risk-scheduler', role: 'system' });
    const data = flagged[0].data as { draftApology?: unknown; dueAt: string; thresholdWorkingHours: number };
    expect(data.dueAt).toBe(dueAt.toISOString());
    expect(data.thresholdWorkingHours).toBe(2);
    // One working hour is left: form 04 needs a working day, so no draft is offered.
    expect(data.draftApology).toBeUndefined();

    // Before the read model catches up the decider itself answers "already flagged": nothing appended.
    expect(await scheduler.runOnce(now)).toEqual({ selected: 1, flagged: 0, failed: 0 });
    await project();
    expect(await scheduler.runOnce(now)).toEqual({ selected: 0, flagged: 0, failed: 0 });
    expect((await eventTypes()).filter((type) => type === 'DossierAtRisk')).toHaveLength(1);
  });

  it('starts and stops without leaving a timer', async () => {
    const timed = new AtRiskScheduler(db.dataSource, act, { now: clock, logger: silent, intervalMs: 10 });
    timed.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await timed.stop();
  });
});
