import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../../scripts/data/load-atlas.ts';
import { makeAtlas, TRAIN_STYLES, UNSEEN_STYLE } from '~/engine/data/atlas.ts';
import type { ObjectAtlas } from '~/engine/data/atlas.ts';
import { OBJECT_CLASSES } from '~/engine/shared/classes.ts';
import { sceneAt, sceneBatch } from '~/engine/data/objects.ts';
import { pasteTemplate } from '~/engine/data/paste.ts';

const atlas = loadAtlas();

/** An atlas holding one opaque 10x6 white rectangle and no photos. */
function rectangleAtlas(): ObjectAtlas {
  const emoji = { width: 10, height: 6, data: new Uint8Array(10 * 6 * 4).fill(255) };
  const template = { x: 0, y: 0, w: 10, h: 6, classIndex: 0, style: 'noto', emoji: 'box' };
  return makeAtlas({ templates: [template], backgrounds: [] }, emoji, { width: 1, height: 1, data: new Uint8Array(4) });
}

function maskRect(mask: Uint8Array, size: number): string {
  const on: string[] = [];
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (mask[y * size + x]) on.push(`${x},${y}`);
  return on.join(' ');
}

function rect(x0: number, y0: number, x1: number, y1: number): string {
  const on: string[] = [];
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) on.push(`${x},${y}`);
  return on.join(' ');
}

describe('pasteTemplate', () => {
  const a = rectangleAtlas();
  const base = { cx: 20, cy: 30, longest: 10, angle: 0, flip: false, brightness: 1 };

  it('masks exactly the pixels a 10x6 rectangle covers at scale 1', () => {
    const canvas = new Float32Array(64 * 64 * 3);
    const mask = pasteTemplate(canvas, 64, a, a.templates[0], base);
    expect(maskRect(mask, 64)).toBe(rect(15, 27, 25, 33));
    expect(canvas[(30 * 64 + 20) * 3]).toBeCloseTo(1, 6);
    expect(canvas[(30 * 64 + 40) * 3]).toBe(0);
  });

  it('swaps width and height under a quarter turn and ignores a flip of a symmetric shape', () => {
    const turned = pasteTemplate(new Float32Array(64 * 64 * 3), 64, a, a.templates[0], { ...base, angle: Math.PI / 2, flip: true });
    expect(maskRect(turned, 64)).toBe(rect(17, 25, 23, 35));
  });
});

describe('sampleScene', () => {
  it('is deterministic under a seed and index', () => {
    const a = sceneAt(atlas, 5, 17, { count: 3 });
    const b = sceneAt(atlas, 5, 17, { count: 3 });
    expect(Array.from(a.image)).toEqual(Array.from(b.image));
    expect(a.objects.map((o) => [o.classIndex, o.template, o.box])).toEqual(b.objects.map((o) => [o.classIndex, o.template, o.box]));
    expect(Array.from(sceneAt(atlas, 5, 18).image)).not.toEqual(Array.from(a.image));
  });

  it('gives distinct classes, disjoint visible masks and boxes that fit the masks', () => {
    for (let i = 0; i < 50; i++) {
      const scene = sceneAt(atlas, 11, i, { count: 2 + (i % 2) });
      const classes = scene.objects.map((o) => o.classIndex);
      expect(new Set(classes).size).toBe(classes.length);
      const owner = new Int8Array(64 * 64).fill(-1);
      scene.objects.forEach((o, k) => {
        let [x0, y0, x1, y1] = [64, 64, 0, 0];
        o.mask.forEach((m, p) => {
          if (!m) return;
          expect(owner[p]).toBe(-1);
          owner[p] = k;
          const x = p % 64;
          const y = Math.floor(p / 64);
          [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + 1), Math.max(y1, y + 1)];
        });
        expect(o.box).toEqual([x0, y0, x1, y1]);
        expect(x1 - x0).toBeGreaterThan(5);
      });
    }
  });

  it('draws classes evenly', () => {
    const { y } = sceneBatch(atlas, 3, 0, 2000);
    const counts = OBJECT_CLASSES.map((_, c) => y.filter((v) => v === c).length);
    for (const n of counts) expect(Math.abs(n - 200)).toBeLessThan(50);
  });

  it('keeps the unseen style out of the default (training) styles', () => {
    for (let i = 0; i < 300; i++) {
      for (const o of sceneAt(atlas, 9, i, { count: 2 }).objects) {
        expect(TRAIN_STYLES).toContain(atlas.templates[o.template].style);
      }
      expect(atlas.templates[sceneAt(atlas, 9, i, { styles: [UNSEEN_STYLE] }).objects[0].template].style).toBe(UNSEEN_STYLE);
    }
  });

  it('covers every class in every style in the atlas', () => {
    for (const style of [...TRAIN_STYLES, UNSEEN_STYLE]) {
      const classes = new Set(atlas.templates.filter((t) => t.style === style).map((t) => t.classIndex));
      expect(classes.size).toBe(OBJECT_CLASSES.length);
    }
  });

  it('rejects a bad object count with a message naming the option', () => {
    expect(() => sceneAt(atlas, 1, 0, { count: 4 })).toThrow(/sampleScene: options.count expected an integer in \[1, 3\], got 4/);
  });
});
