import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../../scripts/data/load-atlas.ts';
import { composeScene, composerTemplate } from '~/engine/data/compose.ts';
import { distanceToObject, objectAt } from '~/engine/shared/scene-hits.ts';
import { pasteTemplate } from '~/engine/data/paste.ts';

const atlas = loadAtlas();
const layout = {
  background: 3,
  objects: [
    { classIndex: 0, cx: 18, cy: 19, longest: 26 },
    { classIndex: 4, cx: 30, cy: 30, longest: 26 },
  ],
};

describe('composeScene', () => {
  it('pastes with the generator and keeps exact visible masks (later objects in front)', () => {
    const scene = composeScene(atlas, layout);
    expect(scene.objects.map((o) => o.classIndex)).toEqual([0, 4]);
    const [cat, car] = scene.objects;
    // The car's mask is what pasteTemplate alone gives; the cat loses the pixels the car covers.
    const alone = (i: number) => {
      const o = layout.objects[i]!;
      const t = atlas.templates[composerTemplate(atlas, o.classIndex)]!;
      return pasteTemplate(new Float32Array(64 * 64 * 3), 64, atlas, t, { cx: o.cx, cy: o.cy, longest: o.longest, angle: 0, flip: false, brightness: 1 });
    };
    const [catAlone, carAlone] = [alone(0), alone(1)];
    expect(Array.from(car!.mask)).toEqual(Array.from(carAlone));
    catAlone.forEach((m, p) => expect(cat!.mask[p]).toBe(m && !carAlone[p] ? 1 : 0));
    expect(cat!.mask.some((m, p) => !m && catAlone[p])).toBe(true);
    // objectAt finds each object at its own pixels and nothing elsewhere.
    const p = car!.mask.indexOf(1);
    expect(objectAt(scene, Math.floor(p / 64), p % 64)).toBe(1);
    expect(objectAt(scene, 63, 0)).toBe(-1);
    expect(distanceToObject(scene, 1, Math.floor(p / 64), p % 64)).toBe(0);
    // One pixel above the car's top-most visible pixel (the first in row-major order).
    expect(distanceToObject(scene, 1, Math.floor(p / 64) - 1, p % 64)).toBe(1);
    const [x0, y0, x1, y1] = car!.box;
    expect(x1 - x0).toBeGreaterThan(10);
    expect(y1 - y0).toBeGreaterThan(10);
  });

  it('is deterministic, and the background number changes only the background', () => {
    const a = composeScene(atlas, layout);
    expect(Array.from(composeScene(atlas, layout).image)).toEqual(Array.from(a.image));
    const b = composeScene(atlas, { ...layout, background: 4 });
    expect(Array.from(b.image)).not.toEqual(Array.from(a.image));
    expect(b.objects.map((o) => Array.from(o.mask))).toEqual(a.objects.map((o) => Array.from(o.mask)));
  });

  it('refuses a class without a template', () => {
    expect(() => composerTemplate(atlas, 12)).toThrow('composerTemplate(classIndex)');
  });
});
