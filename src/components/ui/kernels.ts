/** The convolution explorer's preset 3 x 3 kernels, row by row (kit.ts names them). */
export const KERNELS = {
  identity: { weights: [0, 0, 0, 0, 1, 0, 0, 0, 0] },
  'box-blur': { weights: Array<number>(9).fill(1 / 9) },
  sharpen: { weights: [0, -1, 0, -1, 5, -1, 0, -1, 0] },
  'horizontal-edge': { weights: [-1, -2, -1, 0, 0, 0, 1, 2, 1] },
  'vertical-edge': { weights: [-1, 0, 1, -2, 0, 2, -1, 0, 1] },
} as const satisfies Record<string, { weights: readonly number[] }>;

export type KernelName = keyof typeof KERNELS;

export function isKernelName(value: unknown): value is KernelName {
  return typeof value === 'string' && value in KERNELS;
}

/** Nine weights as three rows. */
export function asRows(weights: readonly number[]): number[][] {
  return [weights.slice(0, 3), weights.slice(3, 6), weights.slice(6, 9)];
}

/** The preset these weights equal, or 'custom'. */
export function presetOf(weights: readonly number[]): KernelName | 'custom' {
  const match = Object.entries(KERNELS).find(([, kernel]) => kernel.weights.every((w, i) => Math.abs(w - weights[i]!) < 5e-5));
  return (match?.[0] as KernelName | undefined) ?? 'custom';
}
