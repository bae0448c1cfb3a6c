/**
 * What every command carries besides its data: who asks, the correlation id of the request, and the
 * client's Idempotency-Key (the command id) when given. The clock is added by the handler.
 */
import type { RegistryActor } from './authorization';

export interface RequestContext {
  readonly actor: RegistryActor;
  readonly correlationId: string;
  /** The Idempotency-Key: a retry with the same key and request returns the first answer. */
  readonly commandId?: string;
}

/** Injection token of the registry's clock, `() => Date`; tests replace it. */
export const REGISTRY_CLOCK = Symbol('REGISTRY_CLOCK');
export type Clock = () => Date;
