// On start-up, the shipped confirmed years (2018–2020, 2025, 2026) are written to their calendar streams when the read
// model has no row for them. Idempotent: one command id per year, so a restart or a second process appends
// nothing; a year an administrator already proposed or amended is left alone.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@tthc/shared-kernel';
import { SHIPPED_OFFICIAL_YEARS } from '../../application/agency-calendar';
import { OfficialCalendarCommands } from '../../application/official-calendars/official-calendar-commands';
import { DOSSIER_CLOCK, type Clock } from '../../application/ports';

export const CALENDAR_SEED_ACTOR = { id: 'system:calendar-seed', role: 'system' } as const;

@Injectable()
export class OfficialCalendarSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('OfficialCalendars');

  constructor(
    @Inject(getDataSourceToken()) private readonly db: DataSource,
    @Inject(OfficialCalendarCommands) private readonly calendars: OfficialCalendarCommands,
    @Inject(DOSSIER_CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
  }

  /** @returns the years written now. */
  async seed(): Promise<number[]> {
    const rows = (await this.db.query('SELECT year FROM official_calendars')) as { year: number }[];
    const present = new Set(rows.map((row) => Number(row.year)));
    const seeded: number[] = [];
    for (const shipped of SHIPPED_OFFICIAL_YEARS) {
      if (present.has(shipped.year)) continue;
      const { source, daysOff, makeUpWorkingDays, notes } = shipped;
      try {
        const { result, replayed } = await this.calendars.execute(
          {
            type: 'SaveOfficialCalendar',
            year: shipped.year,
            document: { source, daysOff, makeUpWorkingDays, ...(notes === undefined ? {} : { notes }) },
          },
          {
            actor: CALENDAR_SEED_ACTOR,
            correlationId: 'calendar-seeding',
            commandId: `calendar-seed:${shipped.year}`,
          },
          this.clock(),
        );
        if (!replayed && result.events.length > 0) seeded.push(shipped.year);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`official calendar ${shipped.year} not seeded: ${error.message}`);
      }
    }
    if (seeded.length > 0) this.logger.log(`official calendars seeded: ${seeded.join(', ')}`);
    return seeded;
  }
}
