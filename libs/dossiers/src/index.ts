/**
 * Dossiers, pure domain: the working-day calendar and the dossier decider (decide / evolve / initialState)
 * with its events, commands, errors, live clock and dossier codes.
 */
export * from './domain/calendar';
export * from './domain/dossier';
