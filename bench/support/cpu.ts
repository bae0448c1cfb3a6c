// Where a measurement's CPU went, from the kernel's counters (Linux /proc): the process under load, the
// PostgreSQL server's processes, and the whole machine. A ratio target needs the CPU to reach it; these
// figures say whether the machine had it (see the HTTP and scaling sections of the report).
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's counters (USER_HZ): 100 on every Linux build this runs on. */
const TICKS = 100;

/** CPU seconds since boot, all cores together: busy (user, nice, system, irq, softirq, steal) and idle. */
export interface MachineCpu {
  readonly busy: number;
  readonly idle: number;
}

export function machineCpu(): MachineCpu {
  try {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return { busy: (user + nice + system + irq + softirq + steal) / TICKS, idle: (idle + iowait) / TICKS };
  } catch {
    return { busy: Number.NaN, idle: Number.NaN };
  }
}

/** The share of the machine's CPU that was busy between two readings (0..1). */
export function busyShare(from: MachineCpu, to: MachineCpu): number {
  const busy = to.busy - from.busy;
  const idle = to.idle - from.idle;
  return busy + idle > 0 ? busy / (busy + idle) : Number.NaN;
}

/** User + system CPU seconds of one process (its threads included); NaN once it is gone. */
export function processCpuSeconds(pid: number): number {
  try {
    return cpuOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU seconds of the PostgreSQL server on this machine: every process named `postgres` (the postmaster and
 * its backends), with what the postmaster's backends that have ended had used (its reaped children's
 * time), so the total only grows while connections come and go. Zero when the server runs elsewhere
 * (DATABASE_URL to another host), which the caller reports as not measured.
 */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === 'postgres')
        total += cpuOfStat(stat) + childrenCpuOfStat(stat);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/** The fields after the command name, which may itself hold spaces (proc(5): the 3rd field on). */
const fieldsOf = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

function cpuOfStat(stat: string): number {
  const fields = fieldsOf(stat);
  return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime
}

function childrenCpuOfStat(stat: string): number {
  const fields = fieldsOf(stat);
  return (Number(fields[13]) + Number(fields[14])) / TICKS; // cutime, cstime: children waited for
}

/** One reading of all three, to subtract from a later one. */
export interface CpuReading {
  readonly process: number;
  readonly postgres: number;
  readonly machine: MachineCpu;
}

export function readCpu(pid: number): CpuReading {
  return { process: processCpuSeconds(pid), postgres: postgresCpuSeconds(), machine: machineCpu() };
}

/** Milliseconds of CPU per unit of work (a request) between two readings. */
export interface CpuPerUnit {
  /** The process under load. */
  readonly processMs: number;
  /** PostgreSQL's processes on this machine; NaN when none were seen working (the server is elsewhere). */
  readonly postgresMs: number;
  /** Every core of the machine, busy: the process, PostgreSQL, the load generator and anything else. */
  readonly machineMs: number;
  /** The share of the machine's CPU that was busy. */
  readonly busyShare: number;
}

export function cpuPerUnit(from: CpuReading, to: CpuReading, units: number): CpuPerUnit {
  const per = (seconds: number) => (units > 0 ? (seconds * 1000) / units : Number.NaN);
  const postgres = to.postgres - from.postgres;
  return {
    processMs: per(to.process - from.process),
    postgresMs: postgres > 0 ? per(postgres) : Number.NaN,
    machineMs: per(to.machine.busy - from.machine.busy),
    busyShare: busyShare(from.machine, to.machine),
  };
}
