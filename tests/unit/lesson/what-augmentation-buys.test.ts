import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAB_POLICY_NAMES, LAB_REFERENCE } from '~/engine/shared/lab-policies.ts';
import type { LabRun } from '~/engine/train/lab/run.ts';
import { SUMMARY_FIGURES, type PolicySummary } from '~/engine/train/lab/summary.ts';

/**
 * The lesson quotes the experiment's figures in words; each must be one the
 * reference runs measured. The figures are recomputed here from the per-seed
 * runs (not from the lesson), and summary.json must agree with them.
 */
const lesson = readFileSync('content/lessons/what-augmentation-buys.mdx', 'utf8');
/** The lesson's text after the front matter, with inline and display math removed (worked arithmetic lives there). */
const prose = lesson.replace(/^---[\s\S]*?\n---\n/, '').replace(/\$[^$]*\$/g, ' ');
const summary = JSON.parse(readFileSync('public/experiments/summary.json', 'utf8')) as { table: PolicySummary[] };
const runs = Object.fromEntries(LAB_POLICY_NAMES.map((policy) => [
  policy,
  LAB_REFERENCE.seeds.map((seed) => JSON.parse(readFileSync(`public/experiments/${policy}/seed-${seed}.json`, 'utf8')) as LabRun),
]));
type Figure = (typeof SUMMARY_FIGURES)[number];

const last = (policy: string, key: Figure | 'trainAccuracy') => runs[policy]!.map((run) => run.curves.at(-1)![key]);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
const pct = (fraction: number, digits = 1) => (100 * fraction).toFixed(digits);

/** Every figure the lesson may quote, as printed with one decimal: means, sds, |deltas|, and single runs' last epochs. */
function measured(): Set<string> {
  const out = new Set<string>();
  for (const policy of LAB_POLICY_NAMES) {
    for (const key of [...SUMMARY_FIGURES, 'trainAccuracy'] as const) {
      const values = last(policy, key);
      for (const v of [mean(values), sd(values), Math.abs(mean(values) - mean(last('none', key))), ...values]) out.add(pct(v));
    }
  }
  return out;
}

/** One-decimal numbers in the prose, e.g. "10.9 points", "57.3%", "(3.3 and 5.3)". */
const quoted = (text: string) => [...text.matchAll(/(?<![\d.,])(\d{1,3}\.\d)(?!\d|\.\d)/g)].map((m) => m[1]!);
/** An exercise's numeric answer. */
const answer = (id: string) => Number(new RegExp(`id="${id}"\\s+answer=\\{([\\d.]+)\\}`).exec(lesson)?.[1]);

describe('what-augmentation-buys quotes only measured figures', () => {
  it('summary.json is the mean, sample sd and delta of the per-seed runs', () => {
    expect(summary.table.map((row) => row.policy)).toEqual(LAB_POLICY_NAMES);
    for (const row of summary.table) {
      expect(row.seeds).toEqual([...LAB_REFERENCE.seeds]);
      for (const key of SUMMARY_FIGURES) {
        const values = last(row.policy, key);
        expect(row.figures[key].mean).toBeCloseTo(mean(values), 12);
        expect(row.figures[key].sd).toBeCloseTo(sd(values), 12);
        expect(row.figures[key].delta).toBeCloseTo(mean(values) - mean(last('none', key)), 12);
      }
    }
  });

  it('every one-decimal figure in the prose is a measured one', () => {
    const figures = quoted(prose);
    expect(figures.length).toBeGreaterThan(20);
    const known = measured();
    expect(figures.filter((f) => !known.has(f))).toEqual([]);
  });

  it('every two-decimal percentage is a single run of the table', () => {
    const runsAt2 = new Set(LAB_POLICY_NAMES.flatMap((p) => SUMMARY_FIGURES.flatMap((k) => last(p, k).map((v) => pct(v, 2)))));
    const figures = [...prose.matchAll(/(\d{1,3}\.\d\d)%/g)].map((m) => m[1]!);
    expect(figures.filter((f) => !runsAt2.has(f))).toEqual([]);
  });

  it('states the headline effects with the right sign and size', () => {
    const delta = (policy: string, key: Figure) => mean(last(policy, key)) - mean(last('none', key));
    // The one clear effect, the costliest policy and Mixup's unseen-style change, as the lesson words them.
    expect(prose).toContain(`by ${pct(delta('flips-crops', 'pointing'))} points`);
    expect(delta('flips-crops', 'pointing')).toBeGreaterThan(Math.max(sd(last('none', 'pointing')), sd(last('flips-crops', 'pointing'))));
    expect(prose).toContain(`${pct(-delta('combination', 'heldOut'))}`);
    const costs = LAB_POLICY_NAMES.map((p) => [p, delta(p, 'heldOut')] as const).sort((a, b) => a[1] - b[1]);
    expect(costs[0]![0]).toBe('combination');
    expect(prose).toMatch(new RegExp(`Mixup[^.]*unseen[^.]*${pct(delta('mixup', 'unseen')).replace('.', '\\.')} points`));
  });

  it("the exercises' numeric answers are the reference runs' figures", () => {
    expect(answer('baseline-pointing')).toBeCloseTo(100 * mean(last('none', 'pointing')), 1);
    expect(answer('mean-sd-by-hand')).toBeCloseTo(100 * sd(last('flips-crops', 'pointing')), 2);
    const seeds = last('flips-crops', 'pointing').map((v) => `${pct(v, 2)}%`);
    expect(prose).toContain(`${seeds[0]}, ${seeds[1]} and ${seeds[2]}`);
    const first = runs['none']![0]!;
    expect(answer('training-images')).toBe(first.epochs * 2048);
    expect((first as LabRun & { trainingSet: string }).trainingSet).toBe('scenes 0..2047 of stream 4242');
  });
});
