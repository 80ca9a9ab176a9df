import type { BookModelId } from '~/engine/shared/models.ts';

/**
 * The shipped models each widget kind computes with (its defaults), so the
 * engine downloads them as soon as such a widget nears the viewport, while its
 * backend starts.
 */
export const WIDGET_MODELS: Record<string, readonly BookModelId[]> = {
  'activation-grid': ['objects-cnn'],
  'attention-explorer': ['objects-vit', 'objects-cnn'],
  'attention-table': ['objects-vit', 'objects-cnn'],
  'cam-builder': ['objects-cnn'],
  'cam-gallery': ['objects-cnn'],
  'channel-mask': ['objects-cnn'],
  'channel-stats': [],
  'class-viz-ascent': ['objects-cnn'],
  'class-viz-feature': ['objects-cnn'],
  'class-viz-gallery': ['objects-cnn', 'objects-cnn-b'],
  'class-viz-regularizers': ['objects-cnn', 'objects-cnn-b'],
  'conv-explorer': [],
  'copy-paste-lab': [],
  'deletion-insertion': ['objects-cnn'],
  'embedding-map': ['objects-cnn'],
  'filter-gallery': ['objects-cnn'],
  'grad-cam-explorer': ['objects-cnn'],
  'guided-relu-example': [],
  'invariance-probe': ['objects-cnn'],
  'method-table': ['objects-cnn'],
  'mixing-batch': ['objects-cnn'],
  'neighbour-explorer': ['objects-cnn'],
  'objects-gallery': [],
  'occlusion-explorer': ['objects-cnn'],
  'policy-grid': [],
  'receptive-field': ['objects-cnn'],
  'relu-pool': [],
  'saliency-compare': ['objects-cnn'],
  'sanity-check': ['objects-cnn'],
  'scene-composer': ['objects-cnn'],
  'segmentation-explorer': ['objects-segmenter'],
  'shape-calculator': [],
  'style-gap': ['objects-cnn'],
  'top-patches': ['objects-cnn'],
  'training-lab': [],
  'transform-lab': ['objects-cnn'],
  'tta-measure': ['objects-cnn'],
  'tta-views': ['objects-cnn'],
};
