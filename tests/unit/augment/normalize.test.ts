import { describe, expect, it } from 'vitest';
import { channelStats, normalize } from '~/engine/augment/normalize.ts';

describe('normalization', () => {
  it('measures each channel over all pixels of all images, worked by hand', () => {
    // Two 1-pixel images: red 0.2 and 0.6, green 0.5 twice, blue 0 and 1.
    const stats = channelStats([Float32Array.of(0.2, 0.5, 0), Float32Array.of(0.6, 0.5, 1)]);
    expect(stats.mean[0]).toBeCloseTo(0.4, 6);
    expect(stats.mean[1]).toBeCloseTo(0.5, 6);
    expect(stats.mean[2]).toBeCloseTo(0.5, 6);
    expect(stats.std[0]).toBeCloseTo(0.2, 6);
    expect(stats.std[1]).toBeCloseTo(0, 6);
    expect(stats.std[2]).toBeCloseTo(0.5, 6);
  });

  it('normalized images have mean 0 and deviation 1 in every channel', () => {
    const images = Array.from({ length: 5 }, (_, i) => Float32Array.from({ length: 48 }, (_, k) => ((k * 7 + i * 13) % 17) / 17 + (k % 3) * 0.1));
    const stats = channelStats(images);
    const again = channelStats(images.map((image) => normalize(image, stats)));
    again.mean.forEach((m) => expect(m).toBeCloseTo(0, 5));
    again.std.forEach((s) => expect(s).toBeCloseTo(1, 5));
    expect(() => normalize(images[0]!, { mean: [0, 0, 0], std: [1, 0, 1] })).toThrow(/normalize\(stats.std\)/);
    expect(() => channelStats([])).toThrow(/channelStats\(images\)/);
  });
});
