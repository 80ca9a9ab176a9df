// The class-visualization lesson's computations, collected for the task registry (names prefixed: one shared namespace).
// The ascent and the gallery are sessions (registered in ../sessions.ts); only their types are exported here.
export type { ClassVizArgs } from './session.ts';
export type { GalleryArgs as VizGalleryArgs, GalleryProgress as VizGalleryProgress } from './gallery.ts';
export { vizLayers, type VizLayer } from './layers.ts';
export { VIZ_DEFAULTS, type RegularizerSwitches, type Recipe as VizRecipe, type Target as VizTarget } from '../../shared/class-viz-defaults.ts';
export type { VizFrame, Verdict as VizVerdict } from './frame.ts';
export type { LatentFrame, LatentGalleryArgs, LatentGalleryProgress } from './latent-gallery.ts';
