/**
 * The experiment's results table: for each policy, the mean and the sample
 * standard deviation over seeds of each figure after the last epoch, and the
 * mean's difference from the baseline's.
 */
import type { LabFigures } from './evaluate.ts';
import type { LabRun } from './run.ts';

export const SUMMARY_FIGURES = ['heldOut', 'unseen', 'pointing', 'pointingTolerant'] as const satisfies readonly (keyof LabFigures)[];

export interface FigureSummary {
  mean: number;
  /** Sample standard deviation (n - 1); 0 for one seed. */
  sd: number;
  /** mean - the baseline's mean; 0 for the baseline itself. */
  delta: number;
}

export interface PolicySummary {
  policy: string;
  seeds: number[];
  figures: Record<(typeof SUMMARY_FIGURES)[number], FigureSummary>;
}

function meanSd(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = values.length > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1)) : 0;
  return { mean, sd };
}

/**
 * One row per policy, in the order the runs first name them: for each figure
 * the mean over the policy's n seeds, the sample standard deviation (n - 1 in
 * the denominator) and the mean's difference from the mean of `baseline`.
 *
 * @equation seed-mean-sd
 * @param runs one run per (policy, seed); each figure is read after its last epoch
 */
export function summarize(runs: readonly LabRun[], baseline = 'none'): PolicySummary[] {
  const byPolicy = new Map<string, LabRun[]>();
  for (const run of runs) byPolicy.set(run.policy, [...(byPolicy.get(run.policy) ?? []), run]);
  const stats = (list: LabRun[], key: (typeof SUMMARY_FIGURES)[number]) => meanSd(list.map((r) => r.curves.at(-1)![key]));
  const base = byPolicy.get(baseline);
  return [...byPolicy].map(([policy, list]) => ({
    policy,
    seeds: list.map((r) => r.seed).sort((a, b) => a - b),
    figures: Object.fromEntries(SUMMARY_FIGURES.map((key) => {
      const { mean, sd } = stats(list, key);
      return [key, { mean, sd, delta: base ? mean - stats(base, key).mean : Number.NaN }];
    })) as PolicySummary['figures'],
  }));
}
