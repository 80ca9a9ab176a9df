/**
 * Large results leave the worker as transferred buffers. Structured cloning
 * copies a typed array twice, once in the worker and once on the page, and
 * the page's copy is one uninterrupted task: the embedding set's 24.6 MB of
 * thumbnails took 88 ms of the page's thread to receive. Here the worker
 * copies each large array into a fresh buffer (the engine may still hold
 * the original) and hands that buffer over, which costs the page nothing.
 */

/** Arrays smaller than this cross by cloning: their copy is quicker than the bookkeeping. */
export const TRANSFER_FROM_BYTES = 64 * 1024;

/** Every typed array: a view that copies itself into a fresh buffer. */
type Typed = ArrayBufferView & { slice(): ArrayBufferView };

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * `value` with every typed array of TRANSFER_FROM_BYTES or more, found in its
 * plain objects and arrays, replaced by a copy, and the copies' buffers to
 * transfer. `value` itself is left as it was: objects on the way to a copy
 * are rebuilt, the rest is shared.
 */
export function forTransfer<T>(value: T): { value: T; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const walk = (item: unknown): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    if (ArrayBuffer.isView(item)) {
      if (item instanceof DataView || item.byteLength < TRANSFER_FROM_BYTES) return item;
      const copy = (item as Typed).slice();
      transfer.push(copy.buffer as ArrayBuffer);
      return copy;
    }
    if (Array.isArray(item)) {
      const mapped = item.map(walk);
      return mapped.some((entry, i) => entry !== item[i]) ? mapped : item;
    }
    if (!isPlainObject(item)) return item;
    const entries = Object.entries(item).map(([key, entry]) => [key, walk(entry)] as const);
    return entries.some(([key, entry]) => entry !== item[key]) ? Object.fromEntries(entries) : item;
  };
  return { value: walk(value) as T, transfer };
}
