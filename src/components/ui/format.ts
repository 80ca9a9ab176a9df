/**
 * How every widget prints a number: a true minus sign (U+2212), never "−0",
 * and percentages from fractions. Input fields keep ASCII (see kernel-editor).
 */
const MINUS = '\u2212';

function minus(text: string): string {
  // A value that rounds to zero prints without a sign.
  return text.replace(/^-(0(?:\.0*)?)$/, '$1').replace(/-/g, MINUS);
}

/** Fixed-point: `fixed(-0.1234, 2)` is "−0.12". */
export function fixed(value: number, digits = 2): string {
  return minus(value.toFixed(digits));
}

/** Integers plain, others to at most 4 decimals without trailing zeros: 2, 0.1111, −1.5. */
export function plain(value: number): string {
  return minus(String(Number.isInteger(value) ? value : Number(value.toFixed(4))));
}

/** Significant digits: `precise(0.0012345, 3)` is "0.00123". */
export function precise(value: number, digits = 3): string {
  return minus(value.toPrecision(digits));
}

/** A read-out that may be tiny: fixed-point, or one-digit scientific below 1e-3. */
export function signed(value: number, digits = 3): string {
  return minus(Math.abs(value) < 1e-3 && value !== 0 ? value.toExponential(1) : value.toFixed(digits));
}

/** A fraction as a percentage: `percent(0.9821)` is "98.2%". */
export function percent(fraction: number, digits = 1): string {
  return `${fixed(100 * fraction, digits)}%`;
}
