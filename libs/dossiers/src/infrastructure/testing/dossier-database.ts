/**
 * A test database with what the dossier side reads: the event store, the registry's read models with the
 * sample procedures published and the sample agencies registered (written as the registry's own events and
 * projected by its own projections), and the dossier tables.
 */
import { catchUp, EventStore1763780000000, PostgresEventStore, type Projection } from '@tthc/event-store';
import {
  AGENCY_STREAM_TYPE,
  AgencyDirectory1763780000210,
  AgencyDirectoryProjection,
  agencyStreamId,
  contentHash,
  loadSampleCatalogue,
  loadSampleDirectory,
  PROCEDURE_STREAM_TYPE,
  ProcedureRegistry1763780000200,
  ProcedureRegistryProjection,
  procedureStreamId,
} from '@tthc/procedures';
import { createTestDatabase, type TestDatabase } from '@tthc/testing';
import { DossierCodeSequences1763780000500 } from '../migrations/1763780000500-dossier-code-sequences';
import { DossierReadModels1763780000510 } from '../migrations/1763780000510-dossier-read-models';
import { ApplicantKeys1763780000520 } from '../migrations/1763780000520-applicant-keys';
import { DossierTimelineStreamKey1763780005010 } from '../migrations/1763780005010-dossier-timeline-stream-key';

export const DOSSIER_TEST_MIGRATIONS = [
  EventStore1763780000000,
  ProcedureRegistry1763780000200,
  AgencyDirectory1763780000210,
  DossierCodeSequences1763780000500,
  DossierReadModels1763780000510,
  ApplicantKeys1763780000520,
  DossierTimelineStreamKey1763780005010,
];

const PUBLISHED_AT = '2026-01-05T01:00:00.000Z';
const registrar = { actor: { id: 'system:samples', role: 'system' } };

export async function createDossierTestDatabase(): Promise<{ db: TestDatabase; store: PostgresEventStore }> {
  const db = await createTestDatabase(DOSSIER_TEST_MIGRATIONS);
  const store = new PostgresEventStore(db.dataSource);
  for (const definition of loadSampleCatalogue()) {
    await store.append(procedureStreamId(definition.code), PROCEDURE_STREAM_TYPE, 0, [
      {
        type: 'ProcedurePublished',
        data: {
          code: definition.code,
          version: 1,
          definition,
          contentHash: contentHash(definition),
          publishedAt: PUBLISHED_AT,
          draftRevision: null,
          warnings: [],
        },
        metadata: registrar,
        occurredAt: new Date(PUBLISHED_AT),
      },
    ]);
  }
  for (const { agency } of loadSampleDirectory().agencies) {
    await store.append(agencyStreamId(agency.code), AGENCY_STREAM_TYPE, 0, [
      { type: 'AgencyRegistered', data: agency, metadata: registrar, occurredAt: new Date(PUBLISHED_AT) },
    ]);
  }
  const registry: Projection[] = [new ProcedureRegistryProjection(), new AgencyDirectoryProjection()];
  // A parallel test's open transaction elsewhere on the server holds the log back; wait it out, or the
  // registry would be projected only in part.
  await store.waitUntilReadable();
  for (const projection of registry) await catchUp(db.dataSource, store, projection, 500);
  return { db, store };
}
