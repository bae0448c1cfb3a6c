// The one typed configuration of every app. `process.env` is read here and nowhere else; a wrong or
// missing value stops start-up with one line naming the key (see ConfigError).
import { plainToInstance, Transform } from 'class-transformer';
import { isIP } from 'node:net';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
  ValidationError,
} from 'class-validator';
import { keyWeakness, secretWeakness } from './secret-strength';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};
const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Environment variables as the operator writes them. Every key is documented in README.md. */
export class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsString() HOST?: string;
  /**
   * Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges). Default none: the address the rate
   * limits count is the TCP peer's, whatever a client writes in X-Forwarded-For.
   */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[^,]+(,[^,]+)*$/, { message: 'must be a comma-separated list of IP addresses or CIDR ranges' })
  TRUSTED_PROXIES?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE?: number;
  @IsOptional() @IsString() DATA_DIR?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) EMBEDDED_POSTGRES_PORT?: number;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[^,\s:]+:\d+(,[^,\s:]+:\d+)*$/, { message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS?: string;
  @IsOptional() @IsString() KAFKA_CLIENT_ID?: string;
  @IsOptional()
  @Matches(/^[a-zA-Z0-9._-]+$/, { message: 'may only hold letters, digits, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) KAFKA_TOPIC_PARTITIONS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10) KAFKA_REPLICATION_FACTOR?: number;
  @IsOptional() @IsString() KAFKA_CONSUMER_GROUP?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(64) KAFKA_CONSUMER_CONCURRENCY?: number;
  @IsOptional() @Transform(toBool) @IsBoolean() RELAY_ENABLED?: boolean;
  @IsOptional() @Transform(toBool) @IsBoolean() PROJECTIONS_ENABLED?: boolean;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^\s*[a-z0-9-]+\s*(,\s*[a-z0-9-]+\s*)*$/, {
    message: 'must be a comma-separated list of projection names (see npm run projections:rebuild -- --list)',
  })
  PROJECTIONS?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() HTTP_ENABLED?: boolean;
  @IsOptional() @Transform(toBool) @IsBoolean() LOAD_SAMPLES?: boolean;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100000) EVENT_BATCH_SIZE?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(240) AT_RISK_WORKING_HOURS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100) AT_RISK_PERCENT?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(240) AT_RISK_MIN_WORKING_HOURS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10) SUPPLEMENT_ROUNDS_LIMIT?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(600000) POLL_INTERVAL_MS?: number;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() LOG_PRETTY?: boolean;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600000) SHUTDOWN_GRACE_MS?: number;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes in base64 (44 characters)' })
  PERSONAL_DATA_MASTER_KEY?: string;
  // Authentication, rate limiting and HTTP hardening (libs/platform/src/auth, libs/platform/src/security).
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^.{32,}$/, { message: 'must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;
  @IsOptional() @IsString() AUTH_JWT_ISSUER?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsString() AUTH_JWT_AUDIENCE?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/.+/, { message: 'must be an http:// or https:// URL' })
  AUTH_JWKS_URL?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsString() AUTH_JWKS_ISSUER?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(60_000) @Max(2_592_000_000) AUTH_JWT_MAX_LIFETIME_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600_000) AUTH_JWT_CLOCK_SKEW_MS?: number;
  @IsOptional() @Transform(toBool) @IsBoolean() AUTH_DEMO_API_KEY?: boolean;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) RATE_LIMIT?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(3_600_000) RATE_LIMIT_WINDOW_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) LOOKUP_RATE_LIMIT?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(100 * 1024 * 1024) BODY_LIMIT_BYTES?: number;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^(\*|https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*)$/, {
    message: 'must be * or a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;
  // Webhooks (libs/integrations): the delivery dispatcher and its retry schedule.
  @IsOptional() @Transform(toBool) @IsBoolean() WEBHOOKS_DISPATCH_ENABLED?: boolean;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3_600_000) WEBHOOK_RETRY_BASE_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86_400_000) WEBHOOK_RETRY_MAX_DELAY_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(2_592_000_000) WEBHOOK_RETRY_WINDOW_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(120_000) WEBHOOK_TIMEOUT_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(2_592_000_000) WEBHOOK_SECRET_GRACE_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(600_000) WEBHOOK_POLL_INTERVAL_MS?: number;
  @IsOptional() @Transform(toBool) @IsBoolean() WEBHOOK_ALLOW_PRIVATE_TARGETS?: boolean;
}

export interface KafkaConfig {
  brokers: string[];
  clientId: string;
  topicPrefix: string;
  partitions: number;
  replicationFactor: number;
  consumerGroup: string;
  /** Partitions each projection's consumer applies at the same time (default 3). */
  consumerConcurrency?: number;
}

