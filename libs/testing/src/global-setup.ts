import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '../../platform/src/database/embedded-postgres';
import { TEST_JWT_SECRET } from './actors';
import { KAFKA_UNAVAILABLE, TEST_DATABASE_URL, TEST_KAFKA_BROKERS } from './services';
import { openScratchRoot, scratchDirectory } from './scratch-directory';

interface Started {
  stopPostgres?: () => Promise<void>;
  stopKafka?: () => void;
}

declare global {
  var __tthcTestServices: Started | undefined;
}

const repoRoot = resolve(__dirname, '../../..');
const say = (line: string) => process.stdout.write(`[test services] ${line}\n`);

function onlyUnitTests(argv: string[]): boolean {
  const selected: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--selectProjects')
      for (let j = i + 1; j < argv.length && ['unit', 'int', 'e2e'].includes(argv[j]); j++)
        selected.push(argv[j]);
  });
  return selected.length > 0 && selected.every((p) => p === 'unit');
}

function dockerAnswers(): boolean {
  if (!process.env.DOCKER_HOST && !existsSync('/var/run/docker.sock')) return false;
  return spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

async function startPostgresContainer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('postgres:16-alpine')
    .withEnvironment({ POSTGRES_PASSWORD: 'tthc', POSTGRES_DB: 'tthc' })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  const url = `postgresql://postgres:tthc@${container.getHost()}:${container.getMappedPort(5432)}/tthc`;
  return { url, stop: async () => void (await container.stop()) };
}

function javaAvailable(): boolean {
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
}

export default async function globalSetup(): Promise<void> {
  const started: Started = {};
  globalThis.__tthcTestServices = started;
  openScratchRoot();
  // Every engine a test starts inherits this, and actorHeaders signs the tests' tokens with it.
  process.env.AUTH_JWT_SECRET ??= TEST_JWT_SECRET;
  if (onlyUnitTests(process.argv)) return;

  if (process.env.DATABASE_URL) {
    process.env[TEST_DATABASE_URL] = process.env.DATABASE_URL;
    say('PostgreSQL from DATABASE_URL');
  } else if (dockerAnswers()) {
    const db = await startPostgresContainer();
    process.env[TEST_DATABASE_URL] = db.url;
    started.stopPostgres = db.stop;
    say('PostgreSQL in a container (testcontainers)');
  } else {
    const dataDir = scratchDirectory('tthc-test-pg-');
    chmodSync(dataDir, 0o755); // initdb runs as the unprivileged postgres user when we are root
    const db = await startEmbeddedPostgres({ dataDir, port: 0, log: () => undefined });
    process.env[TEST_DATABASE_URL] = db.url;
    started.stopPostgres = db.stop;
    say(`embedded PostgreSQL for tests in ${dataDir}`);
  }

  if (process.env.KAFKA_BROKERS) {
    process.env[TEST_KAFKA_BROKERS] = process.env.KAFKA_BROKERS;
    say(`Kafka from KAFKA_BROKERS (${process.env.KAFKA_BROKERS})`);
  } else if (javaAvailable() && existsSync(join(repoRoot, 'scripts/kafka-local.sh'))) {
    say('starting a local Kafka broker (scripts/kafka-local.sh; the first run fetches Kafka from Maven)');
    const runDir = scratchDirectory('tthc-test-kafka-');
    const env = { ...process.env, KAFKA_LOCAL_RUN: runDir };
    try {
      const out = execFileSync('bash', [join(repoRoot, 'scripts/kafka-local.sh'), 'start'], {
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        timeout: 600_000,
      });
      const brokers = /KAFKA_BROKERS=(\S+)/.exec(out)?.[1];
      if (!brokers) throw new Error(`unexpected output: ${out}`);
      process.env[TEST_KAFKA_BROKERS] = brokers;
      started.stopKafka = () => {
        execFileSync('bash', [join(repoRoot, 'scripts/kafka-local.sh'), 'stop'], { env, stdio: 'ignore' });
      };
      say(`local Kafka broker at ${brokers}`);
    } catch (error) {
      process.env[KAFKA_UNAVAILABLE] =
        `the local broker did not start: ${(error as Error).message.split('\n')[0]}`;
    }
  } else {
    process.env[KAFKA_UNAVAILABLE] =
      'KAFKA_BROKERS is not set and Java is not installed to start a local broker';
  }

  if (!process.env[TEST_DATABASE_URL] && process.env.REQUIRE_POSTGRES === '1') {
    throw new Error('REQUIRE_POSTGRES=1 but no PostgreSQL could be provided');
  }
  if (!process.env[TEST_KAFKA_BROKERS]) {
    const reason = process.env[KAFKA_UNAVAILABLE] ?? 'no Kafka broker';
    if (process.env.REQUIRE_KAFKA === '1')
      throw new Error(`REQUIRE_KAFKA=1 but Kafka is unavailable: ${reason}`);
    say(`Kafka suites will fail: ${reason}`);
  }
}
