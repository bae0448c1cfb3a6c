// The one short command path for the registry's pure deciders: load the stream, fold `evolve`, `decide`,
// append with the expected version (CommandExecutor retries on a lost race), and store the answer under the
// command id, all in one transaction.
import type { CommandExecutor, RecordedEvent } from '@tthc/event-store';
import type { RequestContext } from './request-context';

interface Message {
  readonly type: string;
  readonly data: unknown;
}

export interface DeciderSpec<Command extends Message, Event extends Message, State, Result> {
  readonly streamId: string;
  readonly streamType: string;
  readonly command: Command;
  readonly context: RequestContext;
  readonly now: Date;
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => Event[];
  /** The answer, from the state after the new events (and the events themselves). Must be JSON. */
  readonly result: (state: State, events: readonly Event[]) => Result;
}

export interface DeciderOutcome<Result> {
  readonly result: Result;
  /** True when the command id was seen before and this is the stored answer. */
  readonly replayed: boolean;
  /** How many events this call appended. */
  readonly appended: number;
}

export async function executeDecider<Command extends Message, Event extends Message, State, Result>(
  executor: CommandExecutor,
  spec: DeciderSpec<Command, Event, State, Result>,
): Promise<DeciderOutcome<Result>> {
  const { actor, correlationId, commandId } = spec.context;
  const outcome = await executor.execute<Result>({
    commandId,
    commandType: spec.command.type,
    request: { type: spec.command.type, data: spec.command.data },
    streamId: spec.streamId,
    streamType: spec.streamType,
    decide: (history: readonly RecordedEvent[]) => {
      const state = history
        .map((e) => ({ type: e.type, data: e.data }) as unknown as Event)
        .reduce(spec.evolve, spec.initialState());
      const events = spec.decide(spec.command, state);
      const after = events.reduce(spec.evolve, state);
      return {
        events: events.map((e) => ({
          type: e.type,
          data: e.data,
          metadata: {
            actor: { id: actor.id, role: actor.role, ...(actor.agency ? { agency: actor.agency } : {}) },
            correlationId,
          },
          occurredAt: spec.now,
        })),
        result: spec.result(after, events),
      };
    },
  });
  return { result: outcome.result, replayed: outcome.replayed, appended: outcome.events.length };
}
