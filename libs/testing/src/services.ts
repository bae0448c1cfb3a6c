// Where integration tests find PostgreSQL and Kafka. Order: the environment (DATABASE_URL /
// KAFKA_BROKERS), then for PostgreSQL a Docker engine (testcontainers) when one answers, then what this
// machine can start itself (embedded PostgreSQL; a local Kafka broker when Java is installed: a broker
// in a container would need its advertised address before it starts). With
// REQUIRE_KAFKA=1 / REQUIRE_POSTGRES=1 (CI) a missing service fails the run instead of skipping.

export const TEST_DATABASE_URL = 'TTHC_TEST_DATABASE_URL';
export const TEST_KAFKA_BROKERS = 'TTHC_TEST_KAFKA_BROKERS';
export const KAFKA_UNAVAILABLE = 'TTHC_TEST_KAFKA_UNAVAILABLE';

export function testDatabaseServerUrl(): string {
  const url = process.env[TEST_DATABASE_URL];
  if (!url) throw new Error('No PostgreSQL for tests: the Jest global setup did not provide one');
  return url;
}

export function testKafkaBrokers(): string[] | undefined {
  const brokers = process.env[TEST_KAFKA_BROKERS];
  return brokers ? brokers.split(',') : undefined;
}

/**
 * `describe` for suites that need Kafka. Without a broker the suite fails with the reason (a skipped suite
 * would prove nothing); the global setup starts a local broker whenever Java is installed, and in CI
 * (REQUIRE_KAFKA=1) it has already failed the run instead.
 */
export function describeWithKafka(name: string, body: (brokers: string[]) => void): void {
  const brokers = testKafkaBrokers();
  if (brokers) {
    describe(name, () => body(brokers));
    return;
  }
  const reason = process.env[KAFKA_UNAVAILABLE] ?? 'no Kafka broker';
  describe(name, () => {
    it('needs a Kafka broker (KAFKA_BROKERS, or Java 17 for scripts/kafka-local.sh)', () => {
      throw new Error(`Kafka suite "${name}" cannot run: ${reason}`);
    });
  });
}
