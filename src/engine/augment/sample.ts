/**
 * What a transform moves: a square RGB image with its objects' boxes and
 * exact masks (Glassbox Objects has both), the targets albumentations and
 * torchvision v2 move together with the image.
 */
import type { Rng } from '../shared/rng.ts';

/** [x0, y0, x1, y1): pixel edges, so a box holds the pixels x0 <= x < x1, y0 <= y < y1; all 0 when empty. */
export type Box = [number, number, number, number];

export interface AugSample {
  /** Side in pixels. */
  size: number;
  /** size*size*3 floats in [0, 1], row-major RGB. */
  image: Float32Array;
  /** One box per object. */
  boxes: Box[];
  /** One mask per object, size*size, 1 on the object's visible pixels. */
  masks: Uint8Array[];
  /** One class index per object. */
  classes: number[];
}

/** Which targets a transform changes (the "targets" table of the lesson). */
export interface Touches {
  image: boolean;
  boxes: boolean;
  masks: boolean;
}

/**
 * A transform: `sample` holds all of its randomness, `apply` none, so one op
 * can be shown, replayed and applied to a whole batch.
 */
export interface Transform<Params, Op> {
  name: string;
  touches: Touches;
  sample(params: Params, rng: Rng): Op;
  apply(op: Op, input: AugSample): AugSample;
}

export const EMPTY_BOX: Box = [0, 0, 0, 0];
