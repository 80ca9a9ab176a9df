import { OBJECT_CLASSES } from '../classes.ts';
import { OBJECTS_SPLITS } from '../splits.ts';
import { intIn, oneOf, type WidgetSpec } from './fields.ts';

const LAST = OBJECTS_SPLITS.ganCodes.count - 1;

/** Widgets of the GAN dissection lesson. */
export const GAN_WIDGET_SPECS: Readonly<Record<string, WidgetSpec>> = {
  'latent-viz-gallery': { params: {} },
  'gan-sampler': { params: { first: intIn(0, LAST - 7, 0), from: intIn(0, LAST, 0), to: intIn(0, LAST, 1) } },
  'gan-dissection': {
    params: {
      layer: oneOf(['block1', 'block2'], 'block1'),
      // Banana: the class objects-gan draws most often (59 of its card's 1,000 samples recognised), with the clearest units.
      class: intIn(0, OBJECT_CLASSES.length - 1, 6),
      units: intIn(1, 16, 8),
      sample: intIn(0, LAST, 0),
      mode: oneOf(['ablate', 'insert'], 'ablate'),
      x: intIn(0, 31, 16),
      y: intIn(0, 31, 16),
    },
  },
};
