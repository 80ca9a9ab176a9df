import { describe, expect, it } from 'vitest';
import type { LabRun } from '~/engine/train/lab/run.ts';
import { summarize } from '~/engine/train/lab/summary.ts';

const run = (policy: LabRun['policy'], seed: number, heldOut: number, pointing: number): LabRun => ({
  policy, seed, strength: null, epochs: 2,
  curves: [
    { epoch: 1, seconds: 1, trainLoss: 2, trainAccuracy: 0.1, heldOut: 0.01, unseen: 0.01, pointing: 0.01, pointingTolerant: 0.01 },
    { epoch: 2, seconds: 1, trainLoss: 1, trainAccuracy: 0.5, heldOut, unseen: 0.3, pointing, pointingTolerant: pointing },
  ],
});

describe('summarize', () => {
  it('takes the last epoch of each seed: mean, sample sd and the change from the baseline, by hand', () => {
    const table = summarize([run('cutmix', 2, 0.7, 0.8), run('none', 1, 0.5, 0.6), run('none', 2, 0.7, 0.6), run('none', 3, 0.6, 0.6), run('cutmix', 1, 0.5, 0.7)]);
    expect(table.map((r) => r.policy)).toEqual(['cutmix', 'none']);
    const [cutmix, none] = table;
    expect(none!.seeds).toEqual([1, 2, 3]);
    expect(none!.figures.heldOut.mean).toBeCloseTo(0.6, 12);
    // deviations -0.1, 0.1, 0: (0.01 + 0.01 + 0) / 2 = 0.01, sd 0.1
    expect(none!.figures.heldOut.sd).toBeCloseTo(0.1, 12);
    expect(none!.figures.pointing.sd).toBe(0);
    expect(none!.figures.heldOut.delta).toBe(0);
    expect(cutmix!.seeds).toEqual([1, 2]);
    expect(cutmix!.figures.heldOut.mean).toBeCloseTo(0.6, 12);
    expect(cutmix!.figures.heldOut.sd).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(cutmix!.figures.pointing.delta).toBeCloseTo(0.15, 12);
    expect(cutmix!.figures.unseen.delta).toBeCloseTo(0, 12);
  });

  it('has no delta without a baseline run', () => {
    expect(Number.isNaN(summarize([run('mixup', 1, 0.5, 0.5)])[0]!.figures.heldOut.delta)).toBe(true);
  });
});
