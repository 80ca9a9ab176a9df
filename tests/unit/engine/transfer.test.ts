import { describe, expect, it } from 'vitest';
import { forTransfer, TRANSFER_FROM_BYTES } from '~/engine/runtime/transfer.ts';

describe('forTransfer', () => {
  it('hands over copies of large arrays, found at any depth, and leaves the engine its own', () => {
    const big = new Float32Array(TRANSFER_FROM_BYTES / 4).map((_, i) => i);
    const rgb = new Uint8ClampedArray(TRANSFER_FROM_BYTES + 3).fill(7);
    const small = new Int32Array([1, -2, 3]);
    const result = { type: 'done', value: { features: big, nested: [{ rgb }, 'text'], small, n: 2 } };
    const sent = forTransfer(result);
    expect(sent.transfer).toHaveLength(2);
    const value = sent.value.value;
    expect(value.features).not.toBe(big);
    expect(Array.from(value.features.subarray(0, 4))).toEqual([0, 1, 2, 3]);
    expect(value.features[big.length - 1]).toBe(big.length - 1);
    expect((value.nested[0] as { rgb: Uint8ClampedArray }).rgb).toBeInstanceOf(Uint8ClampedArray);
    expect(value.nested[1]).toBe('text');
    expect(sent.transfer).toContain(value.features.buffer);
    expect(sent.transfer).toContain((value.nested[0] as { rgb: Uint8ClampedArray }).rgb.buffer);
    // Small arrays and everything without a large array are shared, not rebuilt.
    expect(value.small).toBe(small);
    // Transferring the copies (as postMessage does) detaches only them: the originals stay whole and unchanged.
    structuredClone(sent.value, { transfer: sent.transfer });
    expect(value.features.length).toBe(0);
    expect(big.length).toBe(TRANSFER_FROM_BYTES / 4);
    expect(rgb[rgb.length - 1]).toBe(7);
    expect(result.value.features).toBe(big);
  });

  it('copies only the view, not the rest of a shared buffer', () => {
    const whole = new Float32Array(3 * TRANSFER_FROM_BYTES);
    whole.fill(5, TRANSFER_FROM_BYTES, 2 * TRANSFER_FROM_BYTES);
    const view = whole.subarray(TRANSFER_FROM_BYTES, 2 * TRANSFER_FROM_BYTES);
    const sent = forTransfer({ view });
    expect(sent.value.view.buffer.byteLength).toBe(TRANSFER_FROM_BYTES * 4);
    expect(sent.value.view.every((x) => x === 5)).toBe(true);
  });

  it('leaves a reply with nothing large as it was', () => {
    const reply = { type: 'report', report: { progress: { done: 3, total: 9 }, map: new Float32Array(16) } };
    const sent = forTransfer(reply);
    expect(sent.value).toBe(reply);
    expect(sent.transfer).toEqual([]);
  });
});
