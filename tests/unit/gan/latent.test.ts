import { describe, expect, it } from 'vitest';
import { latentCode, latentCodes, latentWalk } from '~/engine/gan/latent.ts';

describe('latent codes', () => {
  it('draws code k of a stream alone, the same as in a batch', () => {
    const batch = latentCodes(90007, 3, 4, 5);
    expect(Array.from(batch.subarray(10, 15))).toEqual(Array.from(latentCode(90007, 5, 5)));
    expect(Array.from(latentCode(90007, 5, 5))).toEqual(Array.from(latentCode(90007, 5, 5)));
    expect(Array.from(latentCode(90007, 6, 5))).not.toEqual(Array.from(latentCode(90007, 5, 5)));
  });

  it('is standard normal: mean 0, variance 1, and a normal share within one standard deviation', () => {
    const z = latentCodes(1, 0, 2000, 64);
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const variance = z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length;
    const within = z.filter((v) => Math.abs(v) < 1).length / z.length;
    // 128,000 draws: standard errors about 0.003 (mean), 0.004 (variance), 0.0013 (share, 0.6827 for a normal).
    expect(Math.abs(mean)).toBeLessThan(0.012);
    expect(Math.abs(variance - 1)).toBeLessThan(0.016);
    expect(Math.abs(within - 0.6827)).toBeLessThan(0.006);
  });

  it('walks a straight line: z_t = (1 - t) z_a + t z_b, ends included', () => {
    const walk = latentWalk(Float32Array.from([2, -1]), Float32Array.from([-2, 3]), 5);
    // t = 0, 1/4, 1/2, 3/4, 1: the lesson's exercise is the second point, (1, 0).
    expect(Array.from(walk)).toEqual([2, -1, 1, 0, 0, 1, -1, 2, -2, 3]);
  });
});
