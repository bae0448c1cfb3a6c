/**
 * Given/when/then for the dossier decider: given the events so far, when a command arrives, then these
 * events, or this error. Assertions use node:assert rather than Jest's globals, so the helper also
 * type-checks in the build.
 */
import { deepStrictEqual, fail, ok } from 'node:assert/strict';
import type { DomainError } from '@tthc/shared-kernel';
import { decide } from '../decide';
import type { DossierContext } from '../dossier-context';
import type { DossierCommand } from '../dossier-commands';
import type { DossierEvent } from '../dossier-events';
import { initialState, type DossierState } from '../dossier-state';
import { evolve } from '../evolve';

// Any DomainError subclass, whatever its constructor's parameters.
type ErrorClass<E extends DomainError> = abstract new (...args: never[]) => E;

/** The error a command must fail with; `details` is a subset of `error.details()`. */
export interface ExpectedError<E extends DomainError = DomainError> {
  readonly error: ErrorClass<E>;
  readonly details?: Record<string, unknown>;
}

type Outcome = { readonly events: DossierEvent[] } | { readonly error: unknown };

/**
 * Rebuilds arrays, plain objects and dates in this realm. Under Jest, values built by `structuredClone` (the
 * procedure library normalises definitions with it) come from another realm, and `deepStrictEqual` would
 * report "same structure but not reference-equal" prototypes. Dates stay dates, so a Date that slipped into
 * event data still differs from its ISO string.
 */
function sameRealm(value: unknown): unknown {
  if (Array.isArray(value)) return Array.from(value as unknown[], sameRealm);
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, sameRealm(member)]));
  }
  return value;
}

function assertEqual(actual: unknown, expected: unknown, message?: string): void {
  deepStrictEqual(sameRealm(actual), sameRealm(expected), message);
}

export function fold(events: readonly DossierEvent[]): DossierState {
  return events.reduce(evolve, initialState());
}

/** Runs commands one after another, as the command path would, and returns every event they produced. */
export function play(context: DossierContext, commands: readonly DossierCommand[]): DossierEvent[] {
  const events: DossierEvent[] = [];
  for (const command of commands) events.push(...decide(context, fold(events), command));
  return events;
}

export function dossierSpec(context: DossierContext) {
  return {
    given: (history: readonly DossierEvent[]) => ({
      when: (command: DossierCommand) => {
        const state = fold(history);
        const outcome = ((): Outcome => {
          try {
            return { events: decide(context, state, command) };
          } catch (error) {
            return { error };
          }
        })();
        const produced = (): DossierEvent[] => {
          if ('error' in outcome) {
            const error = outcome.error;
            fail(
              `${command.type} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
            );
          }
          // Every decided event must fold without surprise.
          fold([...history, ...outcome.events]);
          return outcome.events;
        };
        const thenThrows = <E extends DomainError>(expected: ExpectedError<E>): E => {
          if (!('error' in outcome)) {
            fail(
              `${command.type} succeeded with ${outcome.events.map((e) => e.type).join(', ') || 'no events'}`,
            );
          }
          const error = outcome.error;
          ok(error instanceof expected.error, `expected ${expected.error.name}, got ${String(error)}`);
          const details = error.details();
          for (const [key, value] of Object.entries(expected.details ?? {})) {
            assertEqual(details[key], value, `details.${key}`);
          }
          return error;
        };
        return {
          /** Exactly these events, or this error. */
          then: (expected: readonly DossierEvent[] | ExpectedError): void => {
            if (Array.isArray(expected)) assertEqual(produced(), expected);
            else thenThrows(expected as ExpectedError);
          },
          thenThrows,
          /** The produced events, for assertions on a part of them. */
          events: produced,
          /** The state after the produced events. */
          state: (): DossierState => fold([...history, ...produced()]),
        };
      },
    }),
  };
}
