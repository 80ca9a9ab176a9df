import { describe, expect, it } from 'vitest';
import { stepToward } from '~/components/widgets/embeddings/map-keys.ts';

describe('stepToward', () => {
  // Screen coordinates, y down: 0 at the origin, 1 straight right, 2 right but well below,
  // 3 straight up, 4 a little left and below.
  const xs = [0, 10, 3, 0, -4];
  const ys = [0, 0, 5, -10, 1];

  it('follows the arrow: distance ahead plus twice the distance sideways', () => {
    expect(stepToward(xs, ys, 0, 1, 0)).toBe(1); // 1 costs 10 + 0, 2 costs 3 + 2 * 5 = 13
    expect(stepToward(xs, ys, 0, 0, 1)).toBe(4); // 4 costs 1 + 2 * 4 = 9, 2 costs 5 + 2 * 3 = 11
    expect(stepToward(xs, ys, 0, 0, -1)).toBe(3);
    expect(stepToward(xs, ys, 0, -1, 0)).toBe(4);
    expect(stepToward(xs, ys, 2, 0, -1)).toBe(0); // 0 costs 5 + 6 = 11, 1 costs 5 + 14 = 19, 3 costs 15 + 6 = 21
  });

  it('stays put when nothing lies ahead', () => {
    expect(stepToward(xs, ys, 1, 1, 0)).toBe(1);
    expect(stepToward(xs, ys, 3, 0, -1)).toBe(3);
  });
});
