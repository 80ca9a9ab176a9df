/**
 * The eight TTA views made again in the test process with code of its own:
 * an exact mirror image, and 56/64 crops resampled bilinearly at pixel
 * centres (output centre u + 0.5 reads source x0 + (u + 0.5) * 7/8), the
 * edge repeated outside the image.
 */
const S = 64;
const W = 7 / 8;

function mirror(image: Float32Array): Float32Array {
  const out = new Float32Array(image.length);
  for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) for (let c = 0; c < 3; c++) out[(y * S + x) * 3 + c] = image[(y * S + (S - 1 - x)) * 3 + c]!;
  return out;
}

function crop(image: Float32Array, left: number, top: number): Float32Array {
  const out = new Float32Array(image.length);
  const at = (x: number, y: number, c: number) => image[(Math.min(S - 1, Math.max(0, y)) * S + Math.min(S - 1, Math.max(0, x))) * 3 + c]!;
  for (let v = 0; v < S; v++) {
    const fy = top * S + (v + 0.5) * W - 0.5;
    const y0 = Math.floor(fy);
    const b = fy - y0;
    for (let u = 0; u < S; u++) {
      const fx = left * S + (u + 0.5) * W - 0.5;
      const x0 = Math.floor(fx);
      const a = fx - x0;
      for (let c = 0; c < 3; c++) {
        out[(v * S + u) * 3 + c] = (1 - b) * ((1 - a) * at(x0, y0, c) + a * at(x0 + 1, y0, c)) + b * ((1 - a) * at(x0, y0 + 1, c) + a * at(x0 + 1, y0 + 1, c));
      }
    }
  }
  return out;
}

/** identity, mirror, centre, top-left, top-right, bottom-left, bottom-right, mirrored centre. */
export function referenceViews(image: Float32Array): Float32Array[] {
  const far = 1 - W;
  const mid = far / 2;
  return [image, mirror(image), crop(image, mid, mid), crop(image, 0, 0), crop(image, far, 0), crop(image, 0, far), crop(image, far, far), crop(mirror(image), mid, mid)];
}
