/**
 * Partial sort by quickselect (Hoare partition, middle pivot): afterwards
 * idx[0..k) hold the indices of the k smallest keys, in no particular order.
 * O(m) on average, in place, no allocation. Deterministic for equal input.
 */
export function selectSmallest(keys: Float64Array, idx: Int32Array, m: number, k: number): void {
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const pivot = keys[idx[(lo + hi) >> 1]];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[idx[i]] < pivot) i++;
      while (keys[idx[j]] > pivot) j--;
      if (i <= j) {
        const t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        i++;
        j--;
      }
    }
    // Keep only the side that holds position k - 1.
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
}
