// Percentiles of a benchmark's samples (milliseconds), for every bench script to share.

export interface Stats { n: number; p50: number; p95: number; max: number }

/** Nearest-rank percentiles: p95 is the smallest sample with 95% of samples at or below it. */
export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}
