import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { dataSourceOptions, type MigrationClass } from './database/data-source-options';
import { HealthController } from './observability/health.controller';
import { MetricsController } from './observability/metrics.controller';
import { LOG_REDACT_PATHS, scrubRequestForLog } from './observability/log-redaction';
import { ReadinessChecks } from './observability/readiness';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const DATABASE_URL = Symbol('DATABASE_URL');

export interface PlatformOptions {
  readonly config: AppConfig;
  readonly databaseUrl: string;
  readonly migrations: MigrationClass[];
}

/** What every app shares: typed config, PostgreSQL through TypeORM, logs, health and metrics, authentication. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config } = options;
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ app: config })] }),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.log.level,
            transport: config.log.pretty ? { target: 'pino-pretty' } : undefined,
            genReqId: (req: IncomingMessage) => {
              const given = req.headers['x-request-id'];
              return typeof given === 'string' && given.length <= 200 ? given : randomUUID();
            },
            // Personal data and secrets never reach the logs.
            redact: LOG_REDACT_PATHS,
            serializers: { req: scrubRequestForLog },
            autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
          },
        }),
        TypeOrmModule.forRoot(
          dataSourceOptions(options.databaseUrl, config.database.poolSize, options.migrations),
        ),
        TerminusModule,
        AuthModule.forRoot(config),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: options.databaseUrl },
        ReadinessChecks,
      ],
      exports: [APP_CONFIG, DATABASE_URL, ReadinessChecks],
    };
  }
}
