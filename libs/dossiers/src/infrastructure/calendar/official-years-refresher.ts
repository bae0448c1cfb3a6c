// Feeds agency-calendar.ts with the confirmed years of the `official_calendars` read model, so deadlines can
// reach a year an administrator confirmed (the shipped 2025/2026 data stay as the fallback).
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { OfficialYearCalendar } from '../../domain/calendar';
import { refreshOfficialYears, useOfficialYearsSource } from '../../application/agency-calendar';

export async function confirmedOfficialYears(db: DataSource): Promise<OfficialYearCalendar[]> {
  const rows = (await db.query(
    `SELECT data FROM official_calendars WHERE status = 'confirmed' ORDER BY year`,
  )) as { data: OfficialYearCalendar }[];
  return rows.map((row) => row.data);
}

@Injectable()
export class OfficialYearsRefresher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('OfficialCalendars');

  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    useOfficialYearsSource(() => confirmedOfficialYears(this.db));
    try {
      await refreshOfficialYears();
    } catch (error) {
      this.logger.warn(`official calendars not read yet, using the shipped years: ${String(error)}`);
    }
  }

  onApplicationShutdown(): void {
    useOfficialYearsSource(undefined);
  }
}
