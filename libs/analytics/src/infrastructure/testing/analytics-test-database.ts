// The database the analytics integration tests run on: the event store, the registry and directory the
// reports join, and every analytics migration, in order; and a query runner lent for one piece of work.
import type { QueryRunner } from 'typeorm';
import { EventStore1763780000000 } from '@tthc/event-store';
import { AgencyDirectory1763780000210, ProcedureRegistry1763780000200 } from '@tthc/procedures';
import { createTestDatabase, type TestDatabase } from '@tthc/testing';
import { AnalyticsFacts1763780000900 } from '../migrations/1763780000900-analytics-facts';
import { AnalyticsDailyCounts1763780000910 } from '../migrations/1763780000910-analytics-daily-counts';
import { AnalyticsDailySavings1763780004000 } from '../migrations/1763780004000-analytics-daily-savings';
import { AnalyticsAwaitingCollection1763780004100 } from '../migrations/1763780004100-analytics-awaiting-collection';
import { AnalyticsApplicantLocality1763780006000 } from '../migrations/1763780006000-analytics-applicant-locality';

export function createAnalyticsTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase([
    EventStore1763780000000,
    ProcedureRegistry1763780000200,
    AgencyDirectory1763780000210,
    AnalyticsFacts1763780000900,
    AnalyticsDailyCounts1763780000910,
    AnalyticsDailySavings1763780004000,
    AnalyticsAwaitingCollection1763780004100,
    AnalyticsApplicantLocality1763780006000,
  ]);
}

export async function withQueryRunner<T>(
  db: TestDatabase,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const runner = db.dataSource.createQueryRunner();
  try {
    return await work(runner);
  } finally {
    await runner.release();
  }
}
