// npm run cluster -- --api 2 --projectors 2
// Starts the built apps as a multi-process cluster on this machine (see cluster/local-cluster.ts):
// api processes behind a round-robin load balancer, one relay, projectors in one consumer group,
// against KAFKA_BROKERS and DATABASE_URL (or an embedded PostgreSQL). Ctrl-C stops everything.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { ConfigError, loadConfig } from '@tthc/platform';
import { LocalCluster } from '../cluster/local-cluster';

const HELP = `Usage: npm run cluster -- [--api N] [--projectors N] [options]

Runs the built apps (npm run build first) as separate processes on this machine:
N api processes behind a round-robin load balancer with health-based ejection, one outbox relay
process, and N projector processes sharing one Kafka consumer group per projection.

  --api N           api processes (default 2)
  --projectors N    projector processes (default 2; more than --partitions leaves some idle)
  --port P          port of the load balancer (default 8080; 0 = a free port)
  --partitions N    partitions of the topics created at start (default 6; existing topics are kept)
  --topic-prefix S  Kafka topic prefix (default KAFKA_TOPIC_PREFIX or tthc)
  --data-dir DIR    embedded PostgreSQL data when DATABASE_URL is unset (default ./.data/cluster)
  --no-samples      do not load the sample procedures, agencies and units
  --quiet           do not echo the processes' logs
  -h, --help        this text

Needs KAFKA_BROKERS (e.g. npm run kafka -- start, then KAFKA_BROKERS=127.0.0.1:9092).
Other configuration keys in the environment (LOG_LEVEL, EVENT_BATCH_SIZE, ...) reach every process.
Ctrl-C stops the processes gracefully; a second Ctrl-C kills them.`;

interface Args {
  apis: number;
  projectors: number;
  port: number;
  partitions: number;
  topicPrefix?: string;
  dataDir: string;
  samples: boolean;
  quiet: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    apis: 2,
    projectors: 2,
    port: 8080,
    partitions: 6,
    dataDir: './.data/cluster',
    samples: true,
    quiet: false,
  };
  const count = (flag: string, value: string | undefined, min: number, max: number): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < min || n > max) {
      throw new Error(`${flag} needs a whole number from ${min} to ${max} (see --help)`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      process.stdout.write(`${HELP}\n`);
      process.exit(0);
    } else if (a === '--api') args.apis = count(a, argv[++i], 1, 16);
    else if (a === '--projectors') args.projectors = count(a, argv[++i], 0, 32);
    else if (a === '--port') args.port = count(a, argv[++i], 0, 65535);
    else if (a === '--partitions') args.partitions = count(a, argv[++i], 1, 1000);
    else if (a === '--topic-prefix') args.topicPrefix = argv[++i];
    else if (a === '--data-dir') args.dataDir = argv[++i] ?? args.dataDir;
    else if (a === '--no-samples') args.samples = false;
    else if (a === '--quiet') args.quiet = true;
    else throw new Error(`unknown argument ${a} (see --help)`);
  }
  return args;
}

const SUPERVISED = '--supervised';

/**
 * Ctrl-C in a terminal signals the whole foreground process group, which would stop the embedded
 * PostgreSQL at once while the apps still drain. So the cluster runs in a process group of its own,
 * and this process only turns Ctrl-C into a SIGTERM to it (a second Ctrl-C into a SIGINT: kill all).
 */
function supervise(argv: string[]): void {
  const child = spawn(process.execPath, [__filename, SUPERVISED, ...argv], {
    detached: true,
    stdio: 'inherit',
  });
  let signals = 0;
  const forward = () => {
    signals++;
    child.kill(signals === 1 ? 'SIGTERM' : 'SIGINT');
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] !== SUPERVISED) {
    parseArgs(argv); // --help and argument errors answer here, before anything starts
    supervise(argv);
    return;
  }
  const args = parseArgs(argv.slice(1));
  const config = loadConfig(process.env);
  if (!config.kafka) throw new Error('KAFKA_BROKERS is not set: the cluster runs in Kafka mode (see --help)');
  const say = (line: string) => process.stderr.write(`cluster: ${line}\n`);
  const cluster = await LocalCluster.start({
    apis: args.apis,
    projectors: args.projectors,
    kafkaBrokers: config.kafka.brokers,
    databaseUrl: config.database.url,
    dataDir: args.dataDir,
    topicPrefix: args.topicPrefix ?? config.kafka.topicPrefix,
    partitions: args.partitions,
    consumerGroup: config.kafka.consumerGroup,
    port: args.port,
    loadSamples: args.samples,
    baseEnv: process.env,
    say,
    onOutput: args.quiet ? undefined : (member, line) => process.stdout.write(`[${member}] ${line}\n`),
  });
  let signals = 0;
  const onSignal = () => {
    signals++;
    if (signals === 1) {
      say('stopping (Ctrl-C again to kill)');
      void cluster.stop().then(() => {
        say('stopped');
        process.exit(0);
      });
    } else {
      void cluster.killAll().then(() => process.exit(130));
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const lines = [
    `load balancer: ${cluster.url} (API docs at ${cluster.url}/docs)`,
    ...cluster.list().map((m) => `  ${m.name.padEnd(12)} pid ${String(m.pid).padEnd(8)} ${m.baseUrl}`),
    `database: ${cluster.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
    `kafka: ${config.kafka.brokers.join(',')}, topics ${cluster.topicPrefix}.*.events (${args.partitions} partitions), consumer groups ${cluster.consumerGroup}.<projection>`,
    `data: ${cluster.dataDir} (tokens: DATA_DIR=${cluster.dataDir} npm run token -- --role <role> ..., unless AUTH_JWT_SECRET is set)`,
    'Ctrl-C stops the cluster.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`cluster: ${message}\n`);
  process.exit(1);
});
