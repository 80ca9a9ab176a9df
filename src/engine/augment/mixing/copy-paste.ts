/**
 * Simple Copy-Paste (Ghiasi et al., 2021): a random subset of b's objects is
 * pasted, pixels under their masks, onto a. a's objects lose what the
 * pasted ones cover, boxes shrink to what stays visible, and an object
 * hidden completely is dropped.
 */
import { badArgument } from '../../shared/errors.ts';
import { fillRegion, occlude } from '../occlude.ts';
import { checkProbability } from '../params.ts';
import type { AugSample } from '../sample.ts';
import { bothObjects, type PairTransform } from './pair.ts';

export interface CopyPasteParams {
  /** Probability of pasting each of b's objects. */
  p: number;
}

export interface CopyPasteOp {
  /** Whether b's object k is pasted, for the first MAX_OBJECTS objects. */
  paste: boolean[];
}

/** Objects a scene may have whose pasting is drawn; Glassbox Objects scenes have at most three. */
export const MAX_OBJECTS = 8;

export const copyPaste: PairTransform<CopyPasteParams, CopyPasteOp, AugSample> = {
  name: 'copyPaste',
  touches: { image: true, boxes: true, masks: true },
  sample(params, rng) {
    checkProbability('copyPaste', params.p);
    return { paste: Array.from({ length: MAX_OBJECTS }, () => rng.chance(params.p)) };
  },
  apply(op, a, b) {
    const { size } = a;
    if (b.size !== size) throw badArgument('copyPaste', 'b', `an image of side ${size}`, b.size);
    const chosen = b.masks.map((_, k) => k).filter((k) => op.paste[k]);
    const pasted = new Uint8Array(size * size);
    for (const k of chosen) b.masks[k]!.forEach((v, p) => (pasted[p] ||= v));
    const image = fillRegion(a.image, pasted, (p, ch) => b.image[3 * p + ch]!);
    const kept = occlude(a, image, pasted);
    const moved = { ...b, masks: chosen.map((k) => b.masks[k]!), boxes: chosen.map((k) => b.boxes[k]!), classes: chosen.map((k) => b.classes[k]!) };
    return { size, image, ...bothObjects(kept, moved) };
  },
};
