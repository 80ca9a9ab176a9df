import { outputSize, uncoveredRows, type OutputSizeInput } from '../ops/output-size.ts';
import { GlassboxError } from '../shared/errors.ts';
import { convolvedShape } from './convolution.ts';

export type { OutputSizeInput };

/** The shapes calculator's answer: the formula's O, the rows no window covers, and TensorFlow.js's own output shape. */
export type OutputShape = { o: number; lost: number; shape: [number, number] } | { error: string };

/**
 * O = floor((N + 2P - K) / S) + 1 for the reader's numbers, cross-checked by a
 * real convolution. Numbers the formula rejects come back as the reason, for
 * the widget to show in place of the formula.
 */
export async function outputShape(input: OutputSizeInput): Promise<OutputShape> {
  let o: number;
  try {
    o = outputSize(input);
  } catch (error) {
    if (error instanceof GlassboxError && error.code === 'bad-argument') return { error: error.message };
    throw error;
  }
  const shape = await convolvedShape(input.n, { k: input.k, padding: input.p, stride: input.s });
  return { o, lost: uncoveredRows(input), shape };
}
