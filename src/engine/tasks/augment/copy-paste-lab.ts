import { copyPaste, type CopyPasteOp } from '../../augment/mixing/copy-paste.ts';
import type { AugSample } from '../../augment/sample.ts';
import { createRng } from '../../shared/rng.ts';
import { datasetSample } from './samples.ts';

/** A held-out scene by its dataset name and index (SCENE_DATASETS). */
export interface SceneRef {
  dataset: string;
  index: number;
}

export interface CopyPasteLabView {
  /** Which of the source's objects were drawn for pasting. */
  op: CopyPasteOp;
  target: AugSample;
  source: AugSample;
  /** The target with the chosen source objects pasted on top: the target's surviving objects first, then the pasted ones. */
  result: AugSample;
  /** Each of the target's objects: its class and its visible pixels before and after the paste (0 after: dropped). */
  fates: { classIndex: number; before: number; after: number }[];
}

const area = (mask: Uint8Array) => mask.reduce((sum, v) => sum + v, 0);

/**
 * Simple Copy-Paste between two held-out scenes: each of the source's
 * objects is pasted, at its own place, with probability p drawn from the
 * seed; the target's objects lose the pixels the pasted ones cover.
 */
export async function copyPasteLab(target: SceneRef, source: SceneRef, p: number, seed: number): Promise<CopyPasteLabView> {
  const [a, b] = await Promise.all([datasetSample(target.dataset, target.index), datasetSample(source.dataset, source.index)]);
  const op = copyPaste.sample({ p }, createRng(seed));
  const result = copyPaste.apply(op, a, b);
  const pasted = new Uint8Array(a.size * a.size);
  b.masks.forEach((mask, k) => op.paste[k] && mask.forEach((v, i) => (pasted[i] ||= v)));
  const fates = a.masks.map((mask, k) => ({ classIndex: a.classes[k]!, before: area(mask), after: mask.reduce((sum, v, i) => sum + (v && !pasted[i] ? 1 : 0), 0) }));
  return { op, target: a, source: b, result, fates };
}