/** Webhook delivery (libs/integrations); the retry window is at least 24 h in production by default. */
export interface WebhookConfig {
  dispatchEnabled: boolean;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  retryWindowMs: number;
  timeoutMs: number;
  secretGraceMs: number;
  pollIntervalMs: number;
  /** Whether deliveries may go to loopback, private or link-local addresses (off in production). */
  allowPrivateTargets: boolean;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: {
    enabled: boolean;
    port: number;
    host: string;
    /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); empty: none, the TCP peer is the client. */
    trustedProxies: string[];
  };
  database: { url?: string; poolSize: number; dataDir: string; embeddedPort: number };
  /** Undefined means the embedded default: events are delivered in-process from the Postgres log. */
  kafka?: KafkaConfig;
  relayEnabled: boolean;
  projectionsEnabled: boolean;
  /** The projections this process builds, by name; undefined: all of them. */
  projections?: string[];
  loadSamples: boolean;
  eventBatchSize: number;
  /**
   * A dossier in progress is at risk (DossierAtRisk) once the working time left is `atRiskPercent` of its
   * committed period, within [atRiskMinWorkingHours, atRiskWorkingHours].
   */
  atRiskWorkingHours: number;
  atRiskPercent: number;
  atRiskMinWorkingHours: number;
  /** Supplement rounds after acceptance allowed per dossier (the law: once). */
  supplementRoundsLimit: number;
  pollIntervalMs: number;
  log: { level: string; pretty: boolean };
  shutdownGraceMs: number;
  /** Wraps the applicants' data keys; undefined: a key file in DATA_DIR (never in production). */
  personalData: { masterKey?: string };
  webhooks: WebhookConfig;
  auth: AuthConfig;
  httpLimits: HttpLimitsConfig;
}

export interface AuthConfig {
  /** Shared HS256 secret; undefined = generated once and kept under DATA_DIR (unless JWKS is used alone). */
  jwtSecret?: string;
  /** `iss` of tokens signed with the shared secret. */
  jwtIssuer: string;
  /** Required `aud` of every token, when set. */
  jwtAudience?: string;
  /** An external identity provider's key set and issuer. */
  jwks?: { url: string; issuer: string };
  /** Whether the sandbox integration API key is ensured at start (never in production). */
  demoApiKey: boolean;
  /** The longest lifetime (exp − iat) a token may have; longer-lived tokens are refused. */
  maxTokenLifetimeMs: number;
  /** How far in the future a token's iat may be (the issuer's clock running ahead of ours). */
  clockSkewMs: number;
}

export interface HttpLimitsConfig {
  /** Requests per client and window (per credential, else per IP address). */
  rateLimit: number;
  rateLimitWindowMs: number;
  /** The citizen lookup's stricter limit per IP address and window (it guards a verification detail). */
  lookupRateLimit: number;
  bodyLimitBytes: number;
  /** Origins allowed by CORS; empty = no CORS headers (same-origin only). */
  corsOrigins: string[] | '*';
}

/** What an app sets differently from the others (e.g. the projector serves no business HTTP API). */
export type AppDefaults = Partial<
  Pick<AppConfig, 'relayEnabled' | 'projectionsEnabled' | 'loadSamples'> & { httpEnabled: boolean }
>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}

/** Keys whose values are secrets: a refusal names their length, never the value (it would reach the logs). */
const SECRET_KEYS: ReadonlySet<string> = new Set(['AUTH_JWT_SECRET', 'PERSONAL_DATA_MASTER_KEY']);

function describe(errors: ValidationError[], raw: Record<string, unknown>): string[] {
  return errors.map((e) => {
    const reasons = Object.values(e.constraints ?? {}).map((m) => m.replace(`${e.property} `, ''));
    const value = raw[e.property];
    const got =
      SECRET_KEYS.has(e.property) && typeof value === 'string'
        ? `a value of ${value.length} characters`
        : JSON.stringify(value);
    return `${e.property} ${reasons.join(', ')} (got ${got})`;
  });
}

