import { randomUUID } from 'node:crypto';
import type { AttachmentMetadata } from '../domain/dossier';

/** A file's description as a caller sends it; the content itself lives in object storage. */
export interface AttachmentInput {
  readonly name: string;
  readonly mediaType: string;
  /** Bytes. */
  readonly size: number;
  /** Hex SHA-256 of the content. */
  readonly sha256: string;
  /** The procedure's required-document code this file answers, when known. */
  readonly documentCode?: string;
}

/**
 * The attachment as events record it, with an id of its own. Ids are made here, inside the command path and
 * after the request was hashed for idempotency, so that a retry of the same request is recognised.
 */
export function toAttachment(input: AttachmentInput): AttachmentMetadata {
  return {
    id: randomUUID(),
    fileName: input.name,
    mediaType: input.mediaType,
    sizeBytes: input.size,
    sha256: input.sha256.toLowerCase(),
    ...(input.documentCode === undefined ? {} : { documentCode: input.documentCode }),
  };
}
