/**
 * Dossiers, pure domain: the working-day calendar and the dossier decider (decide / evolve / initialState)
 * with its events, commands, errors, live clock and dossier codes.
 */
export * from './domain/calendar';
export * from './domain/dossier';

// Application, read models and HTTP API (see dossiers.module.ts).
export { DossiersModule } from './dossiers.module';
export { DossierCodeSequences1763780000500 } from './infrastructure/migrations/1763780000500-dossier-code-sequences';
export { DossierReadModels1763780000510 } from './infrastructure/migrations/1763780000510-dossier-read-models';
export { ApplicantKeys1763780000520 } from './infrastructure/migrations/1763780000520-applicant-keys';
export { DossierTimelineStreamKey1763780005010 } from './infrastructure/migrations/1763780005010-dossier-timeline-stream-key';
export { ApplicantKeyring } from './infrastructure/personal-data/applicant-keyring';
export { resolveMasterKey } from './infrastructure/personal-data/master-key';
export {
  PersonalDataProtection,
  isSealedField,
} from './infrastructure/personal-data/personal-data-protection';
export { APPLICANT_KEY_STREAM_TYPE } from './application/erase-applicant/erase-applicant.handler';
export { DossierReadModelProjection } from './infrastructure/projections/dossier-read-model.projection';
export { OfficialCalendars1763780000800 } from './infrastructure/calendar/1763780000800-official-calendars';
export { OfficialCalendarsProjection } from './infrastructure/calendar/official-calendars.projection';
export { DOSSIER_STREAM_TYPE, dossierStreamId } from './application/dossier-stream';
export {
  canSeePersonalData,
  maskApplicant,
  maskName,
  maskTail,
  type ReadingActor,
} from './application/personal-data';
export { describeEvent, type TimelineEntry } from './application/timeline-labels';
export type {
  DossierActionResult,
  DossierClockView,
  DossierDetails,
  DossierSummary,
  TimelineItem,
  WorklistPage,
} from './application/views';
