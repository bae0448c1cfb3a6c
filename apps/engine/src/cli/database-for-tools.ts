// Command-line tools reach the same database as the engine: DATABASE_URL, else the embedded server
// of DATA_DIR (the running engine's, or one started just for the tool and stopped afterwards).
import { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  loadConfig,
  runningEmbeddedUrl,
  startEmbeddedPostgres,
  type AppConfig,
} from '@tthc/platform';
import { ALL_MIGRATIONS } from '../composition';

export interface ToolDatabase {
  readonly config: AppConfig;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

export async function openToolDatabase(say: (line: string) => void): Promise<ToolDatabase> {
  const config = loadConfig(process.env);
  let url = config.database.url ?? runningEmbeddedUrl(config.database.dataDir);
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres({
      dataDir: config.database.dataDir,
      port: config.database.embeddedPort,
      log: say,
    });
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const dataSource = new DataSource({ ...dataSourceOptions(url, 4, ALL_MIGRATIONS), logging: ['error'] });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    config,
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await stopEmbedded?.();
    },
  };
}
