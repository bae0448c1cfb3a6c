// What the figures were measured on, recorded beside them.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { readFileSync } from 'node:fs';

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly postgres?: string;
  readonly kafka?: string;
  readonly loadAverageAtStart: number[];
  readonly loadAverageAtEnd?: number[];
}

function kafkaVersion(): string | undefined {
  // The broker's version from its jar name (the local broker of scripts/kafka-local.sh).
  try {
    const out = execFileSync(
      'bash',
      ['-c', 'ls -d ${KAFKA_LOCAL_HOME:-$HOME/.cache/tthc-kafka}/kafka_* 2>/dev/null | head -1'],
      {
        encoding: 'utf8',
      },
    ).trim();
    return /kafka_[\d.]+-([\d.]+)/.exec(out)?.[1];
  } catch {
    return undefined;
  }
}

function osName(): string {
  try {
    const pretty = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    return `${pretty ?? osType()} (kernel ${release()})`;
  } catch {
    return `${osType()} ${release()}`;
  }
}

export function describeMachine(postgres?: string): Machine {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: osName(),
    node: process.version,
    postgres,
    kafka: process.env.KAFKA_BROKERS ? kafkaVersion() : undefined,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
