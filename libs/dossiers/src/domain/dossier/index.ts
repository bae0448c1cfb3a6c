export { draftApology, formatLocalMinute, type ApologyDraftInput } from './apology-draft';
export { decide } from './decide';
export { APOLOGY_LEAD_WORKING_DAYS } from './decide-resolution';
export { supplementWindow } from './decide-processing';
export { DEFAULT_DOSSIER_SETTINGS, type DossierContext, type DossierSettings } from './dossier-context';
export { dossierClock, type DossierClock } from './dossier-clock';
export {
  formatDossierCode,
  isDossierCode,
  isUnitCode,
  UNIT_CODE,
  MAX_DAILY_SEQUENCE,
  parseDossierCode,
  type DossierCodeParts,
} from './dossier-code';
export type * from './dossier-commands';
export { DOSSIER_EVENT_TYPES } from './dossier-events';
export type * from './dossier-events';
export { initialState, processingOf } from './dossier-state';
export type * from './dossier-state';
export * from './errors';
export { evolve } from './evolve';
export { fromInstant, toInstant, type Instant } from './instant';
export { DECREE_118_EFFECTIVE_DATE, legalRegime, type LegalRegime } from './legal-regime';
export {
  exceedsOnlineLevel,
  normaliseOnlineLevel,
  parseDossierOnlineLevel,
  type NormalisedOnlineLevel,
} from './online-level';
export { IRREGULARITY_RULES, type Irregularity, type IrregularityRule } from './clock-rules';
