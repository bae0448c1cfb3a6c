// The registry's read models against real PostgreSQL: commands go through the real command path
// (CommandExecutor, the sample loader), projections catch up from the log, and a rebuild from zero gives
// identical rows.
import {
  catchUp,
  CommandExecutor,
  EventStore1763780000000,
  PostgresEventStore,
  rebuildProjection,
  type Projection,
} from '@tthc/event-store';
import type { AppConfig } from '@tthc/platform';
import { createTestDatabase, type TestDatabase } from '@tthc/testing';
import { sampleText } from '../../domain/testing/fixtures';
import { ADMINISTRATOR_ROLE } from '../../application/authorization';
import { PublishDefinitionHandler } from '../../application/publish-definition/publish-definition.handler';
import { executeRegistryCommand, versionPublished, draftSaved } from '../../application/registry-commands';
import { readDefinitionText } from '../../application/registry-decider';
import type { RequestContext } from '../../application/request-context';
import {
  SyncAdministrativeUnitHandler,
  SyncAgencyHandler,
} from '../../application/sync-directory/sync-directory.handler';
import { AgencyDirectory1763780000210 } from '../migrations/1763780000210-agency-directory';
import { ProcedureRegistry1763780000200 } from '../migrations/1763780000200-procedure-registry';
import { SampleLoader } from '../sample-loader';
import { AgencyDirectoryProjection } from './agency-directory.projection';
import { ProcedureRegistryProjection } from './procedure-registry.projection';

const T0 = new Date('2026-03-02T02:00:00Z');
const T1 = new Date('2026-03-09T02:00:00Z');
const T2 = new Date('2026-04-01T02:00:00Z');
const officer: RequestContext = {
  actor: { id: 'kt-1', role: 'specialist', agency: '000.31.18.H56' },
  correlationId: 'int-test',
};
const admin: RequestContext = {
  actor: { id: 'admin-1', role: ADMINISTRATOR_ROLE },
  correlationId: 'int-test',
};

