/**
 * Glassbox Objects: the course's synthetic dataset. A scene is a background
 * with 1-3 emoji objects of distinct classes, each with its exact visible mask
 * and bounding box. Pure and seeded: the same atlas, seed and options give the
 * same pixels in Node (training) and in the browser (widgets).
 */
import { OBJECT_CLASSES } from '../shared/classes.ts';
import { TRAIN_STYLES } from './atlas.ts';
import type { ObjectAtlas } from './atlas.ts';
import { paintBackground, type BackgroundKinds } from './background.ts';
import { pasteTemplate, placementExtent, samplePlacement } from './paste.ts';
import type { Placement } from './paste.ts';
import { createRng, deriveSeed } from '../shared/rng.ts';
import type { Rng } from '../shared/rng.ts';

/** Options of `sampleScene`; every field has a default. */
export interface SceneOptions {
  /** Number of objects, 1-3, all of different classes (default 1). */
  count?: number;
  /** Emoji styles to draw from (default TRAIN_STYLES; pass [UNSEEN_STYLE] for the unseen-style split). */
  styles?: readonly string[];
  /** Canvas edge in pixels (default 64). */
  size?: number;
  /** Range of each object's longest side (default [20, 52] alone, [20, 32] in scenes). */
  objectSize?: [number, number];
  /** Maximum rotation in radians (default pi/6). */
  maxAngle?: number;
  /** Force these classes (indices into OBJECT_CLASSES) instead of drawing them. */
  classes?: readonly number[];
  /** Backgrounds to draw from (default 'any'; 'plain': a flat colour or a gradient). */
  backgrounds?: BackgroundKinds;
}

/** One object of a scene. */
export interface SceneObject {
  classIndex: number;
  /** Index into atlas.templates. */
  template: number;
  placement: Placement;
  /** Visible pixels (size*size, row-major), after occlusion by later objects. */
  mask: Uint8Array;
  /** Tight box of the visible mask: [x0, y0, x1, y1), pixels; all 0 if fully hidden. */
  box: [number, number, number, number];
}

/** A generated image with its ground truth. */
export interface Scene {
  size: number;
  /** size*size*3 floats in [0, 1], row-major RGB (NHWC without the batch axis). */
  image: Float32Array;
  objects: SceneObject[];
}

/** Box overlap (intersection over union) above which a placement is redrawn. */
const MAX_IOU = 0.1;
const PLACEMENT_TRIES = 30;

type Box = [number, number, number, number];

function iou(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = w * h;
  const area = (r: Box) => (r[2] - r[0]) * (r[3] - r[1]);
  return inter / (area(a) + area(b) - inter);
}

function maskBox(mask: Uint8Array, size: number): Box {
  let x0 = size, y0 = size, x1 = 0, y1 = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!mask[y * size + x]) continue;
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x >= x1) x1 = x + 1;
      if (y >= y1) y1 = y + 1;
    }
  }
  return x1 === 0 ? [0, 0, 0, 0] : [x0, y0, x1, y1];
}

function pickClasses(count: number, rng: Rng): number[] {
  const pool = OBJECT_CLASSES.map((_, i) => i);
  return Array.from({ length: count }, () => pool.splice(rng.int(pool.length), 1)[0]);
}

/** Draws one scene from `rng`. */
export function sampleScene(atlas: ObjectAtlas, rng: Rng, options: SceneOptions = {}): Scene {
  const count = options.count ?? 1;
  const size = options.size ?? 64;
  const styles = options.styles ?? TRAIN_STYLES;
  if (!Number.isInteger(count) || count < 1 || count > 3) {
    throw new Error(`sampleScene: options.count expected an integer in [1, 3], got ${count}`);
  }
  if (options.classes && options.classes.length !== count) {
    throw new Error(`sampleScene: options.classes expected ${count} classes, got ${options.classes.length}`);
  }
  const range = {
    longest: options.objectSize ?? (count === 1 ? [20, 52] : [20, 32]) as [number, number],
    maxAngle: options.maxAngle ?? Math.PI / 6,
  };
  const image = new Float32Array(size * size * 3);
  paintBackground(image, size, atlas, rng, options.backgrounds);
  const classes = options.classes ?? pickClasses(count, rng);
  const boxes: Box[] = [];
  const objects: SceneObject[] = classes.map((classIndex) => {
    const candidates = atlas.templates.flatMap((t, i) => (t.classIndex === classIndex && styles.includes(t.style) ? [i] : []));
    if (candidates.length === 0) {
      throw new Error(`sampleScene: no template of class ${classIndex} in styles [${styles.join(', ')}]; check the atlas`);
    }
    const template = candidates[rng.int(candidates.length)];
    const t = atlas.templates[template];
    let placement = samplePlacement(t, size, range, rng);
    let box: Box = [0, 0, 0, 0];
    for (let k = 0; k < PLACEMENT_TRIES; k++) {
      const [ex, ey] = placementExtent(t, placement);
      box = [placement.cx - ex, placement.cy - ey, placement.cx + ex, placement.cy + ey];
      if (boxes.every((b) => iou(b, box) <= MAX_IOU)) break;
      placement = samplePlacement(t, size, range, rng);
    }
    boxes.push(box);
    const mask = pasteTemplate(image, size, atlas, t, placement);
    return { classIndex, template, placement, mask, box: [0, 0, 0, 0] as Box };
  });
  // Later objects hide earlier ones: keep only the visible part of each mask.
  for (let i = 0; i < objects.length; i++) {
    for (let j = i + 1; j < objects.length; j++) {
      const later = objects[j].mask;
      objects[i].mask.forEach((m, p) => { if (m && later[p]) objects[i].mask[p] = 0; });
    }
    objects[i].box = maskBox(objects[i].mask, size);
  }
  const noise = rng.range(0, 0.03);
  for (let p = 0; p < image.length; p++) image[p] = Math.min(1, Math.max(0, image[p] + noise * (rng.next() * 2 - 1)));
  return { size, image, objects };
}

/** Scene number `index` of the stream `seed`: each sample can be regenerated on its own. */
export function sceneAt(atlas: ObjectAtlas, seed: number, index: number, options: SceneOptions = {}): Scene {
  return sampleScene(atlas, createRng(deriveSeed(seed, index)), options);
}

/**
 * Scenes start..start+n-1 of stream `seed` as one classification batch: x is
 * [n, size, size, 3] floats, y the class of each scene's first object.
 */
export function sceneBatch(atlas: ObjectAtlas, seed: number, start: number, n: number, options: SceneOptions = {}): { x: Float32Array; y: Int32Array; n: number } {
  const size = options.size ?? 64;
  const x = new Float32Array(n * size * size * 3);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const scene = sceneAt(atlas, seed, start + i, options);
    x.set(scene.image, i * size * size * 3);
    y[i] = scene.objects[0].classIndex;
  }
  return { x, y, n };
}