/** Every key of EnvironmentVariables, so that the README and deploy manifests can be checked against it. */
export const CONFIG_KEYS = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'TRUSTED_PROXIES',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'DATA_DIR',
  'EMBEDDED_POSTGRES_PORT',
  'KAFKA_BROKERS',
  'KAFKA_CLIENT_ID',
  'KAFKA_TOPIC_PREFIX',
  'KAFKA_TOPIC_PARTITIONS',
  'KAFKA_REPLICATION_FACTOR',
  'KAFKA_CONSUMER_GROUP',
  'KAFKA_CONSUMER_CONCURRENCY',
  'RELAY_ENABLED',
  'PROJECTIONS_ENABLED',
  'PROJECTIONS',
  'HTTP_ENABLED',
  'LOAD_SAMPLES',
  'EVENT_BATCH_SIZE',
  'AT_RISK_WORKING_HOURS',
  'AT_RISK_PERCENT',
  'AT_RISK_MIN_WORKING_HOURS',
  'SUPPLEMENT_ROUNDS_LIMIT',
  'POLL_INTERVAL_MS',
  'LOG_LEVEL',
  'LOG_PRETTY',
  'SHUTDOWN_GRACE_MS',
  'PERSONAL_DATA_MASTER_KEY',
  'AUTH_JWT_SECRET',
  'AUTH_JWT_ISSUER',
  'AUTH_JWT_AUDIENCE',
  'AUTH_JWKS_URL',
  'AUTH_JWKS_ISSUER',
  'AUTH_JWT_MAX_LIFETIME_MS',
  'AUTH_JWT_CLOCK_SKEW_MS',
  'AUTH_DEMO_API_KEY',
  'RATE_LIMIT',
  'RATE_LIMIT_WINDOW_MS',
  'LOOKUP_RATE_LIMIT',
  'BODY_LIMIT_BYTES',
  'CORS_ORIGINS',
  'WEBHOOKS_DISPATCH_ENABLED',
  'WEBHOOK_RETRY_BASE_MS',
  'WEBHOOK_RETRY_MAX_DELAY_MS',
  'WEBHOOK_RETRY_WINDOW_MS',
  'WEBHOOK_TIMEOUT_MS',
  'WEBHOOK_SECRET_GRACE_MS',
  'WEBHOOK_POLL_INTERVAL_MS',
  'WEBHOOK_ALLOW_PRIVATE_TARGETS',
] as const;

