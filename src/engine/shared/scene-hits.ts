/**
 * Where a pixel falls among a scene's objects, on the exact visible masks the
 * engine returns with a scene: pure geometry on plain data, free of tfjs, so
 * a widget can hit-test a pointer or a map's peak without the engine.
 */

/** What hit-testing needs of a scene (a Glassbox Objects `Scene` fits). */
export interface MaskedScene {
  size: number;
  /** Objects back to front, each with its visible mask (size * size, row-major). */
  objects: readonly { mask: Uint8Array }[];
}

/** The object whose visible mask covers pixel (row, col), front-most first, or -1. */
export function objectAt(scene: MaskedScene, row: number, col: number): number {
  return scene.objects.findIndex((o) => o.mask[row * scene.size + col] === 1);
}

/** Euclidean distance in pixels from (row, col) to the nearest visible pixel of an object (Infinity if hidden). */
export function distanceToObject(scene: MaskedScene, objectIndex: number, row: number, col: number): number {
  const mask = scene.objects[objectIndex]?.mask;
  let best = Infinity;
  mask?.forEach((m, p) => {
    if (m) best = Math.min(best, Math.hypot(Math.floor(p / scene.size) - row, (p % scene.size) - col));
  });
  return best;
}
