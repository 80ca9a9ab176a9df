import { OBJECTS_SPLITS } from '../splits.ts';
import { SEED } from './basics.ts';
import { intIn, numberIn, oneOf, type WidgetSpec } from './fields.ts';
import { FIRST_SCENE, sceneImage } from './images.ts';

/** An image of the single-object held-out stream the mixing batch draws from. */
const HELD_OUT = (fallback: number) => intIn(0, OBJECTS_SPLITS.heldOut.count - 1, fallback);

/** Widgets of the erasing-and-mixing and augmentation-policies lessons. */
export const MIXING_POLICY_SPECS: Readonly<Record<string, WidgetSpec>> = {
  'mixing-batch': {
    params: { a: HELD_OUT(0), b: HELD_OUT(1), alpha: numberIn(0.1, 2, 1), cutoutSide: intIn(4, 48, 24), grid: oneOf([2, 4, 8], 4) },
    seed: SEED(1),
  },
  'policy-grid': {
    image: sceneImage(FIRST_SCENE),
    params: { policy: oneOf(['rand-augment', 'trivial-augment', 'auto-augment'], 'rand-augment'), n: intIn(0, 5, 2), m: intIn(0, 30, 9) },
    seed: SEED(1),
  },
};
