import type { KafkaConfig } from '@tthc/platform';

/** The stream types the engine writes; one topic each, so consumers read only what they project. */
export const STREAM_TYPES = [
  'dossier',
  'procedure',
  'agency',
  'administrative-unit',
  'calendar',
  'applicant-key',
] as const;

export function topicFor(prefix: string, streamType: string): string {
  return `${prefix}.${streamType}.events`;
}

export function allTopics(config: KafkaConfig, streamTypes: readonly string[] = STREAM_TYPES): string[] {
  return streamTypes.map((t) => topicFor(config.topicPrefix, t));
}
