import { OBJECT_CLASSES } from '../classes.ts';
import { DEFAULT_REGULARIZERS, VIZ_DEFAULTS } from '../class-viz-defaults.ts';
import { OBJECTS_SPLITS } from '../splits.ts';
import { flag, intIn, layerName, numberIn, oneOf, type WidgetSpec } from './fields.ts';

/** The class the class-visualisation widgets start from: banana. */
const VIZ_CLASS = intIn(0, OBJECT_CLASSES.length - 1, 6);

/** Widgets of the embedding and class-visualisation lessons. */
export const ANALYSIS_SPECS: Readonly<Record<string, WidgetSpec>> = {
  'neighbour-explorer': {
    params: { query: intIn(0, OBJECTS_SPLITS.heldOut.count - 1, 7), k: oneOf([5, 8, 10], 8), metric: oneOf(['cosine', 'euclidean'], 'cosine') },
  },
  'embedding-map': {
    params: {
      view: oneOf(['tsne', 'pca'], 'tsne'),
      perplexity: intIn(5, 50, 30),
      rate: oneOf(['auto', '10', '100', '200', '500', '1000'], 'auto'),
      iterations: oneOf([500, 750, 1000, 1500], 1000),
    },
  },
  'class-viz-ascent': {
    class: VIZ_CLASS,
    params: { lambda: numberIn(0, VIZ_DEFAULTS.plainLambdaMax, VIZ_DEFAULTS.plainLambda), steps: intIn(1, 1000, undefined, 'fallback.lessonSteps') },
  },
  'class-viz-regularizers': { class: VIZ_CLASS, params: Object.fromEntries(Object.entries(DEFAULT_REGULARIZERS).map(([name, on]) => [name, flag(on)])) },
  'class-viz-feature': { layer: layerName('last_relu'), params: { channel: intIn(0, 63, 10), recipe: oneOf(['fourier', 'pixel', 'none'], 'fourier') } },
  'class-viz-gallery': { params: {} },
};
