// The dossier context's published event and value types, imported as types only: the analytics domain reads
// the dossiers' facts but must not load their module (NestJS) at run time.
export type {
  DossierEvent,
  NormalisedOnlineLevel,
  PauseKind,
  ProcessingDuration,
  Timeliness,
  TimelinessGranularity,
} from '@tthc/dossiers';
export type { Channel } from '@tthc/procedures';
// Early / on time / late and local days come from the calendar lib, which loads no framework: one rule for
// the decider, these facts and the SQL reports (docs/domain/statistics-ii06a.md).
export { compareTimeliness, localDayNumberOfMs as localDayNumber } from '@tthc/calendar';
