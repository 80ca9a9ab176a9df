import { describe, expect, it } from 'vitest';
import { overlayHeatmap } from '~/engine/tensor/heatmap.ts';

describe('heatmap overlay', () => {
  it('colours 0, 1 and a midpoint between stops by linear interpolation when nothing shows through', () => {
    // alpha 1 and map 1 cover the image; 1/16 is halfway between stop 0 (0,0,4) and stop 1 (31,12,72),
    // weighed by 1/16: (15.5, 6, 38) / 16 = (0.97, 0.375, 2.375) -> (1, 0, 2), with nothing of the black image.
    const out = overlayHeatmap(new Float32Array(9), Float32Array.from([0, 1, 1 / 16]), 1);
    expect(Array.from(out)).toEqual([0, 0, 0, 255, 252, 255, 164, 255, 1, 0, 2, 255]);
  });

  it('draws a NaN in the map as no heat, like 0', () => {
    const image = new Float32Array(6).fill(0.5);
    expect(Array.from(overlayHeatmap(image, Float32Array.from([Number.NaN, 1]), 0.5))).toEqual(Array.from(overlayHeatmap(image, Float32Array.from([0, 1]), 0.5)));
  });

  it('leaves the image where the map is 0 and blends where it is high', () => {
    const out = overlayHeatmap(new Float32Array(6).fill(0.5), Float32Array.from([0, 1]), 0.5);
    // 0: 127.5 -> 128 (half to even rounds 127.5 to 128); 1: 0.5 * 127.5 + 0.5 * (252, 255, 164)
    expect(Array.from(out)).toEqual([128, 128, 128, 255, 190, 191, 146, 255]);
  });

  it('clips the map to [0, 1]', () => {
    const out = overlayHeatmap(new Float32Array(6).fill(0.5), Float32Array.from([-3, 7]), 0.5);
    expect(Array.from(out)).toEqual([128, 128, 128, 255, 190, 191, 146, 255]);
  });
});
