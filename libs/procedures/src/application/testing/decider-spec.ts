/**
 * Given/when/then for pure deciders: events in, a command, then the new events or the error out. Free of
 * test-runner globals (it is compiled with the library), so it works with any runner's assertions.
 *
 *   spec.given([drafted]).when(publish).then([published]);
 *   const error = spec.given([]).when(publish).thenThrows(ProcedureNotFound);
 */
import { deepStrictEqual } from 'node:assert/strict';

export interface Decider<Command, Event, State> {
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

/** JSON's view of a value: what an event looks like once stored. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: readonly Event[]) {
      const state = () => events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: Command) {
          const run = () => decider.decide(command, state());
          return {
            /** The exact events expected, or a function that inspects them and the state after them. */
            then(expected: readonly Event[] | ((events: Event[], after: State) => void)): void {
              const produced = run();
              if (typeof expected === 'function')
                expected(produced, produced.reduce(decider.evolve, state()));
              else deepStrictEqual(stored(produced), stored(expected));
            },
            /** @returns the error, for further checks; fails when none or another type is thrown. */
            thenThrows<E extends Error>(type: ErrorClass<E>): E {
              try {
                const produced = run();
                throw new Error(
                  `expected ${type.name}, but the decider produced ${JSON.stringify(produced)}`,
                );
              } catch (error) {
                if (error instanceof type) return error;
                throw error;
              }
            },
          };
        },
      };
    },
  };
}