export function loadConfig(env: NodeJS.ProcessEnv, defaults: AppDefaults = {}): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) raw[key] = env[key];
  const vars = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(vars, { skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigError(describe(errors, raw));

  const kafka: KafkaConfig | undefined = vars.KAFKA_BROKERS
    ? {
        brokers: vars.KAFKA_BROKERS.split(',').map((b) => b.trim()),
        clientId: vars.KAFKA_CLIENT_ID ?? 'tthc-engine',
        topicPrefix: vars.KAFKA_TOPIC_PREFIX ?? 'tthc',
        partitions: vars.KAFKA_TOPIC_PARTITIONS ?? 6,
        replicationFactor: vars.KAFKA_REPLICATION_FACTOR ?? 1,
        consumerGroup: vars.KAFKA_CONSUMER_GROUP ?? 'tthc-projector',
        consumerConcurrency: vars.KAFKA_CONSUMER_CONCURRENCY ?? 3,
      }
    : undefined;
  if (vars.AUTH_JWKS_URL && !vars.AUTH_JWKS_ISSUER) {
    throw new ConfigError(['AUTH_JWKS_ISSUER must be set with AUTH_JWKS_URL (got undefined)']);
  }
  const mode = (vars.NODE_ENV as AppConfig['env']) ?? 'development';
  // A secret generated per process would make one api replica refuse another's tokens: production names its issuer.
  if (mode === 'production' && !vars.AUTH_JWT_SECRET && !vars.AUTH_JWKS_URL) {
    throw new ConfigError([
      'AUTH_JWT_SECRET or AUTH_JWKS_URL must be set when NODE_ENV is production (got neither)',
    ]);
  }
  if (mode === 'production') {
    const weak = weakSecrets(vars);
    if (weak.length > 0) throw new ConfigError(weak);
  }
  const trustedProxies = parseTrustedProxies(vars.TRUSTED_PROXIES);
  return {
    env: mode,
    http: {
      enabled: vars.HTTP_ENABLED ?? defaults.httpEnabled ?? true,
      port: vars.PORT ?? 3000,
      host: vars.HOST ?? '0.0.0.0',
      trustedProxies,
    },
    database: {
      url: vars.DATABASE_URL,
      poolSize: vars.DATABASE_POOL_SIZE ?? 10,
      dataDir: vars.DATA_DIR ?? './.data',
      embeddedPort: vars.EMBEDDED_POSTGRES_PORT ?? 0,
    },
    kafka,
    relayEnabled: vars.RELAY_ENABLED ?? defaults.relayEnabled ?? true,
    projectionsEnabled: vars.PROJECTIONS_ENABLED ?? defaults.projectionsEnabled ?? true,
    projections: vars.PROJECTIONS?.split(',').map((name) => name.trim()),
    loadSamples: vars.LOAD_SAMPLES ?? defaults.loadSamples ?? false,
    eventBatchSize: vars.EVENT_BATCH_SIZE ?? 500,
    atRiskWorkingHours: vars.AT_RISK_WORKING_HOURS ?? 12,
    atRiskPercent: vars.AT_RISK_PERCENT ?? 25,
    atRiskMinWorkingHours: vars.AT_RISK_MIN_WORKING_HOURS ?? 2,
    supplementRoundsLimit: vars.SUPPLEMENT_ROUNDS_LIMIT ?? 1,
    pollIntervalMs: vars.POLL_INTERVAL_MS ?? 1000,
    log: { level: vars.LOG_LEVEL ?? 'info', pretty: vars.LOG_PRETTY ?? false },
    shutdownGraceMs: vars.SHUTDOWN_GRACE_MS ?? 10000,
    personalData: { masterKey: vars.PERSONAL_DATA_MASTER_KEY },
    webhooks: {
      dispatchEnabled: vars.WEBHOOKS_DISPATCH_ENABLED ?? true,
      retryBaseMs: vars.WEBHOOK_RETRY_BASE_MS ?? 10_000,
      retryMaxDelayMs: vars.WEBHOOK_RETRY_MAX_DELAY_MS ?? 3_600_000,
      retryWindowMs: vars.WEBHOOK_RETRY_WINDOW_MS ?? 86_400_000,
      timeoutMs: vars.WEBHOOK_TIMEOUT_MS ?? 10_000,
      secretGraceMs: vars.WEBHOOK_SECRET_GRACE_MS ?? 86_400_000,
      pollIntervalMs: vars.WEBHOOK_POLL_INTERVAL_MS ?? 1000,
      allowPrivateTargets: vars.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? mode !== 'production',
    },
    auth: {
      jwtSecret: vars.AUTH_JWT_SECRET,
      jwtIssuer: vars.AUTH_JWT_ISSUER ?? 'tthc-engine',
      jwtAudience: vars.AUTH_JWT_AUDIENCE,
      jwks: vars.AUTH_JWKS_URL ? { url: vars.AUTH_JWKS_URL, issuer: vars.AUTH_JWKS_ISSUER ?? '' } : undefined,
      demoApiKey: mode !== 'production' && (vars.AUTH_DEMO_API_KEY ?? defaults.loadSamples ?? false),
      maxTokenLifetimeMs: vars.AUTH_JWT_MAX_LIFETIME_MS ?? 86_400_000,
      clockSkewMs: vars.AUTH_JWT_CLOCK_SKEW_MS ?? 60_000,
    },
    httpLimits: {
      rateLimit: vars.RATE_LIMIT ?? 6000,
      rateLimitWindowMs: vars.RATE_LIMIT_WINDOW_MS ?? 60_000,
      lookupRateLimit: vars.LOOKUP_RATE_LIMIT ?? 60,
      bodyLimitBytes: vars.BODY_LIMIT_BYTES ?? 1024 * 1024,
      corsOrigins:
        vars.CORS_ORIGINS === '*'
          ? '*'
          : (vars.CORS_ORIGINS ?? '')
              .split(',')
              .map((origin) => origin.trim())
              .filter(Boolean),
    },
  };
}

/** Names proxy-addr understands besides addresses and ranges (Fastify's trustProxy). */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUSTED_PROXIES as Fastify's trustProxy takes it: each entry an IP address, a CIDR range or one of the
 * names loopback, linklocal, uniquelocal. A range of every address (/0) would believe any client's
 * X-Forwarded-For, which is exactly what this setting exists to prevent: refused.
 */
export function parseTrustedProxies(value: string | undefined): string[] {
  if (value === undefined) return [];
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const problems: string[] = [];
  for (const entry of entries) {
    if (PROXY_RANGE_NAMES.has(entry) || isIP(entry) !== 0) continue;
    const [address, prefix, ...rest] = entry.split('/');
    const version = isIP(address ?? '');
    const bits = /^\d{1,3}$/.test(prefix ?? '') ? Number(prefix) : NaN;
    if (rest.length > 0 || version === 0 || !(bits <= (version === 4 ? 32 : 128))) {
      problems.push(`TRUSTED_PROXIES has ${JSON.stringify(entry)}, which is not an IP address or CIDR range`);
    } else if (bits === 0) {
      problems.push(`TRUSTED_PROXIES has ${JSON.stringify(entry)}, which would believe every client`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return entries;
}

/** Production refuses secrets and keys an operator did not generate (secret-strength.ts); never quotes them. */
function weakSecrets(vars: EnvironmentVariables): string[] {
  const problems: string[] = [];
  const secretProblem = vars.AUTH_JWT_SECRET === undefined ? undefined : secretWeakness(vars.AUTH_JWT_SECRET);
  if (secretProblem !== undefined) {
    problems.push(
      `AUTH_JWT_SECRET is too weak for production: ${secretProblem} (generate one: openssl rand -hex 32)`,
    );
  }
  const key = vars.PERSONAL_DATA_MASTER_KEY;
  const keyProblem = key === undefined ? undefined : keyWeakness(Buffer.from(key, 'base64'));
  if (keyProblem !== undefined) {
    problems.push(
      `PERSONAL_DATA_MASTER_KEY is too weak for production: ${keyProblem} (generate one: openssl rand -base64 32)`,
    );
  }
  return problems;
}
