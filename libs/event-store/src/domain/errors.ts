import { DomainError } from '@tthc/shared-kernel';

/** A conflicting append: someone else wrote to the stream since it was read. The API answers 409. */
export class WrongExpectedVersion extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'concurrency-conflict';
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${expected}`);
    this.name = 'WrongExpectedVersion';
  }

  override details(): Record<string, unknown> {
    return { streamId: this.streamId, expectedVersion: this.expected, actualVersion: this.actual };
  }
}

/** The same command id was sent again with a different request. The API answers 422. */
export class CommandIdReused extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'idempotency-key-reused';
  constructor(readonly commandId: string) {
    super(`Idempotency key ${commandId} was already used for a different request`);
    this.name = 'CommandIdReused';
  }
}
