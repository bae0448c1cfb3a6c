// The catalogue is hand-written data; this spec keeps it honest against the domain: the same event types as
// the deciders declare, and every event the real deciders produce (dossier journeys over the sample
// procedures, the registry over a sample definition, the sample agency directory) validates against its data
// schema with every object closed, so a member added to an event but not to the catalogue fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOSSIER_EVENT_TYPES, type DossierCommand, type DossierEvent } from '@tthc/dossiers';
import {
  ADMINISTRATIVE_UNIT_EVENT_TYPES,
  AGENCY_EVENT_TYPES,
  REGISTRY_EVENT_TYPES,
  SAMPLES_DIRECTORY,
  loadSampleDirectory,
} from '@tthc/procedures';
import { SYSTEM_ACTOR } from '../../../procedures/src/application/authorization';
import {
  decideAdministrativeUnit,
  decideAgency,
  evolveAdministrativeUnit,
  evolveAgency,
  initialAdministrativeUnitState,
  initialAgencyState,
} from '../../../procedures/src/application/directory-decider';
import {
  decideRegistry,
  evolveRegistry,
  initialRegistryState,
  readDefinitionText,
  type RegistryCommand,
} from '../../../procedures/src/application/registry-decider';
import { play } from '../../../dossiers/src/domain/dossier/testing/dossier-spec';
import {
  BIRTH_HEALTH_INSURANCE,
  MARITAL_STATUS,
  commands as c,
  contextFor,
  sampleProcedure,
  specialist,
} from '../../../dossiers/src/domain/dossier/testing/fixtures';
import { catalogueEntriesOf, EVENT_CATALOGUE, findCatalogueEntry } from './event-catalogue';
import type { JsonSchema } from './json-schema';
import { compile, describeErrors } from './testing/asyncapi-validation';

interface Fact {
  readonly type: string;
  readonly data: unknown;
}

/** Runs a decider over commands, folding its own events, and returns them all. */
function run<State, Command, Event extends Fact>(
  decide: (command: Command, state: State) => Event[],
  evolve: (state: State, event: Event) => State,
  initial: State,
  commands: readonly Command[],
): Event[] {
  let state = initial;
  return commands.flatMap((command) => {
    const events = decide(command, state);
    state = events.reduce(evolve, state);
    return events;
  });
}

/** The schema with every described object closed: no member the catalogue does not know. */
function closed(schema: JsonSchema): JsonSchema {
  const map = (list?: readonly JsonSchema[]) => list?.map(closed);
  return {
    ...schema,
    ...(schema.properties === undefined
      ? {}
      : {
          properties: Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, closed(s)])),
          additionalProperties: schema.additionalProperties ?? false,
        }),
    ...(schema.items === undefined ? {} : { items: closed(schema.items) }),
    ...(schema.oneOf === undefined ? {} : { oneOf: map(schema.oneOf) }),
    ...(schema.allOf === undefined ? {} : { allOf: map(schema.allOf) }),
  };
}

// ---- Events the real deciders produce -----------------------------------------------------------------

const marital = sampleProcedure(MARITAL_STATUS);
const lienThong = sampleProcedure(BIRTH_HEALTH_INSURANCE);
const examining = (procedure = marital): DossierCommand[] => [
  c.submit(procedure, '2026-03-09 08:50'),
  c.receive('2026-03-09 09:00'),
  c.transfer('2026-03-09 09:05'),
];

const dossierJourneys: DossierEvent[][] = [
  // The at-risk floor is raised so that the flag comes with five working hours left.
  play(contextFor(marital, { atRiskMinWorkingHours: 8 }), [
    c.submit(marital, '2026-03-09 08:50', { channel: 'online', paymentReference: 'VNPAY-1' }),
    c.requestCompletion('2026-03-09 10:00'),
    c.complete('2026-03-10 08:30'),
    c.receive('2026-03-10 09:00'),
    c.transfer('2026-03-10 09:05'),
    c.startExcludedInterval('2026-03-10 10:00'),
    c.endExcludedInterval('2026-03-11 10:00'),
    c.requestSupplement('2026-03-11 11:00'),
    c.provideSupplement('2026-03-12 14:00'),
    c.flagAtRisk('2026-03-12 15:00'),
    c.handOver('2026-03-12 15:30', 'SUBMIT_FOR_SIGNATURE', specialist),
    c.approve('2026-03-12 16:00'),
    c.issueResult('2026-03-13 09:00'),
    c.returnResult('2026-03-13 10:00'),
    { ...c.rate('2026-03-13 10:05', 4), comment: 'Nhanh' },
  ]),
  play(contextFor(lienThong), [
    ...examining(lienThong),
    c.apologise('2026-03-16 09:00', '2026-03-20 09:00'),
    c.handOver('2026-03-16 10:00', 'HAND_OVER', specialist),
  ]),
  play(contextFor(marital), [c.submit(marital, '2026-03-09 08:50'), c.refuseReceipt('2026-03-09 09:00')]),
  play(contextFor(marital), [
    ...examining(),
    c.handOver('2026-03-09 10:00', 'SUBMIT_FOR_SIGNATURE', specialist),
    c.refuseResolution('2026-03-09 11:00'),
  ]),
  play(contextFor(marital), [...examining(), c.withdraw('2026-03-09 10:00')]),
];

