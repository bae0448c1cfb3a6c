// Where a dossier's submission sits in the log, as SQL text: the reads a command makes with the dossier's
// stream (CommandSpec.reads) look values of it up there (its agency, its applicant's key).

/**
 * A scalar subquery: `expression` (over the event's `data`) of the DossierSubmitted event of the stream
 * `streamId` names, an SQL expression (a prepared statement's parameter).
 */
export function fromSubmission(streamId: string, expression: string): string {
  return `(SELECT ${expression} FROM events
    WHERE stream_id = ${streamId} AND event_type = 'DossierSubmitted' LIMIT 1)`;
}
