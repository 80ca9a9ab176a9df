// Every widget kind and how to mount it, for the one boot script in WidgetFrame.astro.
// A widget's module is downloaded only when a widget of its kind nears the viewport.
export type Mount = (root: HTMLElement) => void;

export const WIDGETS: Record<string, () => Promise<Mount>> = {
  'activation-grid': () => import('./activations/activation-grid.ts').then((m) => m.mountActivationGrid),
  'cam-builder': () => import('./cam-builder.ts').then((m) => m.mountCamBuilder),
  'cam-gallery': () => import('./cam-gallery.ts').then((m) => m.mountCamGallery),
  'channel-mask': () => import('./activations/channel-mask.ts').then((m) => m.mountChannelMask),
  'class-viz-ascent': () => import('./class-viz/ascent.ts').then((m) => m.mountAscent),
  'class-viz-feature': () => import('./class-viz/feature.ts').then((m) => m.mountFeatureViz),
  'class-viz-gallery': () => import('./class-viz/gallery.ts').then((m) => m.mountGallery),
  'class-viz-regularizers': () => import('./class-viz/regularizers.ts').then((m) => m.mountRegularizers),
  'conv-explorer': () => import('./conv-explorer.ts').then((m) => m.mountConvExplorer),
  'deletion-insertion': () => import('./deletion-insertion.ts').then((m) => m.mountDeletionInsertion),
  'embedding-map': () => import('./embeddings/embedding-map.ts').then((m) => m.mountEmbeddingMap),
  'filter-gallery': () => import('./activations/filter-gallery.ts').then((m) => m.mountFilterGallery),
  'grad-cam-explorer': () => import('./grad-cam-explorer.ts').then((m) => m.mountGradCamExplorer),
  'guided-relu-example': () => import('./guided-relu-example.ts').then((m) => m.mountGuidedReluExample),
  'method-table': () => import('./method-table.ts').then((m) => m.mountMethodTable),
  'mixing-batch': () => import('./augment/mixing-batch.ts').then((m) => m.mountMixingBatch),
  'neighbour-explorer': () => import('./embeddings/neighbour-explorer.ts').then((m) => m.mountNeighbourExplorer),
  'objects-gallery': () => import('./objects-gallery.ts').then((m) => m.mountObjectsGallery),
  'occlusion-explorer': () => import('./occlusion-explorer.ts').then((m) => m.mountOcclusionExplorer),
  'policy-grid': () => import('./augment/policy-grid.ts').then((m) => m.mountPolicyGrid),
  'receptive-field': () => import('./patches/field-explorer.ts').then((m) => m.mountFieldExplorer),
  'relu-pool': () => import('./relu-pool.ts').then((m) => m.mountReluPool),
  'saliency-compare': () => import('./saliency-compare.ts').then((m) => m.mountSaliencyCompare),
  'sanity-check': () => import('./sanity-check.ts').then((m) => m.mountSanityCheck),
  'scene-composer': () => import('./scene-composer.ts').then((m) => m.mountSceneComposer),
  'shape-calculator': () => import('./shape-calculator.ts').then((m) => m.mountShapeCalculator),
  'top-patches': () => import('./patches/top-patches.ts').then((m) => m.mountTopPatches),
};
