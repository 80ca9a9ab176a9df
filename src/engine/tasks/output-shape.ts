import { outputSize, outputSizeProblem, uncoveredRows, type OutputSizeInput, type OutputSizeProblem } from '../ops/output-size.ts';
import { convolvedShape } from './convolution.ts';

export type { OutputSizeInput, OutputSizeProblem };

/**
 * The shapes calculator's answer: the formula's O, the rows no window covers,
 * and TensorFlow.js's own output shape, or `null` where the convolution that
 * would give it is too large to run in the page.
 */
export type OutputShape = { o: number; lost: number; shape: [number, number] | null } | { problem: OutputSizeProblem };

/**
 * Largest cross-check run: O^2 K^2 multiply-adds and (N + 2P)^2 padded input
 * values. A 4096 x 4096 input with a 3 x 3 kernel passes; a 499 x 499 kernel on
 * it (about 10^12 multiply-adds) or P = 4096 (600 MB of zeros) does not.
 */
export const CROSS_CHECK_LIMIT = { work: 2e8, values: 2 ** 24 };

/**
 * O = floor((N + 2P - K) / S) + 1 for the reader's numbers, cross-checked by a
 * real convolution. Numbers the formula rejects come back as the reason, for
 * the widget to word in place of the formula.
 */
export async function outputShape(input: OutputSizeInput): Promise<OutputShape> {
  const problem = outputSizeProblem(input);
  if (problem) return { problem };
  const o = outputSize(input);
  const { n, k, p, s } = input;
  const small = o * o * k * k <= CROSS_CHECK_LIMIT.work && (n + 2 * p) ** 2 <= CROSS_CHECK_LIMIT.values;
  const shape = small ? await convolvedShape(n, { k, padding: p, stride: s }) : null;
  return { o, lost: uncoveredRows(input), shape };
}
