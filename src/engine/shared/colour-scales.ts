/**
 * The book's colour scales, as RGB stops in 0-255: the engine colours maps with
 * them and the page draws their legends and bars from them, so a legend always
 * shows the colours the canvas has.
 */
export type Rgb = readonly [number, number, number];

/** Signed values: blue for negative, white at 0, red for positive (ColorBrewer RdBu ends). */
export const DIVERGING = { negative: [33, 102, 172], middle: [247, 247, 247], positive: [178, 24, 43] } as const satisfies Record<string, Rgb>;

/** Values from 0 to a maximum: black to white. */
export const GREY: readonly Rgb[] = [[0, 0, 0], [255, 255, 255]];

/**
 * Heatmaps in [0, 1]: 9 stops sampled from matplotlib's "inferno" (CC0),
 * perceptually ordered, readable in grey print and by colour-blind readers.
 */
export const INFERNO: readonly Rgb[] = [
  [0, 0, 4], [31, 12, 72], [85, 15, 109], [136, 34, 106], [186, 54, 85],
  [227, 89, 51], [249, 140, 10], [249, 201, 50], [252, 255, 164],
];

/** A stop as CSS. */
export function cssColour([r, g, b]: Rgb): string {
  return `rgb(${r} ${g} ${b})`;
}

/** Stops as a left-to-right CSS gradient, for a legend bar. */
export function cssGradient(stops: readonly Rgb[]): string {
  return `linear-gradient(to right, ${stops.map(cssColour).join(', ')})`;
}

/** The diverging scale's stops in order, negative to positive. */
export const DIVERGING_STOPS: readonly Rgb[] = [DIVERGING.negative, DIVERGING.middle, DIVERGING.positive];
