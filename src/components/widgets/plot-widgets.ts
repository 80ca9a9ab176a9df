/** The widget kinds that draw with Observable Plot: a page with one loads Plot when it is first idle. */
export const PLOT_WIDGETS: ReadonlySet<string> = new Set(['deletion-insertion', 'embedding-map', 'invariance-probe', 'neighbour-explorer', 'style-gap', 'training-lab', 'tta-views']);
