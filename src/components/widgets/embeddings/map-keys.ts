/** Keyboard travel between the dots of a scatter map, for readers who do not use a pointer. */

/** Arrow keys as screen directions (y grows downwards). */
export const ARROWS: Record<string, readonly [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The dot to move to from dot `from` in direction (dx, dy): among the dots
 * strictly ahead, the one with the smallest distance ahead plus twice its
 * distance sideways, so the cursor follows the arrow rather than jumping to a
 * close dot off to one side. Returns `from` when nothing lies ahead.
 *
 * @param xs, ys screen positions of the dots
 */
export function stepToward(xs: ArrayLike<number>, ys: ArrayLike<number>, from: number, dx: number, dy: number): number {
  let best = from;
  let bestCost = Infinity;
  for (let i = 0; i < xs.length; i++) {
    const ax = xs[i]! - xs[from]!;
    const ay = ys[i]! - ys[from]!;
    const ahead = ax * dx + ay * dy;
    if (i === from || ahead <= 0) continue;
    const cost = ahead + 2 * Math.abs(ax * dy - ay * dx);
    if (cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  }
  return best;
}
