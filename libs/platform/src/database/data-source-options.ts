import type { DataSourceOptions, MigrationInterface } from 'typeorm';

export type MigrationClass = new () => MigrationInterface;

/** Schema is owned by migrations, run at start; `synchronize` stays off outside throwaway test schemas. */
export function dataSourceOptions(
  url: string,
  poolSize: number,
  migrations: MigrationClass[],
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    migrations,
    entities: [],
    logging: ['error', 'migration'],
    extra: { max: poolSize, application_name: 'tthc-engine' },
  };
}
