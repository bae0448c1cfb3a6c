// The dossier domain's view of the working-day calendar, which is a lib of its own (@tthc/calendar): pure,
// loading no framework, so analytics and the CLIs use the same rules.
export * from '@tthc/calendar';
