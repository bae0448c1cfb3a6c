// Where a dossier's submission sits in the log, as SQL text: the reads a command makes with the dossier's
// stream (CommandSpec.reads) look values of it up there (its agency, its applicant's key).
import { sqlLiteral } from '@tthc/event-store';

/** A scalar subquery: `expression` (over the event's `data`) of the stream's DossierSubmitted event. */
export function fromSubmission(streamId: string, expression: string): string {
  return `(SELECT ${expression} FROM events
    WHERE stream_id = ${sqlLiteral(streamId)} AND event_type = 'DossierSubmitted' LIMIT 1)`;
}
