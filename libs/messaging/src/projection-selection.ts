import type { Projection } from '@tthc/event-store';

/**
 * The projections a process builds (PROJECTIONS): all of them unless names are given. A name that is no
 * projection stops the process at start, so a typo cannot leave a read model unbuilt unnoticed.
 */
export function selectProjections(
  all: readonly Projection[],
  names: readonly string[] | undefined,
): Projection[] {
  if (names === undefined) return [...all];
  const known = new Map(all.map((p) => [p.name, p]));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new Error(
      `PROJECTIONS names no projection: ${unknown.join(', ')} (projections: ${[...known.keys()].join(', ')})`,
    );
  }
  return all.filter((p) => names.includes(p.name));
}
