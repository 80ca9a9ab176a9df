import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../../scripts/data/load-atlas.ts';
import { sceneAt } from '~/engine/data/objects.ts';

const atlas = loadAtlas();

/** Least-squares fit of v = a + b x + c y over the given pixels; returns the largest residual. */
function planeResidual(points: { x: number; y: number; v: number }[]): number {
  // Normal equations of the 3-parameter fit, solved by Cramer's rule.
  const s = { n: 0, x: 0, y: 0, xx: 0, xy: 0, yy: 0, v: 0, xv: 0, yv: 0 };
  for (const { x, y, v } of points)
    Object.assign(s, {
      n: s.n + 1,
      x: s.x + x,
      y: s.y + y,
      xx: s.xx + x * x,
      xy: s.xy + x * y,
      yy: s.yy + y * y,
      v: s.v + v,
      xv: s.xv + x * v,
      yv: s.yv + y * v,
    });
  const det = (m: number[]) => m[0]! * (m[4]! * m[8]! - m[5]! * m[7]!) - m[1]! * (m[3]! * m[8]! - m[5]! * m[6]!) + m[2]! * (m[3]! * m[7]! - m[4]! * m[6]!);
  const m = [s.n, s.x, s.y, s.x, s.xx, s.xy, s.y, s.xy, s.yy];
  const d = det(m);
  const solve = (col: number) => det(m.map((value, i) => (i % 3 === col ? [s.v, s.xv, s.yv][Math.floor(i / 3)]! : value))) / d;
  const [a, b, c] = [solve(0), solve(1), solve(2)];
  return Math.max(...points.map(({ x, y, v }) => Math.abs(v - (a + b * x + c * y))));
}

describe('plain backgrounds', () => {
  it('are a flat colour or a linear gradient: off the object, every channel is a plane in x and y up to the scene noise', () => {
    let checked = 0;
    for (let index = 0; index < 20; index++) {
      const scene = sceneAt(atlas, 77, index, { backgrounds: 'plain' });
      const mask = scene.objects[0]!.mask;
      for (let c = 0; c < 3; c++) {
        const points = [];
        // Pixels away from the object (its antialiased rim blends into the background) and off the clamped range.
        for (let p = 0; p < 64 * 64; p++) {
          const [x, y] = [p % 64, Math.floor(p / 64)];
          const near = [-2, -1, 0, 1, 2].some((dy) =>
            [-2, -1, 0, 1, 2].some((dx) => mask[Math.min(63, Math.max(0, y + dy)) * 64 + Math.min(63, Math.max(0, x + dx))]),
          );
          const v = scene.image[p * 3 + c]!;
          if (!near && v > 0.04 && v < 0.96) points.push({ x, y, v });
        }
        if (points.length < 100) continue;
        expect(planeResidual(points)).toBeLessThan(0.07);
        checked++;
      }
    }
    // Channels clamped at 0 or 1 over most of the background are skipped; most are checked.
    expect(checked).toBeGreaterThan(50);
  });

  it('leave the default scenes as they were: the option changes nothing unless given', () => {
    expect(Array.from(sceneAt(atlas, 77, 3, { backgrounds: 'any' }).image)).toEqual(Array.from(sceneAt(atlas, 77, 3).image));
    // A default scene's backgrounds include photos and patterns, which no plane fits.
    const residuals = Array.from({ length: 20 }, (_, i) => {
      const scene = sceneAt(atlas, 77, i);
      const points = Array.from({ length: 64 * 64 }, (_, p) => ({ x: p % 64, y: Math.floor(p / 64), v: scene.image[p * 3]! })).filter(
        (_, p) => !scene.objects[0]!.mask[p],
      );
      return planeResidual(points);
    });
    expect(residuals.filter((r) => r > 0.2).length).toBeGreaterThan(5);
  });
});
