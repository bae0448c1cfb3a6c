import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AnalyticsController } from './api/analytics.controller';
import { IrregularitiesController } from './api/irregularities.controller';
import { AnalyticsReports } from './application/analytics-reports';

export const ANALYTICS_CONTROLLERS = [AnalyticsController, IrregularitiesController];

/**
 * Analytics: the query API over the analytics read model. Needs the platform (database); its projection and
 * migration are listed by the app (apps/engine/src/composition.ts). The reports are one plain class over the
 * DataSource (no query bus): the report command uses the same class without a Nest container.
 */
@Module({
  controllers: ANALYTICS_CONTROLLERS,
  providers: [
    {
      provide: AnalyticsReports,
      useFactory: (db: DataSource) => new AnalyticsReports(db),
      inject: [getDataSourceToken()],
    },
  ],
})
export class AnalyticsModule {}
