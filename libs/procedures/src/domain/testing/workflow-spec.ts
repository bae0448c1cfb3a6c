/**
 * Given/when/then for compiled procedures: given a dossier in a state, when a role performs an action with
 * some form data, then it moves to a state, or it is refused for a reason with the actions allowed instead.
 * Assertions use node:assert rather than Jest's globals, so this helper also type-checks in the build.
 */
import { deepStrictEqual, fail } from 'node:assert/strict';
import type { CompiledProcedure, NotAllowedReason } from '../compile';

export function workflowSpec(procedure: CompiledProcedure) {
  return {
    given: (state: string) => ({
      when: (action: string, role: string, formData: unknown = {}) => {
        const result = procedure.next(state, action, role, formData);
        return {
          then: (expected: string): void => {
            deepStrictEqual(result, { ok: true, state: expected, changed: expected !== state });
          },
          thenRefused: (reason: NotAllowedReason, allowedEvents?: readonly string[]): void => {
            if (result.ok) fail(`${action} by ${role} in ${state} was allowed (→ ${result.state})`);
            deepStrictEqual(result.reason, reason, result.message);
            if (allowedEvents !== undefined) {
              deepStrictEqual(
                result.allowed.map((a) => a.event),
                [...allowedEvents],
              );
            }
          },
        };
      },
    }),
  };
}

/** Plays a sequence of actions from a state and returns where the dossier ends up; fails on any refusal. */
export function walk(
  procedure: CompiledProcedure,
  from: string,
  actions: readonly (readonly [action: string, role: string])[],
  formData: unknown = {},
): string {
  return actions.reduce((state, [action, role]) => {
    const result = procedure.next(state, action, role, formData);
    if (!result.ok) throw new Error(`${action} by ${role} in ${state}: ${result.message}`);
    return result.state;
  }, from);
}
