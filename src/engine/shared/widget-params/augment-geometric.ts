import { OBJECT_CLASSES } from '../classes.ts';
import { knobOf, TRANSFORM_KNOBS } from '../augment-knobs.ts';
import { flag, intIn, numberIn, oneOf, type WidgetSpec } from './fields.ts';
import { FIRST_SCENE, sceneImage } from './images.ts';
import { SEED } from './basics.ts';

/** The amount a transform's slider offers (its range and start); the flips have none and take any number, which they ignore. */
function amountOf({ transform }: Readonly<Record<string, unknown>>) {
  const amount = knobOf(String(transform))?.amount;
  return amount ? numberIn(amount.min, amount.max, amount.start) : numberIn(-Infinity, Infinity, 1);
}

/** Widgets of the geometric transforms and Copy-Paste lessons. */
export const AUGMENT_GEOMETRIC_SPECS: Readonly<Record<string, WidgetSpec>> = {
  'transform-lab': {
    image: sceneImage(FIRST_SCENE),
    class: intIn(0, OBJECT_CLASSES.length - 1, undefined, 'fallback.firstObjectClass'),
    params: {
      transform: oneOf(
        TRANSFORM_KNOBS.map((k) => k.transform),
        'rotate',
      ),
      amount: amountOf,
      interpolation: oneOf(['bilinear', 'nearest'], 'bilinear'),
      border: oneOf(['constant', 'edge', 'reflect'], 'constant'),
      thenFlip: flag(false),
      outlines: flag(true),
    },
    seed: SEED(1),
  },
  'copy-paste-lab': { params: { target: intIn(0, 499, 22), source: intIn(0, 499, 23), p: numberIn(0, 1, 0.5), outlines: flag(true) }, seed: SEED(8) },
};
