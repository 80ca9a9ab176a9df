import { intIn, oneOf, type WidgetSpec } from './fields.ts';
import { FIRST_OBJECT, sceneImage } from './images.ts';

/** Widgets of the "why augment" and test-time augmentation lessons, which measure the model on evaluation images. */
export const AUGMENT_EVALUATION_SPECS: Readonly<Record<string, WidgetSpec>> = {
  /** Fixed sizes: the prose quotes what these widgets measure on exactly these many images. */
  'style-gap': { params: { images: oneOf([500], 500) } },
  'channel-stats': { params: { scenes: oneOf([300], 300) } },
  'invariance-probe': {
    image: sceneImage(FIRST_OBJECT),
    params: { change: oneOf(['rotate', 'scale', 'brightness'], 'rotate'), step: intIn(0, 40, undefined, 'fallback.unchangedImage') },
  },
  'tta-measure': { params: { images: oneOf([50, 100, 500], 500) } },
  /** The widget itself keeps to its two one-object streams (objects-held-out-1, objects-unseen-1). */
  'tta-views': { image: sceneImage({ kind: 'dataset', dataset: 'objects-unseen-1', index: 22 }), params: {} },
};
