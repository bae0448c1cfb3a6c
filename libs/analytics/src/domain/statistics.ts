// Summary statistics of processing times. Percentiles interpolate linearly between the closest ranks, the
// definition of PostgreSQL's percentile_cont, so the figures computed in SQL and here are the same.

export interface Distribution {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
}

export function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const position = fraction * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Figures are rounded to 4 decimals (≈ 3 seconds of a working day) so that SQL and TypeScript agree. */
export function round4(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

export function distributionOf(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length === 0 ? null : sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return {
    count: sorted.length,
    mean: round4(mean),
    median: round4(percentile(sorted, 0.5)),
    p90: round4(percentile(sorted, 0.9)),
  };
}

/** Part of a whole in percent with 2 decimals; null when the whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((10_000 * part) / whole) / 100;
}
