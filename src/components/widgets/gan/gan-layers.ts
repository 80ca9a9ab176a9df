/** The generator layers the dissection widget offers (objects-gan's card lists their grids and units; widgets-gan.ts words them). */
export const LAYER_CHOICES = ['block1', 'block2'] as const;

/** Grid cells of a square of `pixels` image pixels at a layer of side `side`, for an image of side `image`. */
export const cellsFor = (pixels: number, side: number, image: number): number => Math.max(1, Math.round((pixels * side) / image));

/** The box of cells, [y0, x0, y1, x1), of `cells` x `cells` centred on image pixel (x, y), inside the grid. */
export function boxAt(x: number, y: number, side: number, image: number, cells: number): [number, number, number, number] {
  const start = (v: number) => Math.min(side - cells, Math.max(0, Math.round(((v + 0.5) * side) / image - cells / 2)));
  const [y0, x0] = [start(y), start(x)];
  return [y0, x0, y0 + cells, x0 + cells];
}
