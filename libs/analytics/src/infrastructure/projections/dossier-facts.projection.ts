// DossierFactsProjection: the analytics read model, one row per dossier stream, folded with the pure
// `evolveFacts` from event data only (never the clock), so a rebuild from zero gives identical rows and
// identical reports. Exactly once in effect: the framework applies each event in the transaction that
// moves the checkpoint and the stream's version (libs/event-store/src/subscriptions/checkpoints.ts).
//
// The watermark counts the dossier events applied and keeps the highest log position among them: reports
// are stamped with it, so a published figure names the events it was computed from. Its single row is
// updated first in every transaction, so this projection's transactions run one at a time even when Kafka
// partitions are consumed in parallel: that also orders their updates of the shared daily-count rows (no
// deadlock between partitions), at the price of this projection's parallelism.
import type { QueryRunner } from 'typeorm';
import type { Projection, RecordedEvent } from '@tthc/event-store';
import { evolveFacts, type DossierFacts } from '../../domain/dossier-facts';
import type { DossierEvent } from '../../domain/dossier-event-types';
import { tripsOf } from '../../domain/time-savings';
import { contributionChanges } from '../../domain/daily-counts';

/** The dossier context's stream type (kept as a constant: its module is not loaded here). */
export const DOSSIER_STREAM_TYPE = 'dossier';

function isWellFormedSubmission(data: unknown): boolean {
  const d = data as Record<string, unknown> | null;
  return (
    typeof d?.dossierId === 'string' &&
    typeof d.procedureCode === 'string' &&
    typeof d.procedureVersion === 'number' &&
    typeof d.agencyCode === 'string' &&
    typeof d.channel === 'string' &&
    typeof d.onlineLevel === 'string' &&
    typeof d.submittedAt === 'string'
  );
}

export class DossierFactsProjection implements Projection {
  readonly name = 'analytics-dossier-facts';
  readonly streamTypes = [DOSSIER_STREAM_TYPE];
  readonly tables = ['analytics_dossier_facts', 'analytics_watermark', 'analytics_daily_counts'];

  async apply(recorded: RecordedEvent, runner: QueryRunner): Promise<void> {
    await this.advanceWatermark(recorded, runner);
    const event = { type: recorded.type, data: recorded.data } as DossierEvent;
    if (event.type === 'DossierSubmitted' && !isWellFormedSubmission(event.data)) return;
    const rows = (await runner.query('SELECT facts FROM analytics_dossier_facts WHERE stream_id = $1', [
      recorded.streamId,
    ])) as { facts: DossierFacts }[];
    const before = rows[0]?.facts;
    if (before === undefined && event.type !== 'DossierSubmitted') return;
    const after = evolveFacts(before, event);
    if (after === undefined || after === before) return;
    await this.save(recorded.streamId, after, runner);
    await this.count(before, after, runner);
  }

  /** Moves the daily counts by what this event changed in the dossier's contributions. */
  private async count(
    before: DossierFacts | undefined,
    after: DossierFacts,
    runner: QueryRunner,
  ): Promise<void> {
    for (const change of contributionChanges(before, after)) {
      // The column name comes from DAILY_COUNT_COLUMNS, never from event data.
      await runner.query(
        `INSERT INTO analytics_daily_counts (agency_code, procedure_code, procedure_version, channel, online_level,
           day, ${change.column})
         VALUES ($1, $2, $3, $4, $5, $6::date, $7)
         ON CONFLICT (agency_code, day, procedure_code, procedure_version, channel, online_level)
         DO UPDATE SET ${change.column} = analytics_daily_counts.${change.column} + excluded.${change.column}`,
        [
          after.agencyCode,
          after.procedureCode,
          after.procedureVersion,
          after.channel,
          after.onlineLevel,
          change.day,
          change.delta,
        ],
      );
    }
  }

