/**
 * Analytics: the agencies' official statistics (II.06a), processing times, reform reductions, days saved for
 * citizens and Decision 766 indicators, computed from the dossier events. Pure domain first.
 */
export * from './domain';
