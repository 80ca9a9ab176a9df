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
export function outputSize(input: OutputSizeInput): number {
  const problem = outputSizeProblem(input);
  if (problem && 'min' in problem) throw badArgument('outputSize', problem.field, `an integer >= ${problem.min}`, input[problem.field]);
  if (problem) throw badArgument('outputSize', 'k', `at most N + 2P = ${problem.max}`, input.k, 'the kernel must fit in the padded input');
  const { n, k, p, s } = input;
  return Math.floor((n + 2 * p - k) / s) + 1;
}

/** Why numbers have no output size: a side that is not an integer at or above its least value, or a kernel larger than the padded input. */
export type OutputSizeProblem = { field: keyof OutputSizeInput; min: number } | { field: 'k'; max: number };

/** The first reason `outputSize` refuses these numbers, or undefined if it takes them. */
export function outputSizeProblem({ n, k, p, s }: OutputSizeInput): OutputSizeProblem | undefined {
  const least = [
    ['n', n, 1],
    ['k', k, 1],
    ['p', p, 0],
    ['s', s, 1],
  ] as const;
  for (const [field, value, min] of least) if (!Number.isInteger(value) || value < min) return { field, min };
  return n + 2 * p < k ? { field: 'k', max: n + 2 * p } : undefined;
}

/** Input rows (and columns) that no window covers because the stride overshoots: (N + 2P - K) mod S. */
export function uncoveredRows({ n, k, p, s }: OutputSizeInput): number {
  return (n + 2 * p - k) % s;
}
