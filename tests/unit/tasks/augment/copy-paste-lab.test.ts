import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyPasteLab } from '~/engine/tasks/augment/copy-paste-lab.ts';
import { servePublic } from './public-fetch.ts';

// The task loads the site's atlas itself: here the site is the repository's public/ folder.
beforeAll(servePublic);
afterAll(() => vi.unstubAllGlobals());

const target = { dataset: 'objects-scenes-2', index: 22 };
const source = { dataset: 'objects-scenes-3', index: 23 };
const count = (mask: Uint8Array) => mask.reduce((s, v) => s + v, 0);

describe('copyPasteLab', () => {
  it('p = 0 pastes nothing: the result is the target', async () => {
    const view = await copyPasteLab(target, source, 0, 1);
    expect(view.op.paste.every((x) => !x)).toBe(true);
    expect(view.result.image).toEqual(view.target.image);
    expect(view.result.masks).toEqual(view.target.masks);
    expect(view.fates.map((f) => f.after)).toEqual(view.target.masks.map(count));
  });

  it("the lesson's starting view: seed 8 pastes the apple and the bird, which hide the car completely", async () => {
    const view = await copyPasteLab(target, source, 0.5, 8);
    expect(view.target.classes).toEqual([6, 4]);
    expect(view.source.classes).toEqual([5, 8, 3]);
    expect(view.op.paste.slice(0, 3)).toEqual([true, false, true]);
    expect(view.fates[1]!.after).toBe(0);
    expect(view.result.classes).toEqual([6, 5, 3]);
  });

  it('each target mask keeps exactly the pixels no pasted mask covers, and each pixel count adds up', async () => {
    const view = await copyPasteLab(target, source, 1, 1);
    const covered = (p: number) => view.source.masks.some((m) => m[p] === 1);
    view.target.masks.forEach((mask, k) => {
      let kept = 0;
      mask.forEach((v, p) => (kept += v && !covered(p) ? 1 : 0));
      expect(view.fates[k]!.after).toBe(kept);
      expect(view.fates[k]!.before).toBe(count(mask));
    });
    // Every pixel of the result comes from the source where pasted, from the target elsewhere.
    for (let p = 0; p < 64 * 64; p++) expect(view.result.image[3 * p]).toBe((covered(p) ? view.source : view.target).image[3 * p]);
  });
});
