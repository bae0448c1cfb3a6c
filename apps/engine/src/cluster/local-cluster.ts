// A multi-process cluster on one machine, shaped like deploy/compose and deploy/kubernetes: N api
// processes behind a round-robin load balancer, one outbox relay process, and M projector processes
// sharing one consumer group per projection, all on the given Kafka brokers and one PostgreSQL. The
// processes are the built apps (dist/), started as real child processes; nothing here is simulated.
// `npm run cluster` drives it from the command line; the cluster and fault tests use it directly.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '@tthc/platform';
import { RoundRobinLoadBalancer } from './load-balancer';

export type MemberRole = 'api' | 'relay' | 'projector';

export interface ClusterOptions {
  readonly apis: number;
  readonly projectors: number;
  readonly kafkaBrokers: readonly string[];
  /** A PostgreSQL URL; without one an embedded server is started under `dataDir`. */
  readonly databaseUrl?: string;
  /** DATA_DIR of every process (default ./.data/cluster): the embedded PostgreSQL and generated keys. */
  readonly dataDir?: string;
  readonly topicPrefix?: string;
  /** Partitions of the topics the first api creates; the upper bound of useful projector processes. */
  readonly partitions?: number;
  readonly consumerGroup?: string;
  /** Port of the load balancer (0 = a free one). */
  readonly port?: number;
  /** Load the sample procedures, agencies and units in the first api process. */
  readonly loadSamples?: boolean;
  /** Environment inherited by every process (the CLI passes its own); cluster keys are set on top. */
  readonly baseEnv?: NodeJS.ProcessEnv;
  /** Extra configuration keys for every process (e.g. LOG_LEVEL, EVENT_BATCH_SIZE). */
  readonly env?: Readonly<Record<string, string>>;
  /** Where each line a process prints goes, prefixed with its name; default: kept in memory only. */
  readonly onOutput?: (member: string, line: string) => void;
  readonly say?: (line: string) => void;
  /** How long a process may take to answer /health/ready (default 180 s: slow on a busy machine). */
  readonly readyTimeoutMs?: number;
  /** Folder holding the built apps (`<appsDir>/api/src/main.js`); found from this file by default. */
  readonly appsDir?: string;
}

export interface ClusterMember {
  readonly name: string;
  readonly role: MemberRole;
  readonly pid: number;
  readonly baseUrl: string;
  /** The last part of what the process printed (for failure reports). */
  output(): string;
  readonly exited: boolean;
  /** SIGTERM and wait for the exit (SIGKILL after the grace period); the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
}

const APP_OF_ROLE: Record<MemberRole, string> = { api: 'api', relay: 'projector', projector: 'projector' };
/** Where the load balancer listens and connects from: the api processes' one trusted proxy. */
export const BALANCER_ADDRESS = '127.0.0.1';
const OUTPUT_KEPT = 200_000;

/** The built apps: beside this file once compiled, else under dist/ at the repository root. */
function defaultAppsDir(): string {
  const compiled = resolve(__dirname, '../../..');
  if (existsSync(resolve(compiled, 'api/src/main.js'))) return compiled;
  return resolve(__dirname, '../../../../dist/apps');
}

export class LocalCluster {
  private readonly members: ClusterMember[] = [];
  private readonly counters: Record<MemberRole, number> = { api: 0, relay: 0, projector: 0 };
  private embedded?: EmbeddedDatabase;
  private balancer?: RoundRobinLoadBalancer;
  private stopped = false;
  /** The load balancer in front of the api processes. */
  url = '';
  databaseUrl = '';
  readonly topicPrefix: string;
  readonly consumerGroup: string;
  readonly dataDir: string;

  private constructor(private readonly options: ClusterOptions) {
    this.topicPrefix = options.topicPrefix ?? 'tthc';
    this.consumerGroup = options.consumerGroup ?? `${this.topicPrefix}-projector`;
    this.dataDir = resolve(options.dataDir ?? './.data/cluster');
  }