  private async advanceWatermark(recorded: RecordedEvent, runner: QueryRunner): Promise<void> {
    await runner.query(
      `INSERT INTO analytics_watermark (id, events_applied, last_transaction_id, last_position)
       VALUES (1, 1, $1::numeric, $2::bigint)
       ON CONFLICT (id) DO UPDATE SET
         events_applied = analytics_watermark.events_applied + 1,
         last_transaction_id = CASE WHEN (excluded.last_transaction_id, excluded.last_position)
             > (analytics_watermark.last_transaction_id, analytics_watermark.last_position)
           THEN excluded.last_transaction_id ELSE analytics_watermark.last_transaction_id END,
         last_position = CASE WHEN (excluded.last_transaction_id, excluded.last_position)
             > (analytics_watermark.last_transaction_id, analytics_watermark.last_position)
           THEN excluded.last_position ELSE analytics_watermark.last_position END`,
      [recorded.logPosition.transactionId, recorded.logPosition.position],
    );
  }

  private async save(streamId: string, f: DossierFacts, runner: QueryRunner): Promise<void> {
    const r = f.resolution;
    const trips = tripsOf(f);
    const values: unknown[] = [
      streamId,
      f.dossierId,
      f.procedureCode,
      f.procedureVersion,
      f.agencyCode,
      f.channel,
      f.onlineLevel,
      f.onlinePayment,
      f.receivedAt ?? null,
      f.endedAt ?? null,
      f.outcome ?? null,
      f.legalRegime ?? null,
      f.committedDuration === undefined ? null : daysOf(f.committedDuration),
      f.committedDuration?.unit ?? null,
      f.statutoryDuration === undefined ? null : daysOf(f.statutoryDuration),
      f.statutoryDuration?.unit ?? null,
      f.receiptDueAt ?? null,
      r?.resolvedAt ?? null,
      r?.electronic ?? null,
      r?.timelinessDay ?? null,
      r?.timelinessMinute ?? null,
      r?.workingDaysUsed ?? null,
      r?.workingDaysBeforeStatutoryDue ?? null,
      r?.apologised ?? null,
      f.returnedAt ?? null,
      f.returnMethod ?? null,
      f.supplementRounds,
      f.pausedWorkingDays,
      f.pausedMs,
      f.held.agency,
      f.held['partner-agency'],
      f.held.citizen,
      f.held.payment,
      f.held['other-excluded'],
      trips.baseline,
      trips.actual,
      f.apologisedAt ?? null,
      f.atRiskAt ?? null,
      f.rating ?? null,
      f.ratedAt ?? null,
      f.pauses.length > 0,
      JSON.stringify(f.deadlines),
      JSON.stringify(f.pauses),
      JSON.stringify(f),
    ];
    const columns = COLUMNS.join(', ');
    const placeholders = COLUMNS.map((column, i) =>
      JSONB_COLUMNS.has(column) ? `$${i + 1}::jsonb` : `$${i + 1}`,
    ).join(', ');
    const updates = COLUMNS.slice(1)
      .map((column) => `${column} = excluded.${column}`)
      .join(', ');
    await runner.query(
      `INSERT INTO analytics_dossier_facts (${columns}) VALUES (${placeholders})
       ON CONFLICT (stream_id) DO UPDATE SET ${updates}`,
      values,
    );
  }
}

/** A same-day procedure counts as 1 day, as the registry's read model does. */
function daysOf(duration: NonNullable<DossierFacts['committedDuration']>): number {
  return duration.unit === 'same-day' ? 1 : duration.value;
}

const COLUMNS = [
  'stream_id',
  'dossier_id',
  'procedure_code',
  'procedure_version',
  'agency_code',
  'channel',
  'online_level',
  'online_payment',
  'received_at',
  'ended_at',
  'outcome',
  'legal_regime',
  'committed_value',
  'committed_unit',
  'statutory_value',
  'statutory_unit',
  'receipt_due_at',
  'resolved_at',
  'electronic_result',
  'timeliness_day',
  'timeliness_minute',
  'working_days_used',
  'working_days_before_statutory_due',
  'late_apologised',
  'returned_at',
  'return_method',
  'supplement_rounds',
  'paused_working_days',
  'paused_ms',
  'held_agency',
  'held_partner_agency',
  'held_citizen',
  'held_payment',
  'held_other_excluded',
  'trips_baseline',
  'trips_actual',
  'apologised_at',
  'at_risk_at',
  'rating',
  'rated_at',
  'has_pauses',
  'deadlines',
  'pauses',
  'facts',
] as const;
const JSONB_COLUMNS: ReadonlySet<string> = new Set(['deadlines', 'pauses', 'facts']);
