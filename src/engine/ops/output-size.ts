import { badArgument } from '../shared/errors.ts';

export interface OutputSizeInput {
  /** Input side N. */
  n: number;
  /** Kernel side K. */
  k: number;
  /** Zero padding P on each side. */
  p: number;
  /** Stride S. */
  s: number;
}

/**
 * Side of a convolution's or pooling's output. Pure arithmetic, no tensors: the
 * shapes calculator runs it on every keystroke and checks it against a real
 * convolution's output shape.
 *
 * @equation conv-output-size
 * O = floor((N + 2P - K) / S) + 1 (Dumoulin & Visin 2016, relationship 6).
 */
export function outputSize({ n, k, p, s }: OutputSizeInput): number {
  const check = (name: string, value: number, min: number) => {
    if (!Number.isInteger(value) || value < min) throw badArgument('outputSize', name, `an integer >= ${min}`, value);
  };
  check('n', n, 1);
  check('k', k, 1);
  check('p', p, 0);
  check('s', s, 1);
  if (n + 2 * p < k) throw badArgument('outputSize', 'k', `at most N + 2P = ${n + 2 * p}`, k, 'the kernel must fit in the padded input');
  return Math.floor((n + 2 * p - k) / s) + 1;
}

/** Input rows (and columns) that no window covers because the stride overshoots: (N + 2P - K) mod S. */
export function uncoveredRows({ n, k, p, s }: OutputSizeInput): number {
  return (n + 2 * p - k) % s;
}
