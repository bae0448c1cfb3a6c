// One row per year of the official calendar, as its last event left it (proposed, confirmed or amended).
import type { QueryRunner } from 'typeorm';
import type { Projection, RecordedEvent } from '@tthc/event-store';
import {
  CALENDAR_STREAM_TYPE,
  OFFICIAL_CALENDAR_EVENT_TYPES,
  type OfficialCalendarEventData,
} from '../../application/official-calendars/official-calendar-decider';

export class OfficialCalendarsProjection implements Projection {
  readonly name = 'official-calendars';
  readonly streamTypes = [CALENDAR_STREAM_TYPE];
  readonly tables = ['official_calendars'];

  async apply(event: RecordedEvent, runner: QueryRunner): Promise<void> {
    if (!(OFFICIAL_CALENDAR_EVENT_TYPES as readonly string[]).includes(event.type)) return;
    const data = event.data as unknown as OfficialCalendarEventData;
    const status = event.type === 'OfficialCalendarProposed' ? 'proposed' : 'confirmed';
    await runner.query(
      `INSERT INTO official_calendars (year, status, data, source, reason, updated_at, version)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)
       ON CONFLICT (year) DO UPDATE SET status = EXCLUDED.status, data = EXCLUDED.data,
         source = EXCLUDED.source, reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at,
         version = EXCLUDED.version
       WHERE official_calendars.version < EXCLUDED.version`,
      [
        data.year,
        status,
        JSON.stringify({ ...data.calendar, status }),
        data.calendar.source,
        data.reason ?? null,
        event.occurredAt,
        event.streamVersion,
      ],
    );
  }
}