describe('registry projections', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let executor: CommandExecutor;
  const projections: Projection[] = [new ProcedureRegistryProjection(), new AgencyDirectoryProjection()];

  const catchUpAll = async () => {
    await store.waitUntilReadable();
    for (const p of projections) await catchUp(db.dataSource, store, p, 100);
  };
  const rows = async (sql: string) => (await db.dataSource.query(sql)) as Record<string, unknown>[];
  const snapshot = async () => ({
    versions: await rows('SELECT * FROM procedure_versions ORDER BY code, version'),
    drafts: await rows('SELECT * FROM procedure_drafts ORDER BY code'),
    agencies: await rows('SELECT * FROM agencies ORDER BY code'),
    units: await rows('SELECT * FROM administrative_units ORDER BY code'),
  });

  beforeAll(async () => {
    db = await createTestDatabase([
      EventStore1763780000000,
      ProcedureRegistry1763780000200,
      AgencyDirectory1763780000210,
    ]);
    store = new PostgresEventStore(db.dataSource);
    executor = new CommandExecutor(store);
    const clock = () => T0;
    const loader = new SampleLoader(
      { loadSamples: true } as AppConfig,
      new PublishDefinitionHandler(executor, clock),
      new SyncAgencyHandler(executor, clock),
      new SyncAdministrativeUnitHandler(executor, clock),
    );
    const first = await loader.load();
    expect(first.procedures).toEqual({ loaded: 6, present: 0, failed: 0 });
    expect(first.administrativeUnits).toEqual({ loaded: 21, present: 0, failed: 0 });
    expect(first.agencies).toEqual({ loaded: 25, present: 0, failed: 0 });
    const again = await loader.load();
    expect(again.procedures).toEqual({ loaded: 0, present: 6, failed: 0 });
    expect(again.agencies).toEqual({ loaded: 0, present: 25, failed: 0 });

    // Version 2 of the marital status certificate (committed 1 → 0.5 working days), from YAML.
    const text = sampleText('marital-status-certificate.yaml').replace(
      'committedDuration: { value: 1, unit: working-days }',
      'committedDuration: { value: 0.5, unit: working-days }',
    );
    const { document, source } = readDefinitionText(text);
    const meta = (now: Date) => ({ now, actor: officer.actor });
    await executeRegistryCommand(
      executor,
      '1.004873',
      { type: 'DraftProcedure', data: { document, source }, metadata: meta(T1) },
      officer,
      draftSaved,
    );
    const v2 = await executeRegistryCommand(
      executor,
      '1.004873',
      { type: 'PublishProcedure', data: { code: '1.004873' }, metadata: meta(T1) },
      officer,
      versionPublished,
    );
    expect(v2.result.version).toBe(2);
    // An open draft of the birth registration, and the business household procedure retired.
    const birth = readDefinitionText(sampleText('birth-registration.yaml'));
    await executeRegistryCommand(
      executor,
      '1.001193',
      { type: 'DraftProcedure', data: birth, metadata: meta(T1) },
      officer,
      draftSaved,
    );
    await executeRegistryCommand(
      executor,
      '1.001612',
      {
        type: 'RetireProcedure',
        data: { code: '1.001612', reason: 'thử nghiệm' },
        metadata: { now: T2, actor: admin.actor },
      },
      admin,
      () => null,
    );
    await catchUpAll();
  });
  afterAll(() => db.drop());

  it('keeps every published version, the latest one in force and the earlier one superseded but unchanged', async () => {
    const versions = await rows(
      `SELECT code, version, status, committed_value, statutory_value, published_at, superseded_at, retired_at,
         definition->'committedDuration' AS committed
       FROM procedure_versions ORDER BY code, version`,
    );
    expect(versions.map((v) => [v.code, v.version, v.status])).toEqual([
      ['1.001193', 1, 'published'],
      ['1.001193.LT', 1, 'published'],
      ['1.001612', 1, 'retired'],
      ['1.004222', 1, 'published'],
      ['1.004873', 1, 'superseded'],
      ['1.004873', 2, 'published'],
      ['1.004888', 1, 'published'],
    ]);
    const [v1, v2] = versions.filter((v) => v.code === '1.004873');
    expect(v1).toMatchObject({
      committed_value: 1,
      committed: { value: 1, unit: 'working-days' },
      superseded_at: T1,
    });
    expect(v2).toMatchObject({
      committed_value: 0.5,
      statutory_value: 3,
      published_at: T1,
      superseded_at: null,
    });
    expect(versions.find((v) => v.code === '1.001612')).toMatchObject({ retired_at: T2 });
  });

  it('lists open drafts with the version they would become, and drops a draft once published', async () => {
    expect(
      await rows('SELECT code, revision, next_version, agency_code, source_format FROM procedure_drafts'),
    ).toEqual([
      { code: '1.001193', revision: 1, next_version: 2, agency_code: '000.31.18.H56', source_format: 'yaml' },
    ]);
  });

  it('keeps agencies and units with validity periods and successor links across the 2025 reform', async () => {
    expect(
      await rows(`SELECT code, valid_from::text, valid_to::text, successor_code, end_reason, parent_code
                  FROM administrative_units WHERE code IN ('573', '22606', '22706') ORDER BY code`),
    ).toEqual([
      {
        code: '22606',
        valid_from: '2010-01-01',
        valid_to: '2025-07-01',
        successor_code: '22706',
        end_reason: 'merged',
        parent_code: '573',
      },
      {
        code: '22706',
        valid_from: '2025-07-01',
        valid_to: null,
        successor_code: null,
        end_reason: null,
        parent_code: '56',
      },
      {
        code: '573',
        valid_from: '2010-01-01',
        valid_to: '2025-07-01',
        successor_code: '56',
        end_reason: 'dissolved',
        parent_code: '56',
      },
    ]);
    const [active] = await rows(
      `SELECT count(*)::int AS n FROM agencies WHERE valid_from <= '2025-07-01' AND (valid_to IS NULL OR valid_to > '2025-07-01')`,
    );
    expect(active.n).toBe(9);
    expect(await rows(`SELECT successor_code FROM agencies WHERE code = '000.31.18.H56'`)).toEqual([
      { successor_code: '000.00.63.H56' },
    ]);
  });

  it('gives identical rows when rebuilt from zero', async () => {
    const before = await snapshot();
    expect(before.versions).toHaveLength(7);
    expect(before.agencies).toHaveLength(25);
    expect(before.units).toHaveLength(21);
    for (const p of projections) await rebuildProjection(db.dataSource, store, p, { batchSize: 7 });
    expect(await snapshot()).toEqual(before);
  });
});
