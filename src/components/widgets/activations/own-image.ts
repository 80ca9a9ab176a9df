import type { ImageRef } from '~/engine/shared/state.ts';
import { centreSquare, decodeDataUrl, decodeFile, toDataUrl } from '~/components/ui/image-source.ts';
import { IMAGE_SIDE } from '~/engine/shared/image-side.ts';

/** An image the activation grid computes on: a held-out scene or the reader's own picture, 64 x 64. */
export interface GridImage {
  ref: ImageRef;
  /** side * side * 3 floats in [0, 1], row-major. */
  image: Float32Array;
  /** The same pixels as RGBA bytes, for drawing. */
  rgba: Uint8ClampedArray;
}


/** The reader's file, centre-cropped and scaled to 64 x 64 in this browser (it is never uploaded). */
export async function ownImage(file: File): Promise<GridImage> {
  const bitmap = await decodeFile(file);
  try {
    return fromPixels(centreSquare(bitmap, IMAGE_SIDE), file.name);
  } finally {
    bitmap.close();
  }
}

/** An own image saved in a state (its small data URL), decoded again. */
export async function restoreOwnImage(ref: Extract<ImageRef, { kind: 'upload' }>): Promise<GridImage | undefined> {
  if (!ref.dataUrl) return undefined;
  const bitmap = await decodeDataUrl(ref.dataUrl);
  try {
    return fromPixels(centreSquare(bitmap, IMAGE_SIDE), ref.name);
  } finally {
    bitmap.close();
  }
}

function fromPixels(pixels: ImageData, name: string): GridImage {
  const image = new Float32Array(IMAGE_SIDE * IMAGE_SIDE * 3);
  for (let p = 0; p < IMAGE_SIDE * IMAGE_SIDE; p++) for (let c = 0; c < 3; c++) image[p * 3 + c] = pixels.data[p * 4 + c]! / 255;
  const rgba = Uint8ClampedArray.from(pixels.data);
  for (let p = 0; p < IMAGE_SIDE * IMAGE_SIDE; p++) rgba[p * 4 + 3] = 255;
  return { ref: { kind: 'upload', name, dataUrl: toDataUrl(pixels) }, image, rgba };
}
