// The class-visualization lesson's computations, collected for the task registry (names prefixed: one shared namespace).
export { vizRun, vizFrame, vizDispose } from './session.ts';
export { vizGallery, vizGalleryRecipe } from './gallery.ts';
export { vizLayers, type VizLayer } from './layers.ts';
export { VIZ_DEFAULTS, type RegularizerSwitches, type Recipe as VizRecipe, type Target as VizTarget } from '../../shared/class-viz-defaults.ts';
export type { VizFrame, Verdict as VizVerdict } from './frame.ts';
