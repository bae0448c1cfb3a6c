// The built apps and CLIs as real child processes (like libs/testing's startEngine, but from the
// benchmark's own build under dist/.bench so that a concurrent `npm run build` cannot swap files under a
// running measurement), with their peak resident memory read from the kernel (VmHWM).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '@tthc/platform';
import { busyShare, machineCpu, postgresCpuSeconds, processCpuSeconds } from './cpu';
import { round, sleep } from './stats';

/** The root of the benchmark's build (dist/.bench): apps/, libs/, bench/. */
export const BUILD_ROOT = resolve(__dirname, '../..');

export interface AppProcess {
  readonly baseUrl: string;
  readonly pid: number;
  output(): string;
  /** Peak resident set size so far, MiB (VmHWM). */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

/** VmHWM / VmRSS of a live process, MiB; NaN once it is gone. */
export function memoryMiB(pid: number, field: 'VmHWM' | 'VmRSS' = 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return Number.NaN;
  }
}

/** Every child still running, so that an interrupted run can end them (see run.ts). */
const running = new Set<ChildProcess>();

export function killChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

function spawnNode(script: string, args: string[], env: Record<string, string | undefined>): ChildProcess {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_BROKERS: undefined,
    DATABASE_URL: undefined,
    ...env,
  };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  return spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean), script, ...args],
    {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Starts a built app (engine, api, projector) and waits until /health/ready answers. */
export async function startApp(
  app: 'engine' | 'api' | 'projector',
  env: Record<string, string | undefined>,
  timeoutMs = 120_000,
): Promise<AppProcess> {
  const port = await freePort();
  const child = spawnNode(resolve(BUILD_ROOT, `apps/${app}/src/main.js`), [], { ...env, PORT: String(port) });
  return watch(child, `http://127.0.0.1:${port}`, app, timeoutMs);
}

/** Any HTTP server script under the build root (the bare baseline), ready when GET /ready answers. */
export async function startScript(
  script: string,
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
): Promise<AppProcess> {
  const port = await freePort();
  const child = spawnNode(resolve(BUILD_ROOT, script), [], { ...env, PORT: String(port) });
  return watch(child, `http://127.0.0.1:${port}`, script, timeoutMs, '/ready');
}

async function watch(
  child: ChildProcess,
  baseUrl: string,
  name: string,
  timeoutMs: number,
  readyPath = '/health/ready',
): Promise<AppProcess> {
  let out = '';
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode}:\n${out.slice(-4000)}`);
    try {
      if ((await fetch(`${baseUrl}${readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become ready:\n${out.slice(-4000)}`);
    }
    await sleep(250);
  }
  const pid = child.pid ?? -1;
  return {
    baseUrl,
    pid,
    output: () => out,
    peakRssMiB: () => memoryMiB(pid),
    stop: async () => {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

export interface ToolRun {
  readonly code: number | null;
  readonly output: string;
  readonly seconds: number;
  /** Highest VmHWM seen while it ran (sampled every 100 ms), MiB. */
  readonly peakRssMiB: number;
  /** CPU seconds while it ran: its own (as last sampled, within 100 ms of its end), PostgreSQL's, and the machine's busy share. */
  readonly cpu: { toolSeconds: number; postgresSeconds: number; machineBusyShare: number };
}

/** Runs a built CLI to completion, sampling its peak memory. */
export async function runTool(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<ToolRun> {
  const started = performance.now();
  const before = { postgres: postgresCpuSeconds(), machine: machineCpu() };
  const child = spawnNode(resolve(BUILD_ROOT, script), args, env);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let peak = 0;
  let toolSeconds = 0;
  const sampler = setInterval(() => {
    const now = memoryMiB(child.pid ?? -1);
    if (Number.isFinite(now)) peak = Math.max(peak, now);
    const cpu = processCpuSeconds(child.pid ?? -1);
    if (Number.isFinite(cpu)) toolSeconds = cpu;
  }, 100);
  const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
  clearInterval(sampler);
  const after = { postgres: postgresCpuSeconds(), machine: machineCpu() };
  return {
    code,
    output,
    seconds: (performance.now() - started) / 1000,
    peakRssMiB: peak,
    cpu: {
      toolSeconds: round(toolSeconds),
      postgresSeconds: round(after.postgres - before.postgres),
      machineBusyShare: round(busyShare(before.machine, after.machine)),
    },
  };
}
