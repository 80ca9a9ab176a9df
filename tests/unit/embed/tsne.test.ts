import { describe, expect, it } from 'vitest';
import { knnAccuracy } from '~/engine/embed/nearest-neighbours.ts';
import { Tsne } from '~/engine/embed/tsne.ts';
import { tsneGradient, gradientScratch } from '~/engine/embed/tsne-gradient.ts';
import { gaussianBlobs } from './blobs.ts';

describe('Tsne', () => {
  it('separates 3 Gaussian blobs in 10-D: leave-one-out 5-NN accuracy > 0.95', () => {
    const { data, labels } = gaussianBlobs(3, 50, 10, 1);
    const layout = new Tsne({ perplexity: 20, seed: 3, iterations: 500 }).fit(data, 150, 10);
    expect(knnAccuracy(layout, labels, 5)).toBeGreaterThan(0.95);
  });

  it('is deterministic under a seed and matches the committed golden (n = 20)', () => {
    const { data } = gaussianBlobs(2, 10, 4, 11);
    const run = () => new Tsne({ perplexity: 5, seed: 42, iterations: 100 }).fit(data, 20, 4);
    const a = run();
    expect(run()).toEqual(a);
    expect(new Tsne({ perplexity: 5, seed: 43, iterations: 100 }).fit(data, 20, 4)).not.toEqual(a);
    // Golden: layout of points 0, 1 and 19 after 100 iterations (Float64 arithmetic, read as Float32).
    // Compared to 3 decimals so a last-bit difference in Math.exp between engines cannot fail it.
    [a[0], a[1], a[2], a[3], a[38], a[39]].forEach((v, k) => expect(v).toBeCloseTo(GOLDEN[k]!, 3));
  });

  it('gradient matches a finite difference of the KL cost', () => {
    const { data } = gaussianBlobs(2, 6, 3, 5);
    const tsne = new Tsne({ perplexity: 3, seed: 1, exaggerationIterations: 0 });
    tsne.init(data, 12, 3);
    tsne.step(5);
    const y = Float64Array.from(tsne.read());
    const grad = new Float64Array(24);
    tsneGradient(y, tsne.joint!.p!, 12, 1, grad, gradientScratch(12));
    const probe = new Tsne({ perplexity: 3 });
    const costAt = (yy: Float64Array) => {
      probe.init(data, 12, 3, new Float32Array(24));
      (probe as unknown as { y: Float64Array }).y = yy;
      return probe.cost();
    };
    const h = 1e-6;
    for (const k of [0, 5, 17]) {
      const up = Float64Array.from(y);
      const down = Float64Array.from(y);
      up[k]! += h;
      down[k]! -= h;
      expect(grad[k]).toBeCloseTo((costAt(up) - costAt(down)) / (2 * h), 4);
    }
  });

  it('lowers the KL cost as it iterates', () => {
    const { data } = gaussianBlobs(3, 10, 5, 2);
    const tsne = new Tsne({ perplexity: 8, seed: 0 });
    tsne.init(data, 30, 5);
    tsne.step(300);
    const mid = tsne.cost();
    tsne.step(200);
    expect(tsne.cost()).toBeLessThanOrEqual(mid);
  });

  it('calibrate spreads P over calls, and the run ends on the same layout as fit', () => {
    const { data } = gaussianBlobs(2, 10, 4, 11);
    const sync = new Tsne({ perplexity: 5, seed: 42, iterations: 1000 }).fit(data, 20, 4);
    const tsne = new Tsne({ perplexity: 5, seed: 42, iterations: 1000 });
    tsne.init(data, 20, 4);
    expect(tsne.target).toBe(1000);
    expect([tsne.calibrate(3), tsne.calibrate(0), tsne.joint!.p]).toEqual([3, 4, null]);
    expect(tsne.calibrate(100)).toBe(20);
    expect(tsne.joint!.p).not.toBeNull();
    for (const chunk of [1, 7, 92, 400, 500]) tsne.step(chunk);
    expect(tsne.iteration).toBe(1000);
    expect(tsne.read()).toEqual(sync);
  });

  it('names bad arguments and a missing init', () => {
    expect(() => new Tsne({ perplexity: 0 })).toThrow('Tsne(perplexity): expected a number > 0, got 0');
    expect(() => new Tsne().read()).toThrow('call init(data, n, d)');
    expect(() => new Tsne({ perplexity: 30 }).init(new Float32Array(20), 10, 2)).toThrow('Tsne.init(perplexity): expected less than n - 1 = 9, got 30');
    expect(() => new Tsne().init(new Float32Array(5), 10, 2)).toThrow('Tsne.init(data): expected n * d = 20 numbers, got 5');
  });
});

const GOLDEN = [5.1474, -2.3675, -2.2276, 2.2501, -4.3725, 3.3697];
