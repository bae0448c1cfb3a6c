import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { dataSourceOptions, type MigrationClass } from './database/data-source-options';
import { requestIdOf } from './http/request-id';
import { ACCESS_LOG_OPTIONS } from './observability/access-log';
import { HealthController } from './observability/health.controller';
import { MetricsController } from './observability/metrics.controller';
import { LOG_REDACT_PATHS, scrubRequestForLog } from './observability/log-redaction';
import { ReadinessChecks } from './observability/readiness';

export const APP_CONFIG = Symbol('APP_CONFIG');

const pathOf = (req: IncomingMessage & { originalUrl?: string }) => req.originalUrl ?? req.url ?? '';
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
          // Every path. nestjs-pino's default route ('{/*splat}') matches no request under Nest 12 on Fastify:
          // its HTTP middleware never ran, so requests were never logged and in-request lines had no reqId.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.log.level,
            transport: config.log.pretty ? { target: 'pino-pretty' } : undefined,
            // Fastify assigns the id first (bootstrap.ts, the same function); this is for a request it did not.
            genReqId: (req: IncomingMessage) => requestIdOf(req),
            // Personal data and secrets never reach the logs.
            redact: LOG_REDACT_PATHS,
            serializers: { req: scrubRequestForLog },
            // One access line per request (observability/access-log.ts); health probes are not logged.
            ...ACCESS_LOG_OPTIONS,
            // The path as sent: Nest's middleware runner rewrites req.url for a wildcard route.
            autoLogging: { ignore: (req: IncomingMessage) => pathOf(req).startsWith('/health') },
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
