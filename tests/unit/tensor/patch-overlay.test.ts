import { describe, expect, it } from 'vitest';
import { overlayHeatmap } from '~/engine/tensor/heatmap.ts';
import { patchOverlay } from '~/engine/tensor/patch-overlay.ts';

describe('patchOverlay', () => {
  const image = Float32Array.from({ length: 4 * 4 * 3 }, (_, i) => (i % 7) / 7);

  it('draws each patch as one block scaled by the largest value, as overlayHeatmap draws the blown-up map', () => {
    // A 2 x 2 grid over a 4 x 4 image: patch (0, 1) is the largest, patch (1, 0) half of it.
    const drawn = patchOverlay(image, [0, 0.4, 0.2, 0], 4);
    const blocks = Float32Array.from(
      { length: 16 },
      (_, p) =>
        [
          [0, 1],
          [0.5, 0],
        ][Math.floor(p / 8)]![Math.floor((p % 4) / 2)]!,
    );
    expect(Array.from(drawn)).toEqual(Array.from(overlayHeatmap(image, blocks)));
  });

  it('draws a map of zeros as the bare image', () => {
    expect(Array.from(patchOverlay(image, [0, 0, 0, 0], 4))).toEqual(Array.from(overlayHeatmap(image, new Float32Array(16))));
  });
});