const admin = SYSTEM_ACTOR;
const now = new Date('2026-03-02T02:00:00Z');
const text = readFileSync(join(SAMPLES_DIRECTORY, 'marital-status-certificate.yaml'), 'utf8');
const authored = readDefinitionText(text);
const code = (authored.document as { code: string }).code;
const registryCommands: RegistryCommand[] = [
  { type: 'DraftProcedure', data: authored, metadata: { now, actor: admin } },
  {
    type: 'UpdateProcedureDraft',
    data: { code, document: { ...(authored.document as object), supplementRequestWindow: 2 } },
    metadata: { now, actor: admin },
  },
  { type: 'PublishProcedure', data: { code }, metadata: { now, actor: admin } },
  { type: 'RetireProcedure', data: { code, reason: 'Bãi bỏ' }, metadata: { now, actor: admin } },
];

const directory = loadSampleDirectory();
const agencyEvents = directory.agencies.flatMap(({ agency, end }) =>
  run(decideAgency, evolveAgency, initialAgencyState(), [
    { type: 'SyncAgency', data: { agency, end }, metadata: { actor: admin } },
    {
      type: 'UpdateAgency',
      data: { code: agency.code, changes: { saturdayReception: !agency.saturdayReception } },
      metadata: { actor: admin },
    },
  ]),
);
const unitEvents = directory.administrativeUnits.flatMap(({ unit, end }) =>
  run(decideAdministrativeUnit, evolveAdministrativeUnit, initialAdministrativeUnitState(), [
    { type: 'SyncAdministrativeUnit', data: { unit, end: null }, metadata: { actor: admin } },
    {
      type: 'SyncAdministrativeUnit',
      data: { unit: { ...unit, legalBasis: 'Nghị quyết 2026' }, end },
      metadata: { actor: admin },
    },
  ]),
);

const produced: readonly Fact[] = [
  ...dossierJourneys.flat(),
  ...run(decideRegistry, evolveRegistry, initialRegistryState(), registryCommands),
  ...agencyEvents,
  ...unitEvents,
];

describe('the event catalogue', () => {
  it.each([
    ['dossier', DOSSIER_EVENT_TYPES],
    ['procedure', REGISTRY_EVENT_TYPES],
    ['agency', AGENCY_EVENT_TYPES],
    ['administrative-unit', ADMINISTRATIVE_UNIT_EVENT_TYPES],
    ['calendar', []],
  ] as const)('lists exactly the %s events the domain declares', (streamType, declared) => {
    expect(catalogueEntriesOf(streamType).map((e) => e.eventType)).toEqual([...declared]);
  });

  it('gives every entry a summary, a Vietnamese title and a schema that compiles in strict mode', () => {
    for (const entry of EVENT_CATALOGUE) {
      expect(entry.summary).toMatch(/\.$/);
      expect(entry.titleVi.length).toBeGreaterThan(3);
      expect(() => compile(entry.dataSchema)).not.toThrow();
    }
  });

  it('covers every catalogued event type with an event the real deciders produced', () => {
    const types = new Set(produced.map((e) => e.type));
    expect(EVENT_CATALOGUE.map((e) => e.eventType).filter((t) => !types.has(t))).toEqual([]);
  });

  it('fails data carrying a member the catalogue does not describe', () => {
    const entry = findCatalogueEntry('ResultReturned', 1);
    if (entry === undefined) throw new Error('ResultReturned is not catalogued');
    const validate = compile(closed(entry.dataSchema));
    expect(validate({ returnedAt: '2026-03-13T03:00:00.000Z', method: 'post' })).toBe(true);
    expect(validate({ returnedAt: '2026-03-13T03:00:00.000Z', method: 'post', trackingNo: 'EMS1' })).toBe(
      false,
    );
  });

  it.each(produced.map((event, i) => [event.type, i, event] as const))(
    'describes %s (#%i) exactly, members and types',
    (type, _i, event) => {
      const entry = findCatalogueEntry(type, 1);
      if (entry === undefined) throw new Error(`${type} is not catalogued`);
      const validate = compile(closed(entry.dataSchema));
      const data: unknown = JSON.parse(JSON.stringify(event.data));
      expect(describeErrors(validate(data) ? [] : validate.errors)).toBe('');
    },
  );
});
