// Tells operators, from 1 October, that next year has no confirmed official calendar (its deadlines are
// computed on a provisional one until an administrator confirms it): on /health/ready as details of a
// check that stays up, as the gauge tthc_official_calendar_unconfirmed_next_year, and in the log once per
// process and year, never once a minute (docs/domain/official-calendars.md).
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Gauge, register } from 'prom-client';
import type { DataSource } from 'typeorm';
import { ReadinessChecks } from '@tthc/platform';
import { toLocalDate, yearAwaitingConfirmation } from '../../domain/calendar';
import { DOSSIER_CLOCK, type Clock } from '../../application/ports';
import { confirmedOfficialYears } from './official-years-refresher';

const GAUGE = 'tthc_official_calendar_unconfirmed_next_year';

@Injectable()
export class NextYearCalendarWatch implements OnApplicationBootstrap {
  private readonly logger = new Logger('OfficialCalendars');
  private readonly warned = new Set<number>();

  constructor(
    @Inject(getDataSourceToken()) private readonly db: DataSource,
    @Inject(ReadinessChecks) private readonly readiness: ReadinessChecks,
    @Inject(DOSSIER_CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.readiness.register({ name: 'officialCalendars', check: () => this.details() });
    register.removeSingleMetric(GAUGE);
    const awaited = () => this.awaited();
    new Gauge({
      name: GAUGE,
      help: 'The next year (from 1 October) while it has no confirmed official calendar, else 0',
      async collect() {
        this.set((await awaited().catch(() => undefined)) ?? 0);
      },
    });
    await this.awaited().catch(() => undefined);
  }

  /** The year awaiting confirmation now, if any; warns once per year. */
  async awaited(): Promise<number | undefined> {
    const confirmed = new Set((await confirmedOfficialYears(this.db)).map((year) => year.year));
    const year = yearAwaitingConfirmation(toLocalDate(this.clock()), confirmed);
    if (year !== undefined && !this.warned.has(year)) {
      this.warned.add(year);
      this.logger.warn(
        `official calendar ${year} is not confirmed: deadlines reaching into ${year} use a provisional ` +
          `calendar (the law's days, no swaps). Confirm it: POST /v1/calendars/${year}/proposal, then PUT.`,
      );
    }
    return year;
  }

  private async details(): Promise<Record<string, unknown>> {
    const year = await this.awaited();
    return year === undefined
      ? { nextYearConfirmed: true }
      : { nextYearConfirmed: false, unconfirmedYear: year, deadlines: 'provisional' };
  }
}
