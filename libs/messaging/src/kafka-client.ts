import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { KafkaConfig } from '@tthc/platform';

export interface KafkaLogSink {
  warn(message: string): void;
  error(message: string): void;
}

/** A KafkaJS client whose own logging goes to our logger, warnings and errors only. */
export function createKafka(config: KafkaConfig, sink: KafkaLogSink, clientSuffix = ''): Kafka {
  return new Kafka({
    clientId: `${config.clientId}${clientSuffix}`,
    brokers: config.brokers,
    logLevel: logLevel.WARN,
    retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 10000 },
    logCreator:
      () =>
      ({ namespace, level, log }: LogEntry) => {
        const line = `kafka ${namespace}: ${log.message}`;
        if (level <= logLevel.ERROR) sink.error(line);
        else sink.warn(line);
      },
  });
}