  static async start(options: ClusterOptions): Promise<LocalCluster> {
    if (options.apis < 1) throw new Error('a cluster needs at least one api process');
    if (options.projectors < 0) throw new Error('the number of projectors cannot be negative');
    if (options.kafkaBrokers.length === 0) throw new Error('a cluster needs Kafka brokers (KAFKA_BROKERS)');
    const cluster = new LocalCluster(options);
    try {
      await cluster.boot();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  private say(line: string): void {
    this.options.say?.(line);
  }

  private async boot(): Promise<void> {
    if (this.options.databaseUrl) {
      this.databaseUrl = this.options.databaseUrl;
    } else {
      this.embedded = await startEmbeddedPostgres({
        dataDir: this.dataDir,
        port: 0,
        log: (line) => this.say(line),
      });
      this.databaseUrl = this.embedded.url;
    }
    // The first api alone: it runs the migrations and creates the topics, which concurrent first
    // starts would race on; everything else then starts side by side.
    const first = await this.addApi({ loadSamples: this.options.loadSamples ?? true, behindBalancer: false });
    const rest: Promise<ClusterMember>[] = [];
    for (let i = 1; i < this.options.apis; i++) rest.push(this.addApi({ behindBalancer: false }));
    rest.push(this.addRelay());
    for (let i = 0; i < this.options.projectors; i++) rest.push(this.addProjector());
    await Promise.all(rest);

    const balancer = new RoundRobinLoadBalancer({
      port: this.options.port ?? 0,
      host: BALANCER_ADDRESS,
      probeIntervalMs: 500,
    });
    this.balancer = balancer;
    for (const api of [first, ...this.list('api').filter((m) => m !== first)]) balancer.add(api.baseUrl);
    this.url = await balancer.start();
  }

  /** Running members, optionally of one role, oldest first. */
  list(role?: MemberRole): ClusterMember[] {
    return this.members.filter((m) => !m.exited && (role === undefined || m.role === role));
  }

  /** Requests answered by each api process through the load balancer. */
  requestsServed(): ReadonlyMap<string, number> {
    return this.balancer?.requestsServed() ?? new Map();
  }

  async addApi(opts: { loadSamples?: boolean; behindBalancer?: boolean } = {}): Promise<ClusterMember> {
    const member = await this.spawnMember('api', {
      RELAY_ENABLED: 'false',
      PROJECTIONS_ENABLED: 'false',
      LOAD_SAMPLES: opts.loadSamples ? 'true' : 'false',
      // The load balancer connects from 127.0.0.1 and sets X-Forwarded-For to its client's address
      // (load-balancer.ts): the api processes believe it, and no one else (they listen on 127.0.0.1 only).
      TRUSTED_PROXIES: BALANCER_ADDRESS,
    });
    if (opts.behindBalancer !== false) this.balancer?.add(member.baseUrl);
    return member;
  }

  /** The outbox relay on its own: the projector app with projections off and the relay on. */
  addRelay(): Promise<ClusterMember> {
    return this.spawnMember('relay', {
      RELAY_ENABLED: 'true',
      PROJECTIONS_ENABLED: 'false',
      LOAD_SAMPLES: 'false',
    });
  }

  /** A projector; `env` may override keys for it alone (e.g. KAFKA_CONSUMER_GROUP for a fresh group). */
  addProjector(env: Readonly<Record<string, string>> = {}): Promise<ClusterMember> {
    return this.spawnMember('projector', {
      RELAY_ENABLED: 'false',
      PROJECTIONS_ENABLED: 'true',
      LOAD_SAMPLES: 'false',
      ...env,
    });
  }

  /** Takes an api process out of the balancer, then stops it gracefully. */
  async removeApi(member: ClusterMember): Promise<number | null> {
    this.balancer?.remove(member.baseUrl);
    return member.stop();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.balancer?.stop();
    // Api and projectors first (they finish their requests and batches), the relay last so that what
    // the apis wrote while draining is still published.
    await Promise.all(
      this.list()
        .filter((m) => m.role !== 'relay')
        .map((m) => m.stop()),
    );
    await Promise.all(this.list('relay').map((m) => m.stop()));
    await this.stopEmbedded();
  }

  private async stopEmbedded(): Promise<void> {
    const embedded = this.embedded;
    this.embedded = undefined;
    if (!embedded) return;
    // A server that is already gone never reports its exit: do not wait for it forever.
    await Promise.race([embedded.stop(), new Promise((r) => setTimeout(r, 15_000).unref())]);
  }

  /** SIGKILL every process at once (a second Ctrl-C). */
  async killAll(): Promise<void> {
    this.stopped = true;
    await this.balancer?.stop();
    await Promise.all(this.list().map((m) => m.kill()));
    await this.stopEmbedded();
  }

  private async spawnMember(
    role: MemberRole,
    roleEnv: Readonly<Record<string, string>>,
  ): Promise<ClusterMember> {
    if (this.stopped) throw new Error('the cluster is stopped');
    const name = `${role}-${++this.counters[role]}`;
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...(this.options.baseEnv ?? {}) };
    Object.assign(
      env,
      this.options.env ?? {},
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        // One data directory for the whole cluster: keys a process generates when none is configured
        // (the token signing secret, the personal-data master key) are then the same in every process.
        DATA_DIR: this.dataDir,
        DATABASE_URL: this.databaseUrl,
        KAFKA_BROKERS: this.options.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: this.topicPrefix,
        KAFKA_TOPIC_PARTITIONS: String(this.options.partitions ?? 6),
        KAFKA_CONSUMER_GROUP: this.consumerGroup,
        KAFKA_CLIENT_ID: `${this.topicPrefix}-${name}`,
      },
      roleEnv,
    );
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const main = resolve(this.options.appsDir ?? defaultAppsDir(), APP_OF_ROLE[role], 'src/main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
    const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const member = new ChildMember(name, role, child, `http://127.0.0.1:${port}`, this.options.onOutput);
    this.members.push(member);
    this.say(`${name} (pid ${child.pid}) starting on ${member.baseUrl}`);
    await member.ready(this.options.readyTimeoutMs ?? 180_000);
    this.say(`${name} ready`);
    return member;
  }
}

class ChildMember implements ClusterMember {
  private out = '';
  private partial = '';
  private exitCode?: number | null;
  private readonly exitedPromise: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly role: MemberRole,
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    onOutput?: (member: string, line: string) => void,
  ) {
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      this.out = (this.out + text).slice(-OUTPUT_KEPT);
      if (!onOutput) return;
      const lines = (this.partial + text).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) onOutput(name, line);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    this.exitedPromise = new Promise((done) =>
      child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? null : code);
        done(code);
      }),
    );
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get exited(): boolean {
    return this.exitCode !== undefined;
  }

  output(): string {
    return this.out;
  }

  async ready(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exited)
        throw new Error(`${this.name} exited with ${this.exitCode} before it was ready:\n${this.out}`);
      try {
        const res = await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await this.kill();
        throw new Error(`${this.name} did not become ready in ${timeoutMs} ms:\n${this.out}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async stop(graceMs = 45_000): Promise<number | null> {
    if (this.exited) return this.exitCode ?? null;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      return await this.exitedPromise;
    } finally {
      clearTimeout(timer);
    }
  }

  async kill(): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGKILL');
    await this.exitedPromise;
  }
}
