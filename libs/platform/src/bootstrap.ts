// Start-up shared by every app: validate configuration (one clear line and exit 1 when wrong),
// provide PostgreSQL (DATABASE_URL, else the embedded server), start Nest on Fastify, and shut down
// gracefully on SIGTERM/SIGINT: drain HTTP, stop consumers, then stop the embedded database.
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadConfig, ConfigError, type AppConfig, type AppDefaults } from './config/app-config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { documentProblemResponses } from './http/problem-openapi';
import { answerRouterError, ProblemDetailsFilter } from './http/problem-details.filter';
import { strictValidationPipe } from './http/validation';
import { refuseNullCharacters } from './http/null-characters';
import { hardenHttp } from './security/http-hardening';
import { requestIdOf } from './http/request-id';
import { recordRequestsForAccessLog } from './observability/access-log';
import { PUBLIC_OPERATION_EXTENSION } from './auth/access.decorators';

export interface AppContext {
  readonly config: AppConfig;
  readonly databaseUrl: string;
}

export interface AppDescription {
  readonly name: string;
  readonly defaults: AppDefaults;
  readonly rootModule: (context: AppContext) => DynamicModule;
  /** Extra documents served next to the OpenAPI one (e.g. the AsyncAPI document). */
  readonly configureDocs?: (app: NestFastifyApplication, openApi: OpenAPIObject) => void;
}

/** The default body limit (BODY_LIMIT_BYTES); routes that need more (imports) set their own. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('TTHC engine API')
    .setDescription(
      'Event-sourced workflow engine for Vietnamese administrative procedures (one-stop shop). ' +
        'Errors are RFC 9457 problem documents. Callers authenticate with a bearer JWT (officials, ' +
        'integrations, analysts) or an integration API key in X-Api-Key; only health, metrics, the documents, ' +
        'the public catalogue and the citizen lookup are open.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
    .build();
  return documentProblemResponses(documentSecurity(SwaggerModule.createDocument(app, config)));
}

/**
 * Every operation states how it is authenticated: a bearer token or an API key, or `security: []` for the
 * operations marked @Public() (the AuthenticationGuard's open routes).
 */
function documentSecurity(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method] as (Record<string, unknown> & { security?: unknown }) | undefined;
      if (operation === undefined) continue;
      if (operation[PUBLIC_OPERATION_EXTENSION] === true) {
        delete operation[PUBLIC_OPERATION_EXTENSION];
        operation.security = [];
      } else {
        operation.security = [{ bearer: [] }, { 'api-key': [] }];
      }
    }
  }
  return document;
}

/** Fastify's trustProxy: the trusted proxies' addresses and ranges, or false (believe no forwarding header). */
export function trustProxyOption(trustedProxies: readonly string[]): string[] | false {
  return trustedProxies.length > 0 ? [...trustedProxies] : false;
}

export async function createApp(
  description: AppDescription,
  context: AppContext,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    description.rootModule(context),
    new FastifyAdapter({
      bodyLimit: context.config.httpLimits.bodyLimitBytes,
      // X-Forwarded-For is believed only from the configured proxies (TRUSTED_PROXIES; none by default):
      // request.ip, which the rate limits count, is otherwise the TCP peer, whatever a client writes there.
      trustProxy: trustProxyOption(context.config.http.trustedProxies),
      // A random UUID unless the caller gives X-Request-Id: the correlation id of the request's events.
      genReqId: requestIdOf,
      frameworkErrors: answerRouterError,
    }),
    { bufferLogs: true },
  );
  recordRequestsForAccessLog(app.getHttpAdapter().getInstance());
  await hardenHttp(app, context.config.httpLimits);
  refuseNullCharacters(app.getHttpAdapter().getInstance());
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(strictValidationPipe());
  const openApi = buildOpenApi(app);
  SwaggerModule.setup('docs', app, openApi, { jsonDocumentUrl: 'docs/openapi.json' });
  description.configureDocs?.(app, openApi);
  return app;
}

export async function runApp(description: AppDescription): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env, description.defaults);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${description.name}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const say = (line: string) => process.stdout.write(`${description.name}: ${line}\n`);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.database.dataDir,
      port: config.database.embeddedPort,
      log: say,
      avoidPorts: config.http.enabled ? [config.http.port] : [],
    });
    databaseUrl = embedded.url;
  }
  let app: NestFastifyApplication | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received, shutting down`);
    const timer = setTimeout(() => {
      say('shutdown took too long, exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    await app?.close().catch((e: unknown) => say(`error while closing: ${String(e)}`));
    await embedded?.stop().catch((e: unknown) => say(`error while stopping PostgreSQL: ${String(e)}`));
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  try {
    app = await createApp(description, { config, databaseUrl });
    if (config.http.enabled) {
      await app.listen(config.http.port, config.http.host);
      const shown = config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
      say(`listening on http://${shown}:${config.http.port}`);
      say(`API docs: http://${shown}:${config.http.port}/docs (OpenAPI JSON at /docs/openapi.json)`);
    } else {
      await app.init();
      say('started (no HTTP API in this process)');
    }
    say(
      config.kafka
        ? `Kafka mode: brokers ${config.kafka.brokers.join(',')}`
        : 'embedded mode: events delivered in-process',
    );
  } catch (error) {
    process.stderr.write(
      `${description.name}: failed to start: ${(error as Error).stack ?? String(error)}\n`,
    );
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}
